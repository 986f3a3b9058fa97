import type { QuerySpec } from '@linesight/store'
import { floorDiv } from '../../core/floor-div.sql.js'
import { FLARES_CTE, contactsCte, isoUtc } from '../common/line-sql.js'
import { GIVEN_BASE_CTE, type BaseParams } from '../common/line-base.js'
import { FLARE_QUERY_PARAMS } from '../common/params.js'
import { packListSql, withLists } from '../../core/packed.js'
import { TEXT_TYPES, isContactTypeSql, oneOfSql } from '../../core/one-of.sql.js'

/**
 * The numbers continuity looks at: the given ones plus every number that sent a flare in its own records, each
 * with its activity (own records first, else the other targets' records it appears in) and its first flare.
 * Every target is in `target_summary` (kept with the events at import), which gives its own activity without a scan.
 */
const nodesCte = (
  universe: string,
  seenIn = 'other_msisdn IN (SELECT n FROM nodes)',
  flaring = 'true',
  before = '',
): string => `given AS (SELECT DISTINCT unnest($numbers::VARCHAR[]) AS n),${before}
  line_groups AS (SELECT number AS g, number AS n FROM target_summary WHERE ${flaring}),
  ${FLARES_CTE},
  nodes AS MATERIALIZED (${universe}),
  own AS (
    SELECT number AS n, first_utc AS first_t, last_utc AS last_t, events AS rows_
    FROM target_summary WHERE number IN (SELECT n FROM nodes)),
  -- The contacts naming a node in other targets' records, read once for its activity and its customers.
  seen_rows AS MATERIALIZED (
    SELECT target_msisdn, other_msisdn, direction, event_type, start_utc FROM events_unique
    WHERE ${seenIn} AND ${isContactTypeSql('event_type')} AND target_msisdn IS NOT NULL),
  seen AS (
    SELECT other_msisdn AS n, min(start_utc) AS first_t, max(start_utc) AS last_t, count(*) AS rows_,
      list(DISTINCT target_msisdn ORDER BY target_msisdn) AS owners
    FROM seen_rows GROUP BY other_msisdn),
  first_flare AS (SELECT line AS n, min(first_t) AS t, count(*) AS flares FROM bursts GROUP BY line),
  act AS MATERIALIZED (
    SELECT nodes.n, nodes.n IN (SELECT n FROM given) AS given, own.n IS NOT NULL AS has_own,
      coalesce(own.rows_, 0) AS own_rows, coalesce(seen.rows_, 0) AS seen_rows,
      coalesce(seen.owners, []::VARCHAR[]) AS seen_owners,
      coalesce(own.first_t, seen.first_t) AS first_t, coalesce(own.last_t, seen.last_t) AS last_t,
      ff.t AS first_flare, coalesce(ff.flares, 0) AS flares,
      coalesce(ff.t, coalesce(own.first_t, seen.first_t)) AS start_t
    FROM nodes LEFT JOIN own ON own.n = nodes.n LEFT JOIN seen ON seen.n = nodes.n LEFT JOIN first_flare ff ON ff.n = nodes.n
    WHERE coalesce(own.first_t, seen.first_t) IS NOT NULL)`

/** Continuity looks at the given numbers and every number that flared in its own records. */
const NODES_CTE = nodesCte('SELECT n FROM given UNION SELECT DISTINCT line FROM bursts')

/**
 * Every number in the case as a successor search's nodes: targets and the other parties in their records. The
 * search runs over `NEAR_NUMBERS_NODES_CTE`; tests check that both give the same candidates.
 */
export const ALL_NUMBERS_NODES_CTE = nodesCte(
  `SELECT n FROM given
    UNION SELECT number FROM target_summary
    UNION SELECT DISTINCT other_msisdn FROM events_unique WHERE other_msisdn IS NOT NULL`,
  'other_msisdn IS NOT NULL',
)

const CONTACT_TYPES_SQL = isContactTypeSql('event_type')

/**
 * The numbers that can succeed a given number A (`near`): a successor shares a handset or SIM with A in their own
 * records, or shares a customer in A's last window (`$windowSeconds` up to A's last activity) and its own first
 * window. Every customer of a number is in voice or text contact with it at the time it counts (flare recipients,
 * callers, targets whose records show it), so a successor is in contact with a number that was in contact with A
 * in A's last window.
 */
