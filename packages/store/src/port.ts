import type { AuditEntry, ImportPlan, RejectRecord, SourceFileRecord, SourceKind } from '@linesight/model'
import type { ParamValue, QuerySpec } from './query-spec.js'

/** Column statistics the ingest layer asks for when the first rows cannot settle a question (e.g. dd/mm vs mm/dd). */
export interface ColumnShapeStats {
  readonly column: string
  readonly nonEmpty: number
  /** Values whose first two numeric date fields are (a, b): how many have a > 12, b > 12. */
  readonly firstFieldOver12: number
  readonly secondFieldOver12: number
  /** Values whose first date field has 4 digits (year first). */
  readonly yearFirst: number
  readonly sample: readonly string[]
}

export interface ImportProgress {
  readonly phase: 'reading' | 'normalising' | 'committing'
  readonly rows: number
  /** Engine's estimate of the statement done, 0–100, or -1 when it has none. */
  readonly percent: number
}

/** What the engine did with one plan; the caller adds file metadata and writes the report. */
export interface ImportOutcome {
  readonly read: number
  readonly imported: number
  readonly rejected: number
  readonly duplicates: number
  readonly ambiguousTimes: number
  readonly rejectSample: readonly RejectRecord[]
  readonly rejectReasons: readonly { readonly reason: string; readonly count: number }[]
}

/** A file's identity and provenance, written in the same transaction as its rows. */
export type SourceFileEntry = Omit<
  SourceFileRecord,
  'rows_read' | 'rows_imported' | 'rows_rejected' | 'rows_duplicate'
>

/**
 * The one interface between Linesight and a database engine, as Kysely's `Dialect` is for Kysely. DuckDB answers
 * today (embedded, one case per folder); a ClickHouse store can answer later without any analysis changing.
 */
/**
 * A whole-case result the analysis layer keeps after imports so one-number analyses can read it: `key` names the
 * source files, parameters and query it was built from (the reader compares it with its own), `payload` is JSON.
 */
export interface AnalysisIndex {
  readonly key: string
  readonly payload: string
}

export interface CaseStore {
  readonly engine: 'duckdb' | 'clickhouse'
  /** Runs one analysis query with named parameters and reads each row through the spec's reader. */
  run<R, P extends string>(
    spec: QuerySpec<R, P>,
    params: Readonly<Record<P, ParamValue>>,
  ): Promise<readonly R[]>
  /** The schema version the case is at, after migrations. */
  schemaVersion(): Promise<number>
  /** Scans whole columns of a delimited source so ingest can decide what the first rows cannot. */
  columnShapes(
    plan: Pick<ImportPlan, 'source'>,
    columns: readonly string[],
  ): Promise<readonly ColumnShapeStats[]>
  /** True when a file with this SHA-256 is already in the case (importing it again changes nothing). */
  hasSource(sha256: string): Promise<boolean>
  /**
   * Loads one source atomically, one plan per sheet: the source entry, every row (imported or rejected with its
   * reason), duplicate flags and the audit entry commit together or not at all.
   */
  importSource(
    plans: readonly ImportPlan[],
    entry: SourceFileEntry,
    audit: Omit<AuditEntry, 'seq'>,
    onProgress?: (progress: ImportProgress) => void,
  ): Promise<readonly ImportOutcome[]>
  /** Appends to the audit log (never updated or deleted). */
  appendAudit(entry: Omit<AuditEntry, 'seq'>): Promise<void>
  /** Rebuilds derived tables (identity links) after imports. */
  refreshDerived(): Promise<void>
  /** The analysis index kept under `name` (see `AnalysisIndex`), or null when there is none. */
  readIndex(name: string): Promise<AnalysisIndex | null>
  /** Keeps an analysis index under `name`, replacing the one before in one statement. */
  writeIndex(name: string, index: AnalysisIndex): Promise<void>
  counts(): Promise<Readonly<Record<SourceKind | 'rejects' | 'duplicates' | 'sources', number>>>
  close(): Promise<void>
}
