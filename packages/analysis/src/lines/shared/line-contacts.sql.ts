import type { Params } from '../../core/params.js'
import { booleanParam, listParam, numberParam } from './params.js'
import { localTimeSql, ZONE_QUARTERS_CTE } from '../../core/local-time.sql.js'
import { flareCtes, spanSql } from './sql.js'
import { isContactTypeSql } from '../../core/one-of.sql.js'

/**
 * Each given line's customer contacts, classified by the police rules (domain brief §3.2–§3.3), as CTEs over
 * `events_unique`, for many lines in one pass: `lines` holds the given numbers (`$lines`), and every later CTE carries
 * `line` and keeps each line's rows apart, so a line's figures are exactly those of that line alone. `line_own` holds
 * the lines' own records and `line_other` every record in which a line is the other party (the one read of the whole
 * table). After the flare CTEs (`flares` = each line's burst texts, `sender` = the line):
 *
 * - `base`: every flare recipient of each line with `first_us` (its first flare message), `first_id`, its kind and
 *   whether it is a counted member (a valid E.164 number not excluded by the analyst).
 * - `line_in`: inbound contacts in the line's own records; `cust_out`: the customers' own outbound records to the
 *   line (when `$use_customer`) that no line-side record already shows (same pair, type, opposite direction, start
 *   within `$tol_us` after widening minute-precision starts to their minute).
 * - `classified`: every contact with `status` (what the contact rules make of it), `base_status` (member after its
 *   first flare, before it, or outside the base), its local `day` and `ord` (its place in the line's contacts by
 *   `lo`, then id).
 *
 * Parameters: `$lines`, `$zone`, the burst parameters, `$exclude`, `$min_connected`, `$max_unanswered`, `$auto_us`,
 * `$count_sms`, `$use_customer`, `$tol_us`.
 */
export const lineContactCtes = (): string => `${linesCte}, ${ZONE_QUARTERS_CTE},
line_own AS MATERIALIZED (
  SELECT target_msisdn AS line, id, target_msisdn, other_msisdn, other_raw, other_kind, direction, event_type,
    duration_s, start_utc, start_precision
  FROM events_unique WHERE target_msisdn IN (SELECT line FROM lines)
),
line_other AS MATERIALIZED (
  SELECT other_msisdn AS line, id, target_msisdn, other_msisdn, direction, event_type, duration_s, start_utc,
    start_precision
  FROM events_unique WHERE other_msisdn IN (SELECT line FROM lines)
),${flareCtes('TRUE', 'line_own', true)},
base AS (
  SELECT sender AS line, recipient AS customer, min(us) AS first_us, arg_min(id, seq) AS first_id,
    arg_min(start_utc, seq) AS first_utc, any_value(other_kind) AS kind,
    any_value(other_kind) = 'e164' AND NOT list_contains($exclude::VARCHAR[], recipient) AS member
  FROM flares GROUP BY sender, recipient
),
line_in AS (
  SELECT e.line, e.id, e.target_msisdn AS record_target, coalesce(e.other_msisdn, e.other_raw) AS customer,
    e.other_kind AS customer_kind, e.event_type, e.duration_s, e.start_utc, ${spanSql('e')}, 'line' AS side
  FROM line_own e
  WHERE e.direction = 'in' AND ${isContactTypeSql('e.event_type')}
    AND coalesce(e.other_msisdn, e.other_raw) IS NOT NULL
),
cust_out AS (
  SELECT e.line, e.id, e.target_msisdn AS record_target, e.target_msisdn AS customer, 'e164' AS customer_kind,
    e.event_type, e.duration_s, e.start_utc, ${spanSql('e')}, 'customer' AS side
  FROM line_other e
  WHERE $use_customer AND e.direction = 'out' AND ${isContactTypeSql('e.event_type')}
    AND e.target_msisdn IS NOT NULL AND e.target_msisdn <> e.line
    AND NOT EXISTS (
      SELECT 1 FROM line_in l
      WHERE l.line = e.line AND l.customer = e.target_msisdn AND l.event_type = e.event_type
        AND l.lo - $tol_us <= epoch_us(e.start_utc) + CASE e.start_precision WHEN 'minute' THEN 59999999 ELSE 0 END
        AND epoch_us(e.start_utc) - $tol_us <= l.hi
    )
),
contacts AS (SELECT * FROM line_in UNION ALL SELECT * FROM cust_out),
classified AS (
  SELECT c.*, (${localTimeSql('c.start_utc')})::DATE AS day, b.first_us, b.first_id,
    -- The contact's place in its line's contacts by (lo, id): an integer key orders them far faster than the pair.
    row_number() OVER (PARTITION BY c.line ORDER BY c.lo, c.id) AS ord,
    CASE
      WHEN list_contains($exclude::VARCHAR[], c.customer) THEN 'excluded'
      WHEN c.customer_kind <> 'e164' THEN 'not-a-number'
      WHEN c.event_type = 'voice' AND c.duration_s IS NULL THEN 'no-duration'
      WHEN c.event_type = 'voice' AND c.duration_s <= $max_unanswered THEN 'unanswered'
      WHEN c.event_type = 'voice' AND c.duration_s <= $min_connected THEN 'not-connected'
      WHEN c.event_type = 'voice' THEN 'qualifying'
      WHEN EXISTS (
        SELECT 1 FROM flares f
        WHERE f.sender = c.line AND f.recipient = c.customer AND f.us <= c.hi AND c.lo <= f.us + $auto_us
      ) THEN 'auto-reply'
      WHEN NOT $count_sms THEN 'text-not-counted'
      ELSE 'qualifying'
    END AS status,
    CASE
      WHEN b.customer IS NULL OR NOT b.member THEN 'outside-base'
      WHEN c.lo < b.first_us THEN 'before-first-flare'
      ELSE 'member'
    END AS base_status
  FROM contacts c LEFT JOIN base b USING (line, customer)
)`

/** `lines`: the given line numbers (`$lines`), each once. */
export const linesCte = `lines AS (SELECT DISTINCT unnest($lines::VARCHAR[]) AS line)`

export type LineContactParam =
  | 'lines'
  | 'zone'
  | 'flare_types'
  | 'gap_us'
  | 'min_recipients'
  | 'exclude'
  | 'min_connected'
  | 'max_unanswered'
  | 'auto_us'
  | 'count_sms'
  | 'use_customer'
  | 'tol_us'

export const LINE_CONTACT_PARAMS: readonly LineContactParam[] = [
  'lines',
  'zone',
  'flare_types',
  'gap_us',
  'min_recipients',
  'exclude',
  'min_connected',
  'max_unanswered',
  'auto_us',
  'count_sms',
  'use_customer',
  'tol_us',
]

/** The contact-rule parameters as the SQL takes them (burst parameters come from `burstSqlParams`). */
export const contactRuleSqlParams = (
  params: Params,
): {
  exclude: readonly string[]
  min_connected: number
  max_unanswered: number
  auto_us: number
  count_sms: boolean
  use_customer: boolean
  tol_us: number
} => ({
  exclude: listParam(params, 'exclude'),
  min_connected: numberParam(params, 'minConnectedCallSeconds'),
  max_unanswered: numberParam(params, 'maxUnansweredInboundSeconds'),
  auto_us: numberParam(params, 'autoReplyMaxDelaySeconds') * 1_000_000,
  count_sms: booleanParam(params, 'countInboundSms'),
  use_customer: booleanParam(params, 'useCustomerRecords'),
  tol_us: numberParam(params, 'sameContactToleranceSeconds') * 1_000_000,
})
