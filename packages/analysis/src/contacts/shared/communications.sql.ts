import { matchingCtes, type CaseStore, type QuerySpec } from '@linesight/store'
import { isContactTypeSql } from '../../core/one-of.sql.js'

/** Event types that are contacts between two numbers (data sessions have no other party). */
export const CONTACT_TYPES: readonly string[] = Object.freeze(['voice', 'sms', 'mms'])

/** ISO 8601 UTC text of a timestamp: whole seconds when there is no fraction, else microseconds. */
export const isoUtc = (column: string): string =>
  `CASE WHEN microsecond(${column}) % 1000000 = 0 THEN strftime(${column}, '%Y-%m-%dT%H:%M:%SZ') ELSE strftime(${column}, '%Y-%m-%dT%H:%M:%S.%fZ') END`

/** Contact records (voice, SMS, MMS with another party) in the `$from`–`$to` window, read from `events_unique e`. */
const CONTACT_RECORDS = `${isContactTypeSql('e.event_type')} AND e.other_msisdn IS NOT NULL AND e.other_msisdn <> e.target_msisdn
        AND ($from IS NULL OR e.start_utc >= timezone('UTC', $from::TIMESTAMPTZ)) AND ($to IS NULL OR e.start_utc <= timezone('UTC', $to::TIMESTAMPTZ))`

/**
 * The pairing of outgoing with incoming copies (`cand` … `matched`: `out_id`, `in_id`) over `paired`, the records
 * (id, target, other, direction, event_type, t) whose other party has records too, within `$tol` seconds.
 */
export const MATCHING_CTES = matchingCtes('$tol')

/**
 * The contact records in scope (`recs`) and the same records with each communication counted once (`comms`).
 *
 * A communication between two numbers that both have records in the case appears twice: as an outgoing record in
 * the sender's records and an incoming record in the receiver's. An outgoing record of A to B is paired with an
 * incoming record of B from A of the same type whose start time is within `$tol` seconds. Each record is paired at
 * most once: a pair is made when each record is the other's closest candidate (ties broken by record id), and this
 * is repeated three times for records left unpaired. The receiver's copy of a paired communication is set aside
 * (`dropped`); the sender's record stands for it and is flagged `seen_both`.
 *
 * Needs the parameters `$from`, `$to` (inclusive UTC bounds or null) and `$tol` (seconds).
 * `join` and `where` narrow the records read from `events_unique e` (or from `from`, a subquery of its rows).
 */
export function communicationsCtes(scope: {
  readonly from?: string
  readonly join?: string
  readonly where?: string
}): string {
  return `recs AS MATERIALIZED (
      SELECT e.id, e.target_msisdn AS target, e.other_msisdn AS other, e.direction, e.event_type, e.start_utc AS t,
        e.duration_s, least(e.target_msisdn, e.other_msisdn) AS a, greatest(e.target_msisdn, e.other_msisdn) AS b
      FROM ${scope.from ?? 'events_unique'} e ${scope.join ?? ''}
      WHERE ${CONTACT_RECORDS}
        AND (${scope.where ?? 'true'})
    ),
    -- Only records with another target can have a copy on the other side.
    targets AS MATERIALIZED (SELECT DISTINCT target FROM recs),
    paired AS MATERIALIZED (SELECT * FROM recs WHERE other IN (SELECT target FROM targets)),
    ${MATCHING_CTES},
    dropped AS MATERIALIZED (SELECT r.* FROM recs r SEMI JOIN matched m ON m.in_id = r.id),
    comms AS MATERIALIZED (
      SELECT r.*, CASE r.direction WHEN 'out' THEN r.target WHEN 'in' THEN r.other END AS from_n,
        r.id IN (SELECT out_id FROM matched) AS seen_both
      FROM recs r ANTI JOIN matched m ON m.in_id = r.id
    )`
}

/**
 * `edge_counts`: communications per pair (`a`, `b`, `n`) over the whole case with at least `$minEvents`, as
 * `communicationsCtes({})` would count them in `comms` (records less the receivers' copies set aside), without
 * holding every contact record: only those whose other party has records too are kept, for the pairing.
 * Needs `$from`, `$to`, `$tol` and `$minEvents`.
 */
