import type { QuerySpec } from '@linesight/store'
import { localTimeSql, ZONE_QUARTERS_CTE } from '../../core/local-time.sql.js'
import { packListSql, withLists } from '../../core/packed.js'
import {
  asLocal,
  CELL_ROWS_CTE,
  LINE_GROUPS_CTE,
  eventPositionsCte,
  haversineKm,
  inNight,
  isoUtc,
  localTime,
  nightOf,
} from '../../continuity/common/line-sql.js'
import { sidedContactsCte } from './line-roles.contacts.sql.js'

export interface FocusContactRow {
  readonly g: string
  /** The focus number (a runner candidate). */
  readonly f: string
  readonly x: string
  readonly contacts: number
  readonly days: number
  /** Contacts x started towards f. */
  readonly from_x: number
  readonly day_list: readonly string[]
  readonly from_x_days: readonly string[]
  readonly refs: readonly string[]
  readonly from_x_refs: readonly string[]
}

/**
 * The voice or text contacts of the focus numbers (runner candidates) with the line's other contacts
 * (`$contact_g`, `$contact_x`: the line contacts, among whom holders and tasking numbers are found), per line.
 */
export const focusContactsQuery: QuerySpec<
  FocusContactRow,
  'focus_g' | 'focus_n' | 'contact_g' | 'contact_x' | 'zone'
> = {
  id: 'line-roles-focus-contacts',
  sql: {
    duckdb: `WITH focus AS (SELECT DISTINCT g, f FROM (SELECT unnest($focus_g::VARCHAR[]) AS g, unnest($focus_n::VARCHAR[]) AS f)),
      line_contact AS (
        SELECT DISTINCT g, x FROM (SELECT unnest($contact_g::VARCHAR[]) AS g, unnest($contact_x::VARCHAR[]) AS x)),
      ${sidedContactsCte('SELECT f FROM focus')}
      SELECT fo.g, fo.f, k.b AS x, count(DISTINCT (k.t, k.typ, k.dir)) AS contacts,
        count(DISTINCT (${localTime('k.t')})::DATE) AS days,
        count(DISTINCT (k.t, k.typ)) FILTER (WHERE k.dir = 'in') AS from_x,
        ${packListSql(`list_sort(list(DISTINCT strftime((${localTime('k.t')})::DATE, '%Y-%m-%d')))`)} AS day_list,
        ${packListSql(`coalesce(list_sort(list(DISTINCT strftime((${localTime('k.t')})::DATE, '%Y-%m-%d')) FILTER (WHERE k.dir = 'in')), []::VARCHAR[])`)} AS from_x_days,
        ${packListSql(`list_sort(list(DISTINCT k.owner || '|' || k.id))`)} AS refs,
        ${packListSql(`coalesce(list_sort(list(DISTINCT k.owner || '|' || k.id) FILTER (WHERE k.dir = 'in')), []::VARCHAR[])`)} AS from_x_refs
      FROM sided k JOIN focus fo ON fo.f = k.a JOIN line_contact lc ON lc.g = fo.g AND lc.x = k.b
      GROUP BY fo.g, fo.f, k.b ORDER BY fo.g, fo.f, k.b`,
  },
  params: ['focus_g', 'focus_n', 'contact_g', 'contact_x', 'zone'],
  row: (r) => withLists(r, ['day_list', 'from_x_days', 'refs', 'from_x_refs']) as unknown as FocusContactRow,
}

/** Each line's town (`TownRow`) as parallel text lists, for `placesQuery`. */
export type TownParams = 'town_g' | 'town_lat' | 'town_lon' | 'town_fallback'

export const townLists = (rows: readonly TownRow[]): Record<TownParams, string[]> => ({
  town_g: rows.map((r) => r.g),
  town_lat: rows.map((r) => String(r.lat)),
  town_lon: rows.map((r) => String(r.lon)),
  town_fallback: rows.map((r) => String(r.fallback)),
})

