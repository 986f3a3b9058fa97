import { isEvidence } from '../evidence.js'
import { evidenceLabel, evidenceSummary, isEvidenceValue } from '../evidence-value.js'
import { flattenRow, holdsEvidence, holdsFigures, isPlainRecord, isRecord, type Row } from './flatten.js'

export type ColumnKind = 'number' | 'time' | 'date' | 'boolean' | 'evidence' | 'text' | 'list' | 'json'

export interface ColumnModel {
  readonly key: string
  readonly label: string
  readonly kind: ColumnKind
}

export type { Row } from './flatten.js'

export interface TableModel {
  /** Where in the result the rows were found, e.g. `contacts` or `lines[].history`. */
  readonly path: string
  readonly columns: readonly ColumnModel[]
  readonly rows: readonly Row[]
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

const isEmptyList = (v: unknown): boolean => Array.isArray(v) && v.length === 0

/** A real instant, not just the shape of one: 2024-02-31 has the shape but is no date. */
function isInstant(v: string): boolean {
  if (!ISO_TIME.test(v)) return false
  const t = Date.parse(/Z|[+-]\d{2}:?\d{2}$/.test(v) ? v : `${v.replace(' ', 'T')}Z`)
  return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === v.slice(0, 10)
}

/** Columns that hold text exactly as a source gave it: never reformatted, even when it looks like a time. */
const RAW_COLUMN = /raw|_text$|Text$|original/

function kindOf(values: readonly unknown[], key = ''): ColumnKind {
  if (RAW_COLUMN.test(key)) return 'text'
  const present = values.filter((v) => v !== null && v !== undefined)
  if (present.length === 0) return 'text'
  if (present.every((v) => typeof v === 'number')) return 'number'
  if (present.every((v) => typeof v === 'boolean')) return 'boolean'
  // Evidence of any shape; an empty list beside it is a figure of no rows.
  if (present.some(isEvidenceValue) && present.every((v) => isEvidenceValue(v) || isEmptyList(v)))
    return 'evidence'
  if (present.every((v) => typeof v === 'string' && ISO_DATE.test(v))) return 'date'
  if (present.every((v) => typeof v === 'string' && isInstant(v))) return 'time'
  if (present.every((v) => typeof v === 'string')) return 'text'
  if (present.every((v) => Array.isArray(v) && v.every((x) => typeof x !== 'object' || x === null)))
    return 'list'
  return 'json'
}

/** `first_utc` → `First utc`, `callsOut` → `Calls out`. */
export const labelOf = (key: string): string => {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_.]+/g, ' ')
    .trim()
    .toLowerCase()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

/** The columns of a list of records: every key seen in the first 500 rows, in first-seen order. */
export function columnsOf(rows: readonly Row[]): ColumnModel[] {
  const keys: string[] = []
  const seen = new Set<string>()
  for (const r of rows.slice(0, 500))
    for (const k of Object.keys(r))
      if (!seen.has(k)) {
        seen.add(k)
        keys.push(k)
      }
  return keys.map((key) => ({
    key,
    label: labelOf(key),
    kind: kindOf(
      rows.slice(0, 500).map((r) => r[key]),
      key,
    ),
  }))
}

/** How deep lists inside rows become tables: a line's runners (1), each runner's signals (2). */
const NESTED_LEVELS = 2

/** Each record's label as a parent: its own (a line's number), below its parent's (`line › runner`). */
const labelsOf = (records: readonly Row[], parents: readonly string[] | null): string[] =>
  records.map((r, i) => (parents === null ? parentLabel(r, i) : `${parents[i] ?? ''} › ${parentLabel(r, i)}`))

/** The fields of some records that any of them fills with a value passing `test`, in first-seen order. */
function keysWhere(records: readonly Row[], test: (v: unknown) => boolean): Set<string> {
  // Every row is read: a field may first hold a list far down (the 60th number's identity changes).
  const keys = new Set<string>()
  for (const r of records) for (const [k, x] of Object.entries(r)) if (test(x)) keys.add(k)
  return keys
}

/** A list holding records that is not itself evidence (a list of filters): it becomes a table. */
const isRecordList = (x: unknown): boolean => Array.isArray(x) && x.some(isRecord) && !isEvidenceValue(x)

