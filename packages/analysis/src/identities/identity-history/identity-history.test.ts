import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CaseSession } from '@linesight/casework'
import { imeiCore } from '@linesight/identifiers'
import { resolveEvidence } from '../../core/resolve-evidence.js'
import { runAnalysis } from '../../core/run-analysis.js'
import { CDR_HEADER, caseFromFiles } from '../../test/case-from-files.js'
import { scenarioCase } from '../../test/scenario-case.js'
import { identityHistory, type IdentityHistoryResult } from './identity-history.js'

const A = '+447911123456'
const B = '+447922654321'
const C = '+447933111222'
const E = '+447955000111'
const D = '+447977000444'
const X = '+447944000222'
const Y = '+447966000333'
// Handsets (14-digit cores) and SIMs.
const H1 = '35328511000001' // written 353285110000015 (check digit)
const H2 = '35328511000002' // written 353285110000023
const H3 = '35693110000003' // written as an IMEISV 3569311000000301 and as the bare core
const H4 = '35407115000004' // written 354071150000040 (network form, spare digit 0)
const S1 = '234151234567890' // Vodafone
const S2 = '234201111111111' // Three
const S3 = '234302222222222' // EE
const S4 = '234103333333333' // O2
const S5 = '310260444444444' // T-Mobile US
const HEADER = `${CDR_HEADER},imei,imsi`
const ctx = { now: new Date('2026-01-01T00:00:00Z'), zone: 'Europe/London' }
const withoutEvidence = <T extends object>(x: T): Omit<T, 'evidence'> => {
  const copy: Record<string, unknown> = { ...x }
  delete copy['evidence']
  return copy as Omit<T, 'evidence'>
}

