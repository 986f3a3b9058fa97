import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CaseSession } from '@linesight/casework'
import { resolveEvidence } from '../../core/resolve-evidence.js'
import { runAnalysis } from '../../core/run-analysis.js'
import { CDR_HEADER, caseFromFiles } from '../../test/case-from-files.js'
import { customerBase } from './customer-base.js'

const ctx = { now: new Date('2026-01-01T00:00:00Z'), zone: 'Europe/London' }
const L = '+447922400000'
const C = (i: number): string => `+4479224000${String(i).padStart(2, '0')}`
const CELL = '234-15-1-100'
const send = (to: string, at: number, day: string): string =>
  `${L},${to},out,sms,${day}T09:${String(Math.floor(at / 60)).padStart(2, '0')}:${String(at % 60).padStart(2, '0')}Z,,${CELL}`

let session: CaseSession
beforeAll(async () => {
  const first = [...Array.from({ length: 20 }, (_, i) => C(i + 1)), '61123', 'PROMO', '07700900123']
  const second = Array.from({ length: 20 }, (_, i) => C(i + 2))
  session = await caseFromFiles({
    'line.csv': [
      CDR_HEADER,
      // Monday 5 Feb 2024: 20 numbers, a short code, a sender name and an invalid number, 10 s apart.
      ...first.map((to, i) => send(to, i * 10, '2024-02-05')),
      // Tuesday: C2–C21, so C21 joins the base.
      ...second.map((to, i) => send(to, i * 10, '2024-02-06')),
      // Texts that are no burst (too few) never list anyone.
      `${L},${C(50)},out,sms,2024-02-07T10:00:00Z,,${CELL}`,
    ].join('\n'),
  })
})
afterAll(() => session.close())

const run = (params: Record<string, unknown> = {}) =>
  runAnalysis(customerBase, session.store, { line: L, ...params }, ctx)

describe('customer base', () => {
  it('lists every flare recipient once with its first flare, non-numbers apart', async () => {
    const r = await run()
    expect(r.result.members.map((m) => m.number)).toEqual(Array.from({ length: 21 }, (_, i) => C(i + 1)))
    expect(r.result.members[1]).toMatchObject({
      number: C(2),
      kind: 'e164',
      raw: C(2),
      firstFlaredAt: '2024-02-05T09:00:10Z',
      firstFlaredDay: '2024-02-05',
      lastFlaredAt: '2024-02-06T09:00:00Z',
      burstsReceived: 2,
      flareMessages: 2,
    })
    expect(r.result.members[20]).toMatchObject({ number: C(21), firstFlaredAt: '2024-02-06T09:03:10Z' })
    expect(r.result.notNumbers.map((m) => [m.number, m.kind])).toEqual([
      ['61123', 'short-code'],
      ['PROMO', 'alphanumeric'],
      ['07700900123', 'invalid'],
    ])
    expect(r.result.growth).toEqual([
      { day: '2024-02-05', newMembers: 20, members: 20 },
      { day: '2024-02-06', newMembers: 1, members: 21 },
    ])
  })

  it('lists analyst exclusions separately and flags exclusions that match nobody', async () => {
    const r = await run({ exclude: [C(1), '+447922499999'] })
    expect(r.result.members).toHaveLength(20)
    expect(r.result.excluded.map((m) => m.number)).toEqual([C(1)])
    expect(r.result.exclusionsUnmatched).toEqual(['+447922499999'])
  })

  it('shows the base as it stood at a given time (it only grows)', async () => {
    const r = await run({ asOf: '2024-02-05T23:59:59Z' })
    expect(r.result.members).toHaveLength(20)
    expect(r.result.members[1]?.lastFlaredAt).toBe('2024-02-05T09:00:10Z')
  })

  it('every figure resolves to exactly its source rows', async () => {
    const r = await run()
    for (const m of [...r.result.members, ...r.result.notNumbers]) {
      const first = await resolveEvidence(session.store, m.evidence)
      expect(first.map((row) => row.start_utc)).toEqual([m.firstFlaredAt])
      expect(await resolveEvidence(session.store, m.flaresEvidence)).toHaveLength(m.flareMessages)
    }
    expect(JSON.stringify(await run())).toBe(JSON.stringify(r))
  })
})
