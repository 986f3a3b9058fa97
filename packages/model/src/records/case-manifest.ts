import { ValidationError, literal, nonEmptyString, object, optional, string } from '../validate/validator.js'
import { isTimeZoneName, timeZoneProblem } from '../values/time-zone.js'
import type { CaseId } from '../values/branded.js'

/** `case.json` at the root of a case folder. Versioned: a case saved by an older release must still open. */
export interface CaseManifest {
  readonly format: 'linesight-case'
  readonly formatVersion: 1
  readonly id: CaseId
  readonly name: string
  readonly createdAt: string
  readonly createdBy: string
  /** Zone used for local times when a source declares none; stated in every import report that relies on it. */
  readonly defaultTimeZone: string
  readonly purpose?: string
}

export const CASE_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/

const manifestShape = object({
  format: literal('linesight-case'),
  formatVersion: literal('1'),
  id: nonEmptyString,
  name: string,
  createdAt: nonEmptyString,
  createdBy: nonEmptyString,
  defaultTimeZone: nonEmptyString,
  purpose: optional(string),
})

/** Validates a parsed `case.json`; the message names the bad key. */
export function validateCaseManifest(value: unknown, path = 'case.json'): CaseManifest {
  const v = value as { formatVersion?: unknown } | null
  // formatVersion is a number on disk; the literal validator works on text.
  const normalised = v && typeof v === 'object' ? { ...v, formatVersion: String(v.formatVersion) } : value
  const m = manifestShape.validate(normalised, path)
  if (!CASE_ID_PATTERN.test(m.id)) throw new Error(`At ${path}.id: "${m.id}" is not a valid case id`)
  if (!isTimeZoneName(m.defaultTimeZone))
    throw new ValidationError(`${path}.defaultTimeZone`, timeZoneProblem(m.defaultTimeZone))
  return { ...m, formatVersion: 1, id: m.id as CaseId }
}
