import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { lineNumbersOf } from '@linesight/generator'
import type { CaseSession } from '@linesight/casework'
import { runAnalysis } from '../core/run-analysis.js'
import { scenarioCase } from '../test/scenario-case.js'
import { identityGraph } from './identity-graph/identity-graph.js'
import { flareQueryParams } from './common/params.js'
import { resolveParams } from '../core/params.js'
import { successorCandidates } from './successor-candidates/successor-candidates.js'
import { successorQuery, wholeCaseSuccessorQuery } from './successor-candidates/successor-candidates.sql.js'

/**
 * The one-number analyses read only the records a number's answer can depend on: the identity graph the
 * identifiers its group can reach, successor search the numbers that can share a customer or identifier with it.
 * Their answers must be those over the whole case, for every line number of a scenario.
 */
let session: CaseSession
let lines: string[]
const ctx = { now: new Date('2026-01-01T00:00:00Z'), zone: 'Europe/London' }

beforeAll(async () => {
  const c = await scenarioCase(1, 1)
  session = c.session
  lines = lineNumbersOf(c.truth)
}, 180_000)
afterAll(async () => {
  await session.close()
})

describe('one-number analyses over their neighbourhood', () => {
  it('identity graph: each number gives the whole-case group that holds it', async () => {
    for (const includeSubscriberRecords of [true, false]) {
      const whole = await runAnalysis(identityGraph, session.store, { includeSubscriberRecords }, ctx)
      for (const n of lines) {
        const one = await runAnalysis(
          identityGraph,
          session.store,
          { numbers: [n], includeSubscriberRecords },
          ctx,
        )
        expect(one.result.components, n).toEqual(whole.result.components.filter((c) => c.msisdns.includes(n)))
      }
    }
  }, 120_000)

  it('successor search: the same candidates as over every number of the case', async () => {
    const params = resolveParams(successorCandidates.params, { number: lines[0] })
    let found = 0
    for (const n of lines) {
      const q = {
        numbers: [n],
        ...flareQueryParams(params),
        windowSeconds: (params['continuityWindowDays'] as number) * 86_400,
        gapSeconds: (params['handoverMaxGapDays'] as number) * 86_400,
        visibleMinRecipients: params['visibleMinRecipients'] as number,
      }
      const near = await session.store.run(successorQuery, q)
      expect(near, n).toEqual(await session.store.run(wholeCaseSuccessorQuery, q))
      found += near.length
    }
    expect(found).toBeGreaterThan(0)
  }, 180_000)
})
