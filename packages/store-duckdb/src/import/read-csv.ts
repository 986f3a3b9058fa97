import type { DelimitedSource } from '@linesight/model'
import { literal } from '../sql/quote.js'

/** The largest single line we read; longer lines become a reject with their first bytes kept. */
export const MAX_LINE_BYTES = 8 * 1024 * 1024

/**
 * `read_csv` with every column declared as text: types come from the plan, never from sniffing. Parse failures
 * (wrong field count, unterminated quotes, over-long lines) go to a rejects table with their line, not into silence.
 */
export function readCsvSql(source: DelimitedSource, rejectsTable: string, rejectsScan: string): string {
  const columns = source.columns.map((c) => `${literal(c)}: 'VARCHAR'`).join(', ')
  return `read_csv(${literal(source.path)},
    auto_detect = false, header = ${source.header}, skip = ${source.header ? source.linesBeforeData - 1 : source.linesBeforeData},
    delim = ${literal(source.delimiter)}, quote = ${literal(source.quote)}, escape = ${literal(source.quote)},
    columns = {${columns}}, all_varchar = true, strict_mode = true, max_line_size = ${MAX_LINE_BYTES},
    store_rejects = true, rejects_table = ${literal(rejectsTable)}, rejects_scan = ${literal(rejectsScan)}, ignore_errors = true)`
}
