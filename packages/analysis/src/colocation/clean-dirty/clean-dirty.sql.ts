import type { QuerySpec, SqlRow } from '@linesight/store'
import {
  haversineSql,
  isoUtc,
  localText,
  localTs,
  locatedEventsCtes,
  type LocatedParam,
} from '../../locations/common/located-events.sql.js'
import { TEXT_TYPES, isContactTypeSql, oneOfSql } from '../../core/one-of.sql.js'

/**
 * Active: the user did something at the time given: an outgoing call, SMS or MMS, or an incoming call that was
 * answered (duration above 0). Passive: nothing needed the user: a data session, a received SMS or MMS, an
 * unanswered incoming call.
 */
const classified = `l AS MATERIALIZED (
      SELECT *,
        time_semantics = 'at' AND ((direction = 'out' AND ${isContactTypeSql('event_type')})
          OR (direction = 'in' AND event_type = 'voice' AND coalesce(duration_s, 0) > 0)) AS is_active,
        event_type = 'data' OR (direction = 'in' AND ${oneOfSql('event_type', TEXT_TYPES)})
          OR (direction = 'in' AND event_type = 'voice' AND coalesce(duration_s, 0) = 0) AS is_passive
      FROM located WHERE position_source IS NOT NULL
    )`

/** A period in which one number was active while the other was only passive, elsewhere. */
export interface PatternPeriodRow {
  readonly active: string
  readonly passive: string
  readonly first_utc: string
  readonly last_utc: string
  readonly first_local: string
  readonly last_local: string
  /** Active events of the active number in the period. */
  readonly instances: number
  readonly passive_events: number
  readonly min_metres: number
  readonly active_sites: readonly string[]
  readonly passive_sites: readonly string[]
  readonly active_site_names: readonly string[]
  readonly passive_site_names: readonly string[]
  readonly sources: readonly string[]
  readonly days: readonly string[]
  readonly active_ids: readonly string[]
  readonly passive_ids: readonly string[]
}

const list = (v: unknown): readonly string[] => (Array.isArray(v) ? v.map(String) : [])

export type CleanDirtyParam = LocatedParam | 'zone' | 'window' | 'apartMetres' | 'periodGapMinutes'

/**
 * For each active event of one number: the other number's located events within `$window` seconds. The event is an
 * instance of the pattern when the other had events then, all passive, all on cells more than `$apartMetres` away.
 * Instances merge into periods per (active, passive) pair when within `$periodGapMinutes`.
 */