const NEAR_CTE = `
  -- The given numbers' rows: their last activity, late contacts and identifiers all come from them. Two reads,
  -- each filtered in the scan (an OR of the two would read every record); a row in both only repeats in sets.
  given_rows AS MATERIALIZED (
    SELECT target_msisdn, other_msisdn, event_type, start_utc, imei, imsi FROM events_unique
    WHERE target_msisdn IN (SELECT n FROM given)
    UNION ALL
    SELECT target_msisdn, other_msisdn, event_type, start_utc, imei, imsi FROM events_unique
    WHERE other_msisdn IN (SELECT n FROM given)),
  given_last AS (
    SELECT g.n, coalesce(o.last_utc, s.l) AS l FROM given g LEFT JOIN target_summary o ON o.number = g.n
    LEFT JOIN (SELECT other_msisdn AS n, max(start_utc) AS l FROM given_rows
      WHERE other_msisdn IN (SELECT n FROM given) AND ${CONTACT_TYPES_SQL} AND target_msisdn IS NOT NULL
      GROUP BY other_msisdn) s ON s.n = g.n),
  late_contacts AS MATERIALIZED (
    SELECT e.other_msisdn AS c FROM given_rows e JOIN given_last a ON a.n = e.target_msisdn
    WHERE e.other_msisdn IS NOT NULL AND ${CONTACT_TYPES_SQL}
      AND e.start_utc >= a.l - to_seconds($windowSeconds) AND e.start_utc <= a.l
    UNION
    SELECT e.target_msisdn FROM given_rows e JOIN given_last a ON a.n = e.other_msisdn
    WHERE e.target_msisdn IS NOT NULL AND ${CONTACT_TYPES_SQL}
      AND e.start_utc >= a.l - to_seconds($windowSeconds) AND e.start_utc <= a.l),
  given_ids AS MATERIALIZED (
    SELECT DISTINCT imei, imsi FROM given_rows
    WHERE target_msisdn IN (SELECT n FROM given) AND (imei IS NOT NULL OR imsi IS NOT NULL)),
  -- One read of the rows naming a late contact or a given identifier; the event types are tested on those rows
  -- only (materialized, so the test is not pushed down onto every record).
  near_rows AS MATERIALIZED (
    SELECT target_msisdn, other_msisdn, event_type, imei, imsi FROM events_unique
    WHERE other_msisdn IN (SELECT c FROM late_contacts) OR target_msisdn IN (SELECT c FROM late_contacts)
      OR imei IN (SELECT imei FROM given_ids) OR imsi IN (SELECT imsi FROM given_ids)),
  near AS MATERIALIZED (
    SELECT target_msisdn AS n FROM near_rows
    WHERE other_msisdn IN (SELECT c FROM late_contacts) AND target_msisdn IS NOT NULL AND ${CONTACT_TYPES_SQL}
    UNION
    SELECT other_msisdn FROM near_rows
    WHERE target_msisdn IN (SELECT c FROM late_contacts) AND other_msisdn IS NOT NULL AND ${CONTACT_TYPES_SQL}
    UNION
    SELECT target_msisdn FROM near_rows
    WHERE target_msisdn IS NOT NULL
      AND (imei IN (SELECT imei FROM given_ids) OR imsi IN (SELECT imsi FROM given_ids))),`

/**
 * Successor search looks at the numbers anywhere in the case (targets and the other parties in their records) that
 * can succeed the given number (`NEAR_CTE`). A number's row depends only on its own records and those it appears
 * in, so each is the same as among every number of the case.
 */
export const NEAR_NUMBERS_NODES_CTE = nodesCte(
  'SELECT n FROM given UNION SELECT n FROM near',
  undefined,
  'number IN (SELECT n FROM given UNION SELECT n FROM near)',
  NEAR_CTE,
)

/**
 * A number's customers over time (domain §3.6): its flare recipients and the numbers that initiated contact with
 * it, from its own records; from other targets' records, the targets that rang or texted it or got its texts.
 * `scope` is a subset of the nodes, so the other targets' records come from `seen_rows`.
 */
export const customersCte = (scope: string): string => `cust AS MATERIALIZED (
    SELECT line AS n, recipient AS c, t FROM flare_rows WHERE line IN (${scope})
    UNION ALL
    SELECT target_msisdn, other_msisdn, start_utc FROM events_unique
    WHERE target_msisdn IN (${scope}) AND direction = 'in' AND ${isContactTypeSql('event_type')}
      AND other_msisdn IS NOT NULL
    UNION ALL
    SELECT other_msisdn, target_msisdn, start_utc FROM seen_rows
    WHERE other_msisdn IN (${scope}) AND (direction = 'out' OR (direction = 'in' AND ${oneOfSql('event_type', TEXT_TYPES)}))),
  c_last AS MATERIALIZED (
    SELECT DISTINCT cust.n, cust.c FROM cust JOIN act ON act.n = cust.n
    WHERE cust.t >= act.last_t - to_seconds($windowSeconds) AND cust.t <= act.last_t AND cust.c <> cust.n),
  c_first AS MATERIALIZED (
    SELECT DISTINCT cust.n, cust.c FROM cust JOIN act ON act.n = cust.n
    WHERE cust.t >= act.first_t AND cust.t <= act.first_t + to_seconds($windowSeconds) AND cust.c <> cust.n)`

