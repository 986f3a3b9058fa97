import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CaseSession } from '@linesight/casework'
import { resolveEvidence } from '../../core/resolve-evidence.js'
import { runAnalysis } from '../../core/run-analysis.js'
import { CDR_HEADER, caseFromFiles } from '../../test/case-from-files.js'
import { flareBursts } from './flare-bursts.js'

const ctx = { now: new Date('2026-01-01T00:00:00Z'), zone: 'Europe/London' }
const num = (i: number): string => `+4479111${String(i).padStart(5, '0')}`
const SHORT = '+447922000001' // 19 recipients
const FULL = '+447922000002' // 20 recipients
const GAP5 = '+447922000003' // two runs of 10, exactly 5 minutes apart
const GAP5PLUS = '+447922000004' // two runs of 10, 5 minutes and 1 second apart
const REPEAT = '+447922000005' // 20 texts but 19 distinct recipients

/** `n` texts from `sender`, one every `step` seconds from `startSec` after 2024-03-05 10:00:00Z. */
function texts(sender: string, n: number, startSec: number, step: number, first = 0): string[] {
  return Array.from({ length: n }, (_, i) => {
    const at = new Date(Date.UTC(2024, 2, 5, 10, 0, 0) + (startSec + i * step) * 1000).toISOString()
    return `${sender},${num(first + i)},out,sms,${at.replace('.000Z', 'Z')},,234-15-1-100`
  })
}

let session: CaseSession
beforeAll(async () => {
  session = await caseFromFiles({
    'bursts.csv': [
      CDR_HEADER,
      ...texts(SHORT, 19, 0, 10),
      ...texts(FULL, 20, 0, 10),
      // 10 texts 10 s apart (last at +90 s), then the next 10 from +390 s: a 300 s gap.
      ...texts(GAP5, 10, 0, 10),
      ...texts(GAP5, 10, 390, 10, 10),
      ...texts(GAP5PLUS, 10, 0, 10),
      ...texts(GAP5PLUS, 10, 391, 10, 10),
      ...texts(REPEAT, 19, 0, 10),
      ...texts(REPEAT, 1, 200, 10),
      // An inbound text and a call never join a burst.
      `${FULL},${num(99)},in,sms,2024-03-05T10:01:00Z,,234-15-1-100`,
      `${FULL},${num(98)},out,voice,2024-03-05T10:01:05Z,30,234-15-1-100`,
    ].join('\n'),
  })
})
afterAll(() => session.close())

describe('flare bursts', () => {
  it('needs 20 distinct recipients: 19 is not a burst, 20 is, and a repeated recipient counts once', async () => {
    const r = await runAnalysis(flareBursts, session.store, { senders: [SHORT, FULL, REPEAT] }, ctx)
    expect(r.result.bursts.map((b) => [b.sender, b.messages, b.recipients])).toEqual([[FULL, 20, 20]])
    const full = r.result.bursts[0]!
    expect(full).toMatchObject({
      index: 1,
      start: '2024-03-05T10:00:00Z',
      end: '2024-03-05T10:03:10Z',
      startLocal: '2024-03-05 10:00:00',
      day: '2024-03-05',
      durationSeconds: 190,
    })
    expect(
      r.result.senders.map((s) => [s.sender, s.bursts, s.burstDays, s.flareMessages, s.outboundTexts]),
    ).toEqual([
      [FULL, 1, 1, 20, 20],
      [SHORT, 0, 0, 0, 19],
      [REPEAT, 0, 0, 0, 20],
    ])
  })

  it('joins messages while the gap is at most 5 minutes: exactly 300 s joins, 301 s splits', async () => {
    const r = await runAnalysis(flareBursts, session.store, { senders: [GAP5, GAP5PLUS] }, ctx)
    expect(r.result.bursts.map((b) => [b.sender, b.messages, b.recipients, b.start, b.end])).toEqual([
      [GAP5, 20, 20, '2024-03-05T10:00:00Z', '2024-03-05T10:08:00Z'],
    ])
    // A longer window joins the second sender's runs too; a lower minimum finds its two halves alone.
    const wide = await runAnalysis(
      flareBursts,
      session.store,
      { senders: [GAP5PLUS], burstWindowMinutes: 6 },
      ctx,
    )
    expect(wide.result.bursts).toHaveLength(1)
    const small = await runAnalysis(
      flareBursts,
      session.store,
      { senders: [GAP5PLUS], burstMinRecipients: 10 },
      ctx,
    )
    expect(small.result.bursts.map((b) => b.messages)).toEqual([10, 10])
  })

  it('reads every target number when no sender is named, and each figure resolves to exactly its rows', async () => {
    const r = await runAnalysis(flareBursts, session.store, {}, ctx)
    expect(r.result.bursts.map((b) => b.sender)).toEqual([FULL, GAP5])
    for (const b of r.result.bursts) {
      const rows = await resolveEvidence(session.store, b.evidence)
      expect(rows).toHaveLength(b.evidence.count)
      expect(rows.every((row) => row.direction === 'out' && row.event_type === 'sms')).toBe(true)
    }
    for (const s of r.result.senders)
      expect(await resolveEvidence(session.store, s.evidence)).toHaveLength(s.outboundTexts)
  })

  it('is deterministic and checks its parameters', async () => {
    const one = await runAnalysis(flareBursts, session.store, {}, ctx)
    const two = await runAnalysis(flareBursts, session.store, {}, ctx)
    expect(JSON.stringify(two)).toBe(JSON.stringify(one))
    await expect(runAnalysis(flareBursts, session.store, { flareTypes: ['voice'] }, ctx)).rejects.toThrow(
      /flareTypes: "voice" cannot carry a flare/,
    )
    await expect(runAnalysis(flareBursts, session.store, { burstMinRecipient: 5 }, ctx)).rejects.toThrow(
      /unknown parameter/,
    )
  })
})
