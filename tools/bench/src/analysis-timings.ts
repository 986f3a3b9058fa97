import { ANALYSES, runAnalysis, type AnalysisContext, type AnalysisDefinition } from '@linesight/analysis'
import type { CaseStore } from '@linesight/store'
import { planAnalysis, type CaseInputs, type PlannedRun, type Shape } from './analysis-plan.js'
import { traceQueries, type QueryTime } from './query-trace.js'
import { median, msSince } from './timing.js'

export interface AnalysisTiming {
  readonly id: string
  readonly shape: Shape
  readonly run: string
  readonly mode: PlannedRun['mode']
  readonly goalMs: number
  /** Median of the warm runs (`once`), or of the per-number times (`loop`). */
  readonly medianMs: number
  /** `loop`: all numbers one after another (estimated from the median when the loop ran out of time); `once`: null. */
  readonly totalMs: number | null
  /** `loop`: the numbers planned and the numbers reached within the time budget. */
  readonly planned: number
  readonly maxMs: number
  /** `loop`: how many numbers took the goal time or longer. */
  readonly overGoal: number
  readonly runsMs: readonly number[]
  readonly met: boolean
  readonly error: string | null
  /** The slowest queries of the last timed run, to show where a missed goal's time goes. */
  readonly slowest: readonly QueryTime[]
}

/** A warm-up run longer than this is followed by a single timed run, so a slow analysis cannot take hours. */
const SLOW_MS = 10_000
/** A loop over numbers stops once it has taken this long; the numbers it reached are reported. */
const LOOP_BUDGET_MS = 60_000

async function measure(
  definition: AnalysisDefinition<unknown>,
  store: CaseStore,
  run: PlannedRun,
  ctx: AnalysisContext,
  repeat: number,
  take: () => QueryTime[],
): Promise<readonly number[]> {
  const once = async (params: Readonly<Record<string, unknown>>): Promise<number> => {
    // Only the last run's queries are kept.
    take()
    const t = performance.now()
    await runAnalysis(definition, store, params, ctx)
    return msSince(t)
  }
  const [first] = run.params
  if (first === undefined) throw new Error(`${definition.id}: no parameter set`)
  // The warm-up pays for first-use costs (plan caches, file pages) that every later run of the session skips.
  const warm = await once(first)
  const times: number[] = []
  if (run.mode === 'loop') {
    const started = performance.now()
    for (const p of run.params) {
      times.push(await once(p))
      if (msSince(started) > LOOP_BUDGET_MS) break
    }
  } else for (let i = 0; i < (warm > SLOW_MS ? 1 : repeat); i++) times.push(await once(first))
  return times
}

/** Times every analysis in the registry in the shapes its parameters call for. */
export async function timeAnalyses(
  store: CaseStore,
  inputs: CaseInputs,
  options: {
    readonly ctx: AnalysisContext
    readonly repeat: number
    readonly many: number
    readonly only: readonly string[]
    readonly log: (m: string) => void
  },
): Promise<AnalysisTiming[]> {
  const out: AnalysisTiming[] = []
  const { store: traced, take } = traceQueries(store)
  const chosen = options.only.length === 0 ? ANALYSES : ANALYSES.filter((a) => options.only.includes(a.id))
  for (const definition of chosen) {
    const plan = planAnalysis(definition, inputs, options.many)
    for (const run of plan.runs) {
      let runsMs: readonly number[] = []
      let error: string | null = null
      try {
        runsMs = await measure(definition, traced, run, options.ctx, options.repeat, take)
      } catch (e) {
        error = e instanceof Error ? e.message : String(e)
      }
      const medianMs = runsMs.length === 0 ? NaN : median(runsMs)
      const measuredMs = runsMs.reduce((a, b) => a + b, 0)
      const complete = runsMs.length >= run.params.length
      const totalMs = run.mode !== 'loop' ? null : complete ? measuredMs : medianMs * run.params.length
      const overGoal = runsMs.filter((ms) => ms >= run.goalMs).length
      const slowest = take().slice(0, 3)
      out.push({
        id: plan.id,
        shape: plan.shape,
        run: run.label,
        mode: run.mode,
        goalMs: run.goalMs,
        medianMs,
        totalMs,
        planned: run.params.length,
        maxMs: runsMs.length === 0 ? NaN : Math.max(...runsMs),
        overGoal,
        runsMs,
        met: error === null && medianMs < run.goalMs,
        error,
        slowest,
      })
      const loopText =
        totalMs === null
          ? ''
          : complete
            ? `, total ${totalMs.toFixed(0)} ms`
            : `, ${runsMs.length} of ${run.params.length} timed, total ~${totalMs.toFixed(0)} ms`
      options.log(`  ${plan.id} (${run.label}): ${error ?? `${medianMs.toFixed(1)} ms${loopText}`}`)
    }
  }
  return out
}
