import { isEvidenceValue } from '../evidence-value.js'

/** One row of a table: any record found in a result. */
export type Row = Readonly<Record<string, unknown>>

export const isRecord = (v: unknown): v is Row => typeof v === 'object' && v !== null && !Array.isArray(v)

/** A record that is not evidence itself (a town, a period, a link's customers). */
export const isPlainRecord = (v: unknown): v is Row => isRecord(v) && !isEvidenceValue(v)

/** A plain record with a figure's evidence among its fields (a runner's home cell, a link's shared customers). */
export const holdsEvidence = (v: unknown): boolean =>
  isPlainRecord(v) && Object.values(v).some(isEvidenceValue)

/**
 * A plain record with evidence among its fields or its fields' fields (a quantity's basis: `{ customerDays: { value,
 * evidence } }`), so flattening it one level (`flattenRow(v, holdsEvidence)`) gives evidence columns.
 */
export const holdsFigures = (v: unknown): boolean =>
  holdsEvidence(v) || (isPlainRecord(v) && Object.values(v).some(holdsEvidence))

/**
 * Nested records (not evidence) become `outer.inner` columns, one level deep, so a table can show them; `which`
 * narrows that to some records (rows of lists inside rows flatten only those holding evidence, so the evidence
 * opens while a period stays one cell).
 */
export function flattenRow(row: Row, which: (v: unknown) => boolean = isPlainRecord): Row {
  if (!Object.values(row).some(which)) return row
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(row))
    if (which(v) && isRecord(v)) for (const [k2, v2] of Object.entries(v)) out[`${k}.${k2}`] = v2
    else out[k] = v
  return out
}
