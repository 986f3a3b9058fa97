import type { QuerySpec } from '@linesight/store'
import {
  CELL_ROWS_CTE,
  LINE_GROUPS_CTE,
  eventPositionsCte,
  isoUtc,
  localTime,
} from '../../continuity/common/line-sql.js'

type LiveParams = 'groups' | 'numbers' | 'asOf' | 'usePublicFallback'

/**
 * A line's own records up to `$asOf` (all when unset). Cell positions are looked up only for the records a query
 * shows (`eventPositionsCte` over those), not for every record of the line.
 */
const LINE_EVENTS_CTES = `${LINE_GROUPS_CTE}, ${CELL_ROWS_CTE},
  ev AS MATERIALIZED (
    SELECT lg.g, e.target_msisdn AS n, e.id, e.start_utc AS t, e.end_utc, e.duration_s, e.event_type, e.direction,
      e.time_semantics, e.start_cgi AS cgi, e.imsi, e.imei, e.imei_raw, e.network
    FROM events_unique e JOIN line_groups lg ON lg.n = e.target_msisdn
    WHERE $asOf IS NULL OR e.start_utc <= timezone('UTC', $asOf::TIMESTAMPTZ)),
  last_t AS (SELECT g, max(t) AS t FROM ev GROUP BY g)`

export interface LastEventRow {
  readonly g: string
  readonly n: string
  readonly id: string
  readonly start_utc: string
  readonly end_utc: string | null
  readonly event_type: string
  readonly direction: string
  readonly time_semantics: string
  readonly cgi: string | null
  readonly network: string | null
  readonly site_name: string | null
  readonly lat: number | null
  readonly lon: number | null
  readonly source_kind: string | null
  /** The last event that carried a cell (the newest event may carry none). */
  readonly cell_event_id: string | null
  readonly cell_event_utc: string | null
  readonly cell_event_end_utc: string | null
  readonly cell_event_type: string | null
  readonly cell_time_semantics: string | null
  readonly cell_cgi: string | null
  readonly cell_site_name: string | null
  readonly cell_lat: number | null
  readonly cell_lon: number | null
  readonly cell_source_kind: string | null
  readonly cell_n: string | null
  readonly imsi: string | null
  readonly imsi_id: string | null
  readonly imsi_n: string | null
  readonly imsi_utc: string | null
  readonly imei: string | null
  readonly imei_raw: string | null
  readonly imei_id: string | null
  readonly imei_n: string | null
  readonly imei_utc: string | null
  readonly events: number
}

/** Each line's newest event, newest event with a cell, and newest SIM (IMSI) and handset (IMEI) seen. */
export const lastEventQuery: QuerySpec<LastEventRow, LiveParams> = {
  id: 'live-picture-last',
  sql: {
    duckdb: `WITH ${LINE_EVENTS_CTES},
      -- The newest of each kind is the newest time, then the greatest id at that time: the same row as
      -- arg_max(id, (t, id)), without a struct key per row.
      newest AS (
        SELECT g, count(*) AS events, max(t) AS a_t, max(t) FILTER (WHERE cgi IS NOT NULL) AS c_t,
          max(t) FILTER (WHERE imsi IS NOT NULL) AS i_t, max(t) FILTER (WHERE imei IS NOT NULL) AS h_t
        FROM ev GROUP BY g),
      picks AS (
        SELECT n.g, any_value(n.events) AS events, max(ev.id) FILTER (WHERE ev.t = n.a_t) AS a_id,
          max(ev.id) FILTER (WHERE ev.t = n.c_t AND ev.cgi IS NOT NULL) AS c_id,
          max(ev.id) FILTER (WHERE ev.t = n.i_t AND ev.imsi IS NOT NULL) AS i_id,
          max(ev.id) FILTER (WHERE ev.t = n.h_t AND ev.imei IS NOT NULL) AS h_id
        FROM newest n JOIN ev ON ev.g = n.g AND ev.t IN (n.a_t, n.c_t, n.i_t, n.h_t)
        GROUP BY n.g),
      -- The few picked rows, so the joins below do not read every record again.
      picked AS MATERIALIZED (
        SELECT ev.* FROM ev SEMI JOIN (SELECT g, unnest([a_id, c_id, i_id, h_id]) AS id FROM picks) k
          ON k.g = ev.g AND k.id = ev.id),
      shown AS (SELECT DISTINCT ev.id, ev.cgi, ev.t FROM picked ev JOIN picks p ON p.g = ev.g AND ev.id IN (p.a_id, p.c_id)),
      ${eventPositionsCte('pos', 'shown')}
      SELECT a.g, a.n, a.id, ${isoUtc('a.t')} AS start_utc, ${isoUtc('a.end_utc')} AS end_utc, a.event_type, a.direction,
        a.time_semantics, a.cgi, a.network, pa.site_name, pa.lat, pa.lon, pa.source_kind,
        c.id AS cell_event_id, ${isoUtc('c.t')} AS cell_event_utc, ${isoUtc('coalesce(c.end_utc, c.t + to_seconds(coalesce(c.duration_s, 0)))')} AS cell_event_end_utc,
        c.event_type AS cell_event_type, c.time_semantics AS cell_time_semantics, c.cgi AS cell_cgi, pc.site_name AS cell_site_name,
        pc.lat AS cell_lat, pc.lon AS cell_lon, pc.source_kind AS cell_source_kind, c.n AS cell_n,
        i.imsi, i.id AS imsi_id, i.n AS imsi_n, ${isoUtc('i.t')} AS imsi_utc,
        h.imei, h.imei_raw, h.id AS imei_id, h.n AS imei_n, ${isoUtc('h.t')} AS imei_utc, p.events
      FROM picks p JOIN picked a ON a.g = p.g AND a.id = p.a_id LEFT JOIN pos pa ON pa.id = a.id
        LEFT JOIN picked c ON c.g = p.g AND c.id = p.c_id LEFT JOIN pos pc ON pc.id = c.id
        LEFT JOIN picked i ON i.g = p.g AND i.id = p.i_id LEFT JOIN picked h ON h.g = p.g AND h.id = p.h_id
      ORDER BY a.g`,
  },
  params: ['groups', 'numbers', 'asOf', 'usePublicFallback'],
  row: (r) => r as unknown as LastEventRow,
}

