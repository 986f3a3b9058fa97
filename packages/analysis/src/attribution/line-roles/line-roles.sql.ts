import type { QuerySpec } from '@linesight/store'
import { localTimeSql, ZONE_QUARTERS_CTE } from '../../core/local-time.sql.js'
import { GIVEN_BASE_CTE, type BaseParams } from '../../continuity/common/line-base.js'
import { packListSql, withLists } from '../../continuity/common/packed.js'
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
import { CONTACT_COLUMNS, CONTACT_ROWS, sidedContactsCte, sidedCte } from './line-roles.contacts.sql.js'

/** The line groups and their customer base (computed once by `lineBase`). */
type GroupParams = 'groups' | 'numbers' | BaseParams

const ALL_LINES_CTE = `all_lines AS (SELECT DISTINCT n FROM line_groups)`

/** Time buckets at least `$windowSeconds` wide (whole microseconds), so a window after an instant spans two. */
const WINDOW_BUCKET = `epoch_us(cc.t) // (ceil($windowSeconds) * 1000000)::BIGINT`
const bucketsOf = (t: string): string =>
  `unnest([epoch_us(${t}) // (ceil($windowSeconds) * 1000000)::BIGINT - 1, epoch_us(${t}) // (ceil($windowSeconds) * 1000000)::BIGINT])`

export interface CustomerRow {
  readonly g: string
  readonly c: string
  readonly first_flared_utc: string
  readonly flares: number
  readonly initiated: number
  readonly active_days: number
  readonly last_contact_utc: string | null
  /** Rows in the line numbers' own records with this customer (the evidence count). */
  readonly line_rows: number
}

/** The customer base per line (flare recipients) and the contacts each customer started with the line. */
export const customersQuery: QuerySpec<CustomerRow, GroupParams | 'zone'> = {
  id: 'line-roles-customers',
  sql: {
    duckdb: `WITH ${LINE_GROUPS_CTE}, ${GIVEN_BASE_CTE},
      -- One scan for the line numbers' own rows (any type) and their contacts from either side.
      line_rows AS MATERIALIZED (
        SELECT ${CONTACT_COLUMNS} FROM events_unique
        WHERE target_msisdn IS NOT NULL AND other_msisdn IS NOT NULL
          AND (target_msisdn IN (SELECT n FROM line_groups) OR other_msisdn IN (SELECT n FROM line_groups))),
      contact_rows AS (SELECT * FROM line_rows WHERE ${CONTACT_ROWS}),
      ${sidedCte('contact_rows')},
      cust_contacts AS MATERIALIZED (
        SELECT lg.g, k.a AS line, k.b AS c, k.t
        FROM sided k JOIN line_groups lg ON lg.n = k.a
        JOIN base ON base.g = lg.g AND base.c = k.b AND k.t >= base.first_flared
        WHERE k.dir = 'in'),
      initiated AS (
        SELECT g, c, count(DISTINCT (t, line)) AS n, count(DISTINCT (${localTime('t')})::DATE) AS days, max(t) AS last_t
        FROM cust_contacts GROUP BY g, c),
      own_rows AS (
        SELECT lg.g, e.other_msisdn AS c, count(*) AS n
        FROM line_rows e JOIN line_groups lg ON lg.n = e.target_msisdn GROUP BY lg.g, e.other_msisdn)
      SELECT b.g, b.c, ${isoUtc('b.first_flared')} AS first_flared_utc, b.flares, coalesce(i.n, 0) AS initiated,
        coalesce(i.days, 0) AS active_days, ${isoUtc('i.last_t')} AS last_contact_utc, coalesce(o.n, 0) AS line_rows
      FROM base b LEFT JOIN initiated i ON i.g = b.g AND i.c = b.c LEFT JOIN own_rows o ON o.g = b.g AND o.c = b.c
      ORDER BY b.g, initiated DESC, b.flares DESC, b.c`,
  },
  params: ['groups', 'numbers', 'base_g', 'base_c', 'base_t', 'base_k', 'zone'],
  row: (r) => r as unknown as CustomerRow,
}

export interface AfterCustomerRow {
  readonly g: string
  readonly x: string
  /** Contacts from x to the line's customers within the window after the customer contacted the line. */
  readonly callbacks: number
  readonly callback_days: number
  readonly callback_customers: number
  /** Every contact from x to the line's customers (the share's denominator). */
  readonly to_customers: number
  /** Contacts from the line to x within the window after a customer contact. */
  readonly line_after: number
  readonly line_after_days: number
  readonly line_to_x: number
  /** `owner|id` of each call-back and the customer contact it follows. */
  readonly callback_refs: readonly string[]
  readonly line_after_refs: readonly string[]
  readonly callback_day_list: readonly string[]
}

