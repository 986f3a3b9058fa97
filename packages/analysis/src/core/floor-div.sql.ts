/**
 * Floor division of two BIGINT SQL expressions, for time buckets: `//` truncates toward zero, which would merge the
 * buckets either side of the epoch.
 */
export const floorDiv = (x: string, y: string): string =>
  `(CASE WHEN (${x}) >= 0 THEN (${x}) // (${y}) ELSE -((-(${x}) - 1) // (${y})) - 1 END)`