export const edgeCountsCtes = (): string => `contact_recs AS NOT MATERIALIZED (
      SELECT e.id, e.target_msisdn AS target, e.other_msisdn AS other, e.direction, e.event_type, e.start_utc AS t
      FROM events_unique e WHERE ${CONTACT_RECORDS}
    ),
    by_party AS MATERIALIZED (SELECT target, other, count(*) AS n FROM contact_recs GROUP BY target, other),
    owners AS MATERIALIZED (SELECT DISTINCT target FROM by_party),
    paired AS MATERIALIZED (
      SELECT c.*, least(c.target, c.other) AS a, greatest(c.target, c.other) AS b
      FROM contact_recs c SEMI JOIN owners o ON o.target = c.other
    ),
    ${MATCHING_CTES},
    edge_counts AS (
      SELECT a, b, sum(n)::BIGINT AS n FROM (
        SELECT least(target, other) AS a, greatest(target, other) AS b, sum(n) AS n FROM by_party GROUP BY 1, 2
        UNION ALL
        SELECT a, b, -count(*) FROM paired SEMI JOIN matched m ON m.in_id = paired.id GROUP BY a, b
      )
      GROUP BY a, b HAVING sum(n) >= $minEvents
    )`

/** A breadth-first walk of at most `$within` links over `raw_adj` from `origin`: each number's fewest links. */
export const walkFrom = (origin: string): string => `(
        WITH RECURSIVE walk(node, hops) AS (
          SELECT ${origin}::VARCHAR, 0
          UNION
          SELECT raw_adj.y, walk.hops + 1 FROM walk JOIN raw_adj ON raw_adj.x = walk.node WHERE walk.hops < $within
        )
        SELECT node, min(hops) AS d FROM walk GROUP BY node
      )`

/**
 * `candidate_edges`: the pairs (`a`, `b`, `n`) of `edgeCountsCtes` that can lie on a chain of at most `$within`
 * links between `$start` and `$end`, without pairing every record of the case. Records are counted per pair from one
 * narrow pass; as the receivers' copies are not yet set aside, that count is an upper bound, so a walk over the
 * pairs reaching `$minEvents` by it finds every number and link a chain can use (numbers at most `$within` links
 * from both ends in all). The copies are then paired only for those links between two numbers with records, and
 * the links falling below `$minEvents` dropped. Needs `$from`, `$to`, `$tol`, `$minEvents`, `$start`, `$end`, `$within`.
 */
export const candidateEdgeCtes = (): string => `contact_recs AS NOT MATERIALIZED (
      SELECT e.id, e.target_msisdn AS target, e.other_msisdn AS other, e.direction, e.event_type, e.start_utc AS t
      FROM events_unique e WHERE ${CONTACT_RECORDS}
    ),
    by_party AS MATERIALIZED (SELECT target, other, count(*) AS n FROM contact_recs GROUP BY target, other),
    owners AS MATERIALIZED (SELECT DISTINCT target FROM by_party),
    raw_edges AS MATERIALIZED (
      SELECT least(target, other) AS a, greatest(target, other) AS b, sum(n)::BIGINT AS n FROM by_party
      GROUP BY 1, 2 HAVING sum(n) >= $minEvents
    ),
    raw_adj AS MATERIALIZED (SELECT a AS x, b AS y FROM raw_edges UNION ALL SELECT b, a FROM raw_edges),
    from_start AS MATERIALIZED ${walkFrom('$start')},
    from_end AS MATERIALIZED ${walkFrom('$end')},
    near AS MATERIALIZED (
      SELECT s.node, s.d AS ds, e.d AS de FROM from_start s JOIN from_end e USING (node) WHERE s.d + e.d <= $within
    ),
    near_edges AS MATERIALIZED (
      SELECT r.a, r.b, r.n, oa.target IS NOT NULL AND ob.target IS NOT NULL AS both_owners
      FROM raw_edges r JOIN near x ON x.node = r.a JOIN near y ON y.node = r.b
        LEFT JOIN owners oa ON oa.target = r.a LEFT JOIN owners ob ON ob.target = r.b
      WHERE least(x.ds + 1 + y.de, y.ds + 1 + x.de) <= $within
    ),
    -- Only links between two numbers with records can have a communication in both sides' records.
    pairing AS MATERIALIZED (SELECT a, b FROM near_edges WHERE both_owners),
    paired AS MATERIALIZED (
      SELECT c.*, least(c.target, c.other) AS a, greatest(c.target, c.other) AS b
      FROM contact_recs c SEMI JOIN owners o ON o.target = c.other
        SEMI JOIN (SELECT a AS x, b AS y FROM pairing UNION ALL SELECT b, a FROM pairing) p
          ON p.x = c.target AND p.y = c.other
    ),
    ${MATCHING_CTES},
    candidate_edges AS (
      SELECT r.a, r.b, (r.n - coalesce(d.copies, 0))::BIGINT AS n
      FROM near_edges r LEFT JOIN (
        SELECT a, b, count(*) AS copies FROM paired SEMI JOIN matched m ON m.in_id = paired.id GROUP BY a, b
      ) d USING (a, b)
      WHERE r.n - coalesce(d.copies, 0) >= $minEvents
    )`

