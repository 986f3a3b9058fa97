import type { QuerySpec } from '@linesight/store'
import { TEXT_TYPES, oneOfSql } from '../../core/one-of.sql.js'

type Common = 'numbers' | 'types' | 'from' | 'to' | 'zone'

const iso = (column: string): string =>
  `CASE WHEN microsecond(${column}) % 1000000 = 0 THEN strftime(${column}, '%Y-%m-%dT%H:%M:%SZ') ELSE strftime(${column}, '%Y-%m-%dT%H:%M:%S.%fZ') END`

/** The given numbers' events in the window, with local time in `$zone`. */
const EVENTS = `given AS MATERIALIZED (SELECT DISTINCT unnest($numbers::VARCHAR[]) AS number),
      ev AS MATERIALIZED (
        SELECT e.id, e.target_msisdn AS number, e.start_utc AS t, timezone($zone, timezone('UTC', e.start_utc)) AS lt,
          e.event_type, e.direction, coalesce(e.other_msisdn, e.other_raw) AS other
        FROM events_unique e SEMI JOIN given g ON g.number = e.target_msisdn
        WHERE (len($types::VARCHAR[]) = 0 OR list_contains($types::VARCHAR[], e.event_type))
          AND ($from IS NULL OR e.start_utc >= timezone('UTC', $from::TIMESTAMPTZ)) AND ($to IS NULL OR e.start_utc <= timezone('UTC', $to::TIMESTAMPTZ))
      )`

export interface BucketRow {
  readonly number: string
  /** ISO weekday 1 (Monday) to 7 (Sunday), or null for an hour-of-day total. */
  readonly weekday: number | null
  /** Local hour 0–23, or null for a weekday total. */
  readonly hour: number | null
  readonly events: number
  readonly ids: readonly string[]
}

/** Events per local weekday × hour, per hour of day and per weekday, with the ids behind each. */
export const activityBucketsQuery: QuerySpec<BucketRow, Common> = {
  id: 'activity-buckets',
  sql: {
    duckdb: `WITH ${EVENTS}
      SELECT number, isodow(lt) AS weekday, hour(lt) AS hour, count(*) AS events, list(id ORDER BY t, id) AS ids
      FROM ev
      GROUP BY GROUPING SETS ((number, isodow(lt), hour(lt)), (number, hour(lt)), (number, isodow(lt)))
      ORDER BY number, weekday NULLS FIRST, hour NULLS FIRST`,
  },
  params: ['numbers', 'types', 'from', 'to', 'zone'],
  row: (r) => ({
    number: String(r['number']),
    weekday: r['weekday'] === null ? null : Number(r['weekday']),
    hour: r['hour'] === null ? null : Number(r['hour']),
    events: Number(r['events']),
    ids: r['ids'] as readonly string[],
  }),
}

export interface DayRow {
  readonly number: string
  /** Local calendar date. */
  readonly date: string
  readonly weekday: number
  readonly events: number
  readonly first_local: string
  readonly last_local: string
  readonly first_utc: string
  readonly last_utc: string
  readonly first_id: string
  readonly last_id: string
  /** The local day in UTC, cut to the window: the evidence filter's bounds. */
  readonly day_from_utc: string
  readonly day_to_utc: string
}

/** Each local day with events: how many, and the first and last (local time of day). */
export const activityDaysQuery: QuerySpec<DayRow, Common> = {
  id: 'activity-days',
  sql: {
    duckdb: `WITH ${EVENTS},
      days AS (
        SELECT number, lt::DATE AS d, count(*) AS events, min(t) AS first_t, max(t) AS last_t,
          min(lt) AS first_lt, max(lt) AS last_lt, first(id ORDER BY t, id) AS first_id, last(id ORDER BY t, id) AS last_id
        FROM ev GROUP BY number, lt::DATE
      ),
      bounds AS (
        SELECT *, greatest(timezone('UTC', timezone($zone, d::TIMESTAMP)), coalesce(timezone('UTC', $from::TIMESTAMPTZ), '-infinity'::TIMESTAMP)) AS lo,
          least(timezone('UTC', timezone($zone, (d + 1)::TIMESTAMP)) - INTERVAL 1 MICROSECOND, coalesce(timezone('UTC', $to::TIMESTAMPTZ), 'infinity'::TIMESTAMP)) AS hi
        FROM days
      )
      SELECT number, strftime(d, '%Y-%m-%d') AS date, isodow(d) AS weekday, events,
        strftime(first_lt, '%H:%M:%S') AS first_local, strftime(last_lt, '%H:%M:%S') AS last_local,
        ${iso('first_t')} AS first_utc, ${iso('last_t')} AS last_utc, first_id, last_id,
        ${iso('lo')} AS day_from_utc, ${iso('hi')} AS day_to_utc
      FROM bounds
      ORDER BY number, d`,
  },
  params: ['numbers', 'types', 'from', 'to', 'zone'],
  row: (r) => ({
    number: String(r['number']),
    date: String(r['date']),
    weekday: Number(r['weekday']),
    events: Number(r['events']),
    first_local: String(r['first_local']),
    last_local: String(r['last_local']),
    first_utc: String(r['first_utc']),
    last_utc: String(r['last_utc']),
    first_id: String(r['first_id']),
    last_id: String(r['last_id']),
    day_from_utc: String(r['day_from_utc']),
    day_to_utc: String(r['day_to_utc']),
  }),
}

