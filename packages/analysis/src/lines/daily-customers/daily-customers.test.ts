import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CaseSession } from '@linesight/casework'
import { resolveEvidence } from '../../core/resolve-evidence.js'
import { runAnalysis } from '../../core/run-analysis.js'
import { CDR_HEADER, caseFromFiles } from '../../test/case-from-files.js'
import { dailyCustomers } from './daily-customers.js'

const ctx = { now: new Date('2026-01-01T00:00:00Z'), zone: 'Europe/London' }
const L = '+447922100000'
const C = (i: number): string => `+4479221000${String(i).padStart(2, '0')}`
const X = '+447922199999'
const CELL = '234-15-1-100'

/** A burst from L: one text every 5 s from `start` (UTC), to the given recipients in order. */
const burst = (start: string, recipients: readonly string[]): string[] =>
  recipients.map((r, i) => {
    const at = new Date(Date.parse(start) + i * 5000).toISOString().replace('.000Z', 'Z')
    return `${L},${r},out,sms,${at},,${CELL}`
  })
const fillers = (from: number, to: number): string[] =>
  Array.from({ length: to - from + 1 }, (_, i) => C(from + i))
const call = (other: string, at: string, seconds: number): string =>
  `${L},${other},in,voice,${at},${seconds},${CELL}`
const text = (other: string, at: string): string => `${L},${other},in,sms,${at},,${CELL}`

let session: CaseSession
beforeAll(async () => {
  session = await caseFromFiles({
    'line.csv': [
      CDR_HEADER,
      // Burst 1, Monday 25 March 2024 (GMT): C1–C7, C9 and fillers C10–C21 (C4's flare at 09:00:15).
      ...burst('2024-03-25T09:00:00Z', [...fillers(1, 7), C(9), ...fillers(10, 21)]),
      // Burst 2, Wednesday 27 March: C8 joins the base, with fillers C10–C28.
      ...burst('2024-03-27T09:00:00Z', [C(8), ...fillers(10, 28)]),
      // C1: 7 s calls on Monday and Tuesday: counted both days.
      call(C(1), '2024-03-25T10:00:00Z', 7),
      call(C(1), '2024-03-26T10:00:00Z', 7),
      // C2: 6 s and 5 s: the band both call rules exclude.
      call(C(2), '2024-03-25T10:05:00Z', 6),
      call(C(2), '2024-03-26T10:05:00Z', 5),
      // C3: a 4 s inbound call (unanswered) on Monday, real calls on Tuesday and Wednesday.
      call(C(3), '2024-03-25T10:10:00Z', 4),
      call(C(3), '2024-03-26T10:10:00Z', 30),
      call(C(3), '2024-03-27T10:10:00Z', 30),
      // C4: texts 5 s and 10 s after its flare (automatic replies), 11 s after, and on Tuesday.
      text(C(4), '2024-03-25T09:00:20Z'),
      text(C(4), '2024-03-25T09:00:25Z'),
      text(C(4), '2024-03-25T09:00:26Z'),
      text(C(4), '2024-03-26T12:00:00Z'),
      // C5: one day only that week: removed by the weekly rule.
      call(C(5), '2024-03-27T11:00:00Z', 30),
      // C6: Sunday 31 March (BST, 12:00 local) and Monday 1 April: one day in each ISO week, both removed.
      call(C(6), '2024-03-31T11:00:00Z', 30),
      call(C(6), '2024-04-01T11:00:00Z', 30),
      // C7: 23:30 UTC on Sunday 31 March is 00:30 BST on Monday 1 April; with Tuesday, two days in one week.
      call(C(7), '2024-03-31T23:30:00Z', 30),
      call(C(7), '2024-04-02T09:00:00Z', 30),
      // C8: rings before its first flare (Tuesday), then Thursday and Friday.
      call(C(8), '2024-03-26T10:00:00Z', 30),
      call(C(8), '2024-03-28T10:00:00Z', 30),
      call(C(8), '2024-03-29T10:00:00Z', 30),
      // C9: Tuesday's call is in both records (2 s apart); Thursday's only in C9's own.
      call(C(9), '2024-03-26T11:00:02Z', 20),
      // X never received a flare.
      call(X, '2024-03-25T12:00:00Z', 30),
      `${L},,out,data,2024-03-25T13:00:00Z,600,${CELL}`,
    ].join('\n'),
    'c9.csv': [
      CDR_HEADER,
      `${C(9)},${L},out,voice,2024-03-26T11:00:00Z,20,234-15-1-200`,
      `${C(9)},${L},out,voice,2024-03-28T11:00:00Z,25,234-15-1-200`,
    ].join('\n'),
  })
})
afterAll(() => session.close())

const summary = (r: Awaited<ReturnType<typeof run>>): [string, number, number][] =>
  r.result.days.map((d) => [d.day, d.dailyCustomers, d.removedSingleDay])
const run = (params: Record<string, unknown> = {}) =>
  runAnalysis(dailyCustomers, session.store, { line: L, ...params }, ctx)

