import type { Migration } from './migration.js'

/**
 * Contact records per unordered pair of numbers (`a` < `b` as text), with how many are in each side's own records:
 * the records contact analyses count (voice, SMS, MMS between a target and another E.164 number, duplicates left
 * out). The import refreshes the pairs a file brings, in the same transaction; callers add `AND …` and `GROUP BY 1, 2`.
 */
export const PAIR_SUMMARY_SELECT = `SELECT least(target_msisdn, other_msisdn) AS a, greatest(target_msisdn, other_msisdn) AS b,
    count(*) AS records, count(*) FILTER (WHERE target_msisdn < other_msisdn) AS records_of_a,
    count(*) FILTER (WHERE target_msisdn > other_msisdn) AS records_of_b
  FROM events_unique
  WHERE event_type IN ('voice', 'sms', 'mms') AND target_msisdn IS NOT NULL AND other_msisdn IS NOT NULL
    AND other_msisdn <> target_msisdn`

/**
 * Version 4: a per-pair summary of contact records, so the contact graph (chains, communities) is read without
 * scanning every event; the events are read only for the links whose two copies of a call must be paired.
 * Frozen once shipped.
 */
export const v004: Migration = {
  version: 4,
  description: 'pair summary',
  duckdb: [
    // No primary key: each pair is one row by construction (grouped, deleted before it is inserted again), and
    // an index would make the import's delete of a large file's pairs take seconds.
    `CREATE TABLE pair_summary (
      a VARCHAR NOT NULL,
      b VARCHAR NOT NULL,
      records BIGINT NOT NULL,
      records_of_a BIGINT NOT NULL,
      records_of_b BIGINT NOT NULL
    )`,
    `INSERT INTO pair_summary ${PAIR_SUMMARY_SELECT} GROUP BY 1, 2`,
  ],
}
