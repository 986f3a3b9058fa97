import type { DuckDBConnection } from '@duckdb/node-api'
import { PAIR_SUMMARY_SELECT, updatePairCopiesSql } from '@linesight/store'
import { literal } from '../sql/quote.js'

/**
 * Recomputes the pair summary (record counts and paired copies) of every pair of numbers a source file's contact
 * records bring, inside the import's transaction and after its duplicates are flagged, so the summary never
 * disagrees with `events_unique`.
 */
export async function refreshPairSummary(c: DuckDBConnection, fileId: string): Promise<void> {
  const file = `source_file_id = ${literal(fileId)}`
  // Every row of the file, duplicates too: a pair whose only new rows are duplicates is recounted to the same.
  await c.run(`CREATE OR REPLACE TEMP TABLE __touched_pairs AS
    SELECT DISTINCT least(target_msisdn, other_msisdn) AS a, greatest(target_msisdn, other_msisdn) AS b
    FROM events WHERE ${file} AND event_type IN ('voice', 'sms', 'mms')
      AND target_msisdn IS NOT NULL AND other_msisdn IS NOT NULL AND other_msisdn <> target_msisdn`)
  await c.run(`DELETE FROM pair_summary p USING __touched_pairs t WHERE p.a = t.a AND p.b = t.b`)
  // Every touched pair has one of the file's targets at one end: filtering on them first skips most records.
  await c.run(`INSERT INTO pair_summary (a, b, records, records_of_a, records_of_b)
    WITH file_targets AS MATERIALIZED (SELECT DISTINCT target_msisdn AS n FROM events WHERE ${file})
    ${PAIR_SUMMARY_SELECT}
      AND (target_msisdn IN (SELECT n FROM file_targets) OR other_msisdn IN (SELECT n FROM file_targets))
      AND (least(target_msisdn, other_msisdn), greatest(target_msisdn, other_msisdn)) IN (SELECT (a, b) FROM __touched_pairs)
    GROUP BY 1, 2`)
  // Pairing is per pair: pairing the touched pairs again gives the copies pairing every pair would.
  await c.run(updatePairCopiesSql('__touched_pairs'))
  // A failed import rolls the temporary table back with the rest.
  await c.run('DROP TABLE __touched_pairs')
}
