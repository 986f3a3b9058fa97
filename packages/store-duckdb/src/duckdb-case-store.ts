import {
  DuckDBInstance,
  DuckDBTypeId,
  LIST,
  listValue,
  VARCHAR,
  type DuckDBConnection,
  type DuckDBType,
  type DuckDBResultReader,
  type DuckDBValue,
} from '@duckdb/node-api'
import type { AuditEntry, ImportPlan } from '@linesight/model'
import {
  LATEST_SCHEMA_VERSION,
  MIGRATIONS,
  QueryError,
  type AnalysisIndex,
  type CaseStore,
  type ColumnShapeStats,
  type ImportOutcome,
  type ImportProgress,
  type ParamValue,
  type QuerySpec,
  type SourceFileEntry,
  type SqlRow,
} from '@linesight/store'
import { compilePlan } from './import/compile-plan.js'
import { dropPrepared, prepareImport, writeImport, type PreparedImport } from './import/run-import.js'
import { identifierMacrosSql } from './sql/identifier-macros.js'
import { ident, literal } from './sql/quote.js'
import { traced } from './sql/traced.js'
import { TIME_MACROS_SQL } from './sql/time-macros.js'
import { readCsvSql } from './import/read-csv.js'
import { refreshIdentityLinks } from './derived/identity-links.js'
import { refreshPairSummary } from './derived/pair-summary.js'
import { refreshTargetSummary } from './derived/target-summary.js'

export interface DuckDbStoreOptions {
  /** Engine memory cap for analyses; beyond it the engine spills to disk rather than grow the process. */
  readonly memoryLimit?: string
  /** Lower cap while importing, so a file of any size keeps the process under 1.5 GB (the rest is Node's own). */
  readonly importMemoryLimit?: string
  readonly threads?: number
}

const DEFAULT_MEMORY_LIMIT = '1GB'
// Measured: a 5 M-row import peaks at 1.29 GB RSS under 768 MB, 1.56–1.67 GB under 1 GB, at about the same speed.
const DEFAULT_IMPORT_MEMORY_LIMIT = '768MB'

const WIDE_INTEGERS = new Set([
  DuckDBTypeId.BIGINT,
  DuckDBTypeId.UBIGINT,
  DuckDBTypeId.HUGEINT,
  DuckDBTypeId.UHUGEINT,
])

/** Rows as JSON values; 64-bit counts come back as numbers when they fit exactly (they always do for row counts). */
function jsonRows(reader: DuckDBResultReader): Record<string, unknown>[] {
  const rows = reader.getRowObjectsJson() as Record<string, unknown>[]
  const wide = reader.columnNames().filter((_, i) => WIDE_INTEGERS.has(reader.columnType(i).typeId))
  if (wide.length === 0) return rows
  for (const row of rows)
    for (const name of wide) {
      const v = row[name]
      if (typeof v === 'string' && Number.isSafeInteger(Number(v))) row[name] = Number(v)
    }
  return rows
}

const toDuckValue = (v: ParamValue): DuckDBValue =>
  Array.isArray(v) ? listValue([...(v as readonly string[])]) : (v as DuckDBValue)

/**
 * The embedded case store: one DuckDB file per case. Extensions are never downloaded (police networks are
 * closed); only the bundled ICU, JSON and Parquet are used. Sessions run in UTC so no local zone leaks in.
 */
export class DuckDbCaseStore implements CaseStore {
  readonly engine = 'duckdb' as const
  readonly #instance: DuckDBInstance
  readonly #connection: DuckDBConnection
  #queue: Promise<unknown> = Promise.resolve()

  readonly #memoryLimit: string
  readonly #importMemoryLimit: string

  private constructor(
    instance: DuckDBInstance,
    connection: DuckDBConnection,
    limits: { readonly memory: string; readonly import: string },
  ) {
    this.#instance = instance
    this.#memoryLimit = limits.memory
    this.#importMemoryLimit = limits.import
    this.#connection = connection
  }

