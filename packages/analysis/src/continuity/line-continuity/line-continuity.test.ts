import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CaseSession } from '@linesight/casework'
import { runAnalysis } from '../../core/run-analysis.js'
import { caseFromFiles } from '../../test/case-from-files.js'
import { at, cdr, evidenceMismatches, flare, numbers, type Row } from '../../test/line-fixture-csv.js'
import { identityGraph } from '../identity-graph/identity-graph.js'
import { successorCandidates } from '../successor-candidates/successor-candidates.js'
import { lineContinuity } from './line-continuity.js'

// Line A changes number but keeps the handset (IMEI given with its check digit on A1, as the 14-digit core on A2).
const A1 = '+447911100001'
const A2 = '+447911100002'
// Line B: a whole-circle change, new number, SIM and handset, joined only by its customers.
const B1 = '+447911100003'
const B2 = '+447911100004'
// A runner's new phone: starts as B1 stops and is rung by six of B's customers, but never flares.
const R = '+447911100005'
// Line F: its successor F2's own records were never obtained; five customers' records show it.
const F1 = '+447911100006'
const F2 = '+447911100007'
const C = numbers('110', 22)
const D = numbers('120', 22)
const E = numbers('130', 2)
const G = numbers('140', 22)
const days = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i)
const ids = (imei: string, imsi: string): Partial<Row> => ({ imei, imsi, cell: '234-30-100-1' })
const call = (target: string, other: string, t: string, extra: Partial<Row>): Row => ({
  target,
  other,
  dir: 'in',
  type: 'voice',
  t,
  dur: 30,
  ...extra,
})

let session: CaseSession
const ctx = { now: new Date('2026-01-01T00:00:00Z'), zone: 'Europe/London' }

beforeAll(async () => {
  const a1 = ids('356931104189168', '234301000000001')
  const a2 = ids('35693110418916', '234301000000002')
  const b1 = ids('354071154960531', '234301000000003')
  const b2 = ids('359991120321226', '234301000000004')
  const r = ids('352096126761313', '234301000000005')
  const f1 = ids('358740094682241', '234301000000006')
  session = await caseFromFiles({
    'a1.csv': cdr(days(1, 10).flatMap((d) => [...flare(A1, C, d, 10, a1), call(A1, C[0]!, at(d, 12), a1)])),
    'a2.csv': cdr(days(11, 20).flatMap((d) => [...flare(A2, C, d, 10, a2), call(A2, C[0]!, at(d, 12), a2)])),
    'b1.csv': cdr(
      days(1, 10).flatMap((d) => [...flare(B1, D, d, 11, b1), call(B1, D[0]!, at(d, 12, 30), b1)]),
    ),
    'b2.csv': cdr(
      days(12, 20).flatMap((d) => [
        ...flare(B2, [...D.slice(0, 20), ...E], d, 11, b2),
        call(B2, D[0]!, at(d, 12, 30), b2),
      ]),
    ),
    'r.csv': cdr([
      ...D.slice(0, 6).map((c, i) => call(R, c, at(12, 15, i), r)),
      ...days(13, 21).map((d) => ({ ...call(R, C[5]!, at(d, 18), r), dir: 'out' as const })),
    ]),
    'f1.csv': cdr(days(1, 10).flatMap((d) => [...flare(F1, G, d, 9, f1), call(F1, G[0]!, at(d, 12), f1)])),
    // F2 seen only in its customers' records: a text to five of them within a minute, then calls from three.
    'g.csv': cdr([
      ...G.slice(0, 5).map((g, i) => ({
        target: g,
        other: F2,
        dir: 'in' as const,
        type: 'sms' as const,
        t: at(12, 9, 0, i * 10),
      })),
      ...G.slice(0, 3).map((g, i) => ({
        target: g,
        other: F2,
        dir: 'out' as const,
        type: 'voice' as const,
        t: at(13, 14, i),
        dur: 40,
      })),
      ...G.slice(0, 5).map((g) => ({
        target: g,
        other: C[9]!,
        dir: 'out' as const,
        type: 'sms' as const,
        t: at(21, 20),
      })),
    ]),
  })
})
afterAll(() => session.close())

