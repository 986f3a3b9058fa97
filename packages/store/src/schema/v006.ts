import type { Migration } from './migration.js'

/**
 * Version 6: analysis indexes, results the analysis layer computes over the whole case after an import (the line
 * continuity graph at the default linking rule) so that one-number analyses need not recompute them. Each is kept
 * under a key naming the case's source files, the parameters and the query that built it: an index whose key does
 * not match is never read, and the analysis computes the result itself. Derived data, never evidence.
 * Frozen once shipped.
 */
export const v006: Migration = {
  version: 6,
  description: 'analysis indexes',
  duckdb: [
    `CREATE TABLE analysis_index (
      name VARCHAR NOT NULL PRIMARY KEY,
      key VARCHAR NOT NULL,
      payload VARCHAR NOT NULL,
      built_at TIMESTAMP NOT NULL
    )`,
  ],
}
