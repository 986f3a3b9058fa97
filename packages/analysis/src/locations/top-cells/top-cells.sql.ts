import type { QuerySpec, SqlRow } from '@linesight/store'
import {
  exactEvidenceCte,
  inClockWindow,
  isoUtc,
  localTs,
  locatedEventsCtes,
  type LocatedParam,
} from '../common/located-events.sql.js'

/** One cell (at one position) or one site, with its use overall, at night and in the daytime. */
export interface CellUseRow {
  readonly level: 'cell' | 'site' | 'total' | 'no-position'
  readonly gid: string
  readonly cell: string | null
  readonly site: string | null
  readonly site_name: string | null
  readonly lat: number | null
  readonly lon: number | null
  readonly azimuth: number | null
  readonly beamwidth: number | null
  readonly sources: readonly string[]
  readonly cells: readonly string[]
  readonly cgis: readonly string[]
  readonly events: number
  readonly active_days: number
  readonly first_utc: string
  readonly last_utc: string
  /** Event ids when the cell/window filter would not return exactly this group's events, else null. */
  readonly ids: readonly string[] | null
  readonly nights: number
  readonly night_events: number
  readonly night_ids: readonly string[]
  readonly days: number
  readonly day_events: number
  readonly day_ids: readonly string[]
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v))
const list = (v: unknown): readonly string[] => (Array.isArray(v) ? v.map(String) : [])

const readRow = (r: SqlRow): CellUseRow => ({
  level: String(r['level']) as CellUseRow['level'],
  gid: String(r['gid']),
  cell: r['cell'] === null ? null : String(r['cell']),
  site: r['site'] === null ? null : String(r['site']),
  site_name: r['site_name'] === null ? null : String(r['site_name']),
  lat: num(r['lat']),
  lon: num(r['lon']),
  azimuth: num(r['azimuth']),
  beamwidth: num(r['beamwidth']),
  sources: list(r['sources']),
  cells: list(r['cells']),
  cgis: list(r['cgis']),
  events: Number(r['events']),
  active_days: Number(r['active_days']),
  first_utc: String(r['first_utc']),
  last_utc: String(r['last_utc']),
  ids: r['ids'] === null ? null : list(r['ids']),
  nights: Number(r['nights']),
  night_events: Number(r['night_events']),
  night_ids: list(r['night_ids']),
  days: Number(r['days']),
  day_events: Number(r['day_events']),
  day_ids: list(r['day_ids']),
})

const usage = `count(*) AS events, count(DISTINCT local_day) AS active_days,
        min(start_utc) AS first_ts, max(start_utc) AS last_ts, list(id ORDER BY start_utc, id) AS all_ids,
        list(DISTINCT start_cgi ORDER BY start_cgi) AS cgis,
        count(DISTINCT night_of) FILTER (WHERE is_night) AS nights, count(*) FILTER (WHERE is_night) AS night_events,
        coalesce(list(id ORDER BY start_utc, id) FILTER (WHERE is_night), []) AS night_ids,
        count(DISTINCT local_day) FILTER (WHERE is_day) AS days, count(*) FILTER (WHERE is_day) AS day_events,
        coalesce(list(id ORDER BY start_utc, id) FILTER (WHERE is_day), []) AS day_ids`

/**
 * One number's located events grouped by cell (each position a cell had) and by site, plus the events whose cell
 * has no position, with night and daytime use in local time (`$zone`).
 */
export const topCellsQuery: QuerySpec<
  CellUseRow,
  LocatedParam | 'zone' | 'nightStart' | 'nightEnd' | 'dayStart' | 'dayEnd'
> = {
  id: 'top-cells',
  sql: {
    duckdb: `WITH ${locatedEventsCtes()},
    t AS MATERIALIZED (
      SELECT l.*, ${localTs('l.start_utc')} AS local_ts, CAST(local_ts AS DATE) AS local_day,
        ${inClockWindow('CAST(local_ts AS TIME)', '$nightStart', '$nightEnd')} AS is_night,
        CASE WHEN $nightStart::TIME > $nightEnd::TIME AND CAST(local_ts AS TIME) >= $nightStart::TIME
          THEN local_day + 1 ELSE local_day END AS night_of,
        ${inClockWindow('CAST(local_ts AS TIME)', '$dayStart', '$dayEnd')} AS is_day
      FROM located l
    ),
    site_pos AS (
      SELECT site, avg(lat) AS lat, avg(lon) AS lon FROM (SELECT DISTINCT site, cell, lat, lon FROM t WHERE site IS NOT NULL)
      GROUP BY site
    ),
    groups AS MATERIALIZED (
      SELECT 'cell' AS level, concat_ws('|', cell, lat, lon, azimuth, beamwidth, position_source) AS gid,
        any_value(target) AS target, cell, site, min(site_name) AS site_name, lat, lon, azimuth, beamwidth,
        [position_source] AS sources, [cell] AS cells, ${usage}
      FROM t WHERE position_source IS NOT NULL
      GROUP BY cell, site, lat, lon, azimuth, beamwidth, position_source
      UNION ALL
      SELECT 'site', 'site|' || t.site, any_value(target), NULL, t.site, min(site_name), any_value(p.lat), any_value(p.lon),
        NULL, NULL, list(DISTINCT position_source ORDER BY position_source), list(DISTINCT cell ORDER BY cell), ${usage}
      FROM t JOIN site_pos p ON p.site = t.site
      GROUP BY t.site
      UNION ALL
      SELECT 'total', 'total', any_value(target), NULL, NULL, NULL, NULL, NULL, NULL, NULL,
        list(DISTINCT position_source ORDER BY position_source), [], ${usage}
      FROM t WHERE position_source IS NOT NULL
      HAVING count(*) > 0
      UNION ALL
      SELECT 'no-position', 'no-position', any_value(target), NULL, NULL, NULL, NULL, NULL, NULL, NULL, [], [], ${usage}
      FROM t WHERE position_source IS NULL
      HAVING count(*) > 0
    ),
    ${exactEvidenceCte('groups')}
    SELECT g.level, g.gid, g.cell, g.site, g.site_name, g.lat, g.lon, g.azimuth, g.beamwidth, g.sources, g.cells, g.cgis,
      g.events, g.active_days, ${isoUtc('g.first_ts')} AS first_utc, ${isoUtc('g.last_ts')} AS last_utc,
      CASE WHEN coalesce(x.filter_n, 0) = g.events THEN NULL ELSE g.all_ids END AS ids,
      g.nights, g.night_events, g.night_ids, g.days, g.day_events, g.day_ids
    FROM groups g LEFT JOIN exact x ON x.gid = g.gid
    ORDER BY g.level, g.events DESC, g.gid`,
  },
  params: ['targets', 'from', 'to', 'siteDecimals', 'zone', 'nightStart', 'nightEnd', 'dayStart', 'dayEnd'],
  row: readRow,
}
