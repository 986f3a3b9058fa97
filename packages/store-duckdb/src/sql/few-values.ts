import type { DuckDBConnection } from '@duckdb/node-api'
import { literal } from './quote.js'

/** Up to this many values, a filter is written out as a list, which the engine applies in the scan itself. */
const FEW_VALUES_MAX = 64

/**
 * The values `query` returns (one text column, distinct, no NULLs) as the inside of an SQL `IN (…)` list (`NULL`
 * when there are none), or null when there are more than `FEW_VALUES_MAX`.
 */
export async function fewValuesList(c: DuckDBConnection, query: string): Promise<string | null> {
  const values = (await c.runAndReadAll(`${query} LIMIT ${FEW_VALUES_MAX + 1}`))
    .getRows()
    .map((r) => literal(String(r[0])))
  if (values.length > FEW_VALUES_MAX) return null
  return values.length === 0 ? 'NULL' : values.join(', ')
}