export interface SummaryRow {
  readonly number: string
  readonly events: number
  readonly first_utc: string | null
  readonly last_utc: string | null
  readonly active_days: number
  /** Local days from the first event's to the last's, both included. */
  readonly span_days: number
  /** Median local time of day of each day's first and last event (the lower middle value when even). */
  readonly median_first_local: string | null
  readonly median_last_local: string | null
}

export const activitySummaryQuery: QuerySpec<SummaryRow, Common> = {
  id: 'activity-summary',
  sql: {
    duckdb: `WITH ${EVENTS},
      days AS (SELECT number, lt::DATE AS d, min(lt) AS first_lt, max(lt) AS last_lt FROM ev GROUP BY number, lt::DATE),
      per AS (
        SELECT number, count(*) AS active_days, date_diff('day', min(d), max(d)) + 1 AS span_days,
          quantile_disc(first_lt::TIME, 0.5) AS mf, quantile_disc(last_lt::TIME, 0.5) AS ml
        FROM days GROUP BY number
      ),
      tot AS (SELECT number, count(*) AS events, min(t) AS first_t, max(t) AS last_t FROM ev GROUP BY number)
      SELECT g.number, coalesce(tot.events, 0) AS events, ${iso('tot.first_t')} AS first_utc, ${iso('tot.last_t')} AS last_utc,
        coalesce(per.active_days, 0) AS active_days, coalesce(per.span_days, 0) AS span_days,
        strftime(DATE '2000-01-01' + per.mf, '%H:%M:%S') AS median_first_local, strftime(DATE '2000-01-01' + per.ml, '%H:%M:%S') AS median_last_local
      FROM given g LEFT JOIN tot USING (number) LEFT JOIN per USING (number)
      ORDER BY g.number`,
  },
  params: ['numbers', 'types', 'from', 'to', 'zone'],
  row: (r) => ({
    number: String(r['number']),
    events: Number(r['events']),
    first_utc: (r['first_utc'] as string | null) ?? null,
    last_utc: (r['last_utc'] as string | null) ?? null,
    active_days: Number(r['active_days']),
    span_days: Number(r['span_days']),
    median_first_local: (r['median_first_local'] as string | null) ?? null,
    median_last_local: (r['median_last_local'] as string | null) ?? null,
  }),
}

export interface GapRow {
  readonly number: string
  readonly before_id: string
  readonly after_id: string
  readonly before_utc: string
  readonly after_utc: string
  readonly before_local: string
  readonly after_local: string
  /** Just after the last event before and just before the first event after: the empty window's bounds. */
  readonly empty_from_utc: string
  readonly empty_to_utc: string
  readonly hours: number
}

