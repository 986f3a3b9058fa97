import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { DuckDBInstance } from '@duckdb/node-api'
import { createCase, importFiles, type CaseSession } from '@linesight/casework'
import type { ImportReport } from '@linesight/model'

/** What every measurement reports; peak RSS is the child's own, since each measurement runs in a fresh process. */
interface Measured {
  readonly seconds: number
  readonly closeSeconds: number
  readonly maxRssKb: number
  readonly databaseBytes: number
}

export interface RawResult extends Measured {
  readonly mode: 'raw'
  readonly rows: number
  readonly duckdbVersion: string
  readonly threads: string
  readonly memoryLimit: string
  /** The types DuckDB's sniffer chose, to show what the baseline actually did with each column. */
  readonly columns: readonly { readonly name: string; readonly type: string }[]
}

export interface OurResult extends Measured {
  readonly mode: 'ours'
  readonly status: string
  readonly read: number
  readonly imported: number
  readonly rejected: number
  readonly duplicates: number
  /** importOne's own time (hash, detect, preserve, load); the rest of `seconds` is cell positions and derived tables. */
  readonly fileElapsedMs: number
  readonly profile: string
  readonly timeZone: string
  readonly rejectReasons: readonly { readonly reason: string; readonly count: number }[]
  readonly warnings: readonly { readonly code: string; readonly count: number; readonly message: string }[]
  /** Stored rows sampled and compared with the file's text at the line each names, and how many differed. */
  readonly provenance: { readonly sampled: number; readonly wrongLine: number }
}

export type ChildResult = RawResult | OurResult

const sqlString = (s: string): string => `'${s.replaceAll("'", "''")}'`
const maxRssKb = (): number => process.resourceUsage().maxRSS
const since = (t: number): number => (performance.now() - t) / 1000

/** DuckDB on its own: a fresh database, its own sniffing and typing, default threads and memory. */
export async function measureRaw(file: string, work: string): Promise<RawResult> {
  const databasePath = join(work, 'raw.duckdb')
  const instance = await DuckDBInstance.create(databasePath)
  const c = await instance.connect()
  const settings = (
    await c.runAndReadAll(`SELECT version(), current_setting('threads'), current_setting('memory_limit')`)
  ).getRows()[0]
  const started = performance.now()
  await c.run(
    `CREATE TABLE raw AS SELECT * FROM read_csv(${sqlString(file)}, header = true, auto_detect = true)`,
  )
  const seconds = since(started)
  const rows = Number((await c.runAndReadAll('SELECT count(*) FROM raw')).getRows()[0]?.[0] ?? -1)
  const columns = (await c.runAndReadAll('DESCRIBE raw')).getRowObjectsJson().map((r) => ({
    name: String(r['column_name']),
    type: String(r['column_type']),
  }))
  const closing = performance.now()
  c.closeSync()
  instance.closeSync()
  return {
    mode: 'raw',
    seconds,
    closeSeconds: since(closing),
    maxRssKb: maxRssKb(),
    databaseBytes: (await stat(databasePath)).size,
    rows,
    duckdbVersion: String(settings?.[0] ?? '?'),
    threads: String(settings?.[1] ?? '?'),
    memoryLimit: String(settings?.[2] ?? '?'),
    columns,
  }
}

/** Our full import into a fresh case: hash, detect, preserve, normalise, provenance, rejects, derived tables. */
export async function measureOurs(file: string, work: string): Promise<OurResult> {
  const session = await createCase(join(work, 'case'), {
    id: 'bench',
    name: 'Import benchmark',
    now: new Date(),
  })
  const started = performance.now()
  const results = await importFiles(session, [file], { now: () => new Date() })
  const seconds = since(started)
  const provenance = await checkProvenance(session, file)
  const closing = performance.now()
  await session.close()
  const closeSeconds = since(closing)
  const result = results[0]
  if (result === undefined) throw new Error('importFiles returned no result')
  if (result.status === 'failed') throw new Error(`import failed: ${result.error}`)
  if (result.status !== 'imported') throw new Error(`import ended as "${result.status}"`)
  const report: ImportReport | undefined = result.reports[0]
  if (report === undefined || result.reports.length !== 1)
    throw new Error(`expected one report, got ${result.reports.length}`)
  return {
    mode: 'ours',
    seconds,
    closeSeconds,
    maxRssKb: maxRssKb(),
    databaseBytes: (await stat(session.folder.databasePath)).size,
    status: result.status,
    read: report.read,
    imported: report.imported,
    rejected: report.rejected,
    duplicates: report.duplicates,
    fileElapsedMs: report.elapsedMs,
    profile: `${report.profile.id}@${report.profile.version} (confidence ${report.profile.confidence})`,
    timeZone: `${report.timeZone.zone} (${report.timeZone.source})`,
    rejectReasons: report.rejectReasons.map((r) => ({ reason: r.reason, count: r.count })),
    warnings: report.warnings.map((w) => ({ code: w.code, count: w.count, message: w.message })),
    provenance,
  }
}

/**
 * Samples stored rows and reads the file's own line for each (the generated file has no quoted fields): the
 * target number and the date and time texts must be the ones on that line.
 */
async function checkProvenance(
  session: CaseSession,
  file: string,
): Promise<{ sampled: number; wrongLine: number }> {
  const rows = await session.store.run(
    {
      id: 'bench-provenance-sample',
      sql: {
        duckdb: `SELECT source_line, target_raw, start_text FROM events USING SAMPLE 2000 ROWS (reservoir, 42)`,
      },
      params: [],
      row: (r) => ({
        line: Number(r['source_line']),
        target: String(r['target_raw']),
        start: String(r['start_text']),
      }),
    },
    {},
  )
  const wanted = new Map(rows.map((r) => [r.line, r]))
  let wrongLine = 0
  let line = 0
  for await (const text of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    const row = wanted.get(++line)
    if (row === undefined) continue
    const [target, , date, time] = text.split(',')
    if (target !== row.target || `${date} ${time}` !== row.start) wrongLine++
  }
  return { sampled: rows.length, wrongLine }
}
