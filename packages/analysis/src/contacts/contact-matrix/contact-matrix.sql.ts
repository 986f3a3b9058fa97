import type { QuerySpec } from '@linesight/store'
import { isoUtc } from '../shared/communications.sql.js'

export interface NumberRecordsRow {
  readonly number: string
  /** Rows of the number's own records in the window (any type). */
  readonly records: number
  readonly first_utc: string | null
  readonly last_utc: string | null
}

/** How many records of their own each given number has in the case (none: its records were not obtained). */
export const numberRecordsQuery: QuerySpec<NumberRecordsRow, 'numbers' | 'from' | 'to'> = {
  id: 'number-records',
  sql: {
    duckdb: `SELECT n.number, count(e.id) AS records,
        ${isoUtc('min(e.start_utc)')} AS first_utc, ${isoUtc('max(e.start_utc)')} AS last_utc
      FROM (SELECT DISTINCT unnest($numbers::VARCHAR[]) AS number) n
      LEFT JOIN events_unique e ON e.target_msisdn = n.number
        AND ($from IS NULL OR e.start_utc >= timezone('UTC', $from::TIMESTAMPTZ)) AND ($to IS NULL OR e.start_utc <= timezone('UTC', $to::TIMESTAMPTZ))
      GROUP BY n.number
      ORDER BY n.number`,
  },
  params: ['numbers', 'from', 'to'],
  row: (r) => ({
    number: String(r['number']),
    records: Number(r['records']),
    first_utc: (r['first_utc'] as string | null) ?? null,
    last_utc: (r['last_utc'] as string | null) ?? null,
  }),
}