/** Counts between two numbers, each communication once, with what each side's records hold. */
export interface PairRow {
  /** The two numbers, `a` < `b` as text. */
  readonly a: string
  readonly b: string
  /** Communications: records of both sides, with each communication seen in both counted once. */
  readonly communications: number
  readonly a_to_b: number
  readonly b_to_a: number
  /** Records whose direction was not given. */
  readonly undirected: number
  readonly voice: number
  readonly sms: number
  readonly mms: number
  /** Seconds of the calls, from the record kept for each call (the caller's when both sides hold it). */
  readonly call_seconds: number
  /** Records in a's own records with b, and in b's own records with a. */
  readonly records_of_a: number
  readonly records_of_b: number
  /** Communications found in both sides' records (the receiver's copy is not counted again). */
  readonly seen_in_both: number
  /** Ids of the receivers' copies set aside. */
  readonly dropped_ids: readonly string[]
  readonly first_utc: string
  readonly last_utc: string
}

/** SELECT list and FROM for per-pair counts over `comms`, `recs` and `dropped` (see `communicationsCtes`). */
export const PAIR_COUNTS_SELECT = `side AS (
      SELECT a, b, count(*) FILTER (WHERE target = a) AS records_of_a, count(*) FILTER (WHERE target = b) AS records_of_b
      FROM recs GROUP BY a, b
    ),
    drops AS (SELECT a, b, list(id ORDER BY id) AS dropped_ids FROM dropped GROUP BY a, b),
    agg AS (
      SELECT a, b, count(*) AS communications,
        count(*) FILTER (WHERE from_n = a) AS a_to_b, count(*) FILTER (WHERE from_n = b) AS b_to_a,
        count(*) FILTER (WHERE from_n IS NULL) AS undirected,
        count(*) FILTER (WHERE event_type = 'voice') AS voice, count(*) FILTER (WHERE event_type = 'sms') AS sms,
        count(*) FILTER (WHERE event_type = 'mms') AS mms,
        coalesce(sum(duration_s) FILTER (WHERE event_type = 'voice'), 0) AS call_seconds,
        count(*) FILTER (WHERE seen_both) AS seen_in_both,
        min(t) AS first_t, max(t) AS last_t
      FROM comms GROUP BY a, b
    )
    SELECT agg.a, agg.b, communications, a_to_b, b_to_a, undirected, voice, sms, mms, call_seconds::BIGINT AS call_seconds,
      records_of_a, records_of_b, seen_in_both, coalesce(dropped_ids, []::VARCHAR[]) AS dropped_ids,
      ${isoUtc('first_t')} AS first_utc, ${isoUtc('last_t')} AS last_utc
    FROM agg JOIN side USING (a, b) LEFT JOIN drops USING (a, b)`

const asPairRow = (r: Readonly<Record<string, unknown>>): PairRow => ({
  a: String(r['a']),
  b: String(r['b']),
  communications: Number(r['communications']),
  a_to_b: Number(r['a_to_b']),
  b_to_a: Number(r['b_to_a']),
  undirected: Number(r['undirected']),
  voice: Number(r['voice']),
  sms: Number(r['sms']),
  mms: Number(r['mms']),
  call_seconds: Number(r['call_seconds']),
  records_of_a: Number(r['records_of_a']),
  records_of_b: Number(r['records_of_b']),
  seen_in_both: Number(r['seen_in_both']),
  dropped_ids: (r['dropped_ids'] as readonly string[] | null) ?? [],
  first_utc: String(r['first_utc']),
  last_utc: String(r['last_utc']),
})

