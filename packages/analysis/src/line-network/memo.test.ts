import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { lineNumbersOf } from '@linesight/generator'
import type { CaseSession } from '@linesight/casework'
import type { AnalysisContext } from '../core/context.js'
import type { AnalysisDefinition } from '../core/definition.js'
import { createAnalysisMemo } from '../core/memo.js'
import { runAnalysis } from '../core/run-analysis.js'
import { countingStore } from '../test/counting-store.js'
import { scenarioCase } from '../test/scenario-case.js'
import { CONTINUITY_GRAPH_INDEX } from '../continuity/line-continuity/graph-index.js'
import { NUMBER_BASE_INDEX_NAME } from '../continuity/common/line-base.js'
import { cuckooingLeads, lineContinuity, lineRoles, livePicture, safeguardingWorklist } from './index.js'

/** The analyses `linesight lines` runs on the flagged numbers, in its order. */
const STEPS = [lineContinuity, lineRoles, livePicture, cuckooingLeads, safeguardingWorklist].map(
  (d) => d as AnalysisDefinition<unknown>,
)

let session: CaseSession
let lines: string[]
beforeAll(async () => {
  const c = await scenarioCase(1, 1)
  session = c.session
  lines = lineNumbersOf(c.truth)
  // Without the import's continuity and customer-base indexes, so each analysis groups the lines and finds their
  // customers itself and the memo must share that.
  await session.store.writeIndex(CONTINUITY_GRAPH_INDEX, { key: 'none', payload: '{}' })
  await session.store.writeIndex(NUMBER_BASE_INDEX_NAME, { key: 'none', payload: '[]' })
}, 180_000)
afterAll(async () => {
  await session.close()
})

async function runAll(ctx: AnalysisContext): Promise<{ results: unknown[]; counts: Map<string, number> }> {
  const { store, counts } = countingStore(session.store)
  const results: unknown[] = []
  for (const step of STEPS) results.push(await runAnalysis(step, store, { lines }, ctx))
  return { results, counts }
}

describe('one memo for the drug-lines run', () => {
  it('gives the same results and provenance while grouping, finding roles and leads, and digesting once', async () => {
    const now = new Date('2026-01-01T00:00:00Z')
    const plain = await runAll({ now, zone: 'Europe/London' })
    const memo = createAnalysisMemo()
    const shared = await runAll({ now, zone: 'Europe/London', memo })
    expect(JSON.stringify(shared.results)).toBe(JSON.stringify(plain.results))
    expect(plain.counts.get('line-continuity-graph')).toBe(5)
    expect(plain.counts.get('line-roles-customers')).toBe(3)
    expect(plain.counts.get('cuckooing-home-cells')).toBe(2)
    expect(plain.counts.get('input-digest')).toBe(5)
    // The customer bases: once for the numbers continuity links, once for the lines roles and leads look at.
    expect(plain.counts.get('line-network-base')).toBe(4)
    expect(shared.counts.get('line-network-base')).toBe(2)
    for (const id of [
      'line-continuity-graph',
      'line-roles-customers',
      'cuckooing-home-cells',
      'input-digest',
    ])
      expect(shared.counts.get(id), id).toBe(1)
    expect(memo.stats().hits).toBeGreaterThan(0)
  }, 120_000)

  it('does not share results between different parameters', async () => {
    const ctx = { now: new Date('2026-01-01T00:00:00Z'), zone: 'Europe/London', memo: createAnalysisMemo() }
    const a = await runAnalysis(lineRoles, session.store, { lines }, ctx)
    const b = await runAnalysis(lineRoles, session.store, { lines, runnerMinDays: 1000 }, ctx)
    const fresh = await runAnalysis(
      lineRoles,
      session.store,
      { lines, runnerMinDays: 1000 },
      {
        now: ctx.now,
        zone: ctx.zone,
      },
    )
    expect(b.result).toEqual(fresh.result)
    expect(b.result.lines.flatMap((l) => l.runners)).toHaveLength(0)
    expect(a.result.lines.flatMap((l) => l.runners).length).toBeGreaterThan(0)
  }, 120_000)
})
