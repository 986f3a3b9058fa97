import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CaseSession } from '@linesight/casework'
import { resolveEvidence } from '../../core/resolve-evidence.js'
import { runAnalysis } from '../../core/run-analysis.js'
import { CDR_HEADER, caseFromFiles } from '../../test/case-from-files.js'
import { transactions } from './transactions.js'

const ctx = { now: new Date('2026-01-01T00:00:00Z'), zone: 'Europe/London' }
const L = '+447922300000'
const R = '+447922399000'
const C = (i: number): string => `+4479223000${String(i).padStart(2, '0')}`
const X = '+447922399999'
const CELL = '234-15-1-100'
const ALL = Array.from({ length: 20 }, (_, i) => C(i + 1))

const burst = (start: string): string[] =>
  ALL.map(
    (r, i) =>
      `${L},${r},out,sms,${new Date(Date.parse(start) + i * 5000).toISOString().replace('.000Z', 'Z')},,${CELL}`,
  )
const inCall = (other: string, at: string, s = 30): string => `${L},${other},in,voice,${at},${s},${CELL}`
const outCall = (other: string, at: string, s = 20): string => `${L},${other},out,voice,${at},${s},${CELL}`
const outText = (other: string, at: string): string => `${L},${other},out,sms,${at},,${CELL}`

// Monday 25 March 2024 (GMT: local time = UTC).
let session: CaseSession
beforeAll(async () => {
  session = await caseFromFiles({
    'line.csv': [
      CDR_HEADER,
      ...burst('2024-03-25T09:00:00Z'),
      // C1: called back after 30 min. C2: exactly 60 min later (inside). C3: 60 min 1 s later (outside).
      inCall(C(1), '2024-03-25T10:00:00Z'),
      outCall(C(1), '2024-03-25T10:30:00Z'),
      inCall(C(2), '2024-03-25T10:00:00Z'),
      outCall(C(2), '2024-03-25T11:00:00Z'),
      inCall(C(3), '2024-03-25T10:00:00Z'),
      outCall(C(3), '2024-03-25T11:00:01Z'),
      // C4: called back by the runner (in R's records).
      inCall(C(4), '2024-03-25T10:00:00Z'),
      // C5: rings at 23:30, called back 00:10 the next day: not the same day.
      inCall(C(5), '2024-03-25T23:30:00Z'),
      outCall(C(5), '2024-03-26T00:10:00Z'),
      // C6: the call-back did not connect (0 s). C7: called back by text.
      inCall(C(6), '2024-03-25T10:00:00Z'),
      outCall(C(6), '2024-03-25T10:10:00Z', 0),
      inCall(C(7), '2024-03-25T10:00:00Z'),
      outText(C(7), '2024-03-25T10:05:00Z'),
      // C8: rings at 12:00; the next "contact" from the line is the 12:30 flare, which is no call-back.
      inCall(C(8), '2024-03-25T12:00:00Z'),
      ...burst('2024-03-25T12:30:00Z'),
      // C9: rings at 10:00 and again at 14:00, called back at 14:10.
      inCall(C(9), '2024-03-25T10:00:00Z'),
      inCall(C(9), '2024-03-25T14:00:00Z'),
      outCall(C(9), '2024-03-25T14:10:00Z'),
      // X never received a flare: potential only when the scope is all inbound numbers.
      inCall(X, '2024-03-25T10:00:00Z'),
      outCall(X, '2024-03-25T10:20:00Z'),
    ].join('\n'),
    'runner.csv': [CDR_HEADER, `${R},${C(4)},out,voice,2024-03-25T10:20:00Z,15,234-15-1-300`].join('\n'),
  })
})
afterAll(() => session.close())

const run = (params: Record<string, unknown> = {}) =>
  runAnalysis(
    transactions,
    session.store,
    { line: L, callbackWindowMinutes: 60, runners: [R], ...params },
    ctx,
  )
