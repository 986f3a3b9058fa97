/**
 * Intermediate results shared by the analyses of one run (the line grouping, roles, cuckooing leads, the input
 * digest), each kept under its step name and the canonical JSON of everything the step depends on.
 *
 * Sound because analyses are pure functions of the case data and their parameters, so one step with the same inputs
 * gives the same value; a memo lives for one run over an unchanged case, and its creator answers for that.
 *
 * @example
 * const ctx = { now: new Date(), zone: 'Europe/London', memo: createAnalysisMemo() }
 * await runAnalysis(lineRoles, store, { lines }, ctx)
 * await runAnalysis(cuckooingLeads, store, { lines }, ctx) // finds the roles in the memo
 */
export interface AnalysisMemo {
  /**
   * The value of `step` for `inputs`, computed by `compute` the first time and shared after that (callers that ask
   * while it is still being computed wait for the same promise). A failed computation is not kept.
   */
  get<T>(step: string, inputs: unknown, compute: () => Promise<T>): Promise<T>
  /** How many values are kept and how many requests found one (for benchmarks and tests). */
  stats(): { readonly entries: number; readonly hits: number; readonly misses: number }
}

/** JSON with object keys sorted at every level, so equal inputs give the same text whatever their key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  )
}

/** A new, empty memo for one run over an unchanged case (the CLI's `lines` command makes one per run). */
export function createAnalysisMemo(): AnalysisMemo {
  const kept = new Map<string, Promise<unknown>>()
  let hits = 0
  let misses = 0
  return {
    get<T>(step: string, inputs: unknown, compute: () => Promise<T>): Promise<T> {
      const key = `${step}\u0000${canonicalJson(inputs)}`
      const found = kept.get(key)
      if (found !== undefined) {
        hits++
        return found as Promise<T>
      }
      misses++
      const value = compute()
      kept.set(key, value)
      value.catch(() => kept.delete(key))
      return value
    },
    stats: () => ({ entries: kept.size, hits, misses }),
  }
}

/** `compute()`, through the run's memo when the context has one (without a memo, exactly `compute()`). */
export const memoized = <T>(
  ctx: { readonly memo?: AnalysisMemo } | undefined,
  step: string,
  inputs: unknown,
  compute: () => Promise<T>,
): Promise<T> => (ctx?.memo === undefined ? compute() : ctx.memo.get(step, inputs, compute))