/** Pair counts for `$lefts[i]` with `$rights[i]`, reading the records of those targets that `where` keeps. */
const pairCountsSql = (where: string): string => `WITH pairs AS MATERIALIZED (
        SELECT DISTINCT least(l, r) AS a, greatest(l, r) AS b
        FROM (SELECT unnest($lefts::VARCHAR[]) AS l, unnest($rights::VARCHAR[]) AS r) WHERE l <> r
      ),
      pair_numbers AS MATERIALIZED (SELECT a AS n FROM pairs UNION SELECT b FROM pairs),
      -- Each pair both ways round, so records match on their own columns rather than on least()/greatest() of them.
      pair_ways AS MATERIALIZED (SELECT a AS x, b AS y FROM pairs UNION ALL SELECT b, a FROM pairs),
      ${communicationsCtes({
        join: 'SEMI JOIN pair_ways p ON p.x = e.target_msisdn AND p.y = e.other_msisdn',
        where,
      })},
      ${PAIR_COUNTS_SELECT}
      ORDER BY communications DESC, agg.a, agg.b`

/**
 * Counts for chosen pairs of numbers (`$lefts[i]` with `$rights[i]`), from the records of both sides, each
 * communication once, most communications first. Pairs with no records between them are not returned.
 */
export const pairCountsQuery: QuerySpec<PairRow, 'lefts' | 'rights' | 'from' | 'to' | 'tol'> = {
  id: 'pair-counts',
  sql: {
    // A pair's records are its two numbers' own: reading only theirs skips most of the table.
    duckdb: pairCountsSql('e.target_msisdn IN (SELECT n FROM pair_numbers)'),
  },
  params: ['lefts', 'rights', 'from', 'to', 'tol'],
  row: asPairRow,
}

/**
 * `pairCountsQuery` for pairs among a few numbers (`$numbers`: every number of the pairs): a list the scan itself
 * filters on, so only those numbers' records are read, where a join would read the whole table (the filter's cost
 * grows with the list, hence `FEW_NUMBERS`).
 */
export const pairCountsOfFewQuery: QuerySpec<
  PairRow,
  'lefts' | 'rights' | 'numbers' | 'from' | 'to' | 'tol'
> = {
  id: 'pair-counts-few',
  sql: { duckdb: pairCountsSql('list_contains($numbers::VARCHAR[], e.target_msisdn)') },
  params: ['lefts', 'rights', 'numbers', 'from', 'to', 'tol'],
  row: asPairRow,
}

/**
 * Up to this many numbers, a list filter on `target_msisdn` (which the scan applies, but whose cost grows with the
 * list) reads their records faster than a join against them (which reads the whole table).
 */
export const FEW_NUMBERS = 256

/** `pairCountsQuery`'s rows, by whichever of the two queries reads the numbers' records faster. */
export function runPairCounts(
  store: CaseStore,
  p: {
    readonly lefts: readonly string[]
    readonly rights: readonly string[]
    readonly from: string | null
    readonly to: string | null
    readonly tol: number
  },
): Promise<readonly PairRow[]> {
  const numbers = [...new Set([...p.lefts, ...p.rights])].sort()
  return numbers.length <= FEW_NUMBERS
    ? store.run(pairCountsOfFewQuery, { ...p, numbers })
    : store.run(pairCountsQuery, p)
}

/** One edge of the case's contact graph: two numbers and the communications between them. */
export interface EdgeRow {
  readonly a: string
  readonly b: string
  readonly communications: number
}

/**
 * The contact graph of the whole case: every pair of numbers with at least `$minEvents` communications between
 * them (each counted once), from every number's records.
 */
export const contactEdgesQuery: QuerySpec<EdgeRow, 'from' | 'to' | 'tol' | 'minEvents'> = {
  id: 'contact-edges',
  sql: {
    duckdb: `WITH ${edgeCountsCtes()}
      SELECT a, b, n AS communications FROM edge_counts ORDER BY a, b`,
  },
  params: ['from', 'to', 'tol', 'minEvents'],
  row: (r) => ({ a: String(r['a']), b: String(r['b']), communications: Number(r['communications']) }),
}
