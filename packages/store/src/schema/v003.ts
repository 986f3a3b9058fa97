import type { Migration } from './migration.js'

/** What a target's summary holds; the import refreshes it for the numbers a file brings, in the same transaction. */
export const TARGET_SUMMARY_SELECT = `SELECT target_msisdn AS number, min(network) AS network, count(*) AS events,
    count(DISTINCT coalesce(other_msisdn, other_raw)) AS contacts, min(start_utc) AS first_utc, max(start_utc) AS last_utc
  FROM events_unique WHERE target_msisdn IS NOT NULL`

/**
 * Version 3: a per-target summary (events, distinct contacts, first and last record), so the first view of a
 * large case lists its numbers without scanning every event. Frozen once shipped.
 */
export const v003: Migration = {
  version: 3,
  description: 'target summary',
  duckdb: [
    `CREATE TABLE target_summary (
      number VARCHAR NOT NULL PRIMARY KEY,
      network VARCHAR,
      events BIGINT NOT NULL,
      contacts BIGINT NOT NULL,
      first_utc TIMESTAMP NOT NULL,
      last_utc TIMESTAMP NOT NULL
    )`,
    `INSERT INTO target_summary ${TARGET_SUMMARY_SELECT} GROUP BY 1`,
  ],
}
