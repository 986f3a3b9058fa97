import type { QuerySpec, SqlRow } from '@linesight/store'
import { GIVEN_BASE_CTE, type BaseParams } from '../../continuity/common/line-base.js'
import { packListSql, withLists } from '../../core/packed.js'
import { isoUtc, LINE_GROUPS_CTE } from '../../continuity/common/line-sql.js'
import { localTimeSql, ZONE_QUARTERS_CTE } from '../../core/local-time.sql.js'
import { CONTACT_COLUMNS, CONTACT_ROWS, sidedCte } from './line-roles.contacts.sql.js'
import { floorDiv } from '../../core/floor-div.sql.js'

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

/** The three row sets of `lineSideQuery`, each in its own order. */
export interface LineSide {
  readonly customers: readonly CustomerRow[]
  readonly after: readonly AfterCustomerRow[]
  readonly lineContacts: readonly LineContactRow[]
}

/** Time buckets at least `$windowSeconds` wide (whole microseconds), so a window after an instant spans two. */
const bucketOf = (t: string): string => floorDiv(`epoch_us(${t})`, '(ceil($windowSeconds) * 1000000)::BIGINT')

/**
 * The contacts of `rows` (g, x, t, typ, owner, id, the `key` column and `other`) made within the call-back window
 * after a customer's contact with the line (`cust_contacts`, joined on `key`), each with its ref and the ref of the
 * customer contact before it. A contact meets only the customer contacts in its own time bucket or the one before.
 */
const afterCustomerContact = (rows: string, key: string, other: string): string => `
        SELECT r.g, r.x, ${other}, r.t, r.typ, r.owner || '|' || r.id AS ref, cc.owner || '|' || cc.id AS trigger_ref
        FROM (SELECT *, unnest([${bucketOf('t')} - 1, ${bucketOf('t')}]) AS bucket FROM ${rows}) r
        JOIN cust_contacts cc ON cc.${key} = r.${key} AND cc.bucket = r.bucket
          AND r.t > cc.t AND r.t <= cc.t + to_seconds($windowSeconds)`

/** Each kind's columns after `kind`, `g` and `x` (the customer's number is `x` in the combined rows). */
const COLUMNS = {
  customer: ['first_flared_utc', 'flares', 'initiated', 'active_days', 'last_contact_utc', 'line_rows'],
  after: [
    'callbacks',
    'callback_days',
    'callback_customers',
    'to_customers',
    'line_after',
    'line_after_days',
    'line_to_x',
    'callback_refs',
    'line_after_refs',
    'callback_day_list',
  ],
  contact: ['contacts', 'days', 'from_x', 'to_x', 'first_utc', 'last_utc', 'day_list', 'refs'],
} as const
type Kind = keyof typeof COLUMNS
const ALL_COLUMNS: readonly string[] = Object.values(COLUMNS).flat()

/** One kind's rows in the combined column list (the other kinds' columns NULL), with its sort keys `o0`–`o2`. */
const branch = (kind: Kind, order: number, keys: string, from: string): string =>
  `SELECT '${kind}' AS kind, g, x, ${ALL_COLUMNS.map((c) => ((COLUMNS[kind] as readonly string[]).includes(c) ? c : `NULL AS ${c}`)).join(', ')},
        ${order} AS o0, ${keys} FROM ${from}`

/**
 * Everything line-roles reads from the contacts of the line numbers, from one scan of the events:
 * - customers: the customer base per line (flare recipients) and the contacts each customer started with the line;
 * - after: the runner pattern (domain §3.7), numbers outside the customer base that contact the line's customers
 *   within `$windowSeconds` after the customer contacted the line ("call-backs"), or that the line contacts within
 *   that window after a customer contact;
 * - contact: numbers outside the customer base in voice or text contact with the line, from either side's records.
 */
export const lineSideQuery: QuerySpec<
  { readonly kind: Kind; readonly row: SqlRow },
  'groups' | 'numbers' | BaseParams | 'zone' | 'windowSeconds'
