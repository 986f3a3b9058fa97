import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CaseSession } from '@linesight/casework'
import { resolveEvidence } from '../../core/resolve-evidence.js'
import { runAnalysis } from '../../core/run-analysis.js'
import { CDR_HEADER, caseFromFiles } from '../../test/case-from-files.js'
import { contactMatrix } from './contact-matrix.js'

const A = '+447911123456'
const B = '+447922654321'
const C = '+447933111222'
const D = '+447944555666'
const X = '+447955000111'
let session: CaseSession
const ctx = { now: new Date('2026-01-01T00:00:00Z'), zone: 'Europe/London' }

beforeAll(async () => {
  session = await caseFromFiles({
    'a.csv': [
      CDR_HEADER,
      `${A},${B},out,voice,2024-03-05T10:00:00Z,60,234-15-1-100`, // row 1: B holds it 1 s later
      `${A},${B},out,sms,2024-03-05T10:05:00Z,,234-15-1-100`, // row 2: B's copy is 3 s later
      `${A},${B},in,voice,2024-03-05T11:00:00Z,30,234-15-1-100`, // row 3: B's copy 2 s later (the tolerance)
      `${A},${C},out,sms,2024-03-05T12:00:00Z,,234-15-1-100`, // row 4
      `${A},${B},out,voice,2024-03-05T15:00:00Z,10,234-15-1-100`, // row 5: a redial 1 s apart...
      `${A},${B},out,voice,2024-03-05T15:00:01Z,20,234-15-1-100`, // row 6: ...seen by B at :01 and :02
      `${A},${B},out,voice,2024-03-05T10:00:00Z,60,234-15-1-100`, // row 7: a duplicate of row 1
    ].join('\n'),
    'b.csv': [
      CDR_HEADER,
      `${B},${A},in,voice,2024-03-05T10:00:01Z,60,234-15-2-200`, // row 1
      `${B},${A},in,sms,2024-03-05T10:05:03Z,,234-15-2-200`, // row 2
      `${B},${A},out,voice,2024-03-05T11:00:02Z,31,234-15-2-200`, // row 3
      `${B},${C},out,voice,2024-03-05T13:00:00Z,5,234-15-2-200`, // row 4
      `${B},${A},in,voice,2024-03-05T15:00:01Z,10,234-15-2-200`, // row 5
      `${B},${A},in,voice,2024-03-05T15:00:02Z,20,234-15-2-200`, // row 6
      `${B},,out,data,2024-03-05T15:10:00Z,600,234-15-2-200`, // row 7: data, no other party
    ].join('\n'),
    'c.csv': [
      CDR_HEADER,
      `${C},${A},in,sms,2024-03-05T12:00:00Z,,234-15-3-300`,
      `${C},${B},in,voice,2024-03-05T13:00:00Z,5,234-15-3-300`,
      `${C},${X},out,voice,2024-03-05T14:00:00Z,50,234-15-3-300`,
    ].join('\n'),
  })
})
afterAll(() => session.close())

const withoutEvidence = <T extends object>(x: T): Omit<T, 'evidence'> => {
  const copy: Record<string, unknown> = { ...x }
  delete copy['evidence']
  return copy as Omit<T, 'evidence'>
}

