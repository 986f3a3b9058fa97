import type { QuerySpec, SqlRow } from '@linesight/store'
import {
  exactEvidenceCte,
  isoUtc,
  localText,
  locatedEventsCtes,
  type LocatedParam,
} from '../common/located-events.sql.js'

/** A run of one number's consecutive located events on one site (or cell), no gap longer than the limit. */
export interface DwellRow {
  readonly period: number
  /** The site, or with level `cell` the cell and its position. */
  readonly place: string
  readonly site: string
  readonly site_name: string | null
  readonly cells: readonly string[]
  readonly cgis: readonly string[]
  readonly sources: readonly string[]
  readonly lat: number
  readonly lon: number
  readonly events: number
  readonly first_utc: string
  readonly last_utc: string
  readonly first_local: string
  readonly last_local: string
  readonly first_ts: number
  readonly last_ts: number
  readonly first_id: string
  readonly last_id: string
  readonly first_semantics: string
  readonly last_semantics: string
  readonly ids: readonly string[]
  /** The cell/window filter returns exactly this period's events. */
  readonly filter_exact: boolean
}

const list = (v: unknown): readonly string[] => (Array.isArray(v) ? v.map(String) : [])

const readRow = (r: SqlRow): DwellRow => ({
  period: Number(r['period']),
  place: String(r['place']),
  site: String(r['site']),
  site_name: r['site_name'] === null ? null : String(r['site_name']),
  cells: list(r['cells']),
  cgis: list(r['cgis']),
  sources: list(r['sources']),
  lat: Number(r['lat']),
  lon: Number(r['lon']),
  events: Number(r['events']),
  first_utc: String(r['first_utc']),
  last_utc: String(r['last_utc']),
  first_local: String(r['first_local']),
  last_local: String(r['last_local']),
  first_ts: Number(r['first_ts']),
  last_ts: Number(r['last_ts']),
  first_id: String(r['first_id']),
  last_id: String(r['last_id']),
  first_semantics: String(r['first_semantics']),
  last_semantics: String(r['last_semantics']),
  ids: list(r['ids']),
  filter_exact: r['filter_exact'] === true,
})

export type DwellParam = LocatedParam | 'zone' | 'level' | 'maxGapMinutes' | 'minEvents' | 'limit'

/**
 * Dwell periods of one number in time order: a new period starts when the site (or cell) changes or when more than
 * `$maxGapMinutes` pass between events. Events without a cell position are left out and do not break a period.
 * A site's position is the mean of its cells' positions; a cell's is its own.
 */
export const dwellPeriodsQuery: QuerySpec<DwellRow, DwellParam> = {
  id: 'dwell-periods',
  sql: {
    duckdb: `WITH ${locatedEventsCtes()},
    s AS (
      SELECT l.*, CASE WHEN $level = 'cell' THEN concat_ws('|', l.cell, l.lat, l.lon, l.position_source) ELSE l.site END AS place
      FROM located l WHERE l.position_source IS NOT NULL
    ),
    site_pos AS (
      SELECT site, avg(lat) AS lat, avg(lon) AS lon FROM (SELECT DISTINCT site, cell, lat, lon FROM s) GROUP BY site
    ),
    marked AS (
      SELECT s.*, CASE WHEN lag(place) OVER w IS DISTINCT FROM place OR ts - lag(ts) OVER w > $maxGapMinutes * 60
        THEN 1 ELSE 0 END AS starts
      FROM s WINDOW w AS (ORDER BY start_utc, id)
    ),
    numbered AS (
      SELECT *, sum(starts) OVER (ORDER BY start_utc, id ROWS UNBOUNDED PRECEDING) AS period FROM marked
    ),
    groups AS MATERIALIZED (
      SELECT period AS gid, any_value(target) AS target, place, any_value(site) AS site, min(site_name) AS site_name,
        list(DISTINCT cell ORDER BY cell) AS cells, list(DISTINCT start_cgi ORDER BY start_cgi) AS cgis,
        list(DISTINCT position_source ORDER BY position_source) AS sources,
        CASE WHEN $level = 'cell' THEN any_value(lat) ELSE NULL END AS cell_lat,
        CASE WHEN $level = 'cell' THEN any_value(lon) ELSE NULL END AS cell_lon,
        count(*) AS n, min(start_utc) AS first_ts, max(start_utc) AS last_ts,
        arg_min(id, (start_utc, id)) AS first_id, arg_max(id, (start_utc, id)) AS last_id,
        arg_min(time_semantics, (start_utc, id)) AS first_semantics, arg_max(time_semantics, (start_utc, id)) AS last_semantics,
        list(id ORDER BY start_utc, id) AS ids
      FROM numbered GROUP BY period, place
    ),
    ${exactEvidenceCte('groups')}
    SELECT g.gid AS period, g.place, g.site, g.site_name, g.cells, g.cgis, g.sources,
      coalesce(g.cell_lat, p.lat) AS lat, coalesce(g.cell_lon, p.lon) AS lon, g.n AS events,
      ${isoUtc('g.first_ts')} AS first_utc, ${isoUtc('g.last_ts')} AS last_utc,
      ${localText('g.first_ts')} AS first_local, ${localText('g.last_ts')} AS last_local,
      epoch(g.first_ts) AS first_ts, epoch(g.last_ts) AS last_ts, g.first_id, g.last_id, g.first_semantics, g.last_semantics,
      g.ids, coalesce(x.filter_n, 0) = g.n AS filter_exact
    FROM groups g JOIN site_pos p ON p.site = g.site LEFT JOIN exact x ON x.gid = g.gid
    WHERE g.n >= $minEvents
    ORDER BY g.first_ts, g.gid
    LIMIT $limit`,
  },
  params: ['targets', 'from', 'to', 'siteDecimals', 'zone', 'level', 'maxGapMinutes', 'minEvents', 'limit'],
  row: readRow,
}