export interface PlaceRow {
  readonly g: string
  readonly x: string
  readonly centre_lat: number | null
  readonly centre_lon: number | null
  readonly centre_fallback: boolean | null
  readonly home_cgi: string | null
  readonly home_site: string | null
  readonly home_nights: number
  readonly nights_observed: number
  readonly home_lat: number | null
  readonly home_lon: number | null
  readonly home_fallback: boolean | null
  readonly home_km: number | null
  readonly home_refs: readonly string[]
  readonly town_days: number
  readonly town_cells: readonly string[]
  readonly town_rows: number
  readonly positioned_days: number
}

/**
 * Places (domain §3.7): each line's town (from `townQuery`, as parallel lists), and for each focus number
 * its home cell (the cell of most nights in the overnight window, with the rows), the distance from that cell
 * to the town, and the days it used cells within `$townRadiusKm` of the town.
 */
export const placesQuery: QuerySpec<
  PlaceRow,
  | TownParams
  | 'focus_g'
  | 'focus_n'
  | 'zone'
  | 'nightStartHour'
  | 'nightEndHour'
  | 'townRadiusKm'
  | 'usePublicFallback'
> = {
  id: 'line-roles-places',
  sql: {
    duckdb: `WITH ${ZONE_QUARTERS_CTE},
      focus AS (SELECT DISTINCT g, f FROM (SELECT unnest($focus_g::VARCHAR[]) AS g, unnest($focus_n::VARCHAR[]) AS f)),
      ${CELL_ROWS_CTE},
      ev AS MATERIALIZED (
        SELECT id, target_msisdn AS n, start_cgi AS cgi, start_utc AS t FROM events_unique
        WHERE start_cgi IS NOT NULL AND target_msisdn IN (SELECT f FROM focus)),
      ${eventPositionsCte('pos', 'ev')},
      -- The town of each line as townQuery gave it (doubles travel as shortest round-trip text, so exactly).
      centre AS (
        SELECT unnest($town_g::VARCHAR[]) AS g, unnest($town_lat::VARCHAR[])::DOUBLE AS lat,
          unnest($town_lon::VARCHAR[])::DOUBLE AS lon, unnest($town_fallback::VARCHAR[])::BOOLEAN AS fallback),
      fev AS MATERIALIZED (
        SELECT fo.g, fo.f AS x, ev.id, ev.cgi, ev.t, ${localTimeSql('ev.t')} AS lt, p.lat, p.lon, p.site_name, p.source_kind
        FROM ev JOIN focus fo ON fo.f = ev.n LEFT JOIN pos p ON p.id = ev.id),
      night AS (
        SELECT *, ${nightOf('lt', asLocal)} AS night FROM fev WHERE ${inNight('lt', asLocal)}),
      night_cells AS (
        SELECT g, x, cgi, count(DISTINCT night) AS nights, list(id ORDER BY id) AS ids, any_value(lat) AS lat,
          any_value(lon) AS lon, any_value(site_name) AS site_name, bool_or(source_kind <> 'network') AS fallback
        FROM night GROUP BY g, x, cgi),
      home AS (
        SELECT * FROM night_cells
        QUALIFY row_number() OVER (PARTITION BY g, x ORDER BY nights DESC, (lat IS NULL), cgi) = 1),
      nights_obs AS (SELECT g, x, count(DISTINCT night) AS n FROM night GROUP BY g, x),
      town AS (
        SELECT f.g, f.x, count(DISTINCT f.lt::DATE) AS days, list(DISTINCT f.cgi ORDER BY f.cgi) AS cells
        FROM fev f JOIN centre c ON c.g = f.g
        WHERE f.lat IS NOT NULL AND ${haversineKm('f.lat', 'f.lon', 'c.lat', 'c.lon')} <= $townRadiusKm
        GROUP BY f.g, f.x),
      -- Every event of x on a cell is in fev, so its town rows are counted there rather than in all events.
      town_rows AS (
        SELECT t.g, t.x, count(*) AS n FROM town t JOIN fev f ON f.g = t.g AND f.x = t.x
        AND list_contains(t.cells, f.cgi) GROUP BY t.g, t.x),
      positioned AS (SELECT g, x, count(DISTINCT lt::DATE) AS days FROM fev WHERE lat IS NOT NULL GROUP BY g, x)
      SELECT fo.g, fo.f AS x, c.lat AS centre_lat, c.lon AS centre_lon, c.fallback AS centre_fallback,
        h.cgi AS home_cgi, h.site_name AS home_site, coalesce(h.nights, 0) AS home_nights,
        coalesce(no.n, 0) AS nights_observed, h.lat AS home_lat, h.lon AS home_lon, h.fallback AS home_fallback,
        CASE WHEN h.lat IS NULL OR c.lat IS NULL THEN NULL ELSE round(${haversineKm('h.lat', 'h.lon', 'c.lat', 'c.lon')}, 3) END AS home_km,
        coalesce(h.ids, []::VARCHAR[]) AS home_refs, coalesce(t.days, 0) AS town_days,
        coalesce(t.cells, []::VARCHAR[]) AS town_cells, coalesce(tr.n, 0) AS town_rows,
        coalesce(ps.days, 0) AS positioned_days
      FROM focus fo LEFT JOIN centre c ON c.g = fo.g LEFT JOIN home h ON h.g = fo.g AND h.x = fo.f
        LEFT JOIN nights_obs no ON no.g = fo.g AND no.x = fo.f LEFT JOIN town t ON t.g = fo.g AND t.x = fo.f
        LEFT JOIN town_rows tr ON tr.g = fo.g AND tr.x = fo.f LEFT JOIN positioned ps ON ps.g = fo.g AND ps.x = fo.f
      ORDER BY fo.g, fo.f`,
  },
  params: [
    'town_g',
    'town_lat',
    'town_lon',
    'town_fallback',
    'focus_g',
    'focus_n',
    'zone',
    'nightStartHour',
    'nightEndHour',
    'townRadiusKm',
    'usePublicFallback',
  ],
  row: (r) => r as unknown as PlaceRow,
}

