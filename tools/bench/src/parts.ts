import type { AnalysisContext } from '@linesight/analysis'
import type { CaseSession } from '@linesight/casework'
import { timeAnalyses, type AnalysisTiming } from './analysis-timings.js'
import { caseInputs } from './case-inputs.js'
import { benchCellDumps, type CellDumpBench } from './cell-dumps.js'
import { timeEventsScan, type ScanTiming } from './events-scan.js'
import { benchFirstView, type FirstViewBench } from './first-view-part.js'
import { runLinesPipeline, type PipelineRun } from './lines-pipeline.js'
import { ensureScenarioCase, type ScenarioCaseFacts } from './scenario-case.js'

/** What the orchestrator passes to every part. */
export interface PartOptions {
  readonly seed: number
  readonly scale: number
  readonly fresh: boolean
  readonly repeat: number
  readonly numbers: number
  /** How many times the drug-lines pipeline runs; the first, in a fresh process, is judged against the goal. */
  readonly pipelineRuns: number
  readonly analyses: readonly string[]
  readonly dumps: number
  readonly dumpRows: number
  readonly firstViewRows: number
}

export interface AnalysesPart {
  readonly scenario: ScenarioCaseFacts
  readonly scan: ScanTiming
  readonly timings: readonly AnalysisTiming[]
}

export interface LinesPart {
  readonly scenario: ScenarioCaseFacts
  readonly scan: ScanTiming
  /** First run in a fresh process (what `linesight lines` pays), then any further runs, warm. */
  readonly runs: readonly PipelineRun[]
  readonly truthLineNumbers: number
}

const log = (m: string): void => void process.stdout.write(`${m}\n`)
const contextOf = (session: CaseSession): AnalysisContext => ({
  now: new Date(),
  zone: session.folder.manifest.defaultTimeZone,
})

export async function analysesPart(o: PartOptions): Promise<AnalysesPart> {
  const { session, truth, facts } = await ensureScenarioCase(o.seed, o.scale, o.fresh, log)
  try {
    const inputs = await caseInputs(session, truth)
    const scan = await timeEventsScan(session.store, o.repeat)
    log(`Events scan: ${scan.medianMs.toFixed(1)} ms (median of ${o.repeat}); timing the analyses …`)
    const timings = await timeAnalyses(session.store, inputs, {
      ctx: contextOf(session),
      repeat: o.repeat,
      many: o.numbers,
      only: o.analyses,
      log,
    })
    return { scenario: facts, scan, timings }
  } finally {
    await session.close()
  }
}

export async function linesPart(o: PartOptions): Promise<LinesPart> {
  const { session, truth, facts } = await ensureScenarioCase(o.seed, o.scale, o.fresh, log)
  try {
    const scan = await timeEventsScan(session.store, o.repeat)
    const ctx = contextOf(session)
    const runs: PipelineRun[] = []
    for (let i = 0; i < o.pipelineRuns; i++) {
      log(`Drug-lines pipeline, run ${i + 1} of ${o.pipelineRuns} …`)
      runs.push(await runLinesPipeline(session.store, ctx))
    }
    const truthLineNumbers = truth.lines.reduce((n, l) => n + l.generations.length, 0)
    return { scenario: facts, scan, runs, truthLineNumbers }
  } finally {
    await session.close()
  }
}

export function dumpsPart(o: PartOptions): Promise<CellDumpBench> {
  return benchCellDumps({
    seed: o.seed,
    dumps: o.dumps,
    rows: o.dumpRows,
    fresh: o.fresh,
    repeat: o.repeat,
    ctx: { now: new Date(), zone: 'Europe/London' },
    log,
  })
}

/** The web app's first view of a 5-million-row case (the import benchmark's file, imported once and cached). */
export function webPart(o: PartOptions): Promise<FirstViewBench> {
  return benchFirstView({ rows: o.firstViewRows, seed: o.seed, runs: o.repeat, log })
}
