import type { QuerySpec } from '@linesight/store'
import {
  CELL_ROWS_CTE,
  eventPositionsCte,
  haversineKm,
  inNight,
  isoUtc,
  nightOf,
} from '../../continuity/common/line-sql.js'

type MovementParams = 'numbers' | 'zone' | 'nightStartHour' | 'nightEndHour' | 'usePublicFallback'

/** Each subject's events with a cell position and its home cell (most nights in the overnight window). */
const MOVEMENT_CTES = `subjects AS (SELECT DISTINCT unnest($numbers::VARCHAR[]) AS x),
  ${CELL_ROWS_CTE},
  ev AS MATERIALIZED (
    SELECT e.target_msisdn AS x, e.id, e.start_cgi AS cgi, e.start_utc AS t FROM events_unique e
    WHERE e.target_msisdn IN (SELECT x FROM subjects) AND e.start_cgi IS NOT NULL),
  ${eventPositionsCte('pos', 'ev')},
  placed AS MATERIALIZED (SELECT ev.*, p.lat, p.lon, p.source_kind FROM ev JOIN pos p ON p.id = ev.id),
  nights AS (SELECT *, ${nightOf('t')} AS night FROM placed WHERE ${inNight('t')}),
  home AS MATERIALIZED (
    SELECT x, cgi, any_value(lat) AS lat, any_value(lon) AS lon, count(DISTINCT night) AS nights,
      bool_or(source_kind <> 'network') AS fallback
    FROM nights GROUP BY x, cgi
    QUALIFY row_number() OVER (PARTITION BY x ORDER BY count(DISTINCT night) DESC, cgi) = 1),
  dist AS MATERIALIZED (
    SELECT p.*, ${haversineKm('p.lat', 'p.lon', 'h.lat', 'h.lon')} AS km FROM placed p JOIN home h ON h.x = p.x)`

export interface TripRow {
  readonly x: string
  readonly home_cgi: string
  readonly start_utc: string
  readonly end_utc: string
  readonly hours: number
  readonly max_km: number
  /** Every row of the number's records from the trip's first to its last away event. */
  readonly rows: number
}

/**
 * Long trips (domain §3.9): runs of a number's positioned events all at least `$tripMinKm` from its home cell,
 * lasting at least `$tripMinHours` from the first to the last away event. Events without a position neither break
 * nor extend a run.
 */
export const tripsQuery: QuerySpec<TripRow, MovementParams | 'tripMinKm' | 'tripMinHours'> = {
  id: 'safeguarding-trips',
  sql: {
    duckdb: `WITH ${MOVEMENT_CTES},
      marked AS (
        SELECT *, sum(CASE WHEN km >= $tripMinKm THEN 0 ELSE 1 END) OVER (PARTITION BY x ORDER BY t, id ROWS UNBOUNDED PRECEDING) AS run
        FROM dist),
      trips AS (
        SELECT x, run, min(t) AS f, max(t) AS l, max(km) AS max_km FROM marked WHERE km >= $tripMinKm GROUP BY x, run
        HAVING epoch(max(t)) - epoch(min(t)) >= $tripMinHours * 3600),
      counted AS (
        SELECT tr.x, tr.f, tr.l, tr.max_km, count(*) AS n FROM trips tr
        JOIN events_unique e ON e.target_msisdn = tr.x AND e.start_utc BETWEEN tr.f AND tr.l GROUP BY ALL)
      SELECT c.x, h.cgi AS home_cgi, ${isoUtc('c.f')} AS start_utc, ${isoUtc('c.l')} AS end_utc,
        round((epoch(c.l) - epoch(c.f)) / 3600, 1) AS hours, round(c.max_km, 1) AS max_km, c.n AS rows
      FROM counted c JOIN home h ON h.x = c.x ORDER BY c.x, c.f`,
  },
  params: [
    'numbers',
    'zone',
    'nightStartHour',
    'nightEndHour',
    'usePublicFallback',
    'tripMinKm',
    'tripMinHours',
  ],
  row: (r) => r as unknown as TripRow,
}

export interface AwayNightRow {
  readonly x: string
  readonly night: string
  readonly min_km: number
  readonly refs: readonly string[]
}

/** Nights whose overnight events are all on cells at least `$overnightAwayMinKm` from the number's home cell. */
export const awayNightsQuery: QuerySpec<AwayNightRow, MovementParams | 'overnightAwayMinKm'> = {
  id: 'safeguarding-away-nights',
  sql: {
    duckdb: `WITH ${MOVEMENT_CTES},
      night_dist AS (SELECT d.*, ${nightOf('d.t')} AS night FROM dist d WHERE ${inNight('d.t')})
      SELECT x, strftime(night, '%Y-%m-%d') AS night, round(min(km), 1) AS min_km, list(x || '|' || id ORDER BY id) AS refs
      FROM night_dist GROUP BY x, night HAVING min(km) >= $overnightAwayMinKm ORDER BY x, night`,
  },
  params: ['numbers', 'zone', 'nightStartHour', 'nightEndHour', 'usePublicFallback', 'overnightAwayMinKm'],
  row: (r) => r as unknown as AwayNightRow,
}