describe('line continuity', () => {
  it('links a number change in the same handset and a whole-circle change by customers alone', async () => {
    const r = await runAnalysis(lineContinuity, session.store, { lines: [A1, A2, B1, B2, F1, F2] }, ctx)
    // Lines in order of first activity: F1 flares at 09:00 on 1 March, A1 at 10:00, B1 at 11:00.
    expect(r.result.lines.map((l) => l.numbers)).toEqual([
      [F1, F2],
      [A1, A2],
      [B1, B2],
    ])
    const [f, a, b] = r.result.lines
    const ab = a!.links[0]!
    expect(ab.basis).toEqual(['imei', 'customers'])
    expect(ab.sharedIdentifiers.map((s) => [s.kind, s.value])).toEqual([['imei', '35693110418916']])
    // A1's last activity: C1's call on 10 March at 12:00; A2's first flare 11 March 10:00.
    expect(ab.timing).toMatchObject({
      fromLastSeen: at(10, 12),
      toStart: at(11, 10),
      toStartIsFlare: true,
      gapHours: 22,
    })
    expect(ab.customers).toMatchObject({ cA: 22, cB: 22, shared: 22, jaccard: 1, overlap: 1 })
    expect(a!.generations[0]!.imeis).toMatchObject([
      { value: '35693110418916', raw: ['356931104189168'], records: 230 },
    ])
    expect(a!.generations[1]!.imeis).toMatchObject([
      { value: '35693110418916', raw: ['35693110418916'], records: 230 },
    ])
    const bb = b!.links[0]!
    // No shared identifier; C_A = D1–D22, C_B = D1–D20 + E1, E2: J = 20/24, O = 20/22.
    expect(bb.basis).toEqual(['customers'])
    expect(bb.sharedIdentifiers).toEqual([])
    expect(bb.customers).toMatchObject({ cA: 22, cB: 22, shared: 20, jaccard: 0.8333, overlap: 0.9091 })
    expect(bb.timing.gapHours).toBe(46.5)
    // F2 is known only from five customers' records: overlap carries the link (Jaccard 5/22 understates).
    expect(f!.generations[1]).toMatchObject({ msisdn: F2, ownRecords: false, flares: 0 })
    expect(f!.links[0]!.customers).toMatchObject({ cA: 22, cB: 5, shared: 5, overlap: 1 })
    expect(r.result.notFound).toEqual([])
  })

  it('finds the successor when only the old number is given, and never links the runner', async () => {
    const r = await runAnalysis(lineContinuity, session.store, { lines: [B1, '+447911100099'] }, ctx)
    expect(r.result.lines.map((l) => l.numbers)).toEqual([[B1, B2]])
    expect(r.result.lines[0]!.generations.map((g) => g.listed)).toEqual([true, false])
    expect(r.result.notFound).toEqual(['+447911100099'])
  })

  it('every figure resolves to exactly its rows, and output is deterministic', async () => {
    const one = await runAnalysis(lineContinuity, session.store, { lines: [A1, A2, B1, B2, F1, F2] }, ctx)
    expect(await evidenceMismatches(session.store, one.result)).toEqual([])
    const two = await runAnalysis(lineContinuity, session.store, { lines: [F2, B2, B1, A2, A1, F1] }, ctx)
    expect(JSON.stringify(two.result)).toBe(JSON.stringify(one.result))
  })
})

describe('successor candidates', () => {
  it('ranks the flaring successor above a runner phone that shares customers', async () => {
    const r = await runAnalysis(successorCandidates, session.store, { number: B1 }, ctx)
    expect(r.result).toMatchObject({ number: B1, found: true, lastSeen: at(10, 12, 30) })
    expect(r.result.candidates.map((c) => [c.msisdn, c.lineLike, c.meetsCustomerRule, c.shared])).toEqual([
      [B2, true, true, 20],
      // R: six shared customers, Jaccard 6/22 = 0.2727 below 0.3, no flares.
      [R, false, false, 6],
    ])
    expect(r.result.candidates[1]).toMatchObject({ jaccard: 0.2727, overlap: 1, ownRecords: true })
    expect(await evidenceMismatches(session.store, r.result)).toEqual([])
  })

  it("finds a successor seen only in customers' records", async () => {
    const r = await runAnalysis(successorCandidates, session.store, { number: F1 }, ctx)
    expect(r.result.candidates[0]).toMatchObject({
      msisdn: F2,
      ownRecords: false,
      burstsSeenByTargets: 1,
      lineLike: true,
      shared: 5,
      meetsCustomerRule: true,
    })
    expect(await evidenceMismatches(session.store, r.result)).toEqual([])
  })
})

describe('identity graph', () => {
  it('joins two numbers through one handset, IMEIs compared on the 14-digit core', async () => {
    const r = await runAnalysis(identityGraph, session.store, { numbers: [A1] }, ctx)
    expect(r.result.components).toHaveLength(1)
    const c = r.result.components[0]!
    expect(c).toMatchObject({
      msisdns: [A1, A2],
      imsis: ['234301000000001', '234301000000002'],
      imeis: ['35693110418916'],
    })
    expect(c.findings.map((f) => f.kind).sort()).toEqual([
      'handset-with-several-numbers',
      'handset-with-several-sims',
    ])
    expect(await evidenceMismatches(session.store, r.result)).toEqual([])
  })
})