const confirmedCustomers = (r: Awaited<ReturnType<typeof run>>): string[] =>
  r.result.transactions.filter((t) => t.confirmed).map((t) => t.customer)

describe('potential and confirmed transactions', () => {
  it('confirms a transaction by a call-back within the window, the same day, by the line or a runner', async () => {
    const r = await run()
    expect(r.result.days.map((d) => [d.day, d.potential, d.potentialCustomers, d.confirmed])).toEqual([
      ['2024-03-25', 9, 9, 4],
      ['2024-03-26', 0, 0, 0],
    ])
    expect(confirmedCustomers(r)).toEqual([C(1), C(2), C(4), C(7)])
    const c4 = r.result.transactions.find((t) => t.customer === C(4))
    expect(c4?.callback).toEqual({ by: R, at: '2024-03-25T10:20:00Z', type: 'voice', id: expect.any(String) })
    expect(c4?.evidence.targets).toEqual([L, R])
  })

  it('takes runners only from the parameter, for their period', async () => {
    expect(confirmedCustomers(await run({ runners: [] }))).toEqual([C(1), C(2), C(7)])
    expect(confirmedCustomers(await run({ runners: [`${R}@2024-03-26..2024-04-30`] }))).toEqual([
      C(1),
      C(2),
      C(7),
    ])
    expect(confirmedCustomers(await run({ runners: [`${R}@2024-03-01..2024-03-25`] }))).toEqual([
      C(1),
      C(2),
      C(4),
      C(7),
    ])
    await expect(run({ runners: ['0792'] })).rejects.toThrow(/runners: "0792" is not/)
  })

  it('follows the call-back type and connection switches', async () => {
    expect(confirmedCustomers(await run({ callbackTypes: 'voice' }))).toEqual([C(1), C(2), C(4)])
    expect(confirmedCustomers(await run({ callbackTypes: 'sms' }))).toEqual([C(7)])
    expect(confirmedCustomers(await run({ callbackMustConnect: false }))).toEqual([
      C(1),
      C(2),
      C(4),
      C(6),
      C(7),
    ])
    // Were flares call-backs, C8 would count.
    expect(confirmedCustomers(await run({ callbackExcludesFlares: false }))).toEqual([
      C(1),
      C(2),
      C(4),
      C(7),
      C(8),
    ])
  })

  it('splits a day into episodes when asked, and widens the scope to all inbound numbers', async () => {
    const episodes = await run({ episodeGapMinutes: 120 })
    expect(episodes.result.days[0]).toMatchObject({ potential: 10, potentialCustomers: 9, confirmed: 5 })
    expect(
      episodes.result.transactions.filter((t) => t.customer === C(9)).map((t) => [t.episode, t.confirmed]),
    ).toEqual([
      [1, false],
      [2, true],
    ])
    const all = await run({ potentialScope: 'all-inbound' })
    expect(all.result.days[0]).toMatchObject({ potential: 10, confirmed: 5 })
    expect(all.result.transactions.find((t) => t.customer === X)).toMatchObject({
      inBase: false,
      confirmed: true,
    })
  })

  it('needs the analyst to set the call-back window, and every figure resolves to its rows', async () => {
    await expect(runAnalysis(transactions, session.store, { line: L }, ctx)).rejects.toThrow(
      /callbackWindowMinutes: required/,
    )
    const r = await run()
    for (const t of r.result.transactions)
      expect(await resolveEvidence(session.store, t.evidence)).toHaveLength(t.evidence.count)
    for (const d of r.result.days) {
      expect(await resolveEvidence(session.store, d.potentialEvidence)).toHaveLength(
        d.potentialEvidence.count,
      )
      expect(d.confirmedEvidence.count).toBe(d.confirmed)
      expect(await resolveEvidence(session.store, d.confirmedEvidence)).toHaveLength(d.confirmed)
    }
    expect(JSON.stringify(await run())).toBe(JSON.stringify(r))
  })
})