/**
 * Lists of records inside rows (e.g. each line's history), one table per field, rows tagged with their parent
 * (`line › runner` below the first level); their own lists follow, so a signal's evidence inside a runner opens too.
 * Records inside rows (a line's customer base) are looked into as well: their lists become tables
 * (`lines[].customerBase.members`), and so do their records holding evidence (`lines[].quantity.basis`, one row
 * per parent), since the row's table shows those only as JSON.
 */
function nestedTables(
  records: readonly Row[],
  path: string,
  parents: readonly string[] | null,
  level: number,
  out: TableModel[],
): void {
  if (level > NESTED_LEVELS) return
  const own = labelsOf(records, parents)
  listTables(records, `${path}[]`, own, level, out)
  for (const k of keysWhere(records, isPlainRecord)) {
    const inner: Row[] = []
    const labels: string[] = []
    records.forEach((r, i) => {
      const x = r[k]
      if (isPlainRecord(x)) {
        inner.push(x)
        labels.push(own[i] ?? '')
      }
    })
    listTables(inner, `${path}[].${k}`, labels, level, out)
    figureTables(inner, `${path}[].${k}`, labels, out)
  }
}

/** The lists of records inside `records` as tables at `prefix.<field>`, each row tagged with its owner's label. */
function listTables(
  records: readonly Row[],
  prefix: string,
  labels: readonly string[],
  level: number,
  out: TableModel[],
): void {
  for (const k of keysWhere(records, isRecordList)) {
    const inner: Row[] = []
    const parents: string[] = []
    records.forEach((r, i) => {
      const xs = r[k]
      if (!Array.isArray(xs)) return
      for (const x of xs)
        if (isRecord(x)) {
          inner.push(x)
          parents.push(labels[i] ?? '')
        }
    })
    if (inner.length === 0) continue
    const flat = inner.map((x, i) => ({ parent: parents[i], ...flattenRow(x, holdsEvidence) }))
    out.push({ path: `${prefix}.${k}`, columns: columnsOf(flat), rows: flat })
    nestedTables(inner, `${prefix}.${k}`, parents, level + 1, out)
  }
}

/** The records holding evidence inside `records` as tables at `prefix.<field>`, one row per owner. */
function figureTables(
  records: readonly Row[],
  prefix: string,
  labels: readonly string[],
  out: TableModel[],
): void {
  for (const k of keysWhere(records, holdsFigures)) {
    const flat: Row[] = []
    records.forEach((r, i) => {
      const x = r[k]
      if (isPlainRecord(x)) flat.push({ parent: labels[i] ?? '', ...flattenRow(x, holdsEvidence) })
    })
    out.push({ path: `${prefix}.${k}`, columns: columnsOf(flat), rows: flat })
  }
}

/**
 * Every list of records inside a result, as a table, in the order found (depth-first, at most `maxDepth` levels).
 * An analysis written after this code still shows: whatever arrays of objects it returns become tables, and any
 * `evidence` field, of whatever shape (one filter, a list, named parts), becomes a column that opens the rows behind
 * the figure.
 */
export function resultTables(value: unknown, maxDepth = 3): TableModel[] {
  const out: TableModel[] = []
  const visit = (v: unknown, path: string, depth: number): void => {
    if (depth > maxDepth) return
    if (Array.isArray(v)) {
      const records = v.filter(isRecord)
      if (records.length > 0 && records.length === v.length && !isEvidenceValue(v)) {
        const flat = records.map((r) => flattenRow(r))
        const at = path === '' ? 'rows' : path
        out.push({ path: at, columns: columnsOf(flat), rows: flat })
        nestedTables(records, path, null, 1, out)
      }
      return
    }
    if (isPlainRecord(v))
      for (const [k, x] of Object.entries(v)) visit(x, path === '' ? k : `${path}.${k}`, depth + 1)
  }
  visit(value, '', 0)
  return out
}

/** The scalar fields of a result's top level (e.g. the target a ranking is about), for a caption. */
export function resultFacts(value: unknown): [string, string][] {
  if (!isRecord(value)) return []
  return Object.entries(value)
    .filter(([, v]) => v === null || ['string', 'number', 'boolean'].includes(typeof v))
    .map(([k, v]) => [labelOf(k), String(v)])
}

