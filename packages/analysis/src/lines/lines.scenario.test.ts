import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CaseSession } from '@linesight/casework'
import { lineNumbersOf, type GroundTruth } from '@linesight/generator'
import { resolveEvidence } from '../core/resolve-evidence.js'
import { runAnalysis } from '../core/run-analysis.js'
import { scenarioCase } from '../test/scenario-case.js'
import { customerBase } from './customer-base/customer-base.js'
import { dailyCustomers } from './daily-customers/daily-customers.js'
import { dealLines } from './deal-lines/deal-lines.js'
import { transactions } from './transactions/transactions.js'

/**
 * Scenario checks against the generator's ground truth (seed 11, scale 1: 4 lines × 3–4 numbers, 5 decoys):
 * deal-line verdicts, and the police counts on every line number and day, which must equal truth.dailyCounts.
 */
const SEED = 11
const ctx = { now: new Date('2026-01-01T00:00:00Z'), zone: 'Europe/London' }

let session: CaseSession
let truth: GroundTruth
beforeAll(async () => {
  ;({ session, truth } = await scenarioCase(SEED, 1))
})
afterAll(() => session.close())

const truthParams = (t: GroundTruth): Record<string, unknown> => ({
  burstMinRecipients: t.parameters.burstMinRecipients,
  burstWindowMinutes: t.parameters.burstWindowMinutes,
  minConnectedCallSeconds: t.parameters.minConnectedCallSeconds,
  maxUnansweredInboundSeconds: t.parameters.maxUnansweredInboundSeconds,
  autoReplyMaxDelaySeconds: t.parameters.autoReplyMaxDelaySeconds,
  countInboundSms: t.parameters.countInboundSms,
})

describe(`scenario ${SEED} (scale 1) against its ground truth`, () => {
  it('marks every line number deal-line and no decoy, with reasons', async () => {
    const started = performance.now()
    const r = await runAnalysis(dealLines, session.store, {}, ctx)
    const ms = performance.now() - started
    const lineNumbers = new Set(lineNumbersOf(truth))
    const flagged = r.result.candidates.filter((c) => c.verdict === 'deal-line').map((c) => c.number)
    expect(new Set(flagged)).toEqual(lineNumbers)
    for (const decoy of truth.decoys) {
      const c = r.result.candidates.find((x) => x.number === decoy.msisdn)
      expect(c?.verdict, `${decoy.kind} ${decoy.msisdn}`).toBe('not')
      expect(c?.conditions.some((x) => !x.passed)).toBe(true)
    }
    // Every target number is assessed, and the ranking puts the lines first.
    expect(r.result.candidates).toHaveLength(truth.targets.length)
    expect(r.result.candidates.slice(0, lineNumbers.size).every((c) => lineNumbers.has(c.number))).toBe(true)
    expect(ms).toBeLessThan(10_000)
  })

  it('reproduces truth.dailyCounts exactly on every line number and day', async () => {
    const params = truthParams(truth)
    const expected = new Map(truth.dailyCounts.map((c) => [`${c.msisdn} ${c.day}`, c]))
    let compared = 0
    for (const line of truth.lines) {
      const runners = line.runners.flatMap((r) => r.phones.map((p) => `${p.msisdn}@${p.from}..${p.to}`))
      for (const g of line.generations) {
        const dc = await runAnalysis(dailyCustomers, session.store, { line: g.msisdn, ...params }, ctx)
        const tx = await runAnalysis(
          transactions,
          session.store,
          {
            line: g.msisdn,
            ...params,
            callbackWindowMinutes: truth.parameters.callbackWindowMinutes,
            callbackTypes: truth.parameters.callbackTypes,
            callbackMustConnect: truth.parameters.callbackMustConnect,
            callbackExcludesFlares: truth.parameters.callbackExcludesFlares,
            potentialScope: truth.parameters.potentialScope,
            runners,
          },
          ctx,
        )
        const got = new Map<string, { d: number; p: number; c: number }>()
        for (const d of dc.result.days) got.set(d.day, { d: d.dailyCustomers, p: 0, c: 0 })
        for (const d of tx.result.days)
          got.set(d.day, { d: got.get(d.day)?.d ?? 0, p: d.potential, c: d.confirmed })
        for (const c of truth.dailyCounts.filter((x) => x.msisdn === g.msisdn)) {
          const m = got.get(c.day) ?? { d: 0, p: 0, c: 0 }
          expect([m.d, m.p, m.c], `${g.msisdn} ${c.day}`).toEqual([
            c.dailyCustomers,
            c.potentialTransactions,
            c.confirmedTransactions,
          ])
          compared++
        }
        // Days outside the truth's trading window hold nothing.
        for (const [day, m] of got)
          if (!expected.has(`${g.msisdn} ${day}`))
            expect([m.d, m.p, m.c], `${g.msisdn} ${day}`).toEqual([0, 0, 0])
      }
    }
    expect(compared).toBe(truth.dailyCounts.length)
    expect(truth.dailyCounts.reduce((s, c) => s + c.confirmedTransactions, 0)).toBeGreaterThan(500)
  })

  it("lists only the line's customers in its base, and its figures resolve to their rows", async () => {
    const line = truth.lines[0]!
    const number = line.generations[0]!.msisdn
    const base = await runAnalysis(customerBase, session.store, { line: number }, ctx)
    expect(base.result.members.length).toBeGreaterThan(20)
    const customers = new Set(line.customers)
    expect(base.result.members.filter((m) => !customers.has(m.number))).toEqual([])
    const dc = await runAnalysis(dailyCustomers, session.store, { line: number }, ctx)
    for (const d of dc.result.days.slice(0, 5))
      expect(await resolveEvidence(session.store, d.evidence)).toHaveLength(d.evidence.count)
  })
})
