import type { DuckDBConnection } from '@duckdb/node-api'
import { TARGET_SUMMARY_SELECT } from '@linesight/store'
import { literal } from '../sql/quote.js'

/**
 * Recomputes the summary of every target a source file brings, inside the import's transaction, so the summary
 * never disagrees with the events (a killed import leaves both as they were).
 */
export async function refreshTargetSummary(c: DuckDBConnection, fileId: string): Promise<void> {
  const touched = `(SELECT DISTINCT target_msisdn FROM events WHERE source_file_id = ${literal(fileId)} AND target_msisdn IS NOT NULL)`
  await c.run(`DELETE FROM target_summary WHERE number IN ${touched}`)
  await c.run(
    `INSERT INTO target_summary ${TARGET_SUMMARY_SELECT} AND target_msisdn IN ${touched} GROUP BY 1`,
  )
}
