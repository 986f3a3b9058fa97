import { ValidationError } from '@linesight/model'
import type { ParamSpec, Params } from '../../core/params.js'
import type { Window } from './pair-evidence.js'

/** The optional time window every contact analysis takes. */
export { WINDOW_PARAMS } from '../../core/window-params.js'

export const MATCH_TOLERANCE_PARAM = {
  type: 'integer',
  default: 2,
  min: 0,
  max: 600,
  unit: 'seconds',
  description:
    "How far apart the start times of an outgoing record in the sender's records and an incoming record of the same type in the receiver's records may be for them to count as one communication",
} as const satisfies ParamSpec

export const windowOf = (params: Params): Window => ({
  from: (params['from'] as string | null) ?? null,
  to: (params['to'] as string | null) ?? null,
})

/** A string-list parameter's values, trimmed, without repeats, in the order given. */
export function numberList(params: Params, name: string, path: string, atLeast: number): readonly string[] {
  const list = [...new Set((params[name] as readonly string[] | null) ?? [])]
  if (list.length < atLeast)
    throw new ValidationError(`${path}.${name}`, `needs at least ${atLeast} number(s), got ${list.length}`)
  return list
}

/** A required text parameter (its default is null, so it must be given). */
export function requiredText(params: Params, name: string, path: string): string {
  const v = params[name]
  if (typeof v !== 'string' || v === '') throw new ValidationError(`${path}.${name}`, 'is required')
  return v
}
