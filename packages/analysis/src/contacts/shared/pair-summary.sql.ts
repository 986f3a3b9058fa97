import { STORED_PAIRING_TOLERANCE_SECONDS, type CaseStore, type QuerySpec } from '@linesight/store'
import { packSql, unpack } from '../../core/packed.js'
import { MATCHING_CTES, walkFrom, type EdgeRow } from './communications.sql.js'
import { isContactTypeSql } from '../../core/one-of.sql.js'

/**
 * `summary_edges`: the pairs of `pair_summary` (the import's record counts per pair over the whole case) with at
 * least `$minEvents` records (`a`, `b`, `n`), and whether both sides' records hold the other (`both_sides`): only
 * those pairs can have a communication in both. The record count is an upper bound of the communications.
 */
const SUMMARY_EDGES = `summary_edges AS MATERIALIZED (
      SELECT a, b, records AS n, records_of_a > 0 AND records_of_b > 0 AS both_sides
      FROM pair_summary WHERE records >= $minEvents
    )`

/**
 * After `pairing` (pairs `a`, `b` whose copies are to be paired), `counted`: the pairs of `edges` (`a`, `b`, `n`
 * records over the whole case) less the receivers' copies, as `edgeCountsCtes` counts them, at least `$minEvents`.
 * Pairing is per pair, so pairing some pairs gives them the counts pairing all would. `numbers` keeps the records
 * of the pairs' numbers (a condition on `e.target_msisdn`).
 */
const pairedCounts = (edges: string, counted: string, numbers: string): string => `paired AS MATERIALIZED (
      SELECT e.id, e.target_msisdn AS target, e.other_msisdn AS other, e.direction, e.event_type, e.start_utc AS t,
        least(e.target_msisdn, e.other_msisdn) AS a, greatest(e.target_msisdn, e.other_msisdn) AS b
      FROM events_unique e
        SEMI JOIN (SELECT a AS x, b AS y FROM pairing UNION ALL SELECT b, a FROM pairing) p
          ON p.x = e.target_msisdn AND p.y = e.other_msisdn
      WHERE ${numbers} AND ${isContactTypeSql('e.event_type')}
    ),
    ${MATCHING_CTES},
    ${counted} AS (
      SELECT r.a, r.b, (r.n - coalesce(d.copies, 0))::BIGINT AS n
      FROM ${edges} r LEFT JOIN (
        SELECT a, b, count(*) AS copies FROM paired SEMI JOIN matched m ON m.in_id = paired.id GROUP BY a, b
      ) d USING (a, b)
      WHERE r.n - coalesce(d.copies, 0) >= $minEvents
    )`

/**
 * `contactEdgesQuery` for the whole case (no window), from `pair_summary`: the events are read only to pair the
 * copies on the pairs both sides' records hold.
 */
export const summaryContactEdgesQuery: QuerySpec<EdgeRow, 'tol' | 'minEvents'> = {
  id: 'contact-edges-summary',
  sql: {
    duckdb: `WITH ${SUMMARY_EDGES},
      pairing AS MATERIALIZED (SELECT a, b FROM summary_edges WHERE both_sides),
      pairing_numbers AS MATERIALIZED (SELECT a AS n FROM pairing UNION SELECT b FROM pairing),
      ${pairedCounts('summary_edges', 'edge_counts', 'e.target_msisdn IN (SELECT n FROM pairing_numbers)')}
      SELECT a, b, n AS communications FROM edge_counts ORDER BY a, b`,
  },
  params: ['tol', 'minEvents'],
  row: (r) => ({ a: String(r['a']), b: String(r['b']), communications: Number(r['communications']) }),
}

/**
 * `summaryContactEdgesQuery` at the stored pairing tolerance: the import has paired the copies already
 * (`pair_summary.copies`), so the graph is read from the summary alone, packed (tens of thousands of links).
 */
export const storedContactEdgesQuery: QuerySpec<{ readonly packed: string | null }, 'minEvents'> = {
  id: 'contact-edges-stored',
  sql: {
    duckdb: `SELECT ${packSql(['a', 'b', '(records - copies)::VARCHAR'], 'a, b')} AS packed FROM pair_summary
      WHERE records - copies >= $minEvents`,
  },
  params: ['minEvents'],
  row: (r) => ({ packed: (r['packed'] as string | null) ?? null }),
}