describe('identity history', () => {
  let session: CaseSession
  beforeAll(async () => {
    session = await caseFromFiles({
      'a.csv': [
        HEADER,
        `${A},${X},out,voice,2024-03-01T10:00:00Z,60,234-15-1-100,353285110000015,${S1}`,
        `${A},${X},in,sms,2024-03-02T09:00:00Z,,234-15-1-100,,`,
        `${A},,out,data,2024-03-03T12:00:00Z,600,234-15-1-100,353285110000015,234 15 1234567890`,
        // The SIM moves into another handset.
        `${A},${X},out,voice,2024-03-04T08:30:00Z,30,234-15-1-100,353285110000023,${S1}`,
        `${A},${X},out,sms,2024-03-05T20:00:00Z,,234-15-1-100,353285110000023,${S1}`,
        `${A},${X},in,voice,2024-03-05T21:00:00Z,15,234-15-1-100,353285110000023,${S1}`,
      ].join('\n'),
      'b.csv': [
        HEADER,
        `${B},${X},out,voice,2024-03-01T11:00:00Z,10,234-20-2-200,3569311000000301,${S2}`,
        `${B},${X},in,voice,2024-03-05T18:00:00Z,20,234-20-2-200,3569311000000301,${S2}`,
      ].join('\n'),
      // The same handset with a new SIM and number.
      'c.csv': [
        HEADER,
        `${C},${X},out,sms,2024-03-06T09:15:00Z,,234-30-3-300,${H3},${S3}`,
        `${C},${Y},out,sms,2024-03-07T10:00:00Z,,234-30-3-300,${H3},${S3}`,
      ].join('\n'),
      // The same number and handset with a new SIM.
      'd.csv': [
        HEADER,
        `${D},${X},out,voice,2024-03-01T12:00:00Z,5,234-10-4-400,354071150000040,${S4}`,
        `${D},${X},out,voice,2024-03-03T12:00:00Z,5,234-10-4-400,354071150000040,${S5}`,
        `${D},${X},out,voice,2024-03-04T12:00:00Z,5,234-10-4-400,354071150000040,${S5}`,
      ].join('\n'),
      'subscribers.csv': [
        'msisdn,name,date_of_birth,address,postcode,lat,lon,account_type,imsi,imei,valid_from,valid_to',
        `${C},Test One,,,,,,PAYG,${S3},${H3},2024-03-06,`,
        `${E},Test Two,,,,,,PAYG,234159999999999,353285110000015,2024-01-01,2024-02-28`,
      ].join('\n'),
    })
  })
  afterAll(() => session.close())

  const run = async (given: Record<string, unknown>): Promise<IdentityHistoryResult> =>
    (await runAnalysis(identityHistory, session.store, given, ctx)).result

  it('shows a SIM moved between handsets, with the change day', async () => {
    const r = await run({ numbers: [A] })
    const a = r.numbers[0]!
    expect(
      a.handsets.map((h) => [h.imei, h.tac, h.model, h.records, h.firstUtc, h.lastUtc, h.recordsInSpan]),
    ).toEqual([
      [H1, '35328511', null, 2, '2024-03-01T10:00:00Z', '2024-03-03T12:00:00Z', 3],
      [H2, '35328511', null, 3, '2024-03-04T08:30:00Z', '2024-03-05T21:00:00Z', 3],
    ])
    // The IMSI written with spaces is the same SIM; the SMS on 2 March carries no identifiers but lies in the spans.
    expect(
      a.sims.map((s) => [s.imsi, s.mcc, s.mnc, s.network, s.country, s.records, s.recordsInSpan]),
    ).toEqual([[S1, '234', '15', 'Vodafone', 'GB', 5, 6]])
    expect(a.periods.map((p) => [p.kind, p.value, p.records])).toEqual([
      ['handset', H1, 2],
      ['sim', S1, 5],
      ['handset', H2, 3],
    ])
    expect(a.changes.map(withoutEvidence)).toEqual([
      {
        number: A,
        kind: 'handset-change',
        fromValue: H1,
        toValue: H2,
        lastBeforeUtc: '2024-03-03T12:00:00Z',
        firstAfterUtc: '2024-03-04T08:30:00Z',
        lastBeforeLocal: '2024-03-03 12:00:00',
        firstAfterLocal: '2024-03-04 08:30:00',
      },
    ])
    const rows = await resolveEvidence(session.store, a.changes[0]!.evidence)
    expect(rows.map((x) => `${x.source_file}:${x.source_row}`)).toEqual(['a.csv:3', 'a.csv:4'])
    expect(
      r.sims.map((s) => [s.imsi, s.severalHandsets, s.handsets.map((h) => [h.imei, h.number, h.records])]),
    ).toEqual([
      [
        S1,
        true,
        [
          [H1, A, 2],
          [H2, A, 3],
        ],
      ],
    ])
    // H1 is also in a subscriber record of another number.
    expect(
      r.handsets.map((h) => [h.imei, h.severalNumbers, h.subscriberRecords.map((s) => s.msisdn)]),
    ).toEqual([
      [H1, true, [E]],
      [H2, false, []],
    ])
    expect(r.tacTable.available).toBe(false)
  })

  it('shows one handset with several numbers, whatever form its IMEI was written in', async () => {
    const r = await run({ numbers: [B] })
    expect(r.numbers.map((n) => n.number)).toEqual([B])
    const h = r.handsets[0]!
    expect([
      h.imei,
      h.severalNumbers,
      h.numbers.map((n) => [n.number, n.firstUtc, n.lastUtc, n.records]),
    ]).toEqual([
      H3,
      true,
      [
        [B, '2024-03-01T11:00:00Z', '2024-03-05T18:00:00Z', 2],
        [C, '2024-03-06T09:15:00Z', '2024-03-07T10:00:00Z', 2],
      ],
    ])
    expect(h.sims.map((s) => [s.imsi, s.number])).toEqual([
      [S2, B],
      [S3, C],
    ])
    expect(
      h.subscriberRecords.map((s) => [s.msisdn, s.imsi, s.validFrom, s.sourceFile, s.sourceRow]),
    ).toEqual([[C, S3, '2024-03-06', 'subscribers.csv', 1]])
    expect(r.sims.map((s) => [s.imsi, s.network, s.severalHandsets])).toEqual([[S2, 'Three', false]])
  })

  it('shows a SIM swap on the same number and handset', async () => {
    const r = await run({ numbers: [D] })
    const d = r.numbers[0]!
    expect(d.changes.map((c) => [c.kind, c.fromValue, c.toValue, c.firstAfterUtc])).toEqual([
      ['sim-swap', S4, S5, '2024-03-03T12:00:00Z'],
    ])
    expect(d.sims.map((s) => [s.imsi, s.mcc, s.mnc, s.network, s.country])).toEqual([
      [S4, '234', '10', 'O2', 'GB'],
      [S5, '310', '260', 'T-Mobile US', 'US'],
    ])
    expect(d.handsets.map((h) => [h.imei, h.records])).toEqual([[H4, 3]])
  })

  it('covers every number with identifiers when none is given, and every figure resolves to its rows', async () => {
    const r = await run({})
    expect(r.numbers.map((n) => n.number)).toEqual([A, B, C, E, D])
    expect(r.numbers.find((n) => n.number === E)!.subscriberRecords.length).toBe(1)
    for (const n of r.numbers)
      for (const u of [...n.handsets, ...n.sims, ...n.periods])
        expect((await resolveEvidence(session.store, u.evidence)).length).toBe(u.recordsInSpan)
    for (const h of r.handsets)
      for (const u of [...h.numbers, ...h.sims])
        expect((await resolveEvidence(session.store, u.evidence)).length).toBe(u.recordsInSpan)
  })

  it('is deterministic', async () => {
    const one = await runAnalysis(identityHistory, session.store, { numbers: [D, A, B] }, ctx)
    const two = await runAnalysis(identityHistory, session.store, { numbers: [A, B, D] }, ctx)
    expect(JSON.stringify(two.result)).toBe(JSON.stringify(one.result))
  })
})

