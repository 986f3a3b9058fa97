import { readFile, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import {
  createCase,
  importFiles,
  listInputs,
  openCase,
  SOFTWARE_VERSION,
  type CaseSession,
} from '@linesight/casework'
import { buildAnalysisIndexes } from '@linesight/analysis'
import { generateScenario, type GroundTruth } from '@linesight/generator'
import type { QuerySpec } from '@linesight/store'
import { BENCH_DIR, exists } from './paths.js'
import { msSince } from './timing.js'

/** What a built scenario case is, written last, so a folder without it is an unfinished build. */
export interface ScenarioCaseFacts {
  readonly seed: number
  readonly scale: number
  readonly softwareVersion: string
  readonly builtAt: string
  readonly files: number
  readonly events: number
  readonly uniqueEvents: number
  readonly generateSeconds: number
  readonly importSeconds: number
}

export interface ScenarioCase {
  readonly session: CaseSession
  readonly truth: GroundTruth
  readonly facts: ScenarioCaseFacts
  readonly reused: boolean
}

const countsQuery: QuerySpec<{ events: number; unique: number }> = {
  id: 'bench-event-counts',
  sql: {
    duckdb: `SELECT count(*) AS events, count(*) FILTER (WHERE duplicate_of IS NULL) AS "unique" FROM events`,
  },
  params: [],
  row: (r) => ({ events: Number(r['events']), unique: Number(r['unique']) }),
}

export const scenarioDir = (seed: number, scale: number): string =>
  join(BENCH_DIR, `scenario-s${seed}-x${scale}`)

/**
 * The generated scenario (seed, scale) imported into a case under `.bench/`, the way `linesight demo` builds its
 * case. Reused while its marker matches the seed, scale and release; `fresh` rebuilds it.
 */
export async function ensureScenarioCase(
  seed: number,
  scale: number,
  fresh: boolean,
  log: (m: string) => void,
): Promise<ScenarioCase> {
  const dir = scenarioDir(seed, scale)
  const marker = join(dir, 'bench.json')
  const filesDir = join(dir, 'files')
  const caseDir = join(dir, 'case')
  if (!fresh && (await exists(marker))) {
    const facts = JSON.parse(await readFile(marker, 'utf8')) as ScenarioCaseFacts
    if (facts.seed === seed && facts.scale === scale && facts.softwareVersion === SOFTWARE_VERSION) {
      log(`Reusing the scenario case in ${caseDir} (built ${facts.builtAt}).`)
      const truth = JSON.parse(await readFile(join(filesDir, 'truth.json'), 'utf8')) as GroundTruth
      const session = await openCase(caseDir)
      // An analysis index goes stale when its query changes between imports; the import would have rebuilt it.
      const started = performance.now()
      const rebuilt = await buildAnalysisIndexes(session.store, session.folder.manifest.defaultTimeZone)
      if (rebuilt.length > 0)
        log(`Rebuilt the analysis index ${rebuilt.join(', ')} (${(msSince(started) / 1000).toFixed(1)} s).`)
      return { session, truth, facts, reused: true }
    }
  }
  await rm(marker, { force: true })
  await rm(caseDir, { recursive: true, force: true })
  let generateSeconds = 0
  // Generated files are kept apart from the case: a new release re-imports them without generating again.
  if (fresh || !(await exists(join(filesDir, 'truth.json')))) {
    log(`Generating the scale-${scale} scenario (seed ${seed}) in ${filesDir} …`)
    const started = performance.now()
    const partial = `${filesDir}.partial`
    await rm(partial, { recursive: true, force: true })
    await rm(filesDir, { recursive: true, force: true })
    await generateScenario({ seed, scale, outDir: partial })
    await rename(partial, filesDir)
    generateSeconds = msSince(started) / 1000
  }
  const session = await createCase(caseDir, {
    id: `bench-s${seed}-x${scale}`,
    name: `Benchmark: synthetic scenario seed ${seed}, scale ${scale} (not real data)`,
    now: new Date(),
  })
  const inputs = await listInputs(['cdr', 'cells', 'subscribers'].map((d) => join(filesDir, d)))
  log(`Importing ${inputs.length} files …`)
  const started = performance.now()
  const results = await importFiles(session, inputs, { now: () => new Date() })
  const importSeconds = msSince(started) / 1000
  const failed = results.filter((r) => r.status === 'failed')
  if (failed.length > 0)
    throw new Error(
      `the scenario did not import: ${failed.map((f) => (f.status === 'failed' ? `${f.file}: ${f.error}` : '')).join('; ')}`,
    )
  const [counts] = await session.store.run(countsQuery, {})
  const truth = JSON.parse(await readFile(join(filesDir, 'truth.json'), 'utf8')) as GroundTruth
  const facts: ScenarioCaseFacts = {
    seed,
    scale,
    softwareVersion: SOFTWARE_VERSION,
    builtAt: new Date().toISOString(),
    files: inputs.length,
    events: counts?.events ?? 0,
    uniqueEvents: counts?.unique ?? 0,
    generateSeconds,
    importSeconds,
  }
  await writeFile(marker, `${JSON.stringify(facts, null, 2)}\n`)
  log(`Imported in ${importSeconds.toFixed(1)} s: ${facts.events.toLocaleString('en-GB')} events.`)
  return { session, truth, facts, reused: false }
}
