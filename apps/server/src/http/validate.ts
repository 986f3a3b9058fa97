import { CASE_ID_PATTERN, isTimeZoneName, timeZoneProblem } from '@linesight/model'
import { HttpError } from './errors.js'

const ISO = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?)?$/
/** Numbers as stored: E.164, or the raw text of a short code or sender name (no control characters or commas). */
const IDENTIFIER = /^[^\s,\p{Cc}][^,\p{Cc}]{0,63}$/u

export function caseId(value: string | undefined): string {
  if (value === undefined || !CASE_ID_PATTERN.test(value))
    throw new HttpError(400, `"${value ?? ''}" is not a valid case id`, 'id')
  return value
}

/** A comma-separated list of identifiers from the query, at most `max`. */
export function identifierList(query: URLSearchParams, name: string, max: number): string[] {
  const raw = query.getAll(name).flatMap((v) => v.split(','))
  const list = [...new Set(raw.map((s) => s.trim()).filter((s) => s !== ''))]
  if (list.length > max) throw new HttpError(400, `at most ${max} values are allowed`, name)
  for (const v of list) if (!IDENTIFIER.test(v)) throw new HttpError(400, `"${v}" is not an identifier`, name)
  return list
}

/** An ISO 8601 date or UTC time from the query, normalised to `YYYY-MM-DDTHH:MM:SS` (UTC), or null when absent. */
export function isoTime(query: URLSearchParams, name: string): string | null {
  const v = query.get(name)
  if (v === null || v === '') return null
  return checkIso(v, name)
}

export function checkIso(v: string, path: string): string {
  const t = Date.parse(v.length === 10 ? `${v}T00:00:00Z` : /Z|[+-]\d{2}:\d{2}$/.test(v) ? v : `${v}Z`)
  if (!ISO.test(v) || !Number.isFinite(t))
    throw new HttpError(400, `"${v}" is not an ISO 8601 time such as 2024-03-01T00:00:00Z`, path)
  return new Date(t).toISOString().slice(0, 19)
}

export function integer(
  query: URLSearchParams,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const v = query.get(name)
  if (v === null || v === '') return fallback
  const n = Number(v)
  if (!Number.isSafeInteger(n) || n < min || n > max)
    throw new HttpError(400, `expected a whole number from ${min} to ${max}, got "${v}"`, name)
  return n
}

/** An IANA zone name that this runtime knows. */
export function zone(value: unknown, path: string): string {
  if (typeof value !== 'string') throw new HttpError(400, 'expected a time zone name', path)
  if (!isTimeZoneName(value)) throw new HttpError(400, timeZoneProblem(value), path)
  return value
}

export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/** A file name for an upload: no folders, no hidden files, printable, at most 200 characters. */
export function uploadName(value: string | undefined): string {
  const v = value ?? ''
  if (
    v.length === 0 ||
    v.length > 200 ||
    v.startsWith('.') ||
    /[/\\\p{Cc}]/u.test(v) ||
    v.endsWith('.partial')
  )
    throw new HttpError(400, `"${v}" is not an acceptable file name`, 'name')
  return v
}