export interface HourRow {
  readonly g: string
  readonly hour: number
  readonly days: number
  readonly events: number
  /** The first event of each (day, hour): one row per day counted. */
  readonly refs: readonly string[]
}

/** Active hours (local) over the `$profileDays` days up to each line's last event: on how many days, how many events. */
export const hoursQuery: QuerySpec<HourRow, LiveParams | 'zone' | 'profileDays'> = {
  id: 'live-picture-hours',
  sql: {
    duckdb: `WITH ${LINE_EVENTS_CTES},
      recent AS (
        SELECT ev.g, ev.n, ev.id, ev.t, ${localTime('ev.t')} AS lt FROM ev JOIN last_t l ON l.g = ev.g
        WHERE ev.t > l.t - to_days($profileDays::INTEGER)),
      firsts AS (
        SELECT g, hour(lt) AS hour, lt::DATE AS day, arg_min(n || '|' || id, (t, id)) AS ref, count(*) AS n
        FROM recent GROUP BY g, hour(lt), lt::DATE)
      SELECT g, hour, count(*) AS days, sum(n)::BIGINT AS events, list(ref ORDER BY ref) AS refs
      FROM firsts GROUP BY g, hour ORDER BY g, hour`,
  },
  params: ['groups', 'numbers', 'asOf', 'usePublicFallback', 'zone', 'profileDays'],
  row: (r) => r as unknown as HourRow,
}

export interface RecentCellRow {
  readonly g: string
  readonly cgi: string
  readonly numbers: readonly string[]
  readonly events: number
  readonly first_utc: string
  readonly last_utc: string
  readonly window_from: string
  readonly window_to: string
  readonly site_name: string | null
  readonly lat: number | null
  readonly lon: number | null
  readonly source_kind: string | null
}

/** Cells the line's numbers used in the `$recentDays` days up to its last event, newest first. */
export const recentCellsQuery: QuerySpec<RecentCellRow, LiveParams | 'recentDays' | 'limit'> = {
  id: 'live-picture-recent-cells',
  sql: {
    duckdb: `WITH ${LINE_EVENTS_CTES},
      recent AS MATERIALIZED (
        SELECT ev.*, l.t - to_days($recentDays::INTEGER) AS w_from, l.t AS w_to FROM ev JOIN last_t l ON l.g = ev.g
        WHERE ev.t >= l.t - to_days($recentDays::INTEGER) AND ev.cgi IS NOT NULL),
      ${eventPositionsCte('pos', 'recent')},
      agg AS (
        SELECT r.g, r.cgi, list(DISTINCT r.n ORDER BY r.n) AS numbers, count(*) AS events, min(r.t) AS f, max(r.t) AS l,
          any_value(r.w_from) AS w_from, any_value(r.w_to) AS w_to,
          arg_max(p.site_name, r.t) AS site_name, arg_max(p.lat, r.t) AS lat, arg_max(p.lon, r.t) AS lon,
          arg_max(p.source_kind, r.t) AS source_kind
        FROM recent r LEFT JOIN pos p ON p.id = r.id GROUP BY r.g, r.cgi)
      SELECT g, cgi, numbers, events, ${isoUtc('f')} AS first_utc, ${isoUtc('l')} AS last_utc,
        ${isoUtc('w_from')} AS window_from, ${isoUtc('w_to')} AS window_to, site_name, lat, lon, source_kind
      FROM agg QUALIFY row_number() OVER (PARTITION BY g ORDER BY l DESC, cgi) <= $limit
      ORDER BY g, l DESC, cgi`,
  },
  params: ['groups', 'numbers', 'asOf', 'usePublicFallback', 'recentDays', 'limit'],
  row: (r) => r as unknown as RecentCellRow,
}