export interface ColocationRow {
  readonly g: string
  readonly x: string
  readonly periods: number
  readonly days: number
  readonly same_cell: number
  readonly same_site: number
  readonly nearby: number
  readonly fallback_periods: number
  readonly day_list: readonly string[]
  /** One pair per period (the closest): `owner|id` of both events. */
  readonly refs: readonly string[]
}

/**
 * Co-location with the line's phones (domain §3.7): a focus number's event and a line number's event within
 * `$delaySeconds` (plus 59 s when either time is given to the minute) on the same cell, the same site, or cells
 * listed within `$nearMetres` of each other (different networks never share a cell). Matches more than
 * `$periodGapSeconds` apart are separate periods.
 */
export const colocationQuery: QuerySpec<
  ColocationRow,
  | 'groups'
  | 'numbers'
  | 'focus_g'
  | 'focus_n'
  | 'zone'
  | 'delaySeconds'
  | 'nearMetres'
  | 'periodGapSeconds'
  | 'usePublicFallback'
> = {
  id: 'line-roles-colocation',
  sql: {
    duckdb: `WITH ${LINE_GROUPS_CTE},
      focus AS (SELECT DISTINCT g, f FROM (SELECT unnest($focus_g::VARCHAR[]) AS g, unnest($focus_n::VARCHAR[]) AS f)),
      ${CELL_ROWS_CTE},
      -- One scan for the focus and line numbers' events; each event once, so its position is found once.
      ev AS MATERIALIZED (
        SELECT id, target_msisdn AS n, start_utc AS t, start_cgi AS cgi, start_precision = 'minute' AS coarse,
          floor(epoch(start_utc) / ($delaySeconds + 60))::BIGINT AS k
        FROM events_unique
        WHERE start_cgi IS NOT NULL
          AND (target_msisdn IN (SELECT f FROM focus) OR target_msisdn IN (SELECT n FROM line_groups))),
      -- A whole-number key for each line, so the time-bucket join below hashes integers rather than text.
      group_key AS MATERIALIZED (SELECT g, row_number() OVER () AS gk FROM (SELECT DISTINCT g FROM line_groups)),
      xe AS (
        SELECT fo.g, gk.gk, fo.f AS x, ev.id, ev.t, ev.cgi, ev.coarse, ev.k
        FROM ev JOIN focus fo ON fo.f = ev.n JOIN group_key gk ON gk.g = fo.g),
      le AS (
        SELECT gk.gk, lg.n, ev.id, ev.t, ev.cgi, ev.coarse, ev.k
        FROM ev JOIN line_groups lg ON lg.n = ev.n JOIN group_key gk ON gk.g = lg.g),
      xb AS (SELECT xe.*, unnest([xe.k - 1, xe.k, xe.k + 1]) AS b FROM xe),
      near AS MATERIALIZED (
        SELECT xb.g, xb.x, xb.id AS xid, le.id AS lid, le.n, xb.t AS xt, abs(epoch(xb.t) - epoch(le.t)) AS dt,
          xb.cgi = le.cgi AS same_cell
        FROM xb JOIN le ON le.gk = xb.gk AND le.k = xb.b
        WHERE xb.x <> le.n
          AND abs(epoch(xb.t) - epoch(le.t)) <= $delaySeconds + CASE WHEN xb.coarse OR le.coarse THEN 59 ELSE 0 END),
      -- Positions only for the events that have a partner in time (a fraction of all the line events).
      pos_in AS (
        SELECT ev.* FROM ev SEMI JOIN (SELECT xid AS id FROM near UNION ALL SELECT lid FROM near) u ON u.id = ev.id),
      ${eventPositionsCte('pos', 'pos_in')},
      pairs AS (
        SELECT near.g, near.x, near.xid, near.lid, near.n, near.xt, near.dt,
          CASE WHEN near.same_cell THEN 1
            WHEN px.site_key IS NOT NULL AND px.site_key = pl.site_key THEN 2
            WHEN px.lat IS NOT NULL AND pl.lat IS NOT NULL
              AND ${haversineKm('px.lat', 'px.lon', 'pl.lat', 'pl.lon')} * 1000 <= $nearMetres THEN 3 END AS kind,
          coalesce(px.source_kind <> 'network' OR pl.source_kind <> 'network', false) AS fallback
        FROM near LEFT JOIN pos px ON px.id = near.xid LEFT JOIN pos pl ON pl.id = near.lid),
      best AS (
        SELECT * FROM pairs WHERE kind IS NOT NULL
        QUALIFY row_number() OVER (PARTITION BY g, x, xid ORDER BY kind, (kind <> 1 AND fallback), dt, lid) = 1),
      chained AS (
        SELECT *, CASE WHEN epoch(xt) - epoch(lag(xt) OVER (PARTITION BY g, x ORDER BY xt, xid)) <= $periodGapSeconds
          THEN 0 ELSE 1 END AS brk FROM best),
      numbered AS (SELECT *, sum(brk) OVER (PARTITION BY g, x ORDER BY xt, xid ROWS UNBOUNDED PRECEDING) AS period FROM chained),
      periods AS (
        SELECT g, x, period, min(xt) AS t0, min(kind) AS kind, bool_and(fallback) AS fallback,
          arg_min(x || '|' || xid, (kind, dt, xid)) AS xref, arg_min(n || '|' || lid, (kind, dt, xid)) AS lref
        FROM numbered GROUP BY g, x, period)
      SELECT g, x, count(*) AS periods, count(DISTINCT (${localTime('t0')})::DATE) AS days,
        count(*) FILTER (WHERE kind = 1) AS same_cell, count(*) FILTER (WHERE kind = 2) AS same_site,
        count(*) FILTER (WHERE kind = 3) AS nearby, count(*) FILTER (WHERE fallback AND kind = 3) AS fallback_periods,
        list_sort(list(DISTINCT strftime((${localTime('t0')})::DATE, '%Y-%m-%d'))) AS day_list,
        list_sort(list(xref) || list(lref)) AS refs
      FROM periods GROUP BY g, x ORDER BY g, x`,
  },
  params: [
    'groups',
    'numbers',
    'focus_g',
    'focus_n',
    'zone',
    'delaySeconds',
    'nearMetres',
    'periodGapSeconds',
    'usePublicFallback',
  ],
  row: (r) => r as unknown as ColocationRow,
}