describe('daily customers (police rules)', () => {
  it('counts customer-days by local day with every rule applied', async () => {
    const r = await run()
    expect(summary(r)).toEqual([
      ['2024-03-25', 1, 0], // C1 (C2 6 s, C3 4 s, C4 texts, X outside the base)
      ['2024-03-26', 3, 0], // C1, C3, C9 (C8 before its first flare)
      ['2024-03-27', 1, 1], // C3; C5 removed (one day that week)
      ['2024-03-28', 2, 0], // C8, C9 (C9 from its own records)
      ['2024-03-29', 1, 0], // C8
      ['2024-03-30', 0, 0],
      ['2024-03-31', 0, 1], // C6 removed: Sunday is the last day of its ISO week
      ['2024-04-01', 1, 1], // C7 (00:30 BST), C6 removed: Monday starts a new week
      ['2024-04-02', 1, 0], // C7
    ])
    expect(r.result.totals).toEqual({ customerDays: 10, removedSingleDay: 3 })
    expect(r.result.base).toEqual({
      members: 28,
      recipients: 28,
      firstFlareAt: '2024-03-25T09:00:00Z',
      exclusionsApplied: [],
      exclusionsUnmatched: [],
    })
    const c7 = r.result.customerDays.filter((d) => d.customer === C(7))
    expect(c7.map((d) => [d.day, d.week, d.firstContactAt, d.counted])).toEqual([
      ['2024-04-01', '2024-04-01', '2024-03-31T23:30:00Z', true],
      ['2024-04-02', '2024-04-01', '2024-04-02T09:00:00Z', true],
    ])
  })

  it('lists what every contact became, so nothing is dropped silently', async () => {
    const r = await run()
    expect(r.result.contactBreakdown.map((b) => [b.baseStatus, b.status, b.contacts, b.customers])).toEqual([
      ['before-first-flare', 'qualifying', 1, 1],
      ['member', 'auto-reply', 2, 1],
      ['member', 'not-connected', 2, 1],
      ['member', 'qualifying', 13, 7],
      ['member', 'text-not-counted', 2, 1],
      ['member', 'unanswered', 1, 1],
      ['outside-base', 'qualifying', 1, 1],
    ])
  })

  it("reads the customer's own records without counting a contact twice", async () => {
    const r = await run()
    const c9 = r.result.customerDays.filter((d) => d.customer === C(9))
    expect(c9.map((d) => [d.day, d.contacts, d.evidence.targets])).toEqual([
      ['2024-03-26', 1, [L]],
      ['2024-03-28', 1, [C(9)]],
    ])
    const lineOnly = await run({ useCustomerRecords: false })
    expect(
      lineOnly.result.customerDays.filter((d) => d.customer === C(9)).map((d) => [d.day, d.counted]),
    ).toEqual([['2024-03-26', false]])
  })

  it('counts inbound texts only when switched on, and still strips automatic replies', async () => {
    const r = await run({ countInboundSms: true })
    expect(summary(r).slice(0, 2)).toEqual([
      ['2024-03-25', 2, 0], // C1, C4 (its 11 s text)
      ['2024-03-26', 4, 0], // C1, C3, C4, C9
    ])
    expect(r.result.contactBreakdown.find((b) => b.status === 'auto-reply')?.contacts).toBe(2)
  })

  it('applies analyst exclusions and lists them', async () => {
    const r = await run({ exclude: [C(1), '+447922188888'] })
    expect(summary(r).slice(0, 2)).toEqual([
      ['2024-03-25', 0, 0],
      ['2024-03-26', 2, 0],
    ])
    expect(r.result.base).toMatchObject({
      members: 27,
      exclusionsApplied: [C(1)],
      exclusionsUnmatched: ['+447922188888'],
    })
    expect(r.result.contactBreakdown.find((b) => b.status === 'excluded')?.contacts).toBe(2)
  })

  it('reports a window of days while the weekly rule still sees whole weeks', async () => {
    const r = await run({ from: '2024-03-27', to: '2024-03-27' })
    expect(summary(r)).toEqual([['2024-03-27', 1, 1]])
    expect(r.result.customerDays.map((d) => [d.customer, d.daysInWeek])).toEqual([
      [C(3), 2],
      [C(5), 1],
    ])
  })

  it('every figure resolves to exactly its source rows, and the run is deterministic', async () => {
    const r = await run()
    for (const d of r.result.days) {
      const rows = await resolveEvidence(session.store, d.evidence)
      expect(rows).toHaveLength(d.evidence.count)
      expect(d.evidence.count).toBeGreaterThanOrEqual(d.dailyCustomers)
    }
    for (const c of [...r.result.customerDays, ...r.result.contactBreakdown])
      expect(await resolveEvidence(session.store, c.evidence)).toHaveLength(c.evidence.count)
    expect(JSON.stringify(await run())).toBe(JSON.stringify(r))
    await expect(runAnalysis(dailyCustomers, session.store, {}, ctx)).rejects.toThrow(/line: required/)
  })
})