export interface NodeRow {
  readonly msisdn: string
  readonly given: boolean
  readonly has_own: boolean
  readonly own_rows: number
  readonly seen_rows: number
  /** Targets whose records show this number (voice, SMS, MMS). */
  readonly seen_owners: readonly string[]
  readonly first_utc: string
  readonly last_utc: string
  readonly first_flare_utc: string | null
  readonly flares: number
}

export interface PairRow {
  readonly a: string
  readonly b: string
  readonly a_last_utc: string
  /** Start of A's last window (A's last activity less the continuity window). */
  readonly a_from_utc: string
  readonly b_first_utc: string
  /** End of B's first window. */
  readonly b_to_utc: string
  /** B's first flare, else its first record: the start the timing rule measures. */
  readonly b_start_utc: string
  readonly b_start_is_flare: boolean
  readonly gap_s: number
  readonly timing_ok: boolean
  readonly c_a: number
  readonly c_b: number
  readonly shared: number
  readonly shared_numbers: readonly string[]
  /** Identifiers both numbers' records show, as `imei:…` / `imsi:…`. */
  readonly shared_ids: readonly string[]
}

export type GraphRow = ({ readonly kind: 'node' } & NodeRow) | ({ readonly kind: 'pair' } & PairRow)

const NODE_COLUMNS = `n AS msisdn, given, has_own, own_rows, seen_rows, seen_owners, ${isoUtc('first_t')} AS first_utc,
  ${isoUtc('last_t')} AS last_utc, ${isoUtc('first_flare')} AS first_flare_utc, flares`

const PAIR_COLUMNS = `p.a, p.b, ${isoUtc('p.last_t')} AS a_last_utc,
  ${isoUtc('p.last_t - to_seconds($windowSeconds)')} AS a_from_utc, ${isoUtc('p.first_t')} AS b_first_utc,
  ${isoUtc('p.first_t + to_seconds($windowSeconds)')} AS b_to_utc,
  ${isoUtc('p.start_t')} AS b_start_utc, p.b_start_is_flare, p.gap_s::BIGINT AS gap_s, p.timing_ok,
  coalesce(sl.k, 0) AS c_a, coalesce(sf.k, 0) AS c_b, coalesce(len(s.shared_numbers), 0) AS shared,
  coalesce(s.shared_numbers, []::VARCHAR[]) AS shared_numbers, coalesce(p.shared_ids, []::VARCHAR[]) AS shared_ids`

const fieldsOf = (r: Record<string, unknown>, names: readonly string[]): Record<string, unknown> =>
  Object.fromEntries(names.map((n) => [n, r[n]]))

const NODE_FIELDS = [
  'msisdn',
  'given',
  'has_own',
  'own_rows',
  'seen_rows',
  'seen_owners',
  'first_utc',
  'last_utc',
  'first_flare_utc',
  'flares',
] as const
const PAIR_FIELDS = [
  'a',
  'b',
  'a_last_utc',
  'a_from_utc',
  'b_first_utc',
  'b_to_utc',
  'b_start_utc',
  'b_start_is_flare',
  'gap_s',
  'timing_ok',
  'c_a',
  'c_b',
  'shared',
  'shared_numbers',
  'shared_ids',
] as const

/**
 * The continuity graph in one pass over the records (the flare rule runs once): the numbers (nodes, in order of
 * first activity) and the ordered pairs (A, B) where B starts after A and outlives it, and either B starts within
 * the handover gap of A's last activity or the two share a handset or SIM: C_A (customers in A's last window),
 * C_B (customers in B's first window) and their intersection (pairs in order of A, B).
 */
export const continuityGraphQuery: QuerySpec<
  GraphRow,
  'numbers' | 'burstWindowSeconds' | 'burstMinRecipients' | 'flareTypes' | 'windowSeconds' | 'gapSeconds'
