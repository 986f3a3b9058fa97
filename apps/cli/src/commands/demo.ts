import { access, readFile, rm, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import type { Command } from 'commander'
import {
  createCase,
  importFiles,
  listInputs,
  openCase,
  SOFTWARE_VERSION,
  type CaseSession,
} from '@linesight/casework'
import { findRepoRoot, generateScenario } from '@linesight/generator'
import { output, UsageError } from '../output.js'
import { serveUntilStopped } from './serve.js'
import { summariseCase } from '../summary.js'

/** The demo scenario's seed: fixed, and never one of the accuracy benchmark's seeds. */
export const DEMO_SEED = 7
const DEMO_SCALE = 1

interface DemoMarker {
  readonly seed: number
  readonly scale: number
  readonly softwareVersion: string
  readonly builtAt: string
}

const exists = (path: string): Promise<boolean> =>
  access(path).then(
    () => true,
    () => false,
  )

/** Builds the demo case (generate → import) unless a complete one for this seed and release is already there. */
async function ensureDemoCase(dir: string, log: (m: string) => void): Promise<CaseSession> {
  const marker = join(dir, 'demo.json')
  const caseDir = join(dir, 'case')
  if (await exists(marker)) {
    const m = JSON.parse(await readFile(marker, 'utf8')) as DemoMarker
    if (m.seed === DEMO_SEED && m.scale === DEMO_SCALE && m.softwareVersion === SOFTWARE_VERSION) {
      log(`Reusing the demo case in ${caseDir} (built ${m.builtAt}).`)
      return openCase(caseDir)
    }
  }
  // A missing marker means no complete build: start again from nothing.
  await rm(dir, { recursive: true, force: true })
  const started = Date.now()
  const scenarioDir = join(dir, 'scenario')
  log(`Generating the synthetic demo scenario (seed ${DEMO_SEED}) in ${scenarioDir} …`)
  const summary = await generateScenario({ seed: DEMO_SEED, scale: DEMO_SCALE, outDir: scenarioDir })
  log(
    `  ${summary.cdrRows.toLocaleString('en-GB')} CDR rows in ${summary.files.length} files (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  )
  const session = await createCase(caseDir, {
    id: 'demo',
    name: 'Demo: synthetic county lines (not real data)',
    now: new Date(),
    purpose: 'Demonstration and training on synthetic data',
  })
  log('Importing the delivery (CDRs, cell lists, subscriber records) …')
  const files = await listInputs(['cdr', 'cells', 'subscribers'].map((d) => join(scenarioDir, d)))
  const results = await importFiles(session, files, { now: () => new Date() })
  const failed = results.filter((r) => r.status === 'failed')
  if (failed.length > 0)
    throw new Error(
      `the demo scenario did not import: ${failed.map((f) => (f.status === 'failed' ? `${f.file}: ${f.error}` : '')).join('; ')}`,
    )
  await writeFile(
    marker,
    JSON.stringify(
      {
        seed: DEMO_SEED,
        scale: DEMO_SCALE,
        softwareVersion: SOFTWARE_VERSION,
        builtAt: new Date().toISOString(),
      } satisfies DemoMarker,
      null,
      2,
    ) + '\n',
  )
  log(`Demo case ready in ${((Date.now() - started) / 1000).toFixed(1)} s.`)
  return session
}

export function registerDemo(program: Command): void {
  const demo = program.command('demo').description('synthetic county-lines scenarios and the demo case')
  demo
    .command('generate')
    .description(
      'write a seeded synthetic scenario (CDRs per network layout, cell lists, subscribers, truth.json)',
    )
    .requiredOption('--out <dir>', 'output folder')
    .option('--seed <n>', 'seed (same seed, same files)', '1')
    .option('--scale <s>', 'volume multiplier (1 ≈ 100k CDR rows; 20 ≈ 2 million)', '1')
    .option('--json', 'print JSON')
    .action(async (o: { out: string; seed: string; scale: string; json?: boolean }) => {
      const seed = Number(o.seed)
      const scale = Number(o.scale)
      if (!Number.isSafeInteger(seed)) throw new UsageError(`--seed must be a whole number, not "${o.seed}"`)
      if (!(scale > 0 && scale <= 100))
        throw new UsageError(`--scale must be above 0 and at most 100, not "${o.scale}"`)
      const summary = await generateScenario({ seed, scale, outDir: resolve(o.out) })
      output(o.json === true).result(
        summary,
        () =>
          `Wrote ${summary.cdrRows} CDR rows in ${summary.files.length} files to ${resolve(o.out)} (synthetic data; truth.json holds the ground truth)`,
      )
    })
  demo
    .command('start')
    .description(
      'build the demo case on first run (generate, import, analyse), print its summary and serve it',
    )
    .option('--dir <dir>', 'where the demo lives (default .demo in the repository)')
    .option('--no-serve', 'print the summary and exit without starting the web app')
    .action(async (o: { dir?: string; serve: boolean }) => {
      const dir = resolve(o.dir ?? process.env['LINESIGHT_DEMO_DIR'] ?? join(findRepoRoot(), '.demo'))
      const log = (m: string): void => void process.stderr.write(`${m}\n`)
      const session = await ensureDemoCase(dir, log)
      try {
        process.stdout.write(`${await summariseCase(session)}\n`)
      } finally {
        await session.close()
      }
      if (o.serve) await serveUntilStopped({ casesDirs: [dir] })
    })
}
