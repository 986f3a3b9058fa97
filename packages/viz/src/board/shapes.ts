import { columnsOf, type ColumnModel, type Row } from '../table/tables.js'

const E164 = /^\+\d{7,15}$/

/**
 * The field of a result's rows that names a phone number: a preferred name when its values look like E.164,
 * else the first column whose values all do. Null when no column holds numbers.
 */
export function numberField(rows: readonly Row[]): string | null {
  const columns = columnsOf(rows)
  const looksLikeNumbers = (key: string): boolean => {
    const values = rows.slice(0, 200).map((r) => r[key])
    const present = values.filter((v) => v !== null && v !== undefined)
    return present.length > 0 && present.every((v) => typeof v === 'string' && E164.test(v))
  }
  const preferred = ['number', 'msisdn', 'line', 'lineNumber', 'line_number', 'target', 'target_msisdn']
  for (const key of preferred) if (columns.some((c) => c.key === key) && looksLikeNumbers(key)) return key
  return columns.find((c) => c.kind === 'text' && looksLikeNumbers(c.key))?.key ?? null
}

/** A day-by-day series in rows: the date column and the numeric columns to chart. */
export interface SeriesShape {
  readonly dateKey: string
  readonly valueKeys: readonly string[]
}

export function seriesShape(columns: readonly ColumnModel[]): SeriesShape | null {
  const date =
    columns.find((c) => c.kind === 'date') ??
    columns.find((c) => c.kind === 'time' && /day|date/i.test(c.key))
  if (date === undefined) return null
  const values = columns.filter((c) => c.kind === 'number' && !/year|week|month|index|seq/i.test(c.key))
  return values.length === 0 ? null : { dateKey: date.key, valueKeys: values.slice(0, 4).map((c) => c.key) }
}

/** A from–to pair of time or date columns (a history of spans to draw on a time axis). */
export interface SpanShape {
  readonly fromKey: string
  readonly toKey: string
  readonly labelKey: string | null
}

const PAIRS: readonly (readonly [RegExp, RegExp])[] = [
  [/^(valid_?)?from(_utc)?$|^fromUtc$/i, /^(valid_?)?to(_utc)?$|^toUtc$/i],
  [/^first(_?seen)?(_utc)?$|^firstUtc$|^firstSeen$/i, /^last(_?seen)?(_utc)?$|^lastUtc$|^lastSeen$/i],
  [/^start(_utc)?$|^startUtc$/i, /^end(_utc)?$|^endUtc$/i],
]

export function spanShape(columns: readonly ColumnModel[]): SpanShape | null {
  const timeLike = columns.filter((c) => c.kind === 'time' || c.kind === 'date')
  for (const [f, t] of PAIRS) {
    const from = timeLike.find((c) => f.test(c.key))
    const to = timeLike.find((c) => t.test(c.key))
    if (from !== undefined && to !== undefined) {
      const label =
        columns.find((c) => /^(kind|identifier|value|msisdn|number|imei|imsi|id|role|label)$/i.test(c.key)) ??
        columns.find((c) => c.kind === 'text')
      return { fromKey: from.key, toKey: to.key, labelKey: label?.key ?? null }
    }
  }
  return null
}

/** Roles by number from any result rows that carry a number field and a `role` field. */
export function rolesFrom(rows: readonly Row[]): Map<string, string> {
  const key = numberField(rows)
  const out = new Map<string, string>()
  if (key === null) return out
  for (const r of rows) {
    const n = r[key]
    const role = r['role'] ?? r['roles'] ?? r['kind']
    if (typeof n === 'string' && typeof role === 'string' && !out.has(n)) out.set(n, role)
  }
  return out
}

/** Columns worth showing first on a board card: verdicts, scores and confidences. */
export const headlineColumns = (columns: readonly ColumnModel[]): ColumnModel[] =>
  columns.filter((c) => /verdict|score|confidence|status|level|role|label|class/i.test(c.key))
