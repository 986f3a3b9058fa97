import type { QuerySpec } from '@linesight/store'
import { isContactTypeSql } from '../../core/one-of.sql.js'

/** Numbers whose own records are in the case, from the import's per-target summary rather than every event. */
export const recordOwnersQuery: QuerySpec<{ readonly number: string }> = {
  id: 'record-owners',
  sql: { duckdb: `SELECT number FROM target_summary ORDER BY number` },
  params: [],
  row: (r) => ({ number: String(r['number']) }),
}

export interface CommunityRecordsRow {
  readonly label: string
  readonly records: number
}

/** Contact records between members of the same community, reading the records of the members `where` keeps. */
const communityRecordsSql = (where: string): string => `WITH m AS MATERIALIZED (
        SELECT unnest($labels::VARCHAR[]) AS label, unnest($members::VARCHAR[]) AS number
      )
      SELECT t.label, count(*) AS records
      FROM events_unique e JOIN m t ON t.number = e.target_msisdn
      -- Each record joins its own target's community, then keeps the other party's membership: never members × members.
      SEMI JOIN m o ON o.number = e.other_msisdn AND o.label = t.label
      WHERE ${where} AND ${isContactTypeSql('e.event_type')}
        AND ($from IS NULL OR e.start_utc >= timezone('UTC', $from::TIMESTAMPTZ)) AND ($to IS NULL OR e.start_utc <= timezone('UTC', $to::TIMESTAMPTZ))
      GROUP BY t.label
      ORDER BY t.label`

/**
 * Contact records between members of the same community (`$members[i]` belongs to `$labels[i]`), from the
 * members' own records: the rows an evidence filter with the members as targets and as other parties returns.
 */
export const communityRecordsQuery: QuerySpec<CommunityRecordsRow, 'labels' | 'members' | 'from' | 'to'> = {
  id: 'community-records',
  sql: { duckdb: communityRecordsSql('true') },
  params: ['labels', 'members', 'from', 'to'],
  row: (r) => ({ label: String(r['label']), records: Number(r['records']) }),
}

/** `communityRecordsQuery` for a few members (see `FEW_NUMBERS`): the scan reads only their records. */
export const communityRecordsOfFewQuery: typeof communityRecordsQuery = {
  ...communityRecordsQuery,
  id: 'community-records-few',
  sql: { duckdb: communityRecordsSql('list_contains($members::VARCHAR[], e.target_msisdn)') },
}
