import type { QuerySpec } from '@linesight/store'
import { LINE_CONTACT_PARAMS, lineContactCtes, type LineContactParam } from '../shared/line-contacts.sql.js'
import { lineDaysCte, readDays } from '../shared/line-days.sql.js'
import { fromJson, isoSql, jsonListSql, listByKeySql } from '../shared/sql.js'

export interface CustomerDayRow {
  readonly customer: string
  readonly day: string
  /** Monday of the ISO week (local). */
  readonly week: string
  readonly first_at: string
  readonly contacts: number
  readonly calls: number
  readonly texts: number
  /** Days this customer made a qualifying contact in the same ISO week. */
  readonly days_in_week: number
  readonly ids: readonly string[]
  readonly record_targets: readonly string[]
}

/**
 * `customer_days`: one row per line, base member and local day with at least one qualifying contact (police rules
 * 1–5), with `days_in_week`; `customer_days_list`: each line's rows as one list, ordered by day and customer.
 * Follows `lineContactCtes()`.
 */
export const customerDaysCte = (): string => `cd AS (
  SELECT line, customer, day, min(lo) AS first_us, arg_min(start_utc, ord) AS first_utc,
    ${listByKeySql('id', 'ord')} AS ids, list(DISTINCT record_target ORDER BY record_target) AS record_targets,
    count(*) AS contacts, count(*) FILTER (WHERE event_type = 'voice') AS calls,
    count(*) FILTER (WHERE event_type <> 'voice') AS texts
  FROM classified WHERE status = 'qualifying' AND base_status = 'member'
  GROUP BY line, customer, day
),
customer_days AS (
  SELECT line, customer, strftime(day, '%Y-%m-%d') AS day, strftime(date_trunc('week', day), '%Y-%m-%d') AS week,
    ${isoSql('first_utc')} AS first_at, contacts, calls, texts,
    count(*) OVER (PARTITION BY line, customer, date_trunc('week', day)) AS days_in_week, ids, record_targets
  FROM cd
),
customer_days_list AS (
  SELECT line, ${jsonListSql(
    `{customer: customer, day: day, week: week, first_at: first_at, contacts: contacts, calls: calls, texts: texts,
      days_in_week: days_in_week, ids: ids, record_targets: record_targets}`,
    'day, customer',
  )} AS customer_days
  FROM customer_days GROUP BY line
)`

const customerDayRow = (r: Record<string, unknown>): CustomerDayRow => ({
  customer: String(r['customer']),
  day: String(r['day']),
  week: String(r['week']),
  first_at: String(r['first_at']),
  contacts: Number(r['contacts']),
  calls: Number(r['calls']),
  texts: Number(r['texts']),
  days_in_week: Number(r['days_in_week']),
  ids: r['ids'] as readonly string[],
  record_targets: r['record_targets'] as readonly string[],
})

export const readCustomerDays = (v: unknown): readonly CustomerDayRow[] =>
  ((fromJson(v) as readonly Record<string, unknown>[] | null) ?? []).map(customerDayRow)

export interface BreakdownRow {
  readonly base_status: string
  readonly status: string
  readonly contacts: number
  readonly customers: number
  readonly ids: readonly string[]
  readonly record_targets: readonly string[]
}

export interface BaseSummaryRow {
  readonly members: number
  readonly recipients: number
  readonly first_flare: string | null
  readonly excluded_found: readonly string[]
}

export interface DailyCustomersRow {
  /** Customer-days (police rules 1–5) by day and customer. */
  readonly customer_days: readonly CustomerDayRow[]
  /** Every contact with the line, grouped by what the rules made of it: what was counted and what was stripped. */
  readonly breakdown: readonly BreakdownRow[]
  /** Every local day from the first to the last record of or with the line (or the given window). */
  readonly days: readonly string[]
  /** Size of the customer base (counted members and all recipients) and which exclusions matched a recipient. */
  readonly summary: BaseSummaryRow
}

const breakdownRow = (r: Record<string, unknown>): BreakdownRow => ({
  base_status: String(r['base_status']),
  status: String(r['status']),
  contacts: Number(r['contacts']),
  customers: Number(r['customers']),
  ids: r['ids'] as readonly string[],
  record_targets: r['record_targets'] as readonly string[],
})

const summaryRow = (v: unknown): BaseSummaryRow => {
  const r = (v ?? {}) as Record<string, unknown>
  return {
    members: Number(r['members'] ?? 0),
    recipients: Number(r['recipients'] ?? 0),
    first_flare:
      r['first_flare'] === null || r['first_flare'] === undefined ? null : String(r['first_flare']),
    excluded_found: (r['excluded_found'] as readonly string[] | null) ?? [],
  }
}

/** The per-line figures daily-customers shows, as CTEs: `breakdown_list` and `summary_row`, one row per line. */
export const dailyFiguresCtes = (): string => `breakdown_list AS (
  SELECT line, ${jsonListSql(
    `{base_status: base_status, status: status, contacts: contacts, customers: customers, ids: ids,
      record_targets: record_targets}`,
    'base_status, status',
  )} AS breakdown
  FROM (
    SELECT line, base_status, status, count(*) AS contacts, count(DISTINCT customer) AS customers,
      ${listByKeySql('id', 'ord')} AS ids, list(DISTINCT record_target ORDER BY record_target) AS record_targets
    FROM classified
    GROUP BY line, base_status, status
  )
  GROUP BY line
),
summary_row AS (
  SELECT line, {members: count(*) FILTER (WHERE member), recipients: count(*), first_flare: ${isoSql('min(first_utc)')},
    excluded_found: coalesce(list(customer ORDER BY customer) FILTER (WHERE list_contains($exclude::VARCHAR[], customer)), [])}
    AS summary
  FROM base GROUP BY line
)`

/** The columns of `DailyCustomersRow`, for a query that joins the CTEs above to `lines`. */
export const dailyFiguresColumns = `customer_days_list.customer_days, breakdown_list.breakdown, line_days_list.days,
  summary_row.summary`

/** The joins that bring those columns to `lines`: a line without records still gets its (empty) row. */
export const dailyFiguresJoins = `LEFT JOIN customer_days_list USING (line) LEFT JOIN breakdown_list USING (line)
  LEFT JOIN line_days_list USING (line) LEFT JOIN summary_row USING (line)`

/** Reads the `DailyCustomersRow` columns of a row. */
export const readDailyFigures = (r: Record<string, unknown>): DailyCustomersRow => ({
  customer_days: readCustomerDays(r['customer_days']),
  breakdown: ((fromJson(r['breakdown']) as readonly Record<string, unknown>[] | null) ?? []).map(
    breakdownRow,
  ),
  days: readDays(r['days']),
  summary: summaryRow(r['summary']),
})

/** Everything daily-customers shows for each line, in one query so the lines' records are read once. */
export const dailyCustomersQuery: QuerySpec<
  DailyCustomersRow & { line: string },
  LineContactParam | 'from' | 'to'
> = {
  id: 'daily-customers',
  sql: {
    duckdb: `WITH ${lineContactCtes()}, ${customerDaysCte()}, ${lineDaysCte()}, ${dailyFiguresCtes()}
        SELECT line, ${dailyFiguresColumns}
        FROM lines ${dailyFiguresJoins}
        ORDER BY line`,
  },
  params: [...LINE_CONTACT_PARAMS, 'from', 'to'],
  row: (r) => ({ line: String(r['line']), ...readDailyFigures(r) }),
}
