import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { lineNumbersOf } from '@linesight/generator'
import type { CaseSession } from '@linesight/casework'
import { createAnalysisMemo } from '../core/memo.js'
import { runAnalysis } from '../core/run-analysis.js'
import { countingStore } from '../test/counting-store.js'
import { scenarioCase } from '../test/scenario-case.js'
import { buildAnalysisIndexes } from '../line-network/indexes.js'
import { CONTINUITY_GRAPH_INDEX } from './line-continuity/graph-index.js'
import { lineContinuity } from './line-continuity/line-continuity.js'

/**
 * The import keeps the whole-case continuity graph (default linking rule) as an analysis index. Every result read
 * through it must be the result the engine gives without it, and an index that no longer matches the case's files
 * or the rule must never be read.
 */
let session: CaseSession
let lines: string[]
let customer: string
const ctx = { now: new Date('2026-01-01T00:00:00Z'), zone: 'Europe/London' }

beforeAll(async () => {
  const c = await scenarioCase(1, 1)
  session = c.session
  lines = lineNumbersOf(c.truth)
  customer = c.truth.lines[0]!.customers[0]!
}, 180_000)
afterAll(async () => {
  await session.close()
})

/** Runs line-continuity for each question with a fresh memo, counting the graph queries sent to the engine. */
async function answers(
  questions: readonly (readonly string[])[],
): Promise<{ results: unknown[]; queried: number }> {
  const { store, counts } = countingStore(session.store)
  const results: unknown[] = []
  for (const q of questions)
    results.push(
      (await runAnalysis(lineContinuity, store, { lines: q }, { ...ctx, memo: createAnalysisMemo() })).result,
    )
  return { results, queried: counts.get('line-continuity-graph') ?? 0 }
}

describe('continuity graph index', () => {
  it('is built by the import and gives the same lines as the engine, for all lines and each one', async () => {
    expect((await session.store.readIndex(CONTINUITY_GRAPH_INDEX))?.key).toMatch(/^[0-9a-f]{64}$/)
    const questions = [lines, ...lines.map((n) => [n]), [lines[0]!, customer]]
    const indexed = await answers(questions)
    // Only the question naming a number that never flared goes to the engine.
    expect(indexed.queried).toBe(1)

    const kept = await session.store.readIndex(CONTINUITY_GRAPH_INDEX)
    await session.store.writeIndex(CONTINUITY_GRAPH_INDEX, { key: 'a case with other files', payload: '{}' })
    const queried = await answers(questions)
    expect(queried.queried).toBe(questions.length)
    expect(JSON.stringify(indexed.results)).toBe(JSON.stringify(queried.results))
    expect(JSON.stringify(indexed.results)).toContain(lines[1]!)

    // A rule the index was not built for goes to the engine too.
    expect(await buildAnalysisIndexes(session.store)).toEqual([CONTINUITY_GRAPH_INDEX])
    expect(await session.store.readIndex(CONTINUITY_GRAPH_INDEX)).toEqual(kept)
    expect(await buildAnalysisIndexes(session.store)).toEqual([])
    const { store, counts } = countingStore(session.store)
    await runAnalysis(lineContinuity, store, { lines, handoverMaxGapDays: 3 }, ctx)
    expect(counts.get('line-continuity-graph')).toBe(1)
  }, 180_000)
})
