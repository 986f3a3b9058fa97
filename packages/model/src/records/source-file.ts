import type { SourceFileId } from '../values/branded.js'
import type { SourceFormat, SourceKind } from '../values/vocabulary.js'

/** An original file preserved in the case, with its hash and what the import made of it. */
export interface SourceFileRecord {
  readonly id: SourceFileId
  readonly sha256: string
  readonly original_name: string
  readonly stored_path: string
  readonly size_bytes: number
  readonly kind: SourceKind
  readonly format: SourceFormat
  readonly encoding: string
  readonly profile_id: string
  readonly profile_version: string
  readonly mapping_json: string
  readonly imported_at: string
  readonly imported_by: string
  readonly software_version: string
  readonly request_reference: string | null
  readonly rows_read: number
  readonly rows_imported: number
  readonly rows_rejected: number
  readonly rows_duplicate: number
}

/** A row the import could not accept, kept with its raw text and the reason. Nothing is dropped silently. */
export interface RejectRecord {
  readonly source_file_id: SourceFileId
  readonly source_sheet: string | null
  readonly source_row: number | null
  readonly source_line: number | null
  readonly field: string | null
  readonly raw_value: string | null
  readonly raw_record: string | null
  readonly reason: string
}

/** One entry of the append-only audit log. */
export interface AuditEntry {
  readonly seq: number
  readonly logged_at: string
  readonly actor: string
  readonly action: string
  readonly details_json: string
  readonly software_version: string
}
