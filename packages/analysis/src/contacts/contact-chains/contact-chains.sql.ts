import type { QuerySpec } from '@linesight/store'
import { communicationsCtes } from '../shared/communications.sql.js'

type Graph = 'start' | 'end' | 'minEvents' | 'from' | 'to' | 'tol'

/**
 * Links of the case's contact graph (pairs of numbers with at least `$minEvents` communications, each counted
 * once, whichever way and from either party's records) and each number's distance in links from `$end`, found by
 * a breadth-first walk of at most `$within` links.
 */
const GRAPH = `${communicationsCtes({})},
      edges AS MATERIALIZED (SELECT a, b, count(*) AS n FROM comms GROUP BY a, b HAVING count(*) >= $minEvents),
      adj AS MATERIALIZED (SELECT a AS x, b AS y, n FROM edges UNION ALL SELECT b AS x, a AS y, n FROM edges),
      dist AS MATERIALIZED (
        WITH RECURSIVE walk(node, hops) AS (
          SELECT $end::VARCHAR, 0
          UNION
          SELECT adj.y, walk.hops + 1 FROM walk JOIN adj ON adj.x = walk.node WHERE walk.hops < $within
        )
        SELECT node, min(hops) AS d FROM walk GROUP BY node
      )`

/** The fewest links between `$start` and `$end`, when there is a chain of at most `$within` links. */
export const chainDistanceQuery: QuerySpec<{ readonly hops: number | null }, Graph | 'within'> = {
  id: 'contact-chain-distance',
  sql: {
    duckdb: `WITH ${GRAPH}
      SELECT (SELECT d FROM dist WHERE node = $start::VARCHAR AND $start::VARCHAR <> $end::VARCHAR) AS hops`,
  },
  params: ['start', 'end', 'minEvents', 'from', 'to', 'tol', 'within'],
  row: (r) => ({ hops: r['hops'] === null ? null : Number(r['hops']) }),
}

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

/**
 * The simple chains (no number twice) of exactly `$within` links between `$start` and `$end`: the walk from the
 * start only follows links to numbers that can still reach the end in the links left. Strongest weakest link
 * first, then the greatest total, then by the numbers along the chain.
 */
export const contactChainsQuery: QuerySpec<ChainRow, Graph | 'within' | 'limit'> = {
  id: 'contact-chains',
  sql: {
    duckdb: `WITH ${GRAPH},
      paths AS (
        WITH RECURSIVE p(node, path, hops, weakest, total) AS (
          SELECT $start::VARCHAR, [$start::VARCHAR], 0, NULL::BIGINT, 0::BIGINT
          WHERE $start::VARCHAR IN (SELECT node FROM dist)
          UNION ALL
          SELECT adj.y, list_append(p.path, adj.y), p.hops + 1, least(coalesce(p.weakest, adj.n), adj.n), p.total + adj.n
          FROM p JOIN adj ON adj.x = p.node JOIN dist ON dist.node = adj.y
          WHERE p.node <> $end AND p.hops + 1 + dist.d <= $within AND NOT list_contains(p.path, adj.y)
        )
        SELECT * FROM p WHERE node = $end AND hops = $within
      )
      SELECT path, weakest, total, count(*) OVER () AS found FROM paths
      ORDER BY weakest DESC, total DESC, array_to_string(path, ' ')
      LIMIT $limit`,
  },
  params: ['start', 'end', 'minEvents', 'from', 'to', 'tol', 'within', 'limit'],
  row: (r) => ({
    path: r['path'] as readonly string[],
    weakest: Number(r['weakest']),
    total: Number(r['total']),
    found: Number(r['found']),
  }),
}
