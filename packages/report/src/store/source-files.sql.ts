import type { QuerySpec } from '@linesight/store'
import type { SourceFileSummary } from '../core/provenance.js'

const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v))

/** Every source file of the case, in hash order (stable whatever the import order). */
export const sourceFilesQuery: QuerySpec<SourceFileSummary> = {
  id: 'report-source-files',
  sql: {
    duckdb: `SELECT id, original_name, sha256, kind, format, profile_id || ' ' || profile_version AS profile,
        rows_read, rows_imported, rows_rejected, rows_duplicate,
        strftime(imported_at, '%Y-%m-%dT%H:%M:%SZ') AS imported_at, imported_by, request_reference
      FROM source_files ORDER BY sha256`,
  },
  params: [],
  row: (r) => ({
    id: str(r['id']),
    name: str(r['original_name']),
    sha256: str(r['sha256']),
    kind: str(r['kind']),
    format: str(r['format']),
    profile: str(r['profile']),
    rowsRead: Number(r['rows_read']),
    rowsImported: Number(r['rows_imported']),
    rowsRejected: Number(r['rows_rejected']),
    rowsDuplicate: Number(r['rows_duplicate']),
    importedAt: str(r['imported_at']),
    importedBy: str(r['imported_by']),
    requestReference: r['request_reference'] === null ? null : str(r['request_reference']),
  }),
}
