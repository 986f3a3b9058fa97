import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { lineNumbersOf } from '@linesight/generator'
import type { CaseSession } from '@linesight/casework'
import { createAnalysisMemo } from './core/memo.js'
import { runAnalysis } from './core/run-analysis.js'
import type { AnalysisDefinition } from './core/definition.js'
import { countingStore } from './test/counting-store.js'
import { scenarioCase } from './test/scenario-case.js'
import { buildAnalysisIndexes } from './indexes.js'
import { CONTINUITY_GRAPH_INDEX } from './continuity/line-continuity/graph-index.js'
import { lineContinuity } from './continuity/line-continuity/line-continuity.js'
import { BEHAVIOUR_INDEX_NAME, dealLines } from './lines/deal-lines/deal-lines.js'
import { lineBase, NUMBER_BASE_INDEX_NAME } from './continuity/common/line-base.js'
import { BASE_CTE, FLARES_CTE, LINE_GROUPS_CTE } from './continuity/common/line-sql.js'
import { groupQueryParams, type LineGroup } from './continuity/common/line-groups.js'
import type { QuerySpec } from '@linesight/store'
import {
  FLARE_PARAMS,
  FLARE_QUERY_PARAMS,
  flareQueryParams,
  type FlareQueryParams,
} from './continuity/common/params.js'
import { resolveParams } from './core/params.js'

/**
 * The import keeps analysis indexes: every target's deal-line behaviour and the whole-case continuity graph, at
 * the default parameters. Every result read through them must be the result the engine gives without them, and an
 * index that no longer matches the case's files or the parameters must never be read.
 */
let session: CaseSession
let lines: string[]
let customer: string
let decoy: string
let groups: LineGroup[]
const ctx = { now: new Date('2026-01-01T00:00:00Z'), zone: 'Europe/London' }

beforeAll(async () => {
  const c = await scenarioCase(1, 1)
  session = c.session
  lines = lineNumbersOf(c.truth)
  customer = c.truth.lines[0]!.customers[0]!
  decoy = c.truth.decoys[0]!.msisdn
  groups = c.truth.lines.map((l) => ({
    key: l.generations[0]!.msisdn,
    numbers: l.generations.map((g) => g.msisdn),
  }))
}, 180_000)
afterAll(async () => {
  await session.close()
})

/**
 * Runs an analysis for each question (its parameters) with a fresh memo, counting how often the query an index
 * stands for was sent to the engine.
 */
async function answers(
  definition: AnalysisDefinition<unknown>,
  query: string,
  questions: readonly Readonly<Record<string, unknown>>[],
  zone = ctx.zone,
): Promise<{ results: unknown[]; queried: number }> {
  const { store, counts } = countingStore(session.store)
  const results: unknown[] = []
  for (const q of questions)
    results.push(
      (await runAnalysis(definition, store, q, { ...ctx, zone, memo: createAnalysisMemo() })).result,
    )
  return { results, queried: counts.get(query) ?? 0 }
}

const continuityAnswers = (questions: readonly (readonly string[])[]): ReturnType<typeof answers> =>
  answers(
    lineContinuity as AnalysisDefinition<unknown>,
    'line-continuity-graph',
    questions.map((lines) => ({ lines })),
  )

const screenings = (
  questions: readonly Readonly<Record<string, unknown>>[],
  zone?: string,
): ReturnType<typeof answers> =>
  answers(dealLines as AnalysisDefinition<unknown>, 'deal-lines-behaviour', questions, zone)

/**
 * Asks the questions with the index current, then with it made stale (as if kept for other files), and checks the
 * answers are the same both ways. Gives both runs and the index as the import kept it.
 */
async function withAndWithout(
  index: string,
  ask: () => ReturnType<typeof answers>,
): Promise<{
  indexed: Awaited<ReturnType<typeof answers>>
  queried: Awaited<ReturnType<typeof answers>>
  kept: unknown
}> {
  const indexed = await ask()
  const kept = await session.store.readIndex(index)
  await session.store.writeIndex(index, { key: 'a case with other files', payload: '[]' })
  const queried = await ask()
  expect(JSON.stringify(indexed.results)).toBe(JSON.stringify(queried.results))
  return { indexed, queried, kept }
}