export interface NewHandsetRow {
  readonly g: string
  readonly imei: string
  readonly msisdn: string
  readonly first_utc: string
  readonly first_day: string
  readonly ref: string
}

/** Handsets (IMEI) that first appear on a line's numbers after the line's first record: a new handset's first day. */
export const newHandsetsQuery: QuerySpec<NewHandsetRow, 'groups' | 'numbers' | 'zone'> = {
  id: 'line-roles-new-handsets',
  sql: {
    duckdb: `WITH ${LINE_GROUPS_CTE},
      ev AS (SELECT lg.g, e.* FROM events_unique e JOIN line_groups lg ON lg.n = e.target_msisdn),
      starts AS (SELECT g, min(start_utc) AS t FROM ev GROUP BY g),
      firsts AS (
        SELECT g, imei, arg_min(target_msisdn, (start_utc, id)) AS msisdn, min(start_utc) AS t, arg_min(id, (start_utc, id)) AS id
        FROM ev WHERE imei IS NOT NULL GROUP BY g, imei)
      SELECT f.g, f.imei, f.msisdn, ${isoUtc('f.t')} AS first_utc,
        strftime((${localTime('f.t')})::DATE, '%Y-%m-%d') AS first_day, f.msisdn || '|' || f.id AS ref
      FROM firsts f JOIN starts s ON s.g = f.g WHERE (${localTime('f.t')})::DATE > (${localTime('s.t')})::DATE
      ORDER BY f.g, f.t, f.imei`,
  },
  params: ['groups', 'numbers', 'zone'],
  row: (r) => r as unknown as NewHandsetRow,
}

