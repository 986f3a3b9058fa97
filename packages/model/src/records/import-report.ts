import type { SourceFileId } from '../values/branded.js'
import type { SourceFormat, SourceKind } from '../values/vocabulary.js'
import type { RejectRecord } from './source-file.js'

/** A warning about the data that the user should read, with what to do about it. */
export interface ImportWarning {
  readonly code: string
  readonly message: string
  readonly count: number
}

/**
 * What one file's import did. The counts always reconcile: `imported + rejected = read`, and `duplicates` counts
 * imported rows flagged as repeats of an earlier event (kept, not deleted).
 */
export interface ImportReport {
  readonly file: string
  readonly sourceFileId: SourceFileId
  readonly sha256: string
  readonly status: 'imported' | 'already-imported'
  readonly kind: SourceKind
  readonly format: SourceFormat
  readonly sheet: string | null
  readonly profile: { readonly id: string; readonly version: string; readonly confidence: number }
  readonly encoding: string
  readonly timeZone: { readonly zone: string; readonly source: string }
  readonly read: number
  readonly imported: number
  readonly rejected: number
  readonly duplicates: number
  readonly rejectSample: readonly RejectRecord[]
  readonly rejectReasons: readonly { readonly reason: string; readonly count: number }[]
  readonly warnings: readonly ImportWarning[]
  readonly elapsedMs: number
}
