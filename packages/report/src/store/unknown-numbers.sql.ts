import type { QuerySpec } from '@linesight/store'

/** The numbers among `numbers` that no record of the case names, as target or as other party. */
export const unknownNumbersQuery: QuerySpec<string, 'numbers'> = {
  id: 'report-unknown-numbers',
  sql: {
    duckdb: `SELECT n FROM unnest($numbers::VARCHAR[]) AS t(n)
      WHERE NOT EXISTS (SELECT 1 FROM events_unique e WHERE e.target_msisdn = t.n OR e.other_msisdn = t.n)
      ORDER BY n`,
  },
  params: ['numbers'],
  row: (r) => String(r['n']),
}