/**
 * `pos`: the position of each event of `ev` (id, n, cgi, t), keeping the event's number `n` so that hundreds of
 * thousands of positions need not be joined back to their events by id.
 */
const NUMBER_POSITIONS_CTE = eventPositionsCte('pos', 'ev', 'e.n, c.lat, c.lon, c.source_kind', false)

export interface TownRow {
  readonly g: string
  readonly lat: number
  readonly lon: number
  readonly fallback: boolean
  readonly events: number
}

/** Each line's town: the median position of its numbers' cells (network list first), with how many events it rests on. */
export const townQuery: QuerySpec<TownRow, 'groups' | 'numbers' | 'usePublicFallback'> = {
  id: 'line-roles-town',
  sql: {
    duckdb: `WITH ${LINE_GROUPS_CTE}, ${CELL_ROWS_CTE},
      ev AS MATERIALIZED (
        SELECT e.id, e.target_msisdn AS n, e.start_cgi AS cgi, e.start_utc AS t FROM events_unique e
        WHERE e.start_cgi IS NOT NULL AND e.target_msisdn IN (SELECT n FROM line_groups)),
      ${NUMBER_POSITIONS_CTE}
      SELECT lg.g, median(p.lat) AS lat, median(p.lon) AS lon, bool_or(p.source_kind <> 'network') AS fallback,
        count(*) AS events
      FROM pos p JOIN line_groups lg ON lg.n = p.n
      GROUP BY lg.g ORDER BY lg.g`,
  },
  params: ['groups', 'numbers', 'usePublicFallback'],
  row: (r) => r as unknown as TownRow,
}
