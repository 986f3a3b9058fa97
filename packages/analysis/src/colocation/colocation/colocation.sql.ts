import type { QuerySpec, SqlRow } from '@linesight/store'
import {
  haversineSql,
  isoUtc,
  localText,
  localTs,
  locatedEventsCtes,
  type LocatedParam,
} from '../../locations/common/located-events.sql.js'

/** A period of co-location (or of non-co-location) of two numbers. */
export interface PairPeriodRow {
  readonly a: string
  readonly b: string
  readonly apart: boolean
  readonly first_utc: string
  readonly last_utc: string
  readonly first_local: string
  readonly last_local: string
  readonly instances: number
  readonly same_cell: number
  readonly same_site: number
  readonly neighbouring: number
  readonly min_delay_s: number
  readonly max_delay_s: number
  readonly min_metres: number
  readonly max_metres: number
  readonly a_sites: readonly string[]
  readonly b_sites: readonly string[]
  readonly a_site_names: readonly string[]
  readonly b_site_names: readonly string[]
  readonly sources: readonly string[]
  readonly days: readonly string[]
  readonly a_ids: readonly string[]
  readonly b_ids: readonly string[]
}

const list = (v: unknown): readonly string[] => (Array.isArray(v) ? v.map(String) : [])

const readRow = (r: SqlRow): PairPeriodRow => ({
  a: String(r['a']),
  b: String(r['b']),
  apart: r['apart'] === true,
  first_utc: String(r['first_utc']),
  last_utc: String(r['last_utc']),
  first_local: String(r['first_local']),
  last_local: String(r['last_local']),
  instances: Number(r['instances']),
  same_cell: Number(r['same_cell']),
  same_site: Number(r['same_site']),
  neighbouring: Number(r['neighbouring']),
  min_delay_s: Number(r['min_delay_s']),
  max_delay_s: Number(r['max_delay_s']),
  min_metres: Number(r['min_metres']),
  max_metres: Number(r['max_metres']),
  a_sites: list(r['a_sites']),
  b_sites: list(r['b_sites']),
  a_site_names: list(r['a_site_names']),
  b_site_names: list(r['b_site_names']),
  sources: list(r['sources']),
  days: list(r['days']),
  a_ids: list(r['a_ids']),
  b_ids: list(r['b_ids']),
})

export type ColocationParam =
  LocatedParam | 'zone' | 'delay' | 'neighbourMetres' | 'apartMetres' | 'periodGapMinutes' | 'includeData'

/**
 * Every pair of located events of two different numbers within `$delay` seconds of each other, classed as
 * co-located (same cell, same site, or sites within `$neighbourMetres`) or apart (more than `$apartMetres` between
 * the cells, both events with a cell used at the time given), then merged per pair of numbers into periods: a new
 * period starts when more than `$periodGapMinutes` pass between instances.
 */
export const colocationQuery: QuerySpec<PairPeriodRow, ColocationParam> = {
  id: 'colocation',
  sql: {
    duckdb: `WITH ${locatedEventsCtes()},
    l AS MATERIALIZED (
      SELECT id, target, start_utc, ts, time_semantics, cell, site, site_name, lat, lon, position_source,
        CAST(floor(ts / greatest($delay, 1)) AS BIGINT) AS bucket
      FROM located WHERE position_source IS NOT NULL AND ($includeData OR event_type <> 'data')
    ),
    -- Each event under its own time bucket and both neighbours, so the pairs within the delay come from an equi-join.
    probes AS (SELECT *, unnest([bucket - 1, bucket, bucket + 1]) AS probe FROM l),
    pairs AS MATERIALIZED (
      SELECT a.target AS a, b.target AS b, a.id AS a_id, b.id AS b_id, least(a.start_utc, b.start_utc) AS t,
        abs(a.ts - b.ts) AS delay_s, a.site AS a_site, b.site AS b_site, coalesce(a.site_name, a.site) AS a_name,
        coalesce(b.site_name, b.site) AS b_name, a.position_source AS a_src, b.position_source AS b_src,
        CASE
          WHEN a.cell = b.cell AND a.lat = b.lat AND a.lon = b.lon THEN 'same-cell'
          WHEN a.site = b.site THEN 'same-site'
          WHEN ${haversineSql('a.lat', 'a.lon', 'b.lat', 'b.lon')} <= $neighbourMetres THEN 'neighbouring'
          WHEN a.time_semantics = 'at' AND b.time_semantics = 'at'
            AND ${haversineSql('a.lat', 'a.lon', 'b.lat', 'b.lon')} > $apartMetres THEN 'apart'
        END AS kind,
        ${haversineSql('a.lat', 'a.lon', 'b.lat', 'b.lon')} AS metres
      FROM l a JOIN probes b ON b.probe = a.bucket AND a.target < b.target AND b.ts >= a.ts - $delay AND b.ts <= a.ts + $delay
    ),
    marked AS (
      SELECT *, kind = 'apart' AS apart,
        CASE WHEN epoch(t) - epoch(lag(t) OVER w) <= $periodGapMinutes * 60 THEN 0 ELSE 1 END AS starts
      FROM pairs WHERE kind IS NOT NULL
      WINDOW w AS (PARTITION BY a, b, kind = 'apart' ORDER BY t, a_id, b_id)
    ),
    numbered AS (
      SELECT *, sum(starts) OVER (PARTITION BY a, b, apart ORDER BY t, a_id, b_id ROWS UNBOUNDED PRECEDING) AS period
      FROM marked
    )
    SELECT a, b, apart, ${isoUtc('min(t)')} AS first_utc, ${isoUtc('max(t)')} AS last_utc,
      ${localText('min(t)')} AS first_local, ${localText('max(t)')} AS last_local, count(*) AS instances,
      count(*) FILTER (WHERE kind = 'same-cell') AS same_cell, count(*) FILTER (WHERE kind = 'same-site') AS same_site,
      count(*) FILTER (WHERE kind = 'neighbouring') AS neighbouring, min(delay_s) AS min_delay_s, max(delay_s) AS max_delay_s,
      min(metres) AS min_metres, max(metres) AS max_metres,
      list(DISTINCT a_site ORDER BY a_site) AS a_sites, list(DISTINCT b_site ORDER BY b_site) AS b_sites,
      list(DISTINCT a_name ORDER BY a_name) AS a_site_names, list(DISTINCT b_name ORDER BY b_name) AS b_site_names,
      list_sort(list_distinct(list(a_src) || list(b_src))) AS sources,
      list(DISTINCT strftime(${localTs('t')}, '%Y-%m-%d') ORDER BY strftime(${localTs('t')}, '%Y-%m-%d')) AS days,
      list(DISTINCT a_id ORDER BY a_id) AS a_ids, list(DISTINCT b_id ORDER BY b_id) AS b_ids
    FROM numbered
    GROUP BY a, b, apart, period
    ORDER BY a, b, apart, min(t), period`,
  },
  params: [
    'targets',
    'from',
    'to',
    'siteDecimals',
    'zone',
    'delay',
    'neighbourMetres',
    'apartMetres',
    'periodGapMinutes',
    'includeData',
  ],
  row: readRow,
}
