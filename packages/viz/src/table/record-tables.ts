import { isEvidenceValue } from '../evidence-value.js'
import { flattenRow, holdsEvidence, holdsFigures, isPlainRecord, type Row } from './flatten.js'
import { columnsOf, type TableModel } from './tables.js'

/** A list of records: it is a table of its own (`resultTables`), not a cell of its owner's row. */
const isRecordList = (v: unknown): boolean =>
  Array.isArray(v) && v.length > 0 && v.every(isPlainRecord) && !isEvidenceValue(v)

/** A record that is a figure: evidence among its fields (or their fields), or an `evidence` of no rows (`null`). */
const isFigureRecord = (v: unknown): v is Row =>
  holdsFigures(v) || (isPlainRecord(v) && v['evidence'] === null)

/**
 * The records at a result's top level that are figures (top-cells' `with_position`, `home`, `daytime`), each as a
 * table of one row, so their evidence opens as a table's does; `resultFacts` gives only scalars and `resultTables`
 * only lists. A record's lists of records are left out: `resultTables` shows them (`home.cells`). A figure of no rows
 * (`{ events: 0, evidence: null }`) is shown too, beside its siblings.
 *
 * @example
 * resultRecordTables({ target: '+441', home: { nights: 9, evidence, cells: [{ cell: 'c1' }] } })
 * // [{ path: 'home', columns: [nights:number, evidence:evidence], rows: [{ nights: 9, evidence }] }]
 */
export function resultRecordTables(value: unknown): TableModel[] {
  if (!isPlainRecord(value)) return []
  const out: TableModel[] = []
  for (const [k, v] of Object.entries(value)) {
    if (!isFigureRecord(v)) continue
    const own = Object.fromEntries(Object.entries(v).filter(([, x]) => !isRecordList(x)))
    const rows = [flattenRow(own, holdsEvidence)]
    out.push({ path: k, columns: columnsOf(rows), rows })
  }
  return out
}
