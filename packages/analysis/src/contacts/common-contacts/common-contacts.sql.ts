import type { QuerySpec } from '@linesight/store'
import { communicationsCtes } from '../shared/communications.sql.js'

export interface CommonContactRow {
  readonly contact: string
  /** How many of the given numbers it was in contact with. */
  readonly numbers_in_contact: number
  /** Communications with those numbers, each counted once. */
  readonly communications: number
  /** The given numbers it was in contact with, most communications first. */
  readonly given: readonly string[]
  /** Whether the case holds records of the contact's own. */
  readonly has_own_records: boolean
}

/**
 * The records of or with the given numbers, as two scans a plain filter narrows (one with an OR of the two sides
 * costs half as much again): their own records, then the others' records with them.
 */
const GIVEN_NUMBERS_RECORDS = `(
        SELECT * FROM events_unique WHERE list_contains($numbers::VARCHAR[], target_msisdn)
        UNION ALL
        SELECT * FROM events_unique
        WHERE list_contains($numbers::VARCHAR[], other_msisdn) AND NOT list_contains($numbers::VARCHAR[], target_msisdn)
      )`

/**
 * Numbers in contact with at least `$minShared` of the given numbers, from every number's records, each
 * communication once: ranked by how many of the given numbers, then by communications, then by number.
 */
export const commonContactsQuery: QuerySpec<
  CommonContactRow,
  'numbers' | 'from' | 'to' | 'tol' | 'minShared' | 'limit'
> = {
  id: 'common-contacts',
  sql: {
    duckdb: `WITH given AS MATERIALIZED (SELECT DISTINCT unnest($numbers::VARCHAR[]) AS number),
      ${communicationsCtes({ from: GIVEN_NUMBERS_RECORDS })},
      ends AS (
        SELECT target AS given_n, other AS contact FROM comms WHERE target IN (SELECT number FROM given)
        UNION ALL
        SELECT other AS given_n, target AS contact FROM comms WHERE other IN (SELECT number FROM given)
      ),
      per AS (SELECT contact, given_n, count(*) AS n FROM ends GROUP BY contact, given_n),
      -- Numbers with records of their own: the per-target summary the import keeps, not a scan of every event.
      owners AS (SELECT number FROM target_summary)
      SELECT contact, count(*) AS numbers_in_contact, sum(n)::BIGINT AS communications,
        list(given_n ORDER BY n DESC, given_n) AS given, contact IN (SELECT number FROM owners) AS has_own_records
      FROM per
      GROUP BY contact
      HAVING count(*) >= $minShared
      ORDER BY numbers_in_contact DESC, communications DESC, contact
      LIMIT $limit`,
  },
  params: ['numbers', 'from', 'to', 'tol', 'minShared', 'limit'],
  row: (r) => ({
    contact: String(r['contact']),
    numbers_in_contact: Number(r['numbers_in_contact']),
    communications: Number(r['communications']),
    given: r['given'] as readonly string[],
    has_own_records: r['has_own_records'] === true,
  }),
}
