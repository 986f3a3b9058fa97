import type { Migration } from './migration.js'
import { updatePairCopiesSql } from './pairing.sql.js'

/**
 * Version 5: `pair_summary.copies`, the receivers' copies of each pair's communications paired at the stored
 * tolerance (`STORED_PAIRING_TOLERANCE_SECONDS`), so the contact graph at that tolerance needs no events at all;
 * `records - copies` is the pair's communications. The import keeps it with the rest of the summary.
 * Frozen once shipped.
 */
export const v005: Migration = {
  version: 5,
  description: 'paired copies per pair',
  duckdb: [
    `ALTER TABLE pair_summary ADD COLUMN copies BIGINT DEFAULT 0`,
    updatePairCopiesSql('pair_summary'),
  ],
}
