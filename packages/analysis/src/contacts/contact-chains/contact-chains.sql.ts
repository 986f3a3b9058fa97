import type { QuerySpec } from '@linesight/store'
import { candidateEdgeCtes } from '../shared/communications.sql.js'

type Graph = 'start' | 'end' | 'minEvents' | 'from' | 'to' | 'tol'
/** The links as lists (`chainEdgesQuery`'s rows), the two ends, the chain length and how many to list. */
type Chains = 'start' | 'end' | 'as' | 'bs' | 'ns' | 'within' | 'limit'

/** One link of the contact graph that can lie on a chain: two numbers and the communications between them. */
export interface ChainEdgeRow {
  readonly a: string
  readonly b: string
  readonly n: number
}

/**
 * The links (pairs of numbers with at least `$minEvents` communications, each counted once, whichever way and from
 * either party's records) that can lie on a chain of at most `$within` links between `$start` and `$end`: the only
 * ones the chain queries below need, so the whole case's records are read once per analysis.
 */
export const chainEdgesQuery: QuerySpec<ChainEdgeRow, Graph | 'within'> = {
  id: 'contact-chains-links',
  sql: {
    duckdb: `WITH ${candidateEdgeCtes()}
      SELECT a, b, n FROM candidate_edges ORDER BY a, b`,
  },
  params: ['start', 'end', 'minEvents', 'from', 'to', 'tol', 'within'],
  row: (r) => ({ a: String(r['a']), b: String(r['b']), n: Number(r['n']) }),
}

/**
 * The links given as parallel lists (`$as`, `$bs`, `$ns`: `chainEdgesQuery`'s rows) and each number's distance in
 * links from `$end`, found by a breadth-first walk of at most `$within` links.
 */
const GRAPH = `edges AS MATERIALIZED (
        SELECT unnest($as::VARCHAR[]) AS a, unnest($bs::VARCHAR[]) AS b, CAST(unnest($ns::VARCHAR[]) AS BIGINT) AS n
      ),
      adj AS MATERIALIZED (SELECT a AS x, b AS y, n FROM edges UNION ALL SELECT b AS x, a AS y, n FROM edges),
      dist AS MATERIALIZED (
        WITH RECURSIVE walk(node, hops) AS (
          SELECT $end::VARCHAR, 0
          UNION
          SELECT adj.y, walk.hops + 1 FROM walk JOIN adj ON adj.x = walk.node WHERE walk.hops < $within
        )
        SELECT node, min(hops) AS d FROM walk GROUP BY node
      )`

/**
 * `paths`: the simple chains (no number twice) of exactly `length` links between `$start` and `$end`, after GRAPH
 * (whose walk must reach at least `length` links): the walk from the start only follows links to numbers that can
 * still reach the end in the links left.
 */
const pathsCte = (length: string): string => `paths AS (
        WITH RECURSIVE p(node, path, hops, weakest, total) AS (
          SELECT $start::VARCHAR, [$start::VARCHAR], 0, NULL::BIGINT, 0::BIGINT
          WHERE $start::VARCHAR IN (SELECT node FROM dist)
          UNION ALL
          SELECT adj.y, list_append(p.path, adj.y), p.hops + 1, least(coalesce(p.weakest, adj.n), adj.n), p.total + adj.n
          FROM p JOIN adj ON adj.x = p.node JOIN dist ON dist.node = adj.y
          WHERE p.node <> $end AND p.hops + 1 + dist.d <= ${length} AND NOT list_contains(p.path, adj.y)
        )
        SELECT * FROM p WHERE node = $end AND hops = ${length}
      )`

/** Strongest weakest link first, then the greatest total, then by the numbers along the chain. */
const CHAIN_ORDER = `weakest DESC, total DESC, array_to_string(path, ' ')`

export interface ChainRow {
  /** The numbers along the chain, from the start number to the end number. */
  readonly path: readonly string[]
  /** Communications on the chain's weakest link. */
  readonly weakest: number
  /** Communications summed over the chain's links. */
  readonly total: number
  /** How many chains of this length there are in all (the list is cut at `$limit`). */
  readonly found: number
}

export interface ShortestChainsRow {
  /** The fewest links between `$start` and `$end`, when there is a chain of at most `$within` links. */
  readonly hops: number | null
  /** How many chains of that length there are in all. */
  readonly found: number
  /** The first `$limit` of them, in order. */
  readonly chains: readonly ChainRow[]
}

/**
 * The fewest links between `$start` and `$end` (at most `$within`) and the chains of that length, in one query so
 * the walk is made once for both.
 */
export const shortestChainsQuery: QuerySpec<ShortestChainsRow, Chains> = {
  id: 'contact-chains-shortest',
  sql: {
    duckdb: `WITH ${GRAPH},
      shortest AS (SELECT d FROM dist WHERE node = $start::VARCHAR AND $start::VARCHAR <> $end::VARCHAR),
      ${pathsCte('(SELECT d FROM shortest)')},
      listed AS (SELECT path, weakest, total FROM paths ORDER BY ${CHAIN_ORDER} LIMIT $limit)
      SELECT (SELECT d FROM shortest) AS hops, (SELECT count(*) FROM paths) AS found,
        (SELECT list({path: path, weakest: weakest, total: total} ORDER BY ${CHAIN_ORDER}) FROM listed) AS chains`,
  },
  params: ['start', 'end', 'as', 'bs', 'ns', 'within', 'limit'],
  row: (r) => {
    const found = Number(r['found'])
    return {
      hops: r['hops'] === null ? null : Number(r['hops']),
      found,
      chains: ((r['chains'] as readonly Record<string, unknown>[] | null) ?? []).map((c) => ({
        path: c['path'] as readonly string[],
        weakest: Number(c['weakest']),
        total: Number(c['total']),
        found,
      })),
    }
  },
}

/** The chains of exactly `$within` links between `$start` and `$end`, in order, cut at `$limit`. */
export const contactChainsQuery: QuerySpec<ChainRow, Chains> = {
  id: 'contact-chains',
  sql: {
    duckdb: `WITH ${GRAPH},
      ${pathsCte('$within')}
      SELECT path, weakest, total, count(*) OVER () AS found FROM paths
      ORDER BY ${CHAIN_ORDER}
      LIMIT $limit`,
  },
  params: ['start', 'end', 'as', 'bs', 'ns', 'within', 'limit'],
  row: (r) => ({
    path: r['path'] as readonly string[],
    weakest: Number(r['weakest']),
    total: Number(r['total']),
    found: Number(r['found']),
  }),
}
