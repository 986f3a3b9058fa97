import type { QuerySpec } from '@linesight/store'
import { LINE_CONTACT_PARAMS, lineContactCtes, type LineContactParam } from '../shared/line-contacts.sql.js'
import { lineDaysCte, readDays } from '../shared/line-days.sql.js'
import { localTimeSql } from '../../core/local-time.sql.js'
import { fromJson, isoSql, jsonListSql, spanSql, listByKeySql } from '../shared/sql.js'
import { isContactTypeSql } from '../../core/one-of.sql.js'

export interface TransactionRow {
  readonly customer: string
  readonly day: string
  /** 1, 2, … per customer and day when episodes are on; always 1 otherwise. */
  readonly episode: number
  readonly in_base: boolean
  readonly first_at: string
  readonly contacts: number
  readonly ids: readonly string[]
  readonly record_targets: readonly string[]
  readonly callback_id: string | null
  readonly callback_by: string | null
  readonly callback_at: string | null
  readonly callback_type: string | null
  readonly callback_record_target: string | null
}

export type TransactionParam =
  | LineContactParam
  | 'scope_all'
  | 'episode_us'
  | 'window_us'
  | 'callback_types'
  | 'must_connect'
  | 'exclude_flares'
  | 'runner_numbers'
  | 'runner_from'
  | 'runner_to'

/**
 * Potential transactions (qualifying inbound contacts per line, customer, day and, when on, episode) and, for each,
 * the first call-back that confirms it: an outbound contact from the line or a runner in its period, after the first
 * contact t1, at most W later (and before the customer's next episode), on the same local day. The runners are
 * every line's runners; a runner's records count for a line only when the runner is not that line. Follows
 * `lineContactCtes()`; `tx_rows` holds one row per transaction, `tx_list` each line's rows as one list ordered by
 * day, customer and episode.
 */
export const transactionCtes =
  (): string => `q AS (SELECT * FROM classified WHERE status = 'qualifying' AND ($scope_all OR base_status = 'member')),
ep AS (
  SELECT *, sum(CASE WHEN prev IS NULL OR ($episode_us IS NOT NULL AND lo - prev > $episode_us) THEN 1 ELSE 0 END)
    OVER (PARTITION BY line, customer, day ORDER BY ord ROWS UNBOUNDED PRECEDING) AS episode
  FROM (SELECT *, lag(lo) OVER (PARTITION BY line, customer, day ORDER BY ord) AS prev FROM q)
),
tx AS (
  SELECT line, customer, day, episode, min(lo) AS t1, arg_min(start_utc, ord) AS t1_utc,
    bool_and(base_status = 'member') AS in_base, count(*) AS contacts, ${listByKeySql('id', 'ord')} AS ids,
    list(DISTINCT record_target ORDER BY record_target) AS record_targets
  FROM ep GROUP BY line, customer, day, episode
),
tx2 AS (SELECT *, lead(t1) OVER (PARTITION BY line, customer, day ORDER BY episode) AS next_t1 FROM tx),
runner_periods AS (
  SELECT n, f::DATE AS from_day, t::DATE AS to_day FROM (
    SELECT unnest($runner_numbers::VARCHAR[]) AS n, unnest($runner_from::VARCHAR[]) AS f,
      unnest($runner_to::VARCHAR[]) AS t
  )
),
callers AS (
  SELECT line, line AS msisdn, DATE '0001-01-01' AS from_day, DATE '9999-12-31' AS to_day FROM lines
  UNION ALL
  SELECT l.line, r.n, r.from_day, r.to_day FROM lines l, runner_periods r
),
-- The runners' own records; the lines' are in line_own already (no runners: nothing is read).
runner_rows AS MATERIALIZED (
  SELECT id, target_msisdn, other_msisdn, other_raw, direction, event_type, duration_s, start_utc, start_precision
  FROM events_unique
  WHERE len($runner_numbers::VARCHAR[]) > 0 AND list_contains($runner_numbers::VARCHAR[], target_msisdn)
),
caller_out AS MATERIALIZED (
  SELECT e.line, e.id, e.target_msisdn AS caller, e.target_msisdn AS record_target,
    coalesce(e.other_msisdn, e.other_raw) AS customer, e.event_type, e.duration_s, e.start_utc, ${spanSql('e')}
  FROM (
    SELECT line, id, target_msisdn, other_msisdn, other_raw, direction, event_type, duration_s, start_utc,
      start_precision
    FROM line_own
    UNION ALL
    SELECT l.line, r.* FROM lines l JOIN runner_rows r ON r.target_msisdn <> l.line
  ) e
  WHERE e.direction = 'out' AND ${isContactTypeSql('e.event_type')}
),
-- Records with a runner as the other party; the lines' are in line_other already (no runners: nothing is read).
runner_other AS MATERIALIZED (
  SELECT id, target_msisdn, other_msisdn, direction, event_type, duration_s, start_utc, start_precision
  FROM events_unique
  WHERE len($runner_numbers::VARCHAR[]) > 0 AND list_contains($runner_numbers::VARCHAR[], other_msisdn)
),
cust_in AS (
  SELECT e.line, e.id, e.other_msisdn AS caller, e.target_msisdn AS record_target, e.target_msisdn AS customer,
    e.event_type, e.duration_s, e.start_utc, ${spanSql('e')}
  FROM (
    SELECT * FROM line_other
    UNION ALL
    SELECT l.line, r.* FROM lines l JOIN runner_other r ON r.other_msisdn <> l.line
  ) e
  WHERE $use_customer AND e.direction = 'in'
    AND ${isContactTypeSql('e.event_type')} AND e.target_msisdn IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM callers c WHERE c.line = e.line AND c.msisdn = e.target_msisdn)
    AND NOT EXISTS (
      SELECT 1 FROM caller_out o
      WHERE o.line = e.line AND o.caller = e.other_msisdn AND o.customer = e.target_msisdn
        AND o.event_type = e.event_type
        AND o.lo - $tol_us <= epoch_us(e.start_utc) + CASE e.start_precision WHEN 'minute' THEN 59999999 ELSE 0 END
        AND epoch_us(e.start_utc) - $tol_us <= o.hi
    )
),
callbacks AS (
  SELECT cb.*, (${localTimeSql('cb.start_utc')})::DATE AS day
  FROM (SELECT * FROM caller_out UNION ALL SELECT * FROM cust_in) cb
  WHERE NOT (cb.event_type = 'voice' AND $callback_types = 'sms')
    AND NOT (cb.event_type <> 'voice' AND $callback_types = 'voice')
    AND NOT (cb.event_type = 'voice' AND $must_connect AND coalesce(cb.duration_s, 0) <= 0)
),
matched AS (
  SELECT t.line, t.customer, t.day, t.episode, arg_min(cb.id, (cb.lo, cb.id)) AS callback_id,
    arg_min(cb.caller, (cb.lo, cb.id)) AS callback_by, arg_min(cb.start_utc, (cb.lo, cb.id)) AS callback_utc,
    arg_min(cb.event_type, (cb.lo, cb.id)) AS callback_type,
    arg_min(cb.record_target, (cb.lo, cb.id)) AS callback_record_target
  FROM tx2 t
  JOIN callbacks cb ON cb.line = t.line AND cb.customer = t.customer AND cb.day = t.day AND cb.lo > t.t1
    AND cb.lo <= t.t1 + $window_us AND (t.next_t1 IS NULL OR cb.lo < t.next_t1)
  JOIN callers c ON c.line = t.line AND c.msisdn = cb.caller AND t.day BETWEEN c.from_day AND c.to_day
  -- Flare texts are ruled out among the few call-backs in a window, not among every record of the lines.
  WHERE NOT ($exclude_flares AND EXISTS (SELECT 1 FROM flares f WHERE f.sender = cb.line AND f.id = cb.id))
  GROUP BY t.line, t.customer, t.day, t.episode
),
tx_rows AS (
  SELECT t.line, t.customer, strftime(t.day, '%Y-%m-%d') AS day, t.episode, t.in_base,
    ${isoSql('t.t1_utc')} AS first_at, t.contacts, t.ids, t.record_targets, m.callback_id, m.callback_by,
    CASE WHEN m.callback_utc IS NULL THEN NULL ELSE ${isoSql('m.callback_utc')} END AS callback_at,
    m.callback_type, m.callback_record_target
  FROM tx2 t LEFT JOIN matched m USING (line, customer, day, episode)
),
tx_list AS (
  SELECT line, ${jsonListSql(
    `{customer: customer, day: day, episode: episode, in_base: in_base, first_at: first_at, contacts: contacts,
      ids: ids, record_targets: record_targets, callback_id: callback_id, callback_by: callback_by,
      callback_at: callback_at, callback_type: callback_type, callback_record_target: callback_record_target}`,
    'day, customer, episode',
  )} AS transactions
  FROM tx_rows GROUP BY line
)`