/** Stretches of at least `$gapHours` between consecutive events of a number (so within its active span). */
export const activityGapsQuery: QuerySpec<GapRow, Common | 'gapHours'> = {
  id: 'activity-gaps',
  sql: {
    duckdb: `WITH ${EVENTS},
      seq AS (
        SELECT number, id, t, lt, lag(id) OVER w AS before_id, lag(t) OVER w AS before_t, lag(lt) OVER w AS before_lt
        FROM ev WINDOW w AS (PARTITION BY number ORDER BY t, id)
      )
      SELECT number, before_id, id AS after_id, ${iso('before_t')} AS before_utc, ${iso('t')} AS after_utc,
        strftime(before_lt, '%Y-%m-%d %H:%M:%S') AS before_local, strftime(lt, '%Y-%m-%d %H:%M:%S') AS after_local,
        ${iso('before_t + INTERVAL 1 MICROSECOND')} AS empty_from_utc, ${iso('t - INTERVAL 1 MICROSECOND')} AS empty_to_utc,
        (epoch_us(t) - epoch_us(before_t)) / 3600000000.0 AS hours
      FROM seq
      WHERE before_t IS NOT NULL AND epoch_us(t) - epoch_us(before_t) >= $gapHours * 3600000000
      ORDER BY number, t, id`,
  },
  params: ['numbers', 'types', 'from', 'to', 'zone', 'gapHours'],
  row: (r) => ({
    number: String(r['number']),
    before_id: String(r['before_id']),
    after_id: String(r['after_id']),
    before_utc: String(r['before_utc']),
    after_utc: String(r['after_utc']),
    before_local: String(r['before_local']),
    after_local: String(r['after_local']),
    empty_from_utc: String(r['empty_from_utc']),
    empty_to_utc: String(r['empty_to_utc']),
    hours: Number(r['hours']),
  }),
}

export interface BurstRow {
  readonly number: string
  readonly from_utc: string
  readonly to_utc: string
  readonly from_local: string
  readonly to_local: string
  readonly events: number
  readonly outgoing_sms: number
  readonly outgoing_calls: number
  readonly incoming: number
  /** Distinct other parties in the burst. */
  readonly others: number
}

/**
 * Bursts: every event that starts a run of at least `$burstEvents` events within `$burstMinutes` (its own start
 * included, the end inclusive) opens a window to the last of them; overlapping or touching windows are merged.
 */
export const activityBurstsQuery: QuerySpec<BurstRow, Common | 'burstEvents' | 'burstMinutes'> = {
  id: 'activity-bursts',
  sql: {
    duckdb: `WITH ${EVENTS},
      win AS (
        SELECT number, t, count(*) OVER w AS n, max(t) OVER w AS e
        FROM ev WINDOW w AS (PARTITION BY number ORDER BY t RANGE BETWEEN CURRENT ROW AND to_minutes($burstMinutes::INTEGER) FOLLOWING)
      ),
      q AS (SELECT DISTINCT number, t AS s, e FROM win WHERE n >= $burstEvents),
      m AS (
        SELECT *, CASE WHEN s <= max(e) OVER (PARTITION BY number ORDER BY s, e ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
          THEN 0 ELSE 1 END AS opens
        FROM q
      ),
      g AS (SELECT *, sum(opens) OVER (PARTITION BY number ORDER BY s, e ROWS UNBOUNDED PRECEDING) AS grp FROM m),
      b AS (SELECT number, grp, min(s) AS s, max(e) AS e FROM g GROUP BY number, grp)
      SELECT b.number, ${iso('b.s')} AS from_utc, ${iso('b.e')} AS to_utc,
        strftime(timezone($zone, timezone('UTC', b.s)), '%Y-%m-%d %H:%M:%S') AS from_local,
        strftime(timezone($zone, timezone('UTC', b.e)), '%Y-%m-%d %H:%M:%S') AS to_local,
        count(*) AS events,
        count(*) FILTER (WHERE ev.direction = 'out' AND ${oneOfSql('ev.event_type', TEXT_TYPES)}) AS outgoing_sms,
        count(*) FILTER (WHERE ev.direction = 'out' AND ev.event_type = 'voice') AS outgoing_calls,
        count(*) FILTER (WHERE ev.direction = 'in') AS incoming,
        count(DISTINCT ev.other) AS others
      FROM b JOIN ev ON ev.number = b.number AND ev.t BETWEEN b.s AND b.e
      GROUP BY b.number, b.s, b.e
      ORDER BY b.number, b.s`,
  },
  params: ['numbers', 'types', 'from', 'to', 'zone', 'burstEvents', 'burstMinutes'],
  row: (r) => ({
    number: String(r['number']),
    from_utc: String(r['from_utc']),
    to_utc: String(r['to_utc']),
    from_local: String(r['from_local']),
    to_local: String(r['to_local']),
    events: Number(r['events']),
    outgoing_sms: Number(r['outgoing_sms']),
    outgoing_calls: Number(r['outgoing_calls']),
    incoming: Number(r['incoming']),
    others: Number(r['others']),
  }),
}
