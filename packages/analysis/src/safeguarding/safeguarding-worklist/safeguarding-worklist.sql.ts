import type { QuerySpec } from '@linesight/store'
import { localTimeSql, ZONE_QUARTERS_CTE } from '../../core/local-time.sql.js'
import {
  asLocal,
  CELL_ROWS_CTE,
  eventPositionsCte,
  haversineKm,
  inNight,
  isoUtc,
  nightOf,
} from '../../continuity/common/line-sql.js'

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

export interface AwayNightRow {
  readonly x: string
  readonly night: string
  readonly min_km: number
  readonly refs: readonly string[]
}

/** A row of the movement query: a long trip or a night away. */
export type MovementRow =
  { readonly kind: 'trip'; readonly trip: TripRow } | { readonly kind: 'away'; readonly away: AwayNightRow }

/**
 * Each subject's events with a cell position and its home cell (most nights in the overnight window), worked out
 * once for both measures:
 *
 * - long trips (domain §3.9): runs of a number's positioned events all at least `$tripMinKm` from its home cell,
 *   lasting at least `$tripMinHours` from the first to the last away event. Events without a position neither break
 *   nor extend a run. Only the numbers with an event that far away can have one, so only their events are put in
 *   order;
 * - nights away: nights whose overnight events are all on cells at least `$overnightAwayMinKm` from the home cell.
 *
 * Local time comes from the quarter-hour offset list (`local-time.sql.ts`), the same values as `timezone()`.
 */
export const movementQuery: QuerySpec<
  MovementRow,
  | 'numbers'
  | 'zone'
  | 'nightStartHour'
  | 'nightEndHour'
  | 'usePublicFallback'
  | 'tripMinKm'
  | 'tripMinHours'
  | 'overnightAwayMinKm'
> = {
  id: 'safeguarding-movement',
  sql: {
    duckdb: `WITH subjects AS (SELECT DISTINCT unnest($numbers::VARCHAR[]) AS x),
      ${ZONE_QUARTERS_CTE},
      ${CELL_ROWS_CTE},
      ev AS MATERIALIZED (
        SELECT e.target_msisdn AS x, e.id, e.start_cgi AS cgi, e.start_utc AS t FROM events_unique e
        WHERE e.target_msisdn IN (SELECT x FROM subjects) AND e.start_cgi IS NOT NULL),
      ${eventPositionsCte('pos', 'ev')},
      placed_local AS (
        SELECT ev.*, p.lat, p.lon, p.source_kind, ${localTimeSql('ev.t')} AS lt FROM ev JOIN pos p ON p.id = ev.id),
      -- The night of each overnight event (NULL outside the window).
      placed AS MATERIALIZED (
        SELECT x, id, cgi, t, lat, lon, source_kind,
          CASE WHEN ${inNight('lt', asLocal)} THEN ${nightOf('lt', asLocal)} END AS night
        FROM placed_local),
      home AS MATERIALIZED (
        SELECT x, cgi, any_value(lat) AS lat, any_value(lon) AS lon, count(DISTINCT night) AS nights,
          bool_or(source_kind <> 'network') AS fallback
        FROM placed WHERE night IS NOT NULL GROUP BY x, cgi
        QUALIFY row_number() OVER (PARTITION BY x ORDER BY count(DISTINCT night) DESC, cgi) = 1),
      dist AS MATERIALIZED (
        SELECT p.x, p.id, p.t, p.night, ${haversineKm('p.lat', 'p.lon', 'h.lat', 'h.lon')} AS km
        FROM placed p JOIN home h ON h.x = p.x),
      -- A trip lies between a number's first and last event that far away, and lasts no longer than they are
      -- apart: only those numbers' events between them are put in order. One running count of the events near home,
      -- over all of them in order of number, time and row id (cheaper than one count per number): a run is a
      -- number's away events under one count, whatever the count started from.
      away_span AS (
        SELECT x, min(t) AS f, max(t) AS l FROM dist WHERE km >= $tripMinKm GROUP BY x
        HAVING epoch(max(t)) - epoch(min(t)) >= $tripMinHours * 3600),
      marked AS (
        SELECT d.*, sum(CASE WHEN d.km >= $tripMinKm THEN 0 ELSE 1 END) OVER (ORDER BY d.x, d.t, d.id ROWS UNBOUNDED PRECEDING) AS run
        FROM dist d JOIN away_span s ON s.x = d.x AND d.t BETWEEN s.f AND s.l),
      trips AS (
        SELECT x, run, min(t) AS f, max(t) AS l, max(km) AS max_km FROM marked WHERE km >= $tripMinKm GROUP BY x, run
        HAVING epoch(max(t)) - epoch(min(t)) >= $tripMinHours * 3600),
      counted AS (
        SELECT tr.x, tr.f, tr.l, tr.max_km, count(*) AS n FROM trips tr
        JOIN events_unique e ON e.target_msisdn = tr.x AND e.start_utc BETWEEN tr.f AND tr.l GROUP BY ALL),
      away AS (
        SELECT x, night, round(min(km), 1) AS min_km, list(x || '|' || id ORDER BY id) AS refs
        FROM dist WHERE night IS NOT NULL GROUP BY x, night HAVING min(km) >= $overnightAwayMinKm)
      SELECT 'trip' AS kind, c.x, h.cgi AS home_cgi, ${isoUtc('c.f')} AS start_utc, ${isoUtc('c.l')} AS end_utc,
        round((epoch(c.l) - epoch(c.f)) / 3600, 1) AS hours, round(c.max_km, 1) AS max_km, c.n AS rows,
        NULL::VARCHAR AS night, NULL::DOUBLE AS min_km, NULL::VARCHAR[] AS refs, c.f AS k
      FROM counted c JOIN home h ON h.x = c.x
      UNION ALL
      SELECT 'away', x, NULL, NULL, NULL, NULL, NULL, NULL, strftime(night, '%Y-%m-%d'), min_km, refs, night::TIMESTAMP
      FROM away
      ORDER BY kind DESC, x, k`,
  },
  params: [
    'numbers',
    'zone',
    'nightStartHour',
    'nightEndHour',
    'usePublicFallback',
    'tripMinKm',
    'tripMinHours',
    'overnightAwayMinKm',
  ],
  row: (r) =>
    r['kind'] === 'trip'
      ? {
          kind: 'trip',
          trip: {
            x: String(r['x']),
            home_cgi: String(r['home_cgi']),
            start_utc: String(r['start_utc']),
            end_utc: String(r['end_utc']),
            hours: Number(r['hours']),
            max_km: Number(r['max_km']),
            rows: Number(r['rows']),
          },
        }
      : {
          kind: 'away',
          away: {
            x: String(r['x']),
            night: String(r['night']),
            min_km: Number(r['min_km']),
            refs: r['refs'] as readonly string[],
          },
        },
}
