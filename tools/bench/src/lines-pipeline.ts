import {
  createAnalysisMemo,
  cuckooingLeads,
  customerBase,
  dailyCustomers,
  dealLines,
  lineContinuity,
  lineFigures,
  lineRoles,
  livePicture,
  quantity,
  runAnalysis,
  safeguardingWorklist,
  transactions,
  type AnalysisContext,
  type AnalysisDefinition,
} from '@linesight/analysis'
import type { CaseStore } from '@linesight/store'
import { QUANTITY_INPUTS, TRANSACTION_INPUTS } from './scenario-numbers.js'
import { msSince } from './timing.js'

export interface PipelineStep {
  readonly step: string
  /** How many times the analysis runs in this step (once per line number for the per-line analyses). */
  readonly calls: number
  /** How many of them ran: fewer when a per-line step ran out of its time budget. */
  readonly timedCalls: number
  /** The step's time; when it ran out of budget, the mean per call times `calls` (an estimate). */
  readonly ms: number
  readonly estimated: boolean
  /** The step's error when it failed (the CLI would stop there; the bench goes on to time the other steps). */
  readonly error: string | null
}

export interface PipelineRun {
  /** The steps' times added up (including any estimated step). */
  readonly totalMs: number
  readonly estimated: boolean
  /** A step failed: the total leaves out the rest of that step. */
  readonly failed: boolean
  readonly steps: readonly PipelineStep[]
  /** Numbers deal-lines flagged as deal lines: the lines every later step is given. */
  readonly lines: readonly string[]
}

const firstLine = (e: unknown): string => (e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e))

/** The analyses `linesight lines` runs on the flagged numbers, in its order. */
const LINE_NETWORK_STEPS = [lineContinuity, lineRoles, livePicture, cuckooingLeads, safeguardingWorklist]

/**
 * The line profile's figures (customer base, daily customers, transactions, quantity) come from one line-figures
 * call for all flagged numbers; LINESIGHT_BENCH_PER_LINE=1 times the four analyses once per number instead (the
 * old way, for comparison: the results are the same).
 */
const PER_LINE = process.env['LINESIGHT_BENCH_PER_LINE'] === '1'

/** A per-line step stops after this long, and its time for every line is estimated from the lines it reached. */
const PER_LINE_BUDGET_MS = 120_000

const PER_LINE_STEPS: readonly (readonly [AnalysisDefinition<unknown>, Readonly<Record<string, unknown>>])[] =
  [
    [customerBase as AnalysisDefinition<unknown>, {}],
    [dailyCustomers as AnalysisDefinition<unknown>, {}],
    [transactions as AnalysisDefinition<unknown>, TRANSACTION_INPUTS],
    [quantity as AnalysisDefinition<unknown>, QUANTITY_INPUTS],
  ]

/**
 * The drug-lines pipeline: detection over every target number (as `linesight lines` does), then customer base,
 * daily customers, transactions and quantity for all flagged numbers (line-figures), then continuity, roles, live picture,
 * cuckooing leads and the safeguarding worklist for all flagged numbers together, each through `runAnalysis`, all
 * with one memo for the run (a memo the caller's context holds is replaced).
 */
export async function runLinesPipeline(store: CaseStore, given: AnalysisContext): Promise<PipelineRun> {
  // One memo per run, as `linesight lines` makes: the steps share the grouping, roles, cuckooing leads and digest.
  const ctx: AnalysisContext = { ...given, memo: createAnalysisMemo() }
  const steps: PipelineStep[] = []
  const timed = async (step: string, work: () => Promise<unknown>): Promise<void> => {
    const t = performance.now()
    let error: string | null = null
    try {
      await work()
    } catch (e) {
      error = firstLine(e)
    }
    steps.push({ step, calls: 1, timedCalls: 1, ms: msSince(t), estimated: false, error })
  }
  const t = performance.now()
  const detection = await runAnalysis(dealLines, store, {}, ctx)
  steps.push({ step: 'deal-lines', calls: 1, timedCalls: 1, ms: msSince(t), estimated: false, error: null })
  const lines = detection.result.candidates.filter((c) => c.verdict === 'deal-line').map((c) => c.number)
  if (lines.length > 0) {
    if (!PER_LINE)
      await timed(lineFigures.id, () =>
        runAnalysis(lineFigures as AnalysisDefinition<unknown>, store, { ...QUANTITY_INPUTS, lines }, ctx),
      )
    for (const [definition, extra] of PER_LINE ? PER_LINE_STEPS : []) {
      const started = performance.now()
      let timedCalls = 0
      let error: string | null = null
      for (const line of lines) {
        try {
          await runAnalysis(definition, store, { ...extra, line }, ctx)
        } catch (e) {
          error = `${line}: ${firstLine(e)}`
          break
        }
        timedCalls++
        if (msSince(started) > PER_LINE_BUDGET_MS) break
      }
      const ms = msSince(started)
      const estimated = timedCalls < lines.length
      steps.push({
        step: definition.id,
        calls: lines.length,
        timedCalls,
        ms: estimated && timedCalls > 0 ? (ms / timedCalls) * lines.length : ms,
        estimated,
        error,
      })
    }
    for (const definition of LINE_NETWORK_STEPS)
      await timed(definition.id, () =>
        runAnalysis(definition as AnalysisDefinition<unknown>, store, { lines }, ctx),
      )
  }
  return {
    totalMs: steps.reduce((n, x) => n + x.ms, 0),
    estimated: steps.some((x) => x.estimated),
    failed: steps.some((x) => x.error !== null),
    steps,
    lines,
  }
}
