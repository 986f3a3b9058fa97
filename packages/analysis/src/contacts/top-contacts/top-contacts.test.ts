import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CaseSession } from '@linesight/casework'
import { resolveEvidence } from '../../core/resolve-evidence.js'
import { runAnalysis } from '../../core/run-analysis.js'
import { CDR_HEADER, caseFromFiles } from '../../test/case-from-files.js'
import { topContacts } from './top-contacts.js'

const A = '+447911123456'
const B = '+447922654321'
const C = '+447933111222'
let session: CaseSession
const ctx = { now: new Date('2026-01-01T00:00:00Z'), zone: 'Europe/London' }

beforeAll(async () => {
  session = await caseFromFiles({
    'a.csv': [
      CDR_HEADER,
      `${A},${B},out,voice,2024-03-05T10:00:00Z,60,234-15-1-100`,
      `${A},${B},in,voice,2024-03-05T23:30:00Z,30,234-15-1-100`,
      `${A},${B},out,sms,2024-03-06T00:30:00Z,,234-15-1-100`,
      `${A},${C},in,sms,2024-03-07T09:00:00Z,,234-15-1-101`,
      `${A},,out,data,2024-03-07T09:05:00Z,600,234-15-1-101`,
      `${A},${B},out,voice,2024-03-05T10:00:00Z,60,234-15-1-100`,
    ].join('\n'),
  })
})
afterAll(() => session.close())

describe('top contacts', () => {
  it("ranks other parties from the number's own records, duplicates and data sessions left out", async () => {
    const r = await runAnalysis(topContacts, session.store, { target: A }, ctx)
    expect(r.result.contacts.map(({ evidence: _e, ...c }) => c)).toEqual([
      // Local days: 23:30Z on 5 March is still 5 March in GMT; 00:30Z on 6 March is 6 March.
      {
        other: B,
        other_kind: 'e164',
        events: 3,
        calls_out: 1,
        calls_in: 1,
        sms_out: 1,
        sms_in: 0,
        call_seconds: 90,
        first_utc: '2024-03-05T10:00:00Z',
        last_utc: '2024-03-06T00:30:00Z',
        active_days: 2,
      },
      {
        other: C,
        other_kind: 'e164',
        events: 1,
        calls_out: 0,
        calls_in: 0,
        sms_out: 0,
        sms_in: 1,
        call_seconds: 0,
        first_utc: '2024-03-07T09:00:00Z',
        last_utc: '2024-03-07T09:00:00Z',
        active_days: 1,
      },
    ])
    expect(r.parameters).toEqual({ target: A, from: null, to: null, limit: 50 })
  })

  it('every figure resolves to exactly its source rows', async () => {
    const r = await runAnalysis(topContacts, session.store, { target: A }, ctx)
    for (const c of r.result.contacts) {
      const rows = await resolveEvidence(session.store, c.evidence)
      expect(rows.length).toBe(c.evidence.count)
      expect(rows.every((row) => row.source_file === 'a.csv' && row.source_row > 0)).toBe(true)
    }
  })

  it('is deterministic and refuses unknown parameters', async () => {
    const one = await runAnalysis(topContacts, session.store, { target: A }, ctx)
    const two = await runAnalysis(topContacts, session.store, { target: A }, ctx)
    expect(JSON.stringify(two)).toBe(JSON.stringify(one))
    await expect(runAnalysis(topContacts, session.store, { target: A, limt: 5 }, ctx)).rejects.toThrow(
      /top-contacts\.params\.limt: unknown parameter/,
    )
  })
})

describe('top contacts with parties that are not phone numbers', () => {
  it('names the events of a short code or sender name by id, so the evidence resolves', async () => {
    const s = await caseFromFiles({
      'a.csv': [
        CDR_HEADER,
        `${A},VODAFONE,in,sms,2024-03-05T10:00:00Z,,234-15-1-100`,
        `${A},VODAFONE,in,sms,2024-03-06T10:00:00Z,,234-15-1-100`,
        `${A},150,out,voice,2024-03-05T11:00:00Z,60,234-15-1-100`,
        `${A},${B},out,voice,2024-03-05T12:00:00Z,60,234-15-1-100`,
      ].join('\n'),
    })
    try {
      const r = await runAnalysis(topContacts, s.store, { target: A }, ctx)
      expect(r.result.contacts.map((c) => [c.other, c.other_kind, c.events])).toEqual([
        ['VODAFONE', 'alphanumeric', 2],
        [B, 'e164', 1],
        ['150', 'short-code', 1],
      ])
      for (const c of r.result.contacts)
        expect((await resolveEvidence(s.store, c.evidence)).length).toBe(c.evidence.count)
    } finally {
      await s.close()
    }
  })
})