/**
 * The runner pattern (domain §3.7): numbers outside the customer base that contact the line's customers within
 * `$windowSeconds` after the customer contacted the line ("call-backs"), or that the line contacts within that
 * window after a customer contact.
 */
export const afterCustomerQuery: QuerySpec<AfterCustomerRow, GroupParams | 'zone' | 'windowSeconds'> = {
  id: 'line-roles-after-customer',
  sql: {
    duckdb: `WITH ${LINE_GROUPS_CTE}, ${ALL_LINES_CTE}, ${GIVEN_BASE_CTE},
      ${sidedContactsCte('SELECT n FROM line_groups', 'SELECT c FROM base')},
      line_side AS MATERIALIZED (SELECT lg.g, s.* FROM sided s JOIN line_groups lg ON lg.n = s.a),
      cust_contacts AS MATERIALIZED (
        SELECT ls.g, ls.a AS line, ls.b AS c, ls.t, ls.owner, ls.id
        FROM line_side ls JOIN base ON base.g = ls.g AND base.c = ls.b AND ls.t >= base.first_flared
        WHERE ls.dir = 'in'),
      -- Outside the line and its base, tested per contact (pairing every number with every line ran out of memory).
      to_cust AS MATERIALIZED (
        SELECT base.g, s.a AS x, s.b AS c, s.t, s.typ, s.owner, s.id
        FROM sided s JOIN base ON base.c = s.b ANTI JOIN base b2 ON b2.g = base.g AND b2.c = s.a
        WHERE s.dir = 'out' AND s.a NOT IN (SELECT n FROM all_lines)),
      -- A contact meets only the customer contacts in its own time bucket or the one before (not all 19M pairings).
      callbacks AS (
        SELECT tc.g, tc.x, tc.c, tc.t, tc.typ, tc.owner || '|' || tc.id AS ref, cc.owner || '|' || cc.id AS trigger_ref
        FROM (SELECT *, ${bucketsOf('t')} AS bucket FROM to_cust) tc
        JOIN cust_contacts cc ON cc.g = tc.g AND cc.c = tc.c AND ${WINDOW_BUCKET} = tc.bucket
          AND tc.t > cc.t AND tc.t <= cc.t + to_seconds($windowSeconds)),
      cb_agg AS (
        SELECT g, x, count(DISTINCT (c, t, typ)) AS callbacks,
          count(DISTINCT (${localTime('t')})::DATE) AS callback_days, count(DISTINCT c) AS callback_customers,
          list(DISTINCT ref) || list(DISTINCT trigger_ref) AS refs,
          list(DISTINCT strftime((${localTime('t')})::DATE, '%Y-%m-%d')) AS day_list
        FROM callbacks GROUP BY g, x),
      tc_agg AS (SELECT g, x, count(DISTINCT (c, t, typ)) AS to_customers FROM to_cust GROUP BY g, x),
      line_to AS MATERIALIZED (
        SELECT ls.g, ls.b AS x, ls.a AS line, ls.t, ls.typ, ls.owner, ls.id
        FROM line_side ls ANTI JOIN base ON base.g = ls.g AND base.c = ls.b
        WHERE ls.dir = 'out' AND ls.b NOT IN (SELECT n FROM all_lines)),
      line_after AS (
        SELECT lt.g, lt.x, lt.line, lt.t, lt.typ, lt.owner || '|' || lt.id AS ref, cc.owner || '|' || cc.id AS trigger_ref
        FROM (SELECT *, ${bucketsOf('t')} AS bucket FROM line_to) lt
        JOIN cust_contacts cc ON cc.g = lt.g AND cc.line = lt.line AND ${WINDOW_BUCKET} = lt.bucket
          AND lt.t > cc.t AND lt.t <= cc.t + to_seconds($windowSeconds)),
      la_agg AS (
        SELECT g, x, count(DISTINCT (line, t, typ)) AS line_after,
          count(DISTINCT (${localTime('t')})::DATE) AS line_after_days,
          list(DISTINCT ref) || list(DISTINCT trigger_ref) AS refs
        FROM line_after GROUP BY g, x),
      lt_agg AS (SELECT g, x, count(DISTINCT (line, t, typ)) AS line_to_x FROM line_to GROUP BY g, x),
      keys AS (SELECT g, x FROM cb_agg UNION SELECT g, x FROM la_agg)
      SELECT k.g, k.x, coalesce(cb.callbacks, 0) AS callbacks, coalesce(cb.callback_days, 0) AS callback_days,
        coalesce(cb.callback_customers, 0) AS callback_customers, coalesce(tc.to_customers, 0) AS to_customers,
        coalesce(la.line_after, 0) AS line_after, coalesce(la.line_after_days, 0) AS line_after_days,
        coalesce(lt.line_to_x, 0) AS line_to_x,
        ${packListSql('coalesce(list_sort(cb.refs), []::VARCHAR[])')} AS callback_refs,
        ${packListSql('coalesce(list_sort(la.refs), []::VARCHAR[])')} AS line_after_refs,
        ${packListSql('coalesce(list_sort(cb.day_list), []::VARCHAR[])')} AS callback_day_list
      FROM keys k LEFT JOIN cb_agg cb ON cb.g = k.g AND cb.x = k.x LEFT JOIN tc_agg tc ON tc.g = k.g AND tc.x = k.x
        LEFT JOIN la_agg la ON la.g = k.g AND la.x = k.x LEFT JOIN lt_agg lt ON lt.g = k.g AND lt.x = k.x
      ORDER BY k.g, k.x`,
  },
  params: ['groups', 'numbers', 'base_g', 'base_c', 'base_t', 'base_k', 'zone', 'windowSeconds'],
  row: (r) =>
    withLists(r, ['callback_refs', 'line_after_refs', 'callback_day_list']) as unknown as AfterCustomerRow,
}

