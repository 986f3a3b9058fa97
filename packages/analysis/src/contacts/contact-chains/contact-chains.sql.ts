import type { QuerySpec } from '@linesight/store'
import { communicationsCtes } from '../shared/communications.sql.js'

export interface ChainRow {
  /** The numbers along the chain, from the start number to the end number. */
  readonly path: readonly string[]
  readonly hops: number
  /** Communications on the chain's weakest link. */
  readonly weakest: number
  /** Communications summed over the chain's links. */
  readonly total: number
  /** How many chains were found in all (the list is cut at `$limit`). */
  readonly found: number
}

/**
 * Simple paths (no number twice) of at most `$maxHops` links between `$start` and `$end` in the case's contact
 * graph, where a link is a pair of numbers with at least `$minEvents` communications (each counted once). A
 * bounded breadth-first walk from the end number first gives each number's distance to it, so the path walk from
 * the start only follows links that can still reach the end within the limit.
 */
export const contactChainsQuery: QuerySpec<
  ChainRow,
  'start' | 'end' | 'maxHops' | 'minEvents' | 'limit' | 'from' | 'to' | 'tol'
> = {
  id: 'contact-chains',
  sql: {
    duckdb: `WITH ${communicationsCtes({})},
      edges AS MATERIALIZED (SELECT a, b, count(*) AS n FROM comms GROUP BY a, b HAVING count(*) >= $minEvents),
      adj AS MATERIALIZED (SELECT a AS x, b AS y, n FROM edges UNION ALL SELECT b AS x, a AS y, n FROM edges),
      dist AS MATERIALIZED (
        WITH RECURSIVE walk(node, hops) AS (
          SELECT $end::VARCHAR, 0
          UNION
          SELECT adj.y, walk.hops + 1 FROM walk JOIN adj ON adj.x = walk.node WHERE walk.hops < $maxHops
        )
        SELECT node, min(hops) AS d FROM walk GROUP BY node
      ),
      paths AS (
        WITH RECURSIVE p(node, path, hops, weakest, total) AS (
          SELECT $start::VARCHAR, [$start::VARCHAR], 0, NULL::BIGINT, 0::BIGINT
          WHERE $start::VARCHAR IN (SELECT node FROM dist)
          UNION ALL
          SELECT adj.y, list_append(p.path, adj.y), p.hops + 1, least(coalesce(p.weakest, adj.n), adj.n), p.total + adj.n
          FROM p JOIN adj ON adj.x = p.node JOIN dist ON dist.node = adj.y
          WHERE p.node <> $end AND p.hops + 1 + dist.d <= $maxHops AND NOT list_contains(p.path, adj.y)
        )
        SELECT * FROM p WHERE node = $end AND hops > 0
      )
      SELECT path, hops, weakest, total, count(*) OVER () AS found FROM paths
      ORDER BY hops, weakest DESC, total DESC, array_to_string(path, ' ')
      LIMIT $limit`,
  },
  params: ['start', 'end', 'maxHops', 'minEvents', 'limit', 'from', 'to', 'tol'],
  row: (r) => ({
    path: r['path'] as readonly string[],
    hops: Number(r['hops']),
    weakest: Number(r['weakest']),
    total: Number(r['total']),
    found: Number(r['found']),
  }),
}