> = {
  id: 'line-continuity-graph',
  sql: {
    duckdb: `WITH ${NODES_CTE}, ${customersCte('SELECT n FROM act')},
      idents AS (
        SELECT DISTINCT target_msisdn AS n, 'imei:' || imei AS v FROM events_unique
        WHERE imei IS NOT NULL AND target_msisdn IN (SELECT n FROM act)
        UNION
        SELECT DISTINCT target_msisdn, 'imsi:' || imsi FROM events_unique
        WHERE imsi IS NOT NULL AND target_msisdn IN (SELECT n FROM act)),
      id_pairs AS (
        SELECT x.n AS a, y.n AS b, list(x.v ORDER BY x.v) AS shared_ids
        FROM idents x JOIN idents y ON x.v = y.v AND x.n <> y.n GROUP BY x.n, y.n),
      pairs AS (
        SELECT a.n AS a, b.n AS b, a.last_t, b.first_t, b.start_t, b.first_flare IS NOT NULL AS b_start_is_flare,
          epoch(b.start_t) - epoch(a.last_t) AS gap_s,
          abs(epoch(b.start_t) - epoch(a.last_t)) <= $gapSeconds AS timing_ok, ip.shared_ids
        FROM act a JOIN act b ON a.n <> b.n AND b.first_t > a.first_t AND b.last_t > a.last_t
          LEFT JOIN id_pairs ip ON ip.a = a.n AND ip.b = b.n
        WHERE abs(epoch(b.start_t) - epoch(a.last_t)) <= $gapSeconds OR ip.shared_ids IS NOT NULL),
      sizes_last AS (SELECT n, count(*) AS k FROM c_last GROUP BY n),
      sizes_first AS (SELECT n, count(*) AS k FROM c_first GROUP BY n),
      shared AS (
        SELECT p.a, p.b, list(cl.c ORDER BY cl.c) AS shared_numbers
        FROM pairs p JOIN c_last cl ON cl.n = p.a JOIN c_first cf ON cf.n = p.b AND cf.c = cl.c
        WHERE cl.c <> p.b AND cf.c <> p.a
        GROUP BY p.a, p.b),
      node_rows AS (SELECT 0 AS part, first_t AS k1, n AS k2, ${NODE_COLUMNS} FROM act)
      SELECT * FROM node_rows
      UNION ALL BY NAME
      SELECT 1 AS part, p.a AS k2, p.b AS k3, ${PAIR_COLUMNS}
      FROM pairs p LEFT JOIN sizes_last sl ON sl.n = p.a LEFT JOIN sizes_first sf ON sf.n = p.b
        LEFT JOIN shared s ON s.a = p.a AND s.b = p.b
      ORDER BY part, k1, k2, k3`,
  },
  params: ['numbers', ...FLARE_QUERY_PARAMS, 'windowSeconds', 'gapSeconds'],
  row: (r) =>
    (r['part'] === 0
      ? { kind: 'node', ...fieldsOf(r, NODE_FIELDS) }
      : { kind: 'pair', ...fieldsOf(r, PAIR_FIELDS) }) as unknown as GraphRow,
}

/** Call-back bucket width in microseconds: at least the call-back window, so a call-back is in the next bucket at most. */
const CALLBACK_BUCKET_US = 'greatest(ceil($callbackSeconds::DOUBLE * 1000000) + 1, 1)::BIGINT'

export interface SupportRow {
  readonly a: string
  readonly b: string
  readonly kind: 'runner' | 'holder-contact'
  readonly number: string
  /** `owner|id` of the rows on A's side and on B's side. */
  readonly a_rows: readonly string[]
  readonly b_rows: readonly string[]
}

/**
 * Support for linked pairs: numbers that called back A's customers (within `$callbackSeconds` of the customer
 * contacting A) in A's last window and B's customers in B's first window ("same runners"); and numbers outside
 * both customer bases in voice or SMS contact with A in its last window and with B in its first ("same holder
 * contacts"). Each number's customer base is given (`base_*`, each number its own line).
 */
export const continuitySupportQuery: QuerySpec<
  SupportRow,
  'links_a' | 'links_b' | 'a_from' | 'a_to' | 'b_from' | 'b_to' | BaseParams | 'callbackSeconds'
