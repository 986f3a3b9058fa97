import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CaseSession } from '@linesight/casework'
import type { EventEvidence } from '../../core/evidence.js'
import { resolveEvidence } from '../../core/resolve-evidence.js'
import { runAnalysis } from '../../core/run-analysis.js'
import { CDR_HEADER, caseFromFiles } from '../../test/case-from-files.js'
import { activityProfile, type ActivityProfileResult } from './activity-profile.js'
import { hourPeriods } from './activity-profile.rules.js'

const A = '+447911123456'
const B = '+447922654321'
const X = '+447944000222'
const Y = '+447966000333'
const Z = '+447977000444'
const ctx = { now: new Date('2026-01-01T00:00:00Z'), zone: 'Europe/London' }
const withoutEvidence = <T extends object>(x: T): Omit<T, 'evidence'> => {
  const copy: Record<string, unknown> = { ...x }
  delete copy['evidence']
  return copy as Omit<T, 'evidence'>
}

// Sunday 31 March 2024 is the spring clock change in the UK: 01:00 UTC becomes 02:00 BST.
describe('activity profile', () => {
  let session: CaseSession
  beforeAll(async () => {
    session = await caseFromFiles({
      'a.csv': [
        CDR_HEADER,
        `${A},${X},out,voice,2024-03-31T00:30:00Z,30,234-15-1-100`, // Sun 00:30 GMT
        `${A},${X},in,sms,2024-03-31T01:30:00Z,,234-15-1-100`, // Sun 02:30 BST
        `${A},${Y},in,voice,2024-03-31T22:30:00Z,60,234-15-1-100`, // Sun 23:30
        `${A},${Y},out,sms,2024-03-31T23:30:00Z,,234-15-1-100`, // Mon 1 April 00:30
        `${A},,out,data,2024-04-01T08:00:00Z,600,234-15-1-100`, // Mon 09:00
        `${A},${X},out,voice,2024-04-01T20:00:00Z,45,234-15-1-100`, // Mon 21:00: exactly 12 h after the last
        `${A},${X},in,sms,2024-04-02T07:59:59Z,,234-15-1-100`, // Tue 08:59:59: 1 s short of 12 h
        `${A},${X},out,sms,2024-04-02T10:00:00Z,,234-15-1-100`, // Tue 11:00 ...
        `${A},${Y},out,sms,2024-04-02T10:02:00Z,,234-15-1-100`,
        `${A},${X},out,sms,2024-04-02T10:05:00Z,,234-15-1-100`,
        `${A},${Z},out,sms,2024-04-02T10:06:00Z,,234-15-1-100`, // ... 11:06
      ].join('\n'),
    })
  })
  afterAll(() => session.close())

  const run = async (given: Record<string, unknown>): Promise<ActivityProfileResult> =>
    (await runAnalysis(activityProfile, session.store, given, ctx)).result

  it('buckets by local hour and weekday across the clock change', async () => {
    const a = (await run({ numbers: [A] })).numbers[0]!
    expect([a.events, a.firstUtc, a.lastUtc, a.activeDays, a.spanDays]).toEqual([
      11,
      '2024-03-31T00:30:00Z',
      '2024-04-02T10:06:00Z',
      3,
      3,
    ])
    expect(a.grid.map((c) => [c.weekdayName, c.hour, c.events])).toEqual([
      ['Mon', 0, 1],
      ['Mon', 9, 1],
      ['Mon', 21, 1],
      ['Tue', 8, 1],
      ['Tue', 11, 4],
      ['Sun', 0, 1],
      ['Sun', 2, 1],
      ['Sun', 23, 1],
    ])
    expect(a.hours.filter((h) => h.events > 0).map((h) => [h.hour, h.events])).toEqual([
      [0, 2],
      [2, 1],
      [8, 1],
      [9, 1],
      [11, 4],
      [21, 1],
      [23, 1],
    ])
    expect(a.weekdays.map((w) => w.events)).toEqual([3, 5, 0, 0, 0, 0, 3])
  })

  it("lists each local day's first and last event, the 23-hour day included", async () => {
    const a = (await run({ numbers: [A] })).numbers[0]!
    expect(
      a.days.map((d) => [
        d.date,
        d.weekdayName,
        d.events,
        d.firstLocal,
        d.lastLocal,
        d.evidence.from,
        d.evidence.to,
      ]),
    ).toEqual([
      ['2024-03-31', 'Sun', 3, '00:30:00', '23:30:00', '2024-03-31T00:00:00Z', '2024-03-31T22:59:59.999999Z'],
      ['2024-04-01', 'Mon', 3, '00:30:00', '21:00:00', '2024-03-31T23:00:00Z', '2024-04-01T22:59:59.999999Z'],
      ['2024-04-02', 'Tue', 5, '08:59:59', '11:06:00', '2024-04-01T23:00:00Z', '2024-04-02T22:59:59.999999Z'],
    ])
    expect([a.medianFirstLocal, a.medianLastLocal]).toEqual(['00:30:00', '21:00:00'])
  })

  it('lists gaps of at least the threshold, one exactly at it', async () => {
    const a = (await run({ numbers: [A] })).numbers[0]!
    expect(a.gaps.map((g) => [g.fromUtc, g.toUtc, g.fromLocal, g.toLocal, g.hours])).toEqual([
      ['2024-03-31T01:30:00Z', '2024-03-31T22:30:00Z', '2024-03-31 02:30:00', '2024-03-31 23:30:00', 21],
      ['2024-04-01T08:00:00Z', '2024-04-01T20:00:00Z', '2024-04-01 09:00:00', '2024-04-01 21:00:00', 12],
    ])
    const voice = (await run({ numbers: [A], types: ['voice'] })).numbers[0]!
    expect([voice.events, voice.gaps.map((g) => g.hours)]).toEqual([3, [22, 21.5]])
  })

  it('finds bursts and merges overlapping windows', async () => {
    expect((await run({ numbers: [A] })).numbers[0]!.bursts).toEqual([])
    const a = (await run({ numbers: [A], burstEvents: 3, burstMinutes: 5 })).numbers[0]!
    expect(a.bursts.map(withoutEvidence)).toEqual([
      {
        fromUtc: '2024-04-02T10:00:00Z',
        toUtc: '2024-04-02T10:06:00Z',
        fromLocal: '2024-04-02 11:00:00',
        toLocal: '2024-04-02 11:06:00',
        events: 4,
        outgoingSms: 4,
        outgoingCalls: 0,
        incoming: 0,
        others: 3,
      },
    ])
    const four = (await run({ numbers: [A], burstEvents: 4, burstMinutes: 5 })).numbers[0]!
    expect(four.bursts).toEqual([])
  })

  it('groups the day into active and quiet periods, wrapping past midnight', async () => {
    const a = (await run({ numbers: [A], quietHourPercent: 10 })).numbers[0]!
    // 1 event of 11 is 9.09 %: quiet at 10 %. Only 00:00 (2) and 11:00 (4) stay active.
    expect(a.periods.map((p) => [p.kind, p.fromHour, p.toHour, p.hours, p.events])).toEqual([
      ['active', 0, 1, 1, 2],
      ['quiet', 1, 11, 10, 3],
      ['active', 11, 12, 1, 4],
      ['quiet', 12, 0, 12, 2],
    ])
    const d = (await run({ numbers: [A] })).numbers[0]!
    expect(d.periods.filter((p) => p.kind === 'active').map((p) => [p.fromHour, p.toHour, p.events])).toEqual(
      [
        [2, 3, 1],
        [8, 10, 2],
        [11, 12, 4],
        [21, 22, 1],
        [23, 1, 3],
      ],
    )
    expect(hourPeriods([], 1)).toEqual([
      { kind: 'quiet', fromHour: 0, toHour: 0, hours: 24, events: 0, ids: [] },
    ])
  })

  it('lists a number without records as having none', async () => {
    const r = await run({ numbers: [B, A] })
    expect(r.numbers.map((n) => n.number)).toEqual([A, B])
    const b = r.numbers[1]!
    expect([b.number, b.events, b.activeDays, b.grid, b.days, b.evidence]).toEqual([
      B,
      0,
      0,
      [],
      [],
      undefined,
    ])
    await expect(runAnalysis(activityProfile, session.store, {}, ctx)).rejects.toThrow(
      /needs at least 1 number/,
    )
  })

  it('every figure resolves to exactly its source rows', async () => {
    const a = (await run({ numbers: [A], burstEvents: 3, burstMinutes: 5 })).numbers[0]!
    const all: EventEvidence[] = [
      a.evidence!,
      ...a.grid.map((c) => c.evidence),
      ...a.hours.flatMap((h) => (h.evidence === undefined ? [] : [h.evidence])),
      ...a.weekdays.flatMap((h) => (h.evidence === undefined ? [] : [h.evidence])),
      ...a.periods.flatMap((p) => (p.evidence === undefined ? [] : [p.evidence])),
      ...a.days.flatMap((d) => [d.evidence, d.firstLastEvidence]),
      ...a.gaps.flatMap((g) => [g.evidence, g.emptyWindow]),
      ...a.bursts.map((b) => b.evidence),
    ]
    for (const e of all) expect((await resolveEvidence(session.store, e)).length).toBe(e.count)
    expect(a.hours.reduce((s, h) => s + h.events, 0)).toBe(a.events)
    expect(a.periods.reduce((s, p) => s + p.events, 0)).toBe(a.events)
  })

  it('is deterministic', async () => {
    const one = await runAnalysis(activityProfile, session.store, { numbers: [A, B] }, ctx)
    const two = await runAnalysis(activityProfile, session.store, { numbers: [B, A] }, ctx)
    expect(JSON.stringify(two.result)).toBe(JSON.stringify(one.result))
  })
})