  /** Opens (or creates) the database at `path` and migrates it to the latest schema. */
  static async open(path: string, options: DuckDbStoreOptions = {}): Promise<DuckDbCaseStore> {
    const instance = await DuckDBInstance.create(path, {
      autoinstall_known_extensions: 'false',
      autoload_known_extensions: 'false',
      memory_limit: options.memoryLimit ?? DEFAULT_MEMORY_LIMIT,
      ...(options.threads === undefined ? {} : { threads: String(options.threads) }),
    })
    const connection = await instance.connect()
    await connection.run(`SET TimeZone = 'UTC'`)
    const store = new DuckDbCaseStore(instance, connection, {
      memory: options.memoryLimit ?? DEFAULT_MEMORY_LIMIT,
      import: options.importMemoryLimit ?? DEFAULT_IMPORT_MEMORY_LIMIT,
    })
    await store.#migrate()
    await connection.run(TIME_MACROS_SQL)
    await connection.run(identifierMacrosSql())
    return store
  }

  /** Serialises work on the one connection, so a transaction is never interleaved with another statement. */
  #exclusive<T>(work: () => Promise<T>): Promise<T> {
    const next = this.#queue.then(work, work)
    this.#queue = next.catch(() => undefined)
    return next
  }

  async #migrate(): Promise<void> {
    const c = this.#connection
    await c.run(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, description VARCHAR, applied_at TIMESTAMP)',
    )
    const current = Number(
      (await c.runAndReadAll('SELECT coalesce(max(version), 0) FROM schema_migrations')).getRows()[0]?.[0] ??
        0,
    )
    if (current > LATEST_SCHEMA_VERSION)
      throw new Error(
        `This case uses schema version ${current}, newer than this release supports (${LATEST_SCHEMA_VERSION}): upgrade Linesight`,
      )
    for (const m of MIGRATIONS.filter((x) => x.version > current)) {
      await c.run('BEGIN TRANSACTION')
      try {
        for (const statement of m.duckdb) await c.run(statement)
        await c.run(
          `INSERT INTO schema_migrations VALUES (${m.version}, ${literal(m.description)}, now()::TIMESTAMP)`,
        )
        await c.run('COMMIT')
      } catch (e) {
        await c.run('ROLLBACK')
        throw e
      }
    }
  }

  run<R, P extends string>(
    spec: QuerySpec<R, P>,
    params: Readonly<Record<P, ParamValue>>,
  ): Promise<readonly R[]> {
    return this.#exclusive(async () => {
      const values: Record<string, DuckDBValue> = {}
      // Lists are bound as VARCHAR[] explicitly, so an empty list still has a type.
      const types: Record<string, DuckDBType> = {}
      for (const name of spec.params) {
        values[name] = toDuckValue(params[name])
        if (Array.isArray(params[name])) types[name] = LIST(VARCHAR)
      }
      let rows: Record<string, unknown>[]
      try {
        rows = jsonRows(await this.#connection.runAndReadAll(spec.sql.duckdb, values, types))
      } catch (e) {
        throw new QueryError(spec.id, (e as Error).message, e)
      }
      return Object.freeze(rows.map((r) => spec.row(r as SqlRow)))
    })
  }

  schemaVersion(): Promise<number> {
    return this.#exclusive(async () =>
      Number(
        (
          await this.#connection.runAndReadAll('SELECT max(version) FROM schema_migrations')
        ).getRows()[0]?.[0] ?? 0,
      ),
    )
  }

  columnShapes(
    plan: Pick<ImportPlan, 'source'>,
    columns: readonly string[],
  ): Promise<readonly ColumnShapeStats[]> {
    return this.#exclusive(async () => {
      const out: ColumnShapeStats[] = []
      const from = readCsvSql(plan.source, '__shape_rejects', '__shape_scans')
      for (const column of columns) {
        const v = `nullif(trim(${ident(column)}), '')`
        const parts = `regexp_extract(${v}, '^\\s*([0-9]{1,4})[/.-]([0-9]{1,2})[/.-]([0-9]{1,4})', ['a', 'b', 'c'])`
        const r = (
          await this.#connection.runAndReadAll(`SELECT count(${v}) AS non_empty,
              count(*) FILTER (WHERE length(${parts}.a) <= 2 AND try_cast(${parts}.a AS INTEGER) > 12) AS a12,
              count(*) FILTER (WHERE length(${parts}.a) <= 2 AND try_cast(${parts}.b AS INTEGER) > 12) AS b12,
              count(*) FILTER (WHERE length(${parts}.a) = 4) AS year_first
            FROM ${from}`)
        ).getRowObjectsJson()[0] as Record<string, unknown>
        // The first five values, read on their own: a list of every value would hold the whole column in memory.
        const sample = (
          await this.#connection.runAndReadAll(
            `SELECT list(v) AS sample FROM (SELECT ${v} AS v FROM ${from} WHERE ${v} IS NOT NULL LIMIT 5)`,
          )
        ).getRowObjectsJson()[0] as Record<string, unknown>
        out.push({
          column,
          nonEmpty: Number(r['non_empty']),
          firstFieldOver12: Number(r['a12']),
          secondFieldOver12: Number(r['b12']),
          yearFirst: Number(r['year_first']),
          sample: (sample['sample'] as string[] | null) ?? [],
        })
      }
      await this.#connection.run('DROP TABLE IF EXISTS __shape_rejects; DROP TABLE IF EXISTS __shape_scans')
      return out
    })
  }

  hasSource(sha256: string): Promise<boolean> {
    return this.#exclusive(async () => {
      const r = await this.#connection.runAndReadAll(
        'SELECT count(*) FROM source_files WHERE sha256 = $sha',
        { sha: sha256 },
      )
      return Number(r.getRows()[0]?.[0] ?? 0) > 0
    })
  }

  importSource(
    plans: readonly ImportPlan[],
    entry: SourceFileEntry,
    audit: Omit<AuditEntry, 'seq'>,
    onProgress?: (progress: ImportProgress) => void,
  ): Promise<readonly ImportOutcome[]> {
    return this.#exclusive(async () => {
      const c = traced(this.#connection)
      await c.run(`SET memory_limit = ${literal(this.#importMemoryLimit)}`)
      const prepared: PreparedImport[] = []
      try {
        // Read and check every plan into temporary tables first; only the writes run in the transaction.
        for (const [slot, plan] of plans.entries())
          prepared.push(
            await prepareImport(c, {
              plan,
              compiled: compilePlan(plan),
              fileId: entry.id,
              slot,
              earlier: prepared,
              onProgress,
            }),
          )
        return await this.#writeSource(c, prepared, entry, audit, onProgress)
      } finally {
        await dropPrepared(c, prepared)
        await c.run(`SET memory_limit = ${literal(this.#memoryLimit)}`)
      }
    })
  }

  /** Writes prepared plans, the derived tables they touch, the source row and the audit entry in one transaction. */
  async #writeSource(
    c: DuckDBConnection,
    prepared: readonly PreparedImport[],
    entry: SourceFileEntry,
    audit: Omit<AuditEntry, 'seq'>,
    onProgress?: (progress: ImportProgress) => void,
  ): Promise<readonly ImportOutcome[]> {
    await c.run('BEGIN TRANSACTION')
    try {
      const outcomes: ImportOutcome[] = []
      for (const p of prepared) outcomes.push(await writeImport(c, p, onProgress))
      if (prepared.some((p) => p.table === 'events')) {
        await refreshTargetSummary(c, entry.id)
        await refreshPairSummary(c, entry.id)
      }
      const sum = (k: 'read' | 'imported' | 'rejected' | 'duplicates'): number =>
        outcomes.reduce((n, o) => n + o[k], 0)
      const outcome = {
        read: sum('read'),
        imported: sum('imported'),
        rejected: sum('rejected'),
        duplicates: sum('duplicates'),
      }
      onProgress?.({ phase: 'committing', rows: outcome.read, percent: 100 })
      await c.run(
        `INSERT INTO source_files VALUES ($id, $sha256, $original_name, $stored_path, $size_bytes, $kind, $format, $encoding,
            $profile_id, $profile_version, $mapping_json, $imported_at::TIMESTAMP, $imported_by, $software_version, $request_reference,
            $rows_read, $rows_imported, $rows_rejected, $rows_duplicate)`,
        {
          ...entry,
          request_reference: entry.request_reference,
          rows_read: outcome.read,
          rows_imported: outcome.imported,
          rows_rejected: outcome.rejected,
          rows_duplicate: outcome.duplicates,
        } as unknown as Record<string, DuckDBValue>,
      )
      await this.#insertAudit({
        ...audit,
        details_json: JSON.stringify({
          ...JSON.parse(audit.details_json),
          outcome: {
            read: outcome.read,
            imported: outcome.imported,
            rejected: outcome.rejected,
            duplicates: outcome.duplicates,
          },
        }),
      })
      await c.run('COMMIT')
      return outcomes
    } catch (e) {
      await c.run('ROLLBACK')
      throw e
    }
  }

  async #insertAudit(entry: Omit<AuditEntry, 'seq'>): Promise<void> {
    await this.#connection.run(
      'INSERT INTO audit_log (logged_at, actor, action, details_json, software_version) VALUES ($at::TIMESTAMP, $actor, $action, $details, $version)',
      {
        at: entry.logged_at,
        actor: entry.actor,
        action: entry.action,
        details: entry.details_json,
        version: entry.software_version,
      },
    )
  }

  appendAudit(entry: Omit<AuditEntry, 'seq'>): Promise<void> {
    return this.#exclusive(() => this.#insertAudit(entry))
  }

  refreshDerived(): Promise<void> {
    return this.#exclusive(() => refreshIdentityLinks(this.#connection))
  }

  readIndex(name: string): Promise<AnalysisIndex | null> {
    return this.#exclusive(async () => {
      const reader = await this.#connection.runAndReadAll(
        'SELECT key, payload FROM analysis_index WHERE name = $name',
        { name },
      )
      const row = reader.getRowObjectsJson()[0]
      return row === undefined ? null : { key: String(row['key']), payload: String(row['payload']) }
    })
  }

  writeIndex(name: string, index: AnalysisIndex): Promise<void> {
    return this.#exclusive(async () => {
      await this.#connection.run(
        `INSERT OR REPLACE INTO analysis_index (name, key, payload, built_at)
          VALUES ($name, $key, $payload, now()::TIMESTAMP)`,
        { name, key: index.key, payload: index.payload },
      )
    })
  }

  counts(): Promise<
    Readonly<Record<'cdr' | 'cells' | 'subscribers' | 'rejects' | 'duplicates' | 'sources', number>>
  > {
    return this.#exclusive(async () => {
      const r = (
        await this.#connection
          .runAndReadAll(`SELECT (SELECT count(*) FROM events) AS cdr, (SELECT count(*) FROM cells) AS cells,
          (SELECT count(*) FROM subscribers) AS subscribers, (SELECT count(*) FROM rejects) AS rejects,
          (SELECT count(*) FROM events WHERE duplicate_of IS NOT NULL) AS duplicates, (SELECT count(*) FROM source_files) AS sources`)
      ).getRowObjectsJson()[0] as Record<string, unknown>
      return {
        cdr: Number(r['cdr']),
        cells: Number(r['cells']),
        subscribers: Number(r['subscribers']),
        rejects: Number(r['rejects']),
        duplicates: Number(r['duplicates']),
        sources: Number(r['sources']),
      }
    })
  }

  async close(): Promise<void> {
    await this.#queue.catch(() => undefined)
    this.#connection.closeSync()
    this.#instance.closeSync()
  }
}
