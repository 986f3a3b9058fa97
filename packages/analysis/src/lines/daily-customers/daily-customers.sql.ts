import type { QuerySpec } from '@linesight/store'
import { LINE_CONTACT_PARAMS, lineContactCtes, type LineContactParam } from '../shared/line-contacts.sql.js'
import { daySql, isoSql } from '../shared/sql.js'

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

/** One row per base member and local day with at least one qualifying contact (police rules 1–5). */
export const customerDaysQuery: QuerySpec<CustomerDayRow, LineContactParam> = {
  id: 'daily-customers-customer-days',
  sql: {
    duckdb: `WITH ${lineContactCtes()},
      cd AS (
        SELECT customer, day, min(lo) AS first_us, arg_min(start_utc, (lo, id)) AS first_utc,
          list(id ORDER BY lo, id) AS ids, list(DISTINCT record_target ORDER BY record_target) AS record_targets,
          count(*) AS contacts, count(*) FILTER (WHERE event_type = 'voice') AS calls,
          count(*) FILTER (WHERE event_type <> 'voice') AS texts
        FROM classified WHERE status = 'qualifying' AND base_status = 'member'
        GROUP BY customer, day
      )
      SELECT customer, strftime(day, '%Y-%m-%d') AS day, strftime(date_trunc('week', day), '%Y-%m-%d') AS week,
        ${isoSql('first_utc')} AS first_at, contacts, calls, texts,
        count(*) OVER (PARTITION BY customer, date_trunc('week', day)) AS days_in_week, ids, record_targets
      FROM cd
      ORDER BY day, customer`,
  },
  params: LINE_CONTACT_PARAMS,
  row: (r) => ({
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
  }),
}

export interface BreakdownRow {
  readonly base_status: string
  readonly status: string
  readonly contacts: number
  readonly customers: number
  readonly ids: readonly string[]
  readonly record_targets: readonly string[]
}

/** Every contact with the line, grouped by what the rules made of it: what was counted and what was stripped. */
export const contactBreakdownQuery: QuerySpec<BreakdownRow, LineContactParam> = {
  id: 'daily-customers-breakdown',
  sql: {
    duckdb: `WITH ${lineContactCtes()}
      SELECT base_status, status, count(*) AS contacts, count(DISTINCT customer) AS customers,
        list(id ORDER BY lo, id) AS ids, list(DISTINCT record_target ORDER BY record_target) AS record_targets
      FROM classified
      GROUP BY base_status, status
      ORDER BY base_status, status`,
  },
  params: LINE_CONTACT_PARAMS,
  row: (r) => ({
    base_status: String(r['base_status']),
    status: String(r['status']),
    contacts: Number(r['contacts']),
    customers: Number(r['customers']),
    ids: r['ids'] as readonly string[],
    record_targets: r['record_targets'] as readonly string[],
  }),
}

export interface LineDaysRow {
  readonly day: string
}

/** Every local day from the first to the last record of or with the line (or the given window), quiet days too. */
export const lineDaysQuery: QuerySpec<LineDaysRow, 'line' | 'zone' | 'from' | 'to'> = {
  id: 'line-days',
  sql: {
    duckdb: `WITH span AS (
        SELECT coalesce($from::DATE, min(${daySql('start_utc')})) AS first_day,
          coalesce($to::DATE, max(${daySql('start_utc')})) AS last_day
        FROM events_unique WHERE target_msisdn = $line OR other_msisdn = $line
      )
      SELECT strftime(d, '%Y-%m-%d') AS day
      FROM span, range(first_day::TIMESTAMP, last_day::TIMESTAMP + INTERVAL 1 DAY, INTERVAL 1 DAY) AS t(d)
      WHERE first_day IS NOT NULL AND last_day IS NOT NULL
      ORDER BY d`,
  },
  params: ['line', 'zone', 'from', 'to'],
  row: (r) => ({ day: String(r['day']) }),
}

export interface BaseSummaryRow {
  readonly members: number
  readonly recipients: number
  readonly first_flare: string | null
  readonly excluded_found: readonly string[]
}

/** Size of the line's customer base (counted members and all recipients) and which exclusions matched a recipient. */
export const baseSummaryQuery: QuerySpec<BaseSummaryRow, LineContactParam> = {
  id: 'line-base-summary',
  sql: {
    duckdb: `WITH ${lineContactCtes()}
      SELECT count(*) FILTER (WHERE member) AS members, count(*) AS recipients,
        ${isoSql('min(first_utc)')} AS first_flare,
        coalesce(list(customer ORDER BY customer) FILTER (WHERE list_contains($exclude::VARCHAR[], customer)), []) AS excluded_found
      FROM base`,
  },
  params: LINE_CONTACT_PARAMS,
  row: (r) => ({
    members: Number(r['members']),
    recipients: Number(r['recipients']),
    first_flare: r['first_flare'] === null ? null : String(r['first_flare']),
    excluded_found: (r['excluded_found'] as readonly string[] | null) ?? [],
  }),
}