describe('continuity graph index', () => {
  it('is built by the import and gives the same lines as the engine, for all lines and each one', async () => {
    expect((await session.store.readIndex(CONTINUITY_GRAPH_INDEX))?.key).toMatch(/^[0-9a-f]{64}$/)
    const questions = [lines, ...lines.map((n) => [n]), [lines[0]!, customer]]
    const { indexed, queried, kept } = await withAndWithout(CONTINUITY_GRAPH_INDEX, () =>
      continuityAnswers(questions),
    )
    // Only the question naming a number that never flared goes to the engine.
    expect(indexed.queried).toBe(1)
    expect(queried.queried).toBe(questions.length)
    expect(JSON.stringify(indexed.results)).toContain(lines[1]!)

    // A rule the index was not built for goes to the engine too.
    expect(await buildAnalysisIndexes(session.store, ctx.zone)).toEqual([CONTINUITY_GRAPH_INDEX])
    expect(await session.store.readIndex(CONTINUITY_GRAPH_INDEX)).toEqual(kept)
    expect(await buildAnalysisIndexes(session.store, ctx.zone)).toEqual([])
    const { store, counts } = countingStore(session.store)
    await runAnalysis(lineContinuity, store, { lines, handoverMaxGapDays: 3 }, ctx)
    expect(counts.get('line-continuity-graph')).toBe(1)
  }, 180_000)
})

describe('deal-line behaviour index', () => {
  it('is built by the import and gives the same screening as the engine, for every target and for some', async () => {
    expect((await session.store.readIndex(BEHAVIOUR_INDEX_NAME))?.key).toMatch(/^[0-9a-f]{64}$/)
    const questions = [
      {},
      { targets: [lines[0]!] },
      { targets: [decoy, lines[1]!, '+447700900999'] },
      // A rule applied to the behaviour, not part of the query: the index still serves it.
      { stableListMin: 0.9 },
    ]
    const { indexed, queried, kept } = await withAndWithout(BEHAVIOUR_INDEX_NAME, () => screenings(questions))
    expect(indexed.queried).toBe(0)
    expect(queried.queried).toBe(questions.length)
    const all = indexed.results[0] as { candidates: { number: string; verdict: string }[] }
    expect(all.candidates.find((c) => c.number === lines[0])?.verdict).toBe('deal-line')
    expect((indexed.results[2] as { candidates: unknown[] }).candidates).toHaveLength(2)

    expect(await buildAnalysisIndexes(session.store, ctx.zone)).toEqual([BEHAVIOUR_INDEX_NAME])
    expect(await session.store.readIndex(BEHAVIOUR_INDEX_NAME)).toEqual(kept)
    // A query parameter or a zone the index was not built for goes to the engine.
    expect((await screenings([{ shortCallSeconds: 30 }])).queried).toBe(1)
    expect((await screenings([{}], 'Europe/Paris')).queried).toBe(1)
  }, 180_000)
})

/** The customer base of each line straight from its numbers' records together: the rule as the domain brief states it. */
const groupBaseQuery: QuerySpec<unknown, 'groups' | 'numbers' | keyof FlareQueryParams> = {
  id: 'test-group-base',
  sql: {
    duckdb: `WITH ${LINE_GROUPS_CTE}, ${FLARES_CTE}, ${BASE_CTE}
      SELECT g, c, epoch_us(first_flared)::VARCHAR AS first_us, flares FROM base ORDER BY g, c`,
  },
  params: ['groups', 'numbers', ...FLARE_QUERY_PARAMS],
  row: (r) => ({ ...r }),
}

describe('number base index', () => {
  it("gives each line's customer base as its numbers' records together give it, with or without the index", async () => {
    const flare = resolveParams(FLARE_PARAMS, {}, 'test')
    expect((await session.store.readIndex(NUMBER_BASE_INDEX_NAME))?.key).toMatch(/^[0-9a-f]{64}$/)
    expect(groups.some((g) => g.numbers.length > 1)).toBe(true)
    const expected = await session.store.run(groupBaseQuery, {
      ...groupQueryParams(groups),
      ...flareQueryParams(flare),
    })
    expect(expected.length).toBeGreaterThan(groups.length)
    const { store, counts } = countingStore(session.store)
    const indexed = await lineBase(store, groups, flare, { ...ctx, memo: createAnalysisMemo() })
    expect(counts.get('line-network-base')).toBeUndefined()
    expect(JSON.stringify(indexed)).toBe(JSON.stringify(expected))

    await session.store.writeIndex(NUMBER_BASE_INDEX_NAME, { key: 'a case with other files', payload: '[]' })
    const queried = await lineBase(store, groups, flare, { ...ctx, memo: createAnalysisMemo() })
    expect(counts.get('line-network-base')).toBe(1)
    expect(JSON.stringify(queried)).toBe(JSON.stringify(expected))
    expect(await buildAnalysisIndexes(session.store, ctx.zone)).toEqual([NUMBER_BASE_INDEX_NAME])
  }, 180_000)
})