export const cleanDirtyQuery: QuerySpec<PatternPeriodRow, CleanDirtyParam> = {
  id: 'clean-dirty',
  sql: {
    duckdb: `WITH ${locatedEventsCtes()},
    ${classified},
    -- Each event under its own time bucket and both neighbours, so events within the window come from an equi-join.
    probes AS (
      SELECT *, unnest([CAST(floor(ts / $window) AS BIGINT) - 1, CAST(floor(ts / $window) AS BIGINT),
        CAST(floor(ts / $window) AS BIGINT) + 1]) AS probe
      FROM l WHERE is_active OR is_passive
    ),
    around AS MATERIALIZED (
      SELECT x.id AS x_id, x.target AS active, y.target AS passive,
        count(*) FILTER (WHERE y.is_active) AS y_active, count(*) FILTER (WHERE y.is_passive) AS y_passive,
        min(${haversineSql('x.lat', 'x.lon', 'y.lat', 'y.lon')}) FILTER (WHERE y.is_passive) AS min_metres
      FROM l x JOIN probes y ON y.probe = CAST(floor(x.ts / $window) AS BIGINT) AND y.target <> x.target
        AND y.ts >= x.ts - $window AND y.ts <= x.ts + $window
      WHERE x.is_active
      GROUP BY x.id, x.target, y.target
    ),
    -- Only for the instances: the passive events behind each.
    found AS MATERIALIZED (
      SELECT a.x_id, a.active, a.passive, a.min_metres, x.start_utc AS t, x.site AS x_site,
        coalesce(x.site_name, x.site) AS x_name, x.position_source AS x_src
      FROM around a JOIN l x ON x.id = a.x_id
      WHERE a.y_active = 0 AND a.y_passive > 0 AND a.min_metres > $apartMetres
    ),
    behind AS (
      SELECT f.x_id, f.passive, list(y.id ORDER BY y.id) AS y_ids, list(DISTINCT y.site) AS y_sites,
        list(DISTINCT coalesce(y.site_name, y.site)) AS y_names, list(DISTINCT y.position_source) AS y_srcs
      FROM found f JOIN l x ON x.id = f.x_id
        JOIN probes y ON y.probe = CAST(floor(x.ts / $window) AS BIGINT) AND y.target = f.passive AND y.is_passive
          AND y.ts >= x.ts - $window AND y.ts <= x.ts + $window
      GROUP BY f.x_id, f.passive
    ),
    inst AS (
      SELECT *, CASE WHEN epoch(t) - epoch(lag(t) OVER w) <= $periodGapMinutes * 60 THEN 0 ELSE 1 END AS starts
      FROM found JOIN behind USING (x_id, passive)
      WINDOW w AS (PARTITION BY active, passive ORDER BY t, x_id)
    ),
    numbered AS (
      SELECT *, sum(starts) OVER (PARTITION BY active, passive ORDER BY t, x_id ROWS UNBOUNDED PRECEDING) AS period
      FROM inst
    )
    SELECT active, passive, ${isoUtc('min(t)')} AS first_utc, ${isoUtc('max(t)')} AS last_utc,
      ${localText('min(t)')} AS first_local, ${localText('max(t)')} AS last_local, count(*) AS instances,
      len(list_distinct(flatten(list(y_ids)))) AS passive_events, min(min_metres) AS min_metres,
      list(DISTINCT x_site ORDER BY x_site) AS active_sites,
      list_sort(list_distinct(flatten(list(y_sites)))) AS passive_sites,
      list(DISTINCT x_name ORDER BY x_name) AS active_site_names,
      list_sort(list_distinct(flatten(list(y_names)))) AS passive_site_names,
      list_sort(list_distinct(list(x_src) || flatten(list(y_srcs)))) AS sources,
      list(DISTINCT strftime(${localTs('t')}, '%Y-%m-%d') ORDER BY strftime(${localTs('t')}, '%Y-%m-%d')) AS days,
      list(DISTINCT x_id ORDER BY x_id) AS active_ids, list_sort(list_distinct(flatten(list(y_ids)))) AS passive_ids
    FROM numbered
    GROUP BY active, passive, period
    ORDER BY active, passive, min(t), period`,
  },
  params: ['targets', 'from', 'to', 'siteDecimals', 'zone', 'window', 'apartMetres', 'periodGapMinutes'],
  row: (r: SqlRow): PatternPeriodRow => ({
    active: String(r['active']),
    passive: String(r['passive']),
    first_utc: String(r['first_utc']),
    last_utc: String(r['last_utc']),
    first_local: String(r['first_local']),
    last_local: String(r['last_local']),
    instances: Number(r['instances']),
    passive_events: Number(r['passive_events']),
    min_metres: Number(r['min_metres']),
    active_sites: list(r['active_sites']),
    passive_sites: list(r['passive_sites']),
    active_site_names: list(r['active_site_names']),
    passive_site_names: list(r['passive_site_names']),
    sources: list(r['sources']),
    days: list(r['days']),
    active_ids: list(r['active_ids']),
    passive_ids: list(r['passive_ids']),
  }),
}

/** How each number was used over the window: active and passive events, sites. */
export interface UseProfileRow {
  readonly target: string
  readonly located: number
  readonly active: number
  readonly passive: number
  readonly sites: number
  readonly top_site: string | null
  readonly top_site_name: string | null
  readonly top_site_events: number
  readonly active_ids: readonly string[]
  readonly passive_ids: readonly string[]
}

export const useProfileQuery: QuerySpec<UseProfileRow, LocatedParam> = {
  id: 'clean-dirty-profile',
  sql: {
    duckdb: `WITH ${locatedEventsCtes()},
    ${classified},
    per_site AS (
      SELECT target, site, any_value(coalesce(site_name, site)) AS site_name, count(*) AS n FROM l GROUP BY target, site
    ),
    top AS (
      SELECT target, arg_max(site, (n, site)) AS top_site, arg_max(site_name, (n, site)) AS top_site_name, max(n) AS top_n,
        count(*) AS sites
      FROM per_site GROUP BY target
    )
    SELECT l.target, count(*) AS located, count(*) FILTER (WHERE is_active) AS active,
      count(*) FILTER (WHERE is_passive) AS passive, any_value(t.sites) AS sites, any_value(t.top_site) AS top_site,
      any_value(t.top_site_name) AS top_site_name, any_value(t.top_n) AS top_site_events,
      coalesce(list(id ORDER BY id) FILTER (WHERE is_active), []) AS active_ids,
      coalesce(list(id ORDER BY id) FILTER (WHERE is_passive), []) AS passive_ids
    FROM l JOIN top t ON t.target = l.target
    GROUP BY l.target
    ORDER BY l.target`,
  },
  params: ['targets', 'from', 'to', 'siteDecimals'],
  row: (r: SqlRow): UseProfileRow => ({
    target: String(r['target']),
    located: Number(r['located']),
    active: Number(r['active']),
    passive: Number(r['passive']),
    sites: Number(r['sites']),
    top_site: r['top_site'] === null ? null : String(r['top_site']),
    top_site_name: r['top_site_name'] === null ? null : String(r['top_site_name']),
    top_site_events: Number(r['top_site_events']),
    active_ids: list(r['active_ids']),
    passive_ids: list(r['passive_ids']),
  }),
}
