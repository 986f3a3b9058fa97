import { ValidationError } from '@linesight/model'
import { calendarProblem } from './calendar.js'
import { phoneGroupValue, phoneParamValue } from './phone-param.js'

/**
 * One parameter: its type, default, unit and meaning, so every result can print what it ran with.
 * `required: true` makes a parameter with no default mandatory: the run refuses until the analyst sets it.
 */
export type ParamSpec =
  | {
      readonly type: 'integer'
      readonly default: number | null
      readonly required?: boolean
      readonly min?: number
      readonly max?: number
      readonly unit?: string
      readonly description: string
    }
  | {
      readonly type: 'number'
      readonly default: number | null
      readonly required?: boolean
      readonly min?: number
      readonly max?: number
      readonly unit?: string
      readonly description: string
    }
  | { readonly type: 'boolean'; readonly default: boolean; readonly description: string }
  | {
      readonly type: 'string'
      readonly default: string | null
      readonly required?: boolean
      readonly description: string
      readonly pattern?: string
      /** A calendar date (YYYY-MM-DD) or an instant with its zone, checked against the calendar. */
      readonly calendar?: 'date' | 'instant'
      /** A phone number: given in any usual form, resolved to E.164 (`phoneParamValue`). */
      readonly phone?: true
    }
  | {
      readonly type: 'enum'
      readonly default: string
      readonly values: readonly string[]
      readonly description: string
    }
  | {
      readonly type: 'string-list'
      readonly default: readonly string[]
      readonly description: string
      /** Phone numbers: each item one number, or one line's numbers (`grouped`), resolved to E.164. */
      readonly phone?: 'each' | 'grouped'
    }

export type ParamSchema = Readonly<Record<string, ParamSpec>>
export type ParamValue = number | boolean | string | null | readonly string[]
export type Params = Readonly<Record<string, ParamValue>>

const parseOne = (name: string, spec: ParamSpec, raw: unknown, path: string): ParamValue => {
  const at = `${path}.${name}`
  if (raw === null && 'default' in spec && spec.default === null) return null
  switch (spec.type) {
    case 'integer':
    case 'number': {
      const n = typeof raw === 'string' ? Number(raw) : raw
      if (typeof n !== 'number' || !Number.isFinite(n))
        throw new ValidationError(at, `expected a number, got ${JSON.stringify(raw)}`)
      if (spec.type === 'integer' && !Number.isInteger(n))
        throw new ValidationError(at, `expected a whole number, got ${n}`)
      if (spec.min !== undefined && n < spec.min)
        throw new ValidationError(at, `must be at least ${spec.min}, got ${n}`)
      if (spec.max !== undefined && n > spec.max)
        throw new ValidationError(at, `must be at most ${spec.max}, got ${n}`)
      return n
    }
    case 'boolean':
      if (raw === true || raw === 'true') return true
      if (raw === false || raw === 'false') return false
      throw new ValidationError(at, `expected true or false, got ${JSON.stringify(raw)}`)
    case 'string': {
      if (typeof raw !== 'string') throw new ValidationError(at, `expected text, got ${JSON.stringify(raw)}`)
      const value = spec.phone === true ? phoneParamValue(raw, at) : raw
      if (spec.pattern !== undefined && !new RegExp(spec.pattern).test(value))
        throw new ValidationError(at, `"${value}" does not match ${spec.pattern}`)
      if (spec.calendar !== undefined) {
        const problem = calendarProblem(value, spec.calendar)
        if (problem !== null) throw new ValidationError(at, problem)
      }
      return value
    }
    case 'enum':
      if (typeof raw !== 'string' || !spec.values.includes(raw))
        throw new ValidationError(at, `expected one of ${spec.values.join(', ')}, got ${JSON.stringify(raw)}`)
      return raw
    case 'string-list': {
      const list =
        typeof raw === 'string'
          ? raw
              .split(',')
              .map((s) => s.trim())
              .filter((s) => s !== '')
          : raw
      if (!Array.isArray(list) || !list.every((x) => typeof x === 'string'))
        throw new ValidationError(at, `expected a list of text values`)
      const items = list as string[]
      if (spec.phone === 'each') return Object.freeze(items.map((x, i) => phoneParamValue(x, `${at}[${i}]`)))
      if (spec.phone === 'grouped')
        return Object.freeze(items.map((x, i) => phoneGroupValue(x, `${at}[${i}]`)))
      return Object.freeze([...items])
    }
  }
}

/**
 * Fills defaults and validates given values against a schema. Unknown names fail (a typo must not silently fall back
 * to a default); so does a required parameter (default null) left unset.
 */
export function resolveParams(
  schema: ParamSchema,
  given: Readonly<Record<string, unknown>>,
  path = 'params',
): Params {
  for (const name of Object.keys(given))
    if (!(name in schema))
      throw new ValidationError(
        `${path}.${name}`,
        `unknown parameter (known: ${Object.keys(schema).join(', ')})`,
      )
  const out: Record<string, ParamValue> = {}
  for (const [name, spec] of Object.entries(schema)) {
    const raw = given[name]
    if ((raw === undefined || raw === null) && 'required' in spec && spec.required === true)
      throw new ValidationError(`${path}.${name}`, `is required: ${spec.description}`)
    out[name] = raw === undefined ? spec.default : parseOne(name, spec, raw, path)
  }
  return Object.freeze(out)
}

/** A parameter set's canonical text, for digests: keys sorted, so the same values always give the same bytes. */
export const canonicalParams = (params: Params): string =>
  JSON.stringify(Object.fromEntries(Object.entries(params).sort(([a], [b]) => a.localeCompare(b))))