/** The whole case's contact graph (no window): from the stored pairing at its tolerance, else paired now. */
export async function wholeCaseContactEdges(
  store: CaseStore,
  p: { readonly tol: number; readonly minEvents: number },
): Promise<readonly EdgeRow[]> {
  if (p.tol !== STORED_PAIRING_TOLERANCE_SECONDS) return store.run(summaryContactEdgesQuery, p)
  const packed = (await store.run(storedContactEdgesQuery, { minEvents: p.minEvents }))[0]?.packed ?? null
  if (packed === null) return []
  return unpack(packed, 3, 'contact edges').map(([a, b, n]) => ({
    a: String(a),
    b: String(b),
    communications: Number(n),
  }))
}

export interface NearLinkRow {
  readonly a: string
  readonly b: string
  /** Records between the two over the whole case: an upper bound of the communications. */
  readonly n: number
  /** Whether both sides' records hold the other, so that copies of a communication can be in both. */
  readonly both_sides: boolean
}

/**
 * The pairs of `pair_summary` that can lie on a chain of at most `$within` links between `$start` and `$end`, by
 * their record counts (an upper bound, so the walk finds every number and link a chain can use, as
 * `candidateEdgeCtes` does), without reading the events.
 */
export const nearLinksQuery: QuerySpec<NearLinkRow, 'start' | 'end' | 'minEvents' | 'within'> = {
  id: 'contact-chains-near-links',
  sql: {
    duckdb: `WITH ${SUMMARY_EDGES},
      raw_adj AS MATERIALIZED (SELECT a AS x, b AS y FROM summary_edges UNION ALL SELECT b, a FROM summary_edges),
      from_start AS MATERIALIZED ${walkFrom('$start')},
      from_end AS MATERIALIZED ${walkFrom('$end')},
      near AS MATERIALIZED (
        SELECT s.node, s.d AS ds, e.d AS de FROM from_start s JOIN from_end e USING (node) WHERE s.d + e.d <= $within
      )
      SELECT r.a, r.b, r.n, r.both_sides
      FROM summary_edges r JOIN near x ON x.node = r.a JOIN near y ON y.node = r.b
      WHERE least(x.ds + 1 + y.de, y.ds + 1 + x.de) <= $within
      ORDER BY r.a, r.b`,
  },
  params: ['start', 'end', 'minEvents', 'within'],
  row: (r) => ({
    a: String(r['a']),
    b: String(r['b']),
    n: Number(r['n']),
    both_sides: r['both_sides'] === true,
  }),
}

/**
 * `candidate_edges` of `candidateEdgeCtes` from `nearLinksQuery`'s rows as lists (`$as`, `$bs`, `$ns`), the
 * copies paired on the links between numbers of `$numbers` (the ends of the links both sides' records hold).
 */
export const pairedLinksQuery: QuerySpec<EdgeRow, 'as' | 'bs' | 'ns' | 'numbers' | 'tol' | 'minEvents'> = {
  id: 'contact-chains-paired-links',
  sql: {
    duckdb: `WITH links AS MATERIALIZED (
        SELECT unnest($as::VARCHAR[]) AS a, unnest($bs::VARCHAR[]) AS b, CAST(unnest($ns::VARCHAR[]) AS BIGINT) AS n
      ),
      pairing AS MATERIALIZED (
        SELECT a, b FROM links WHERE list_contains($numbers::VARCHAR[], a) AND list_contains($numbers::VARCHAR[], b)
      ),
      -- A list the scan itself filters on: only the few numbers' records are read.
      ${pairedCounts('links', 'candidate_edges', 'list_contains($numbers::VARCHAR[], e.target_msisdn)')}
      SELECT a, b, n AS communications FROM candidate_edges ORDER BY a, b`,
  },
  params: ['as', 'bs', 'ns', 'numbers', 'tol', 'minEvents'],
  row: (r) => ({ a: String(r['a']), b: String(r['b']), communications: Number(r['communications']) }),
}