> = {
  id: 'line-continuity-support',
  sql: {
    duckdb: `WITH links AS (
        SELECT unnest($links_a::VARCHAR[]) AS a, unnest($links_b::VARCHAR[]) AS b,
          unnest($a_from::VARCHAR[])::TIMESTAMP AS a_from, unnest($a_to::VARCHAR[])::TIMESTAMP AS a_to,
          unnest($b_from::VARCHAR[])::TIMESTAMP AS b_from, unnest($b_to::VARCHAR[])::TIMESTAMP AS b_to),
      line_groups AS (SELECT DISTINCT n AS g, n FROM (SELECT a AS n FROM links UNION SELECT b FROM links)),
      ${GIVEN_BASE_CTE}, ${contactsCte('SELECT n FROM line_groups', 'SELECT c FROM base')},
      windows AS (
        SELECT a AS n, a, b, 'a' AS side, a_from AS w_from, a_to AS w_to FROM links
        UNION ALL
        SELECT b, a, b, 'b', b_from, b_to FROM links),
      -- One row per customer contact time (a contact between two targets is in both record sets), with the
      -- call-back window's bucket: a call-back falls in that bucket or the next, so the join is on equal keys.
      cust_contacts AS (
        SELECT DISTINCT w.a, w.b, w.side, k.b AS c, k.t, ${floorDiv('epoch_us(k.t)', CALLBACK_BUCKET_US)} AS cb
        FROM windows w JOIN contacts k ON k.a = w.n AND k.dir = 'in' AND k.t BETWEEN w.w_from AND w.w_to
        JOIN base ON base.g = w.n AND base.c = k.b AND k.t >= base.first_flared),
      callback_rows AS (
        SELECT DISTINCT cc.a, cc.b, cc.side, k.a AS number, k.owner, k.id
        FROM (SELECT *, unnest([cb, cb + 1]) AS kb FROM cust_contacts) cc
        JOIN contacts k ON k.b = cc.c AND k.dir = 'out' AND ${floorDiv('epoch_us(k.t)', CALLBACK_BUCKET_US)} = cc.kb
          AND k.t > cc.t AND k.t <= cc.t + to_seconds($callbackSeconds)
        WHERE k.a NOT IN (SELECT n FROM line_groups)),
      -- Numbers in either line's customer base are not runners (anti-joins, not a correlated subquery per row).
      callbacks AS (
        SELECT DISTINCT r.a, r.b, r.side, r.number, r.owner || '|' || r.id AS row_ref
        FROM callback_rows r ANTI JOIN base xa ON xa.g = r.a AND xa.c = r.number
          ANTI JOIN base xb ON xb.g = r.b AND xb.c = r.number),
      runner_sides AS (
        SELECT a, b, number, list(row_ref ORDER BY row_ref) FILTER (WHERE side = 'a') AS a_rows,
          list(row_ref ORDER BY row_ref) FILTER (WHERE side = 'b') AS b_rows
        FROM callbacks GROUP BY a, b, number),
      holder_contacts AS (
        SELECT w.a, w.b, w.side, k.b AS number, k.owner, k.id
        FROM windows w JOIN contacts k ON k.a = w.n AND k.t BETWEEN w.w_from AND w.w_to
        WHERE k.b NOT IN (SELECT n FROM line_groups)),
      holder_rows AS (
        SELECT DISTINCT h.a, h.b, h.side, h.number, h.owner || '|' || h.id AS row_ref
        FROM holder_contacts h ANTI JOIN base xa ON xa.g = h.a AND xa.c = h.number
          ANTI JOIN base xb ON xb.g = h.b AND xb.c = h.number),
      holder_sides AS (
        SELECT a, b, number, list(row_ref ORDER BY row_ref) FILTER (WHERE side = 'a') AS a_rows,
          list(row_ref ORDER BY row_ref) FILTER (WHERE side = 'b') AS b_rows
        FROM holder_rows GROUP BY a, b, number),
      runners AS (SELECT * FROM runner_sides WHERE a_rows IS NOT NULL AND b_rows IS NOT NULL)
      SELECT a, b, 'runner' AS kind, number, ${packListSql('a_rows')} AS a_rows, ${packListSql('b_rows')} AS b_rows
      FROM runners
      UNION ALL
      SELECT h.a, h.b, 'holder-contact', h.number, ${packListSql('h.a_rows')}, ${packListSql('h.b_rows')}
      FROM holder_sides h
      WHERE h.a_rows IS NOT NULL AND h.b_rows IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM runners r WHERE r.a = h.a AND r.b = h.b AND r.number = h.number)
      ORDER BY 1, 2, 3, 4`,
  },
  params: [
    'links_a',
    'links_b',
    'a_from',
    'a_to',
    'b_from',
    'b_to',
    'base_g',
    'base_c',
    'base_t',
    'base_k',
    'callbackSeconds',
  ],
  row: (r) => withLists(r, ['a_rows', 'b_rows']) as unknown as SupportRow,
}
