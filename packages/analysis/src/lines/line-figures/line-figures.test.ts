import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CaseSession } from '@linesight/casework'
import { lineNumbersOf, type GroundTruth } from '@linesight/generator'
import type { AnalysisDefinition } from '../../core/definition.js'
import { runAnalysis } from '../../core/run-analysis.js'
import { scenarioCase } from '../../test/scenario-case.js'
import { customerBase } from '../customer-base/customer-base.js'
import { dailyCustomers } from '../daily-customers/daily-customers.js'
import { quantity } from '../quantity/quantity.js'
import { transactions } from '../transactions/transactions.js'
import { lineFigures, type LineFiguresResult } from './line-figures.js'

/**
 * line-figures for many lines at once must give, line by line, exactly what the four single-line analyses give
 * (seed 11, scale 1: 4 lines × 3–4 numbers, each a customer-base, runners and call-backs of its own).
 */
const SEED = 11
const ctx = { now: new Date('2026-01-01T00:00:00Z'), zone: 'Europe/London' }
/** A valid number with no records: its figures are empty, and a full window still lists its days. */
const NO_RECORDS = '+447700900999'

let session: CaseSession
let truth: GroundTruth
beforeAll(async () => {
  ;({ session, truth } = await scenarioCase(SEED, 1))
})
afterAll(() => session.close())

const QUANTITY_INPUTS = {
  callbackWindowMinutes: 60,
  heroinSharePercent: 60,
  crackSharePercent: 70,
  meanHeroinMgPerDay: 150,
  meanCrackMgPerDay: 100,
  meanCitation: 'test input',
  heroinWrapsPerTransaction: 1,
  crackWrapsPerTransaction: 2,
}

/** The parameters of `definition` among `params`, for one line. */
const own = (
  definition: AnalysisDefinition<unknown>,
  line: string,
  params: Record<string, unknown>,
): Record<string, unknown> =>
  Object.fromEntries(Object.entries({ ...params, line }).filter(([k]) => k in definition.params))

async function expectSameAsSingle(
  lines: readonly string[],
  params: Record<string, unknown>,
): Promise<LineFiguresResult> {
  const batch = await runAnalysis(lineFigures, session.store, { ...params, lines }, ctx)
  expect(batch.result.lines.map((f) => f.line)).toEqual([...new Set(lines)])
  for (const f of batch.result.lines) {
    const single = async (d: AnalysisDefinition<unknown>): Promise<unknown> =>
      (await runAnalysis(d, session.store, own(d, f.line, params), ctx)).result
    expect(f.customerBase, `customer-base ${f.line}`).toEqual(
      await single(customerBase as AnalysisDefinition<unknown>),
    )
    expect(f.dailyCustomers, `daily-customers ${f.line}`).toEqual(
      await single(dailyCustomers as AnalysisDefinition<unknown>),
    )
    expect(f.transactions, `transactions ${f.line}`).toEqual(
      await single(transactions as AnalysisDefinition<unknown>),
    )
    expect(f.quantity, `quantity ${f.line}`).toEqual(await single(quantity as AnalysisDefinition<unknown>))
  }
  return batch.result
}

describe('line-figures', () => {
  it('equals the four single-line analyses on every line, with runners, exclusions, texts and episodes', async () => {
    const lines = lineNumbersOf(truth)
    const first = truth.lines[0]!
    // Runners of the first line apply to every line given; one of them is also listed as a line.
    const runners = first.runners.flatMap((r) => r.phones.map((p) => `${p.msisdn}@${p.from}..${p.to}`))
    const r = await expectSameAsSingle([...lines, NO_RECORDS, lines[0]!], {
      ...QUANTITY_INPUTS,
      burstMinRecipients: truth.parameters.burstMinRecipients,
      burstWindowMinutes: truth.parameters.burstWindowMinutes,
      countInboundSms: true,
      episodeGapMinutes: 30,
      exclude: first.customers.slice(0, 3),
      runners: [...runners, lines[1]!],
    })
    // The case exercises what is compared: exclusions matched, runners' call-backs, customer-days.
    const all = r.lines.flatMap((f) => f.transactions?.transactions ?? [])
    const runnerNumbers = new Set(first.runners.flatMap((x) => x.phones.map((p) => p.msisdn)))
    expect(all.some((t) => runnerNumbers.has(t.callback?.by ?? ''))).toBe(true)
    expect(r.lines[0]?.dailyCustomers.base.exclusionsApplied.length).toBeGreaterThan(0)
    expect(
      r.lines.every((f) => (f.quantity?.basis.customerDays.value ?? 0) > 0 || f.line === NO_RECORDS),
    ).toBe(true)
  })

  it('equals them with the defaults and a day window, a line without records included', async () => {
    const lines = truth.lines.map((l) => l.generations[0]!.msisdn)
    const days = truth.dailyCounts.map((c) => c.day).sort()
    const r = await expectSameAsSingle([NO_RECORDS, ...lines], {
      ...QUANTITY_INPUTS,
      from: days[Math.floor(days.length / 3)],
      to: days[Math.floor((2 * days.length) / 3)],
      potentialScope: 'all-inbound',
      useCustomerRecords: false,
    })
    expect(r.lines[0]?.dailyCustomers.days.length).toBeGreaterThan(0)
    expect(r.lines.slice(1).some((f) => (f.transactions?.totals.confirmed ?? 0) > 0)).toBe(true)
  })

  it('leaves out transactions and quantity, saying why, when their inputs are unset', async () => {
    const line = truth.lines[0]!.generations[0]!.msisdn
    const r = await runAnalysis(lineFigures, session.store, { lines: [line] }, ctx)
    expect(r.result.lines[0]?.transactions).toBeNull()
    expect(r.result.lines[0]?.quantity).toBeNull()
    expect(r.result.notComputed).toEqual(['transactions and quantity: set callbackWindowMinutes'])
    expect(r.result.lines[0]?.dailyCustomers).toEqual(
      (await runAnalysis(dailyCustomers, session.store, { line }, ctx)).result,
    )
    const t = await runAnalysis(lineFigures, session.store, { lines: [line], callbackWindowMinutes: 60 }, ctx)
    expect(t.result.lines[0]?.transactions?.totals.potential).toBeGreaterThan(0)
    expect(t.result.lines[0]?.quantity).toBeNull()
    await expect(
      runAnalysis(lineFigures, session.store, { lines: [line], heroinSharePercent: 50 }, ctx),
    ).rejects.toThrow(/callbackWindowMinutes/)
    await expect(runAnalysis(lineFigures, session.store, { lines: ['07700900123'] }, ctx)).rejects.toThrow(
      /E\.164/,
    )
  })
})