> = {
  // The id the customer query had: traces and the run-memo test count line-roles computations by it.
  id: 'line-roles-customers',
  sql: {
    duckdb: `WITH ${ZONE_QUARTERS_CTE}, ${LINE_GROUPS_CTE}, all_lines AS (SELECT DISTINCT n FROM line_groups), ${GIVEN_BASE_CTE},
      -- A whole-number key for each (line, customer) and (line, line number), so the time-window joins below
      -- hash and compare integers rather than text.
      base_key AS MATERIALIZED (SELECT g, c, row_number() OVER () AS bk FROM base),
      line_key AS MATERIALIZED (SELECT g, n, row_number() OVER () AS lk FROM line_groups),
      -- The line numbers' own rows (any type) and every contact of a line number or a customer, in one scan.
      scanned_rows AS MATERIALIZED (
        SELECT ${CONTACT_COLUMNS}, ${CONTACT_ROWS} AS is_contact FROM events_unique
        WHERE target_msisdn IS NOT NULL AND other_msisdn IS NOT NULL
          AND (target_msisdn IN (SELECT n FROM line_groups)
            OR (${CONTACT_ROWS} AND (other_msisdn IN (SELECT n FROM line_groups)
              OR target_msisdn IN (SELECT c FROM base) OR other_msisdn IN (SELECT c FROM base))))),
      contact_rows AS NOT MATERIALIZED (SELECT ${CONTACT_COLUMNS} FROM scanned_rows WHERE is_contact),
      ${sidedCte('contact_rows')},
      line_side AS MATERIALIZED (SELECT lg.g, lg.lk, s.* FROM sided s JOIN line_key lg ON lg.n = s.a),
      cust_contacts AS MATERIALIZED (
        SELECT ls.g, ls.a AS line, ls.b AS c, ls.t, ls.owner, ls.id, ls.lk, bk.bk, ${bucketOf('ls.t')} AS bucket
        FROM line_side ls JOIN base ON base.g = ls.g AND base.c = ls.b AND ls.t >= base.first_flared
          JOIN base_key bk ON bk.g = base.g AND bk.c = base.c
        WHERE ls.dir = 'in'),
      initiated AS (
        -- (t, line) as one number (line numbers are keyed below 2^32) rather than a struct per row.
        SELECT g, c, count(DISTINCT epoch_us(t)::HUGEINT * 4294967296 + lk) AS n, count(DISTINCT (${localTimeSql('t')})::DATE) AS days, max(t) AS last_t
        FROM cust_contacts GROUP BY g, c),
      own_rows AS (
        SELECT lg.g, e.other_msisdn AS c, count(*) AS n
        FROM scanned_rows e JOIN line_groups lg ON lg.n = e.target_msisdn GROUP BY lg.g, e.other_msisdn),
      customer_rows AS (
        SELECT b.g, b.c AS x, ${isoUtc('b.first_flared')} AS first_flared_utc, b.flares, coalesce(i.n, 0) AS initiated,
          coalesce(i.days, 0) AS active_days, ${isoUtc('i.last_t')} AS last_contact_utc, coalesce(o.n, 0) AS line_rows
        FROM base b LEFT JOIN initiated i ON i.g = b.g AND i.c = b.c LEFT JOIN own_rows o ON o.g = b.g AND o.c = b.c),
      -- Outside the line and its base, tested per contact (pairing every number with every line ran out of memory).
      to_cust AS MATERIALIZED (
        SELECT base.g, base.bk, s.a AS x, s.b AS c, s.t, s.typ, s.owner, s.id
        FROM (SELECT * FROM sided WHERE dir = 'out' AND a NOT IN (SELECT n FROM all_lines)) s
          JOIN base_key base ON base.c = s.b ANTI JOIN base b2 ON b2.g = base.g AND b2.c = s.a),
      -- Only the customer contacts in the same or the previous time bucket are met (not all 19M pairings).
      callbacks AS (${afterCustomerContact('to_cust', 'bk', 'r.c')}),
      cb_agg AS (
        SELECT g, x, count(DISTINCT (c, t, typ)) AS callbacks,
          count(DISTINCT (${localTimeSql('t')})::DATE) AS callback_days, count(DISTINCT c) AS callback_customers,
          list(DISTINCT ref) || list(DISTINCT trigger_ref) AS refs,
          list(DISTINCT strftime((${localTimeSql('t')})::DATE, '%Y-%m-%d')) AS day_list
        FROM callbacks GROUP BY g, x),
      tc_agg AS (SELECT g, x, count(DISTINCT (c, t, typ)) AS to_customers FROM to_cust GROUP BY g, x),
      -- The line's contacts outside the line numbers and its base, either way.
      line_other AS MATERIALIZED (
        SELECT ls.g, ls.lk, ls.b AS x, ls.a AS line, ls.dir, ls.t, ls.typ, ls.owner, ls.id
        FROM line_side ls ANTI JOIN base ON base.g = ls.g AND base.c = ls.b
        WHERE ls.b NOT IN (SELECT n FROM all_lines)),
      line_to AS (SELECT * FROM line_other WHERE dir = 'out'),
      line_after AS (${afterCustomerContact('line_to', 'lk', 'r.line')}),
      la_agg AS (
        SELECT g, x, count(DISTINCT (line, t, typ)) AS line_after,
          count(DISTINCT (${localTimeSql('t')})::DATE) AS line_after_days,
          list(DISTINCT ref) || list(DISTINCT trigger_ref) AS refs
        FROM line_after GROUP BY g, x),
      lt_agg AS (SELECT g, x, count(DISTINCT (line, t, typ)) AS line_to_x FROM line_to GROUP BY g, x),
      keys AS (SELECT g, x FROM cb_agg UNION SELECT g, x FROM la_agg),
      after_rows AS (
        SELECT k.g, k.x, coalesce(cb.callbacks, 0) AS callbacks, coalesce(cb.callback_days, 0) AS callback_days,
          coalesce(cb.callback_customers, 0) AS callback_customers, coalesce(tc.to_customers, 0) AS to_customers,
          coalesce(la.line_after, 0) AS line_after, coalesce(la.line_after_days, 0) AS line_after_days,
          coalesce(lt.line_to_x, 0) AS line_to_x,
          ${packListSql('coalesce(list_sort(cb.refs), []::VARCHAR[])')} AS callback_refs,
          ${packListSql('coalesce(list_sort(la.refs), []::VARCHAR[])')} AS line_after_refs,
          ${packListSql('coalesce(list_sort(cb.day_list), []::VARCHAR[])')} AS callback_day_list
        FROM keys k LEFT JOIN cb_agg cb ON cb.g = k.g AND cb.x = k.x LEFT JOIN tc_agg tc ON tc.g = k.g AND tc.x = k.x
          LEFT JOIN la_agg la ON la.g = k.g AND la.x = k.x LEFT JOIN lt_agg lt ON lt.g = k.g AND lt.x = k.x),
      contact_rows_out AS (
        SELECT g, x, count(DISTINCT (line, t, typ, dir)) AS contacts,
          count(DISTINCT (${localTimeSql('t')})::DATE) AS days,
          count(DISTINCT (line, t, typ)) FILTER (WHERE dir = 'in') AS from_x,
          count(DISTINCT (line, t, typ)) FILTER (WHERE dir = 'out') AS to_x,
          ${isoUtc('min(t)')} AS first_utc, ${isoUtc('max(t)')} AS last_utc,
          ${packListSql(`list_sort(list(DISTINCT strftime((${localTimeSql('t')})::DATE, '%Y-%m-%d')))`)} AS day_list,
          ${packListSql("list_sort(list(DISTINCT owner || '|' || id))")} AS refs
        FROM line_other GROUP BY g, x)
      SELECT kind, g, x, ${ALL_COLUMNS.join(', ')} FROM (
        ${branch('customer', 0, 'initiated AS o1, flares AS o2', 'customer_rows')}
        UNION ALL ${branch('after', 1, '0 AS o1, 0 AS o2', 'after_rows')}
        UNION ALL ${branch('contact', 2, 'contacts AS o1, 0 AS o2', 'contact_rows_out')})
      ORDER BY o0, g, o1 DESC, o2 DESC, x`,
  },
  params: ['groups', 'numbers', 'base_g', 'base_c', 'base_t', 'base_k', 'zone', 'windowSeconds'],
  row: (r) => ({ kind: r.kind as Kind, row: r }),
}

const columnsOf = (r: SqlRow, kind: Kind): Record<string, unknown> =>
  Object.fromEntries(['g', 'x', ...COLUMNS[kind]].map((c) => [c, r[c]]))

/** The rows of `lineSideQuery` by kind, with the packed lists as arrays and the customer's number as `c`. */
export function splitLineSide(rows: readonly { readonly kind: Kind; readonly row: SqlRow }[]): LineSide {
  const of = (kind: Kind): SqlRow[] => rows.filter((r) => r.kind === kind).map((r) => r.row)
  return {
    customers: of('customer').map((r) => {
      const { x, ...rest } = columnsOf(r, 'customer')
      return { ...rest, c: x } as unknown as CustomerRow
    }),
    after: of('after').map(
      (r) =>
        withLists(columnsOf(r, 'after'), [
          'callback_refs',
          'line_after_refs',
          'callback_day_list',
        ]) as unknown as AfterCustomerRow,
    ),
    lineContacts: of('contact').map(
      (r) => withLists(columnsOf(r, 'contact'), ['day_list', 'refs']) as unknown as LineContactRow,
    ),
  }
}
