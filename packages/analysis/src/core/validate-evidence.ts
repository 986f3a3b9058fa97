import { ValidationError } from '@linesight/model'
import { isCalendarDay } from './calendar.js'
import type { EventEvidence } from './evidence.js'

/** The list fields of an `EventEvidence`, each a list of identifiers (numbers, types, cells, event ids). */
const LIST_FIELDS = ['targets', 'others', 'types', 'directions', 'cells', 'ids'] as const
const TIME_FIELDS = ['from', 'to'] as const
const KNOWN = new Set<string>(['kind', 'count', ...LIST_FIELDS, ...TIME_FIELDS])

/** An object meant as one `EventEvidence` (it has a kind or one of its fields), rather than a record of parts. */
export const looksLikeEventEvidence = (value: Readonly<Record<string, unknown>>): boolean =>
  Object.keys(value).some((k) => KNOWN.has(k))

/** Binding a list costs microseconds an item: a cap keeps one request from holding the engine for minutes. */
export const MAX_EVIDENCE_LIST = 100_000
const MAX_IDENTIFIER = 128

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))?)?$/

const describe = (v: unknown): string =>
  v === null
    ? 'null'
    : Array.isArray(v)
      ? 'a list'
      : typeof v === 'string'
        ? JSON.stringify(v)
        : `a ${typeof v}`

/** A calendar date and clock time that exist (the engine would otherwise fail on `2024-02-30`). */
function isIsoTime(text: string): boolean {
  const m = ISO.exec(text)
  if (m === null) return false
  const n = (i: number): number => Number(m[i] ?? 0)
  return isCalendarDay(n(1), n(2), n(3)) && n(4) < 24 && n(5) < 60 && n(6) < 60 && n(7) < 24 && n(8) < 60
}

function identifierList(value: unknown, path: string): readonly string[] {
  if (!Array.isArray(value))
    throw new ValidationError(path, `expected a list of identifiers, got ${describe(value)}`)
  if (value.length > MAX_EVIDENCE_LIST)
    throw new ValidationError(
      path,
      `at most ${MAX_EVIDENCE_LIST} identifiers are allowed, got ${value.length}`,
    )
  value.forEach((x: unknown, i) => {
    if (typeof x !== 'string' || x.length === 0 || x.length > MAX_IDENTIFIER)
      throw new ValidationError(
        `${path}[${i}]`,
        `expected an identifier (text of 1 to 128 characters), got ${describe(x)}`,
      )
  })
  return Object.freeze([...(value as string[])])
}

/**
 * Checks one `EventEvidence` field by field, as it comes back from a user or a browser: unknown fields, wrong types,
 * times that do not exist and a missing count fail with the path of the field, before anything reaches the engine.
 *
 * @example
 * parseEventEvidence({ kind: 'events', ids: ['x'], count: 1 }, 'evidence')
 * // throws "At evidence.targets: is required: name at least one target number"
 */
export function parseEventEvidence(value: unknown, path = 'evidence'): EventEvidence {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new ValidationError(
      path,
      `expected an evidence object { kind: "events", targets, count }, got ${describe(value)}`,
    )
  const input = value as Record<string, unknown>
  if (input['kind'] === undefined)
    throw new ValidationError(`${path}.kind`, 'is required: "events" (a filter over the case\'s events)')
  if (input['kind'] !== 'events')
    throw new ValidationError(
      `${path}.kind`,
      `unknown evidence kind ${describe(input['kind'])}: only "events" evidence (a filter over the case's events) is known`,
    )
  for (const key of Object.keys(input))
    if (!KNOWN.has(key))
      throw new ValidationError(`${path}.${key}`, `unknown field (allowed: ${[...KNOWN].join(', ')})`)
  const out: Record<string, unknown> = { kind: 'events' }
  for (const key of LIST_FIELDS)
    if (input[key] !== undefined) out[key] = identifierList(input[key], `${path}.${key}`)
  if (out['targets'] === undefined)
    throw new ValidationError(`${path}.targets`, 'is required: name at least one target number')
  if ((out['targets'] as readonly string[]).length === 0)
    throw new ValidationError(`${path}.targets`, 'name at least one target number')
  for (const key of TIME_FIELDS) {
    const v = input[key]
    // Absent and null both mean "no bound".
    if (v === undefined || v === null) continue
    if (typeof v !== 'string' || !isIsoTime(v))
      throw new ValidationError(
        `${path}.${key}`,
        `expected an ISO 8601 time such as 2024-03-01T00:00:00Z, got ${describe(v)}`,
      )
    out[key] = v
  }
  const count = input['count']
  if (count === undefined)
    throw new ValidationError(`${path}.count`, 'is required: the number of rows the figure counts')
  if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 0)
    throw new ValidationError(
      `${path}.count`,
      `expected the number of rows the figure counts (a whole number), got ${describe(count)}`,
    )
  out['count'] = count
  return Object.freeze(out) as unknown as EventEvidence
}
