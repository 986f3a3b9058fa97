import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { commonNumbers, runAnalysis, type AnalysisContext, type CommonNumber } from '@linesight/analysis'
import { createCase, importFiles, openCase, SOFTWARE_VERSION, type CaseSession } from '@linesight/casework'
import {
  DUMP_GENERATOR_VERSION,
  dumpParam,
  writeDumpFiles,
  type DumpFacts,
  type ExpectedCommon,
} from './dump-files.js'
import { timeEventsScan, type ScanTiming } from './events-scan.js'
import { BENCH_DIR, exists } from './paths.js'
import { median, msSince, timeWarm } from './timing.js'

/** A built dump case, written last, so a folder without it is an unfinished build. */
interface DumpCaseMarker {
  readonly generatorVersion: number
  readonly softwareVersion: string
  readonly builtAt: string
  readonly generateSeconds: number
  readonly importSeconds: number
}

export interface CellDumpBench {
  readonly dumps: number
  readonly rowsPerDump: number
  readonly reused: boolean
  readonly generateSeconds: number
  readonly importSeconds: number
  readonly events: number
  readonly scan: ScanTiming
  readonly medianMs: number
  readonly runsMs: readonly number[]
  readonly ratio: number
  readonly present: number
  readonly contacted: number
  /** The analysis's error when it could not answer (e.g. out of memory). */
  readonly error: string | null
  /** Differences between the answer and the planted truth; empty when exactly right. */
  readonly problems: readonly string[]
}

/** Enough to list every planted number and every shared other party (500 and 2,000). */
const LIMIT = 10_000

function compare(role: string, got: readonly CommonNumber[], want: readonly ExpectedCommon[]): string[] {
  const key = (n: { number: string; dumps: number; events: number }): string =>
    `${n.number}:${n.dumps}:${n.events}`
  const have = new Set(got.map(key))
  const expected = new Set(want.map(key))
  const missing = [...expected].filter((k) => !have.has(k))
  const extra = [...have].filter((k) => !expected.has(k))
  if (missing.length === 0 && extra.length === 0) return []
  return [
    `${role}: ${got.length} listed, ${want.length} expected; missing ${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ` (+${missing.length - 3})` : ''}; unexpected ${extra.slice(0, 3).join(', ')}${extra.length > 3 ? ` (+${extra.length - 3})` : ''}`,
  ]
}