describe('contact matrix', () => {
  it("counts a communication held in both parties' records once", async () => {
    const r = await runAnalysis(contactMatrix, session.store, { numbers: [A, B, C, D] }, ctx)
    expect(r.result.numbers.map(({ number, ownRecords }) => ({ number, ownRecords }))).toEqual([
      { number: A, ownRecords: 6 },
      { number: B, ownRecords: 7 },
      { number: C, ownRecords: 3 },
      { number: D, ownRecords: 0 },
    ])
    expect(r.result.numbers[3]!.evidence).toBeUndefined()
    expect(r.result.pairs.map(withoutEvidence)).toEqual([
      {
        // 5 records each side; 4 pairs matched (10:00 call, 11:00 call, both 15:00 calls); the SMS copy 3 s late is
        // beyond the 2 s tolerance so it counts as a second SMS.
        a: A,
        b: B,
        communications: 6,
        aToB: 5,
        bToA: 1,
        undirected: 0,
        voice: 4,
        sms: 2,
        mms: 0,
        callSeconds: 60 + 31 + 10 + 20,
        recordsOfA: 5,
        recordsOfB: 5,
        seenInBoth: 4,
        firstUtc: '2024-03-05T10:00:00Z',
        lastUtc: '2024-03-05T15:00:01Z',
      },
      {
        a: A,
        b: C,
        communications: 1,
        aToB: 1,
        bToA: 0,
        undirected: 0,
        voice: 0,
        sms: 1,
        mms: 0,
        callSeconds: 0,
        recordsOfA: 1,
        recordsOfB: 1,
        seenInBoth: 1,
        firstUtc: '2024-03-05T12:00:00Z',
        lastUtc: '2024-03-05T12:00:00Z',
      },
      {
        a: B,
        b: C,
        communications: 1,
        aToB: 1,
        bToA: 0,
        undirected: 0,
        voice: 1,
        sms: 0,
        mms: 0,
        callSeconds: 5,
        recordsOfA: 1,
        recordsOfB: 1,
        seenInBoth: 1,
        firstUtc: '2024-03-05T13:00:00Z',
        lastUtc: '2024-03-05T13:00:00Z',
      },
    ])
  })

  it("sets aside the receiver's copy, pairing each record once, closest first", async () => {
    const r = await runAnalysis(contactMatrix, session.store, { numbers: [A, B] }, ctx)
    const ab = r.result.pairs[0]!
    const copies = await resolveEvidence(session.store, ab.evidence.seenInBoth!)
    // B's copies of A's calls at 10:00 and 15:00 (rows 1, 5, 6) and A's copy of B's 11:00 call (A's row 3).
    expect(copies.map((c) => `${c.source_file}:${c.source_row}`)).toEqual([
      'b.csv:1',
      'a.csv:3',
      'b.csv:5',
      'b.csv:6',
    ])
  })

  it('follows the match tolerance', async () => {
    const count = async (tol: number): Promise<number> =>
      (await runAnalysis(contactMatrix, session.store, { numbers: [A, B], matchToleranceSeconds: tol }, ctx))
        .result.pairs[0]!.communications
    // 0 s: only the 15:00:01 call matches exactly; 5 s: the late SMS copy matches as well.
    expect([await count(0), await count(2), await count(5)]).toEqual([9, 6, 5])
  })

  it('every figure resolves to exactly its source rows', async () => {
    const r = await runAnalysis(contactMatrix, session.store, { numbers: [A, B, C, D] }, ctx)
    for (const p of r.result.pairs) {
      let records = 0
      for (const e of p.evidence.records) {
        expect((await resolveEvidence(session.store, e)).length).toBe(e.count)
        records += e.count
      }
      const copies = p.evidence.seenInBoth
      expect(copies === undefined ? 0 : (await resolveEvidence(session.store, copies)).length).toBe(
        p.seenInBoth,
      )
      expect(records - p.seenInBoth).toBe(p.communications)
    }
    for (const n of r.result.numbers)
      if (n.evidence !== undefined)
        expect((await resolveEvidence(session.store, n.evidence)).length).toBe(n.ownRecords)
  })

  it('is deterministic and needs two numbers', async () => {
    const one = await runAnalysis(contactMatrix, session.store, { numbers: [C, B, A] }, ctx)
    const two = await runAnalysis(contactMatrix, session.store, { numbers: [A, B, C] }, ctx)
    expect(JSON.stringify(two.result)).toBe(JSON.stringify(one.result))
    await expect(runAnalysis(contactMatrix, session.store, { numbers: [A] }, ctx)).rejects.toThrow(
      /contact-matrix\.params\.numbers: needs at least 2/,
    )
  })
})