const transactionRow = (r: Record<string, unknown>): TransactionRow => ({
  customer: String(r['customer']),
  day: String(r['day']),
  episode: Number(r['episode']),
  in_base: r['in_base'] === true,
  first_at: String(r['first_at']),
  contacts: Number(r['contacts']),
  ids: r['ids'] as readonly string[],
  record_targets: r['record_targets'] as readonly string[],
  callback_id: (r['callback_id'] as string | null) ?? null,
  callback_by: (r['callback_by'] as string | null) ?? null,
  callback_at: (r['callback_at'] as string | null) ?? null,
  callback_type: (r['callback_type'] as string | null) ?? null,
  callback_record_target: (r['callback_record_target'] as string | null) ?? null,
})

export const readTransactions = (v: unknown): readonly TransactionRow[] =>
  ((fromJson(v) as readonly Record<string, unknown>[] | null) ?? []).map(transactionRow)

export const TRANSACTION_PARAMS: readonly TransactionParam[] = [
  ...LINE_CONTACT_PARAMS,
  'scope_all',
  'episode_us',
  'window_us',
  'callback_types',
  'must_connect',
  'exclude_flares',
  'runner_numbers',
  'runner_from',
  'runner_to',
]

export interface TransactionsRow {
  readonly line: string
  /** Transactions by day, customer and episode. */
  readonly transactions: readonly TransactionRow[]
  /** Every local day from the first to the last record of or with the line (or the given window). */
  readonly days: readonly string[]
}

/** Each line's transactions and days, in one query so the lines' records are read once. */
export const transactionsQuery: QuerySpec<TransactionsRow, TransactionParam | 'from' | 'to'> = {
  id: 'transactions',
  sql: {
    duckdb: `WITH ${lineContactCtes()}, ${transactionCtes()}, ${lineDaysCte()}
      SELECT line, tx_list.transactions, line_days_list.days
      FROM lines LEFT JOIN tx_list USING (line) LEFT JOIN line_days_list USING (line)
      ORDER BY line`,
  },
  params: [...TRANSACTION_PARAMS, 'from', 'to'],
  row: (r) => ({
    line: String(r['line']),
    transactions: readTransactions(r['transactions']),
    days: readDays(r['days']),
  }),
}
