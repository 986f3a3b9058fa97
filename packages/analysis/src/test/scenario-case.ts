import { mkdir, mkdtemp, readFile, rename, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createCase, importFiles, listInputs, type CaseSession } from '@linesight/casework'
import { generateScenario, type GroundTruth } from '@linesight/generator'

/** A generated scenario's files, made once per seed and scale on this machine and shared by test files. */
async function scenarioFiles(seed: number, scale: number): Promise<string> {
  const dir = join(tmpdir(), `linesight-scenario-${seed}-${scale}`)
  if (await stat(join(dir, 'truth.json')).catch(() => null)) return dir
  const partial = await mkdtemp(join(tmpdir(), `linesight-scenario-${seed}-${scale}-`))
  await generateScenario({ seed, scale, outDir: partial })
  // Another test process may have finished first: then its copy is kept and this one dropped.
  await rename(partial, dir).catch(async () => rm(partial, { recursive: true, force: true }))
  return dir
}

/**
 * A real case holding a generated scenario, imported the way a user would, plus its ground truth. Each test file
 * gets its own case (DuckDB allows one writer per file); the generated files are shared.
 */
export async function scenarioCase(
  seed: number,
  scale: number,
): Promise<{ session: CaseSession; truth: GroundTruth }> {
  const files = await scenarioFiles(seed, scale)
  const root = join(await mkdtemp(join(tmpdir(), 'linesight-scenario-case-')), 'case')
  await mkdir(root, { recursive: true })
  const session = await createCase(root, { id: 'scenario', now: new Date('2026-01-01T00:00:00Z') })
  const delivery = await listInputs([join(files, 'cdr'), join(files, 'cells'), join(files, 'subscribers')])
  const results = await importFiles(session, delivery, { now: () => new Date('2026-01-01T00:00:00Z') })
  const failed = results.filter((r) => r.status === 'failed')
  if (failed.length > 0) throw new Error(`scenario did not import: ${JSON.stringify(failed)}`)
  const truth = JSON.parse(await readFile(join(files, 'truth.json'), 'utf8')) as GroundTruth
  return { session, truth }
}