function parentLabel(row: Row, index: number): string {
  for (const k of ['number', 'msisdn', 'line', 'lineId', 'id', 'target', 'name'])
    if (typeof row[k] === 'string' || typeof row[k] === 'number') return String(row[k])
  return `#${index + 1}`
}

/** The text a cell shows (and exports). Times pass through `formatTime` so the zone is always named. */
export function cellText(value: unknown, kind: ColumnKind, formatTime: (iso: string) => string): string {
  if (value === null || value === undefined) return ''
  switch (kind) {
    case 'time':
      return typeof value === 'string' ? formatTime(value) : String(value)
    case 'evidence':
      return isEvidence(value) ? `${value.count} rows` : evidenceLabel(value)
    case 'list':
      return Array.isArray(value) ? value.join(', ') : String(value)
    case 'json':
      return summarise(value)
    case 'number':
    case 'date':
    case 'boolean':
    case 'text':
      return String(value)
  }
}

/**
 * Nested values in one cell, readably: a list of checks (`name` + `passed`) as ✓/✗ names, other lists of records
 * by count (the result's own table lists them in full), anything else as JSON.
 */
function summarise(value: unknown): string {
  if (Array.isArray(value) && value.every(isRecord)) {
    if (value.every((r) => typeof r['name'] === 'string' && typeof r['passed'] === 'boolean'))
      return value.map((r) => `${r['passed'] === true ? '✓' : '✗'} ${String(r['name'])}`).join('  ')
    return `${value.length} ${value.length === 1 ? 'record' : 'records'}`
  }
  return typeof value === 'object' ? JSON.stringify(value) : String(value)
}

const compareValues = (a: unknown, b: unknown, kind: ColumnKind): number => {
  const na = a === null || a === undefined
  const nb = b === null || b === undefined
  if (na || nb) return na && nb ? 0 : na ? 1 : -1
  if (kind === 'number') return (a as number) - (b as number)
  if (kind === 'evidence') return (evidenceSummary(a)?.count ?? 0) - (evidenceSummary(b)?.count ?? 0)
  const sa = typeof a === 'object' ? JSON.stringify(a) : String(a)
  const sb = typeof b === 'object' ? JSON.stringify(b) : String(b)
  return sa < sb ? -1 : sa > sb ? 1 : 0
}

/** Rows sorted by one column (missing values last in both directions); the sort is stable. */
export function sortRows(
  rows: readonly Row[],
  column: ColumnModel | null,
  direction: 'asc' | 'desc',
): readonly Row[] {
  if (column === null) return rows
  const sign = direction === 'asc' ? 1 : -1
  return rows
    .map((r, i) => [r, i] as const)
    .sort(([a, ia], [b, ib]) => {
      const va = a[column.key]
      const vb = b[column.key]
      const missing = (va === null || va === undefined ? 1 : 0) - (vb === null || vb === undefined ? 1 : 0)
      if (missing !== 0) return missing
      return sign * compareValues(va, vb, column.kind) || ia - ib
    })
    .map(([r]) => r)
}

/**
 * Rows whose shown text contains every word of the query (case-insensitive); a word `column:value` matches one
 * column only (by key or label).
 */
export function filterRows(
  rows: readonly Row[],
  columns: readonly ColumnModel[],
  query: string,
  formatTime: (iso: string) => string,
): readonly Row[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean)
  if (words.length === 0) return rows
  const tests = words.map((w) => {
    const i = w.indexOf(':')
    if (i > 0) {
      const name = w.slice(0, i)
      const col = columns.find((c) => c.key.toLowerCase() === name || c.label.toLowerCase() === name)
      if (col !== undefined) {
        const needle = w.slice(i + 1)
        return (r: Row): boolean => cellText(r[col.key], col.kind, formatTime).toLowerCase().includes(needle)
      }
    }
    return (r: Row): boolean =>
      columns.some((c) => cellText(r[c.key], c.kind, formatTime).toLowerCase().includes(w))
  })
  return rows.filter((r) => tests.every((t) => t(r)))
}