describe('identity history on a generated scenario', () => {
  it('shows deal-line generations that share a handset as one handset with several numbers', async () => {
    const { session, truth } = await scenarioCase(21, 1)
    try {
      const lines = truth.lines.map((l) =>
        l.generations.map((g) => ({ msisdn: g.msisdn, imei: imeiCore(g.imei)! })),
      )
      const r = (
        await runAnalysis(identityHistory, session.store, { numbers: lines.flat().map((g) => g.msisdn) }, ctx)
      ).result
      let shared = 0
      for (const generations of lines) {
        const byImei = new Map<string, string[]>()
        for (const g of generations) byImei.set(g.imei, [...(byImei.get(g.imei) ?? []), g.msisdn])
        for (const [imei, msisdns] of byImei) {
          const h = r.handsets.find((x) => x.imei === imei)
          expect(h).toBeDefined()
          expect(h!.numbers.map((n) => n.number)).toEqual(msisdns)
          expect(h!.severalNumbers).toBe(msisdns.length > 1)
          if (msisdns.length > 1) shared++
        }
      }
      expect(shared).toBeGreaterThan(0)
      // Runners whose SIM sat in more than one handset show as a SIM in several handsets.
      const moved = truth.lines
        .flatMap((l) => l.runners.flatMap((x) => x.phones))
        .filter((p) => p.imeis.length > 1)
      expect(moved.length).toBeGreaterThan(0)
      const runners = (
        await runAnalysis(identityHistory, session.store, { numbers: moved.map((p) => p.msisdn) }, ctx)
      ).result
      for (const p of moved) {
        const sim = runners.sims.find((s) => s.imsi === p.imsi)!
        expect(sim.severalHandsets).toBe(true)
        expect([...new Set(sim.handsets.map((h) => h.imei))]).toEqual(p.imeis.map((i) => imeiCore(i)))
        expect(runners.numbers.find((n) => n.number === p.msisdn)!.changes.map((c) => c.kind)).toContain(
          'handset-change',
        )
      }
    } finally {
      await session.close()
    }
  })
})
