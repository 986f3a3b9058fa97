import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CaseSession } from '@linesight/casework'
import { resolveEvidence } from '../../core/resolve-evidence.js'
import { runAnalysis } from '../../core/run-analysis.js'
import { CDR_HEADER, caseFromFiles } from '../../test/case-from-files.js'
import { commonContacts } from './common-contacts.js'

const A = '+447911123456'
const B = '+447922654321'
const C = '+447933111222'
const X = '+447944000222'
const Y = '+447955000111'
const W = '+447966000333'
const Z = '+447977000444'
const Q = '+447988000555'
let session: CaseSession
const ctx = { now: new Date('2026-01-01T00:00:00Z'), zone: 'Europe/London' }

beforeAll(async () => {
  session = await caseFromFiles({
    'a.csv': [
      CDR_HEADER,
      `${A},${X},out,voice,2024-03-05T09:00:00Z,30,234-15-1-100`,
      `${A},${X},in,sms,2024-03-05T09:30:00Z,,234-15-1-100`,
      `${A},${Y},out,voice,2024-03-05T10:00:00Z,40,234-15-1-100`,
      `${A},${Y},in,sms,2024-03-05T10:10:00Z,,234-15-1-100`,
      `${A},${Y},out,sms,2024-03-05T10:20:00Z,,234-15-1-100`,
      `${A},${B},out,voice,2024-03-05T11:00:00Z,5,234-15-1-100`,
      `${A},${Z},out,sms,2024-03-05T12:00:00Z,,234-15-1-100`,
      `${A},${Z},out,sms,2024-03-05T12:01:00Z,,234-15-1-100`,
      `${A},${Z},out,sms,2024-03-05T12:02:00Z,,234-15-1-100`,
    ].join('\n'),
    'b.csv': [
      CDR_HEADER,
      `${B},${X},in,voice,2024-03-05T13:00:00Z,20,234-15-2-200`,
      `${B},${Y},out,sms,2024-03-05T13:10:00Z,,234-15-2-200`,
      `${B},${Y},in,sms,2024-03-05T13:20:00Z,,234-15-2-200`,
      `${B},${A},in,voice,2024-03-05T11:00:00Z,5,234-15-2-200`,
      `${B},${W},out,voice,2024-03-05T14:00:00Z,15,234-15-2-200`,
      `${B},${C},out,sms,2024-03-05T15:00:00Z,,234-15-2-200`,
    ].join('\n'),
    'c.csv': [
      CDR_HEADER,
      `${C},${X},out,sms,2024-03-05T16:00:00Z,,234-15-3-300`,
      `${C},${W},in,voice,2024-03-05T16:30:00Z,10,234-15-3-300`,
      `${C},${B},in,sms,2024-03-05T15:00:01Z,,234-15-3-300`,
    ].join('\n'),
    'y.csv': [
      CDR_HEADER,
      `${Y},${A},in,voice,2024-03-05T10:00:01Z,40,234-15-4-400`,
      `${Y},${Q},out,voice,2024-03-05T17:00:00Z,60,234-15-4-400`,
    ].join('\n'),
  })
})
afterAll(() => session.close())

describe('common contacts', () => {
  it('ranks contacts by how many of the numbers they reach, then by communications', async () => {
    const r = await runAnalysis(commonContacts, session.store, { numbers: [A, B, C] }, ctx)
    expect(
      r.result.contacts.map((c) => ({
        contact: c.contact,
        n: c.numbersInContact,
        comms: c.communications,
        own: c.hasOwnRecords,
        given: c.isGivenNumber,
        with: c.withNumbers.map((w) => [w.a === c.contact ? w.b : w.a, w.communications]),
      })),
    ).toEqual([
      {
        contact: X,
        n: 3,
        comms: 4,
        own: false,
        given: false,
        with: [
          [A, 2],
          [B, 1],
          [C, 1],
        ],
      },
      // Y's own records hold its 10:00 call with A too: counted once.
      {
        contact: Y,
        n: 2,
        comms: 5,
        own: true,
        given: false,
        with: [
          [A, 3],
          [B, 2],
        ],
      },
      // B is one of the given numbers and in contact with the other two; ties with W broken by number.
      {
        contact: B,
        n: 2,
        comms: 2,
        own: true,
        given: true,
        with: [
          [A, 1],
          [C, 1],
        ],
      },
      {
        contact: W,
        n: 2,
        comms: 2,
        own: false,
        given: false,
        with: [
          [B, 1],
          [C, 1],
        ],
      },
    ])
    const ya = r.result.contacts[1]!.withNumbers[0]!
    expect([ya.recordsOfA, ya.recordsOfB, ya.seenInBoth]).toEqual([3, 1, 1])
  })

  it('follows the minimum and the limit', async () => {
    const three = await runAnalysis(commonContacts, session.store, { numbers: [A, B, C], minShared: 3 }, ctx)
    expect(three.result.contacts.map((c) => c.contact)).toEqual([X])
    const one = await runAnalysis(commonContacts, session.store, { numbers: [A, B, C], limit: 2 }, ctx)
    expect(one.result.contacts.map((c) => c.contact)).toEqual([X, Y])
    const all = await runAnalysis(commonContacts, session.store, { numbers: [A, B], minShared: 1 }, ctx)
    expect(all.result.contacts.map((c) => [c.contact, c.communications])).toEqual([
      [Y, 5],
      [X, 3],
      [Z, 3],
      [A, 1],
      [B, 1],
      [C, 1],
      [W, 1],
    ])
  })

  it('every figure resolves to exactly its source rows', async () => {
    const r = await runAnalysis(commonContacts, session.store, { numbers: [A, B, C] }, ctx)
    for (const c of r.result.contacts) {
      expect(c.withNumbers.reduce((s, w) => s + w.communications, 0)).toBe(c.communications)
      for (const w of c.withNumbers) {
        let records = 0
        for (const e of w.evidence.records) {
          expect((await resolveEvidence(session.store, e)).length).toBe(e.count)
          records += e.count
        }
        const copies = w.evidence.seenInBoth
        expect(copies === undefined ? 0 : (await resolveEvidence(session.store, copies)).length).toBe(
          w.seenInBoth,
        )
        expect(records - w.seenInBoth).toBe(w.communications)
      }
    }
  })

  it('is deterministic', async () => {
    const one = await runAnalysis(commonContacts, session.store, { numbers: [C, A, B] }, ctx)
    const two = await runAnalysis(commonContacts, session.store, { numbers: [A, B, C] }, ctx)
    expect(JSON.stringify(two.result)).toBe(JSON.stringify(one.result))
  })
})