export interface LineContactRow {
  readonly g: string
  readonly x: string
  readonly contacts: number
  readonly days: number
  readonly from_x: number
  readonly to_x: number
  readonly first_utc: string
  readonly last_utc: string
  readonly day_list: readonly string[]
  readonly refs: readonly string[]
}

/** Numbers outside the customer base in voice or text contact with the line, from either side's records. */
export const lineContactsQuery: QuerySpec<LineContactRow, GroupParams | 'zone'> = {
  id: 'line-roles-line-contacts',
  sql: {
    duckdb: `WITH ${LINE_GROUPS_CTE}, ${ALL_LINES_CTE}, ${GIVEN_BASE_CTE},
      ${sidedContactsCte('SELECT n FROM line_groups')},
      rows_ AS (
        SELECT lg.g, k.b AS x, k.a AS line, k.dir, k.t, k.typ, k.owner || '|' || k.id AS ref
        FROM sided k JOIN line_groups lg ON lg.n = k.a ANTI JOIN base ON base.g = lg.g AND base.c = k.b
        WHERE k.b NOT IN (SELECT n FROM all_lines))
      SELECT g, x, count(DISTINCT (line, t, typ, dir)) AS contacts,
        count(DISTINCT (${localTime('t')})::DATE) AS days,
        count(DISTINCT (line, t, typ)) FILTER (WHERE dir = 'in') AS from_x,
        count(DISTINCT (line, t, typ)) FILTER (WHERE dir = 'out') AS to_x,
        ${isoUtc('min(t)')} AS first_utc, ${isoUtc('max(t)')} AS last_utc,
        ${packListSql(`list_sort(list(DISTINCT strftime((${localTime('t')})::DATE, '%Y-%m-%d')))`)} AS day_list,
        ${packListSql('list_sort(list(DISTINCT ref))')} AS refs
      FROM rows_ GROUP BY g, x ORDER BY g, contacts DESC, x`,
  },
  params: ['groups', 'numbers', 'base_g', 'base_c', 'base_t', 'base_k', 'zone'],
  row: (r) => withLists(r, ['day_list', 'refs']) as unknown as LineContactRow,
}

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
      xe AS MATERIALIZED (SELECT fo.g, fo.f AS x, ev.id, ev.t, ev.cgi, ev.coarse, ev.k FROM ev JOIN focus fo ON fo.f = ev.n),
      le AS MATERIALIZED (SELECT lg.g, lg.n, ev.id, ev.t, ev.cgi, ev.coarse, ev.k FROM ev JOIN line_groups lg ON lg.n = ev.n),
      xb AS (SELECT xe.*, unnest([xe.k - 1, xe.k, xe.k + 1]) AS b FROM xe),
      near AS MATERIALIZED (
        SELECT xb.g, xb.x, xb.id AS xid, le.id AS lid, le.n, xb.t AS xt, abs(epoch(xb.t) - epoch(le.t)) AS dt,
          xb.cgi = le.cgi AS same_cell
        FROM xb JOIN le ON le.g = xb.g AND le.k = xb.b
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
      ${eventPositionsCte('pos', 'ev')}
      SELECT lg.g, median(p.lat) AS lat, median(p.lon) AS lon, bool_or(p.source_kind <> 'network') AS fallback,
        count(*) AS events
      FROM ev JOIN pos p ON p.id = ev.id JOIN line_groups lg ON lg.n = ev.n
      GROUP BY lg.g ORDER BY lg.g`,
  },
  params: ['groups', 'numbers', 'usePublicFallback'],
  row: (r) => r as unknown as TownRow,
}
