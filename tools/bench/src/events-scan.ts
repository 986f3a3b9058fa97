import type { CaseStore, QuerySpec } from '@linesight/store'
import { median, timeWarm } from './timing.js'

export interface ScanRow {
  readonly events: number
  readonly targets: number
  readonly others: number
}

/**
 * The baseline every analysis is compared with: one pass over every row of `events` reading four columns (target,
 * other party, start time, duration), with two distinct counts so the engine cannot answer from metadata alone.
 */
export const EVENTS_SCAN_SQL = `SELECT count(*) AS events, count(DISTINCT target_msisdn) AS targets,
  count(DISTINCT other_msisdn) AS others, min(start_utc) AS first_utc, sum(duration_s) AS seconds FROM events`

const scanQuery: QuerySpec<ScanRow> = {
  id: 'bench-events-scan',
  sql: { duckdb: EVENTS_SCAN_SQL },
  params: [],
  row: (r) => ({ events: Number(r['events']), targets: Number(r['targets']), others: Number(r['others']) }),
}

export interface ScanTiming extends ScanRow {
  readonly medianMs: number
  readonly runsMs: readonly number[]
}

/** Times the baseline scan through the same store path the analyses use: one warm-up, then `runs` timed runs. */
export async function timeEventsScan(store: CaseStore, runs: number): Promise<ScanTiming> {
  const [row] = await store.run(scanQuery, {})
  if (row === undefined) throw new Error('the events scan returned no row')
  const runsMs = await timeWarm(runs, () => store.run(scanQuery, {}))
  return { ...row, medianMs: median(runsMs), runsMs }
}