/** The dump files and their case under `.bench/`, built once per seed, count and size. */
async function ensureDumpCase(
  seed: number,
  dumps: number,
  rows: number,
  fresh: boolean,
  log: (m: string) => void,
): Promise<{ session: CaseSession; facts: DumpFacts; marker: DumpCaseMarker; reused: boolean }> {
  const dir = join(BENCH_DIR, `dumps-s${seed}-${dumps}x${rows}`)
  const filesDir = join(dir, 'files')
  const factsPath = join(filesDir, 'dumps.json')
  const markerPath = join(dir, 'bench.json')
  const caseDir = join(dir, 'case')
  if (!fresh && (await exists(markerPath)) && (await exists(factsPath))) {
    const marker = JSON.parse(await readFile(markerPath, 'utf8')) as DumpCaseMarker
    if (marker.generatorVersion === DUMP_GENERATOR_VERSION && marker.softwareVersion === SOFTWARE_VERSION) {
      log(`Reusing the cell-dump case in ${caseDir} (built ${marker.builtAt}).`)
      const facts = JSON.parse(await readFile(factsPath, 'utf8')) as DumpFacts
      return { session: await openCase(caseDir), facts, marker, reused: true }
    }
  }
  await rm(markerPath, { force: true })
  await rm(caseDir, { recursive: true, force: true })
  let facts: DumpFacts | null = null
  let generateSeconds = 0
  if (!fresh && (await exists(factsPath))) {
    facts = JSON.parse(await readFile(factsPath, 'utf8')) as DumpFacts
    if (facts.generatorVersion !== DUMP_GENERATOR_VERSION) facts = null
  }
  if (facts === null) {
    log(`Writing ${dumps} cell dumps of ${rows.toLocaleString('en-GB')} rows (seed ${seed}) to ${filesDir} …`)
    const started = performance.now()
    const partial = `${filesDir}.partial`
    await rm(partial, { recursive: true, force: true })
    await rm(filesDir, { recursive: true, force: true })
    await mkdir(partial, { recursive: true })
    facts = await writeDumpFiles(partial, seed, dumps, rows)
    await writeFile(join(partial, 'dumps.json'), `${JSON.stringify(facts, null, 2)}\n`)
    await rename(partial, filesDir)
    generateSeconds = msSince(started) / 1000
  }
  const session = await createCase(caseDir, {
    id: `bench-dumps-s${seed}`,
    name: `Benchmark: ${dumps} synthetic cell dumps (not real data)`,
    now: new Date(),
  })
  log(`Importing ${dumps} cell dumps through the normal import …`)
  const started = performance.now()
  const results = await importFiles(
    session,
    facts.files.map((f) => join(filesDir, f)),
    { now: () => new Date() },
  )
  const importSeconds = msSince(started) / 1000
  const failed = results.filter((r) => r.status !== 'imported')
  if (failed.length > 0)
    throw new Error(
      `the cell dumps did not import: ${failed.map((f) => `${f.file}: ${f.status === 'failed' ? f.error : f.status}`).join('; ')}`,
    )
  const marker: DumpCaseMarker = {
    generatorVersion: DUMP_GENERATOR_VERSION,
    softwareVersion: SOFTWARE_VERSION,
    builtAt: new Date().toISOString(),
    generateSeconds,
    importSeconds,
  }
  await writeFile(markerPath, `${JSON.stringify(marker, null, 2)}\n`)
  log(`Imported in ${importSeconds.toFixed(1)} s.`)
  return { session, facts, marker, reused: false }
}

/** Common numbers across the cell dumps: timed warm, as a ratio to a scan of the dump case, and checked. */
export async function benchCellDumps(options: {
  readonly seed: number
  readonly dumps: number
  readonly rows: number
  readonly fresh: boolean
  readonly repeat: number
  readonly ctx: AnalysisContext
  readonly log: (m: string) => void
}): Promise<CellDumpBench> {
  const { session, facts, marker, reused } = await ensureDumpCase(
    options.seed,
    options.dumps,
    options.rows,
    options.fresh,
    options.log,
  )
  try {
    const scan = await timeEventsScan(session.store, options.repeat)
    const params = { dumps: facts.windows.map(dumpParam), limit: LIMIT }
    const run = () => runAnalysis(commonNumbers, session.store, params, options.ctx)
    const problems: string[] = []
    let runsMs: number[] = []
    let present = 0
    let contacted = 0
    let error: string | null = null
    try {
      const answer = await run()
      runsMs = await timeWarm(options.repeat, run)
      present = answer.result.present.length
      contacted = answer.result.contacted.length
      problems.push(
        ...compare('present', answer.result.present, facts.present),
        ...compare('contacted', answer.result.contacted, facts.contacted),
      )
    } catch (e) {
      error = e instanceof Error ? (e.message.split('\n')[0] ?? e.message) : String(e)
    }
    const medianMs = runsMs.length === 0 ? NaN : median(runsMs)
    if (scan.events !== facts.dumps * facts.rowsPerDump)
      problems.push(`events: ${scan.events} in the case, ${facts.dumps * facts.rowsPerDump} written`)
    return {
      dumps: facts.dumps,
      rowsPerDump: facts.rowsPerDump,
      reused,
      generateSeconds: marker.generateSeconds,
      importSeconds: marker.importSeconds,
      events: scan.events,
      scan,
      medianMs,
      runsMs,
      ratio: medianMs / scan.medianMs,
      present,
      contacted,
      problems,
      error,
    }
  } finally {
    await session.close()
  }
}
