import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CaseSession } from '@linesight/casework'
import { resolveEvidence } from '../../core/resolve-evidence.js'
import { runAnalysis } from '../../core/run-analysis.js'
import { CDR_HEADER, caseFromFiles } from '../../test/case-from-files.js'
import { scenarioCase } from '../../test/scenario-case.js'
import { contactEdgesQuery } from '../shared/communications.sql.js'
import { summaryContactEdgesQuery, wholeCaseContactEdges } from '../shared/pair-summary.sql.js'
import { contactCommunities } from './contact-communities.js'
import { indexGraph, labelPropagation } from './contact-communities.rules.js'

const A = '+447911123456'
const B = '+447922654321'
const C = '+447933111222'
const D = '+447944000222'
const E = '+447955000111'
const F = '+447966000333'
const G = '+447977000444'
const H = '+447988000555'
const X = '+447999000666'
const ctx = { now: new Date('2026-01-01T00:00:00Z'), zone: 'Europe/London' }

const rows = (target: string, other: string, direction: string, type: string, times: string[]): string[] =>
  times.map((t) => `${target},${other},${direction},${type},2024-03-05T${t}Z,${type === 'voice' ? 30 : ''},`)

describe('contact communities', () => {
  let session: CaseSession
  // Two triangles of 4-communication links, A-B-C and D-E-F, bridged by C-D (3); G-H (5) apart; A-X (1) too weak.
  beforeAll(async () => {
    session = await caseFromFiles({
      'a.csv': [
        CDR_HEADER,
        ...rows(A, B, 'out', 'voice', ['10:00:00', '10:01:00', '10:02:00', '10:03:00']),
        ...rows(A, C, 'out', 'sms', ['10:10:00', '10:11:00', '10:12:00', '10:13:00']),
        ...rows(A, X, 'out', 'sms', ['10:20:00']),
      ].join('\n'),
      'b.csv': [
        CDR_HEADER,
        ...rows(B, A, 'in', 'voice', ['10:00:00']),
        ...rows(B, C, 'out', 'voice', ['11:00:00', '11:01:00', '11:02:00', '11:03:00']),
      ].join('\n'),
      'c.csv': [CDR_HEADER, ...rows(C, D, 'out', 'sms', ['12:00:00', '12:01:00', '12:02:00'])].join('\n'),
      'd.csv': [
        CDR_HEADER,
        ...rows(D, E, 'out', 'voice', ['13:00:00', '13:01:00', '13:02:00', '13:03:00']),
        ...rows(D, F, 'out', 'sms', ['13:10:00', '13:11:00', '13:12:00', '13:13:00']),
      ].join('\n'),
      'e.csv': [
        CDR_HEADER,
        ...rows(E, F, 'out', 'voice', ['14:00:00', '14:01:00', '14:02:00', '14:03:00']),
      ].join('\n'),
      'g.csv': [
        CDR_HEADER,
        ...rows(G, H, 'out', 'sms', ['15:00:00', '15:01:00', '15:02:00', '15:03:00', '15:04:00']),
      ].join('\n'),
    })
  })
  afterAll(() => session.close())

  it('splits two tight groups joined by one weaker link', async () => {
    const r = await runAnalysis(contactCommunities, session.store, {}, ctx)
    expect(r.result.graph).toEqual({
      numbers: 8,
      links: 8,
      components: 2,
      communities: 3,
      rounds: 2,
      converged: true,
    })
    expect(
      r.result.communities.map((c) => ({
        id: c.id,
        members: c.members.map((m) => [m.number, m.ties, m.communications, m.hasOwnRecords]),
        ties: c.ties.map((t) => [t.a, t.b, t.communications]),
        internalRecords: c.internalRecords,
      })),
    ).toEqual([
      {
        id: A,
        members: [
          [A, 2, 8, true],
          [B, 2, 8, true],
          [C, 2, 8, true],
        ],
        ties: [
          [A, B, 4],
          [A, C, 4],
          [B, C, 4],
        ],
        // A's 8 and B's 5 (its copy of A's 10:00 call included): 12 communications.
        internalRecords: 13,
      },
      {
        id: D,
        members: [
          [D, 2, 8, true],
          [E, 2, 8, true],
          [F, 2, 8, false],
        ],
        ties: [
          [D, E, 4],
          [D, F, 4],
          [E, F, 4],
        ],
        internalRecords: 12,
      },
    ])
  })

  it('follows the weighting, the link threshold and the given numbers', async () => {
    const equal = await runAnalysis(contactCommunities, session.store, { weighting: 'equal' }, ctx)
    // With every link weighing the same, D's three links tie and the smallest group wins: one group of six.
    expect(equal.result.communities.map((c) => [c.id, c.size])).toEqual([[A, 6]])
    const five = await runAnalysis(contactCommunities, session.store, { minEvents: 5, minSize: 2 }, ctx)
    expect(five.result.communities.map((c) => c.members.map((m) => m.number))).toEqual([[G, H]])
    const one = await runAnalysis(contactCommunities, session.store, { minEvents: 1 }, ctx)
    expect(one.result.communities[0]!.members.map((m) => m.number).sort()).toEqual([A, B, C, X])
    const given = await runAnalysis(contactCommunities, session.store, { numbers: [G, X] }, ctx)
    expect(given.result.communities.map((c) => [c.id, c.givenNumbers])).toEqual([[G, [G]]])
    expect(given.result.notInGraph).toEqual([X])
  })

  it('every figure resolves to exactly its source rows', async () => {
    const r = await runAnalysis(contactCommunities, session.store, { minSize: 2 }, ctx)
    for (const c of r.result.communities) {
      expect((await resolveEvidence(session.store, c.evidence)).length).toBe(c.internalRecords)
      for (const t of c.ties) {
        let records = 0
        for (const e of t.evidence.records) {
          expect((await resolveEvidence(session.store, e)).length).toBe(e.count)
          records += e.count
        }
        expect(records - t.seenInBoth).toBe(t.communications)
      }
    }
  })

  it('is deterministic', async () => {
    const one = await runAnalysis(contactCommunities, session.store, {}, ctx)
    const two = await runAnalysis(contactCommunities, session.store, {}, ctx)
    expect(JSON.stringify(two)).toBe(JSON.stringify(one))
  })
})

describe('contact communities on a generated scenario', () => {
  it("puts each line's numbers in one group with the phone its holder tasks from", async () => {
    const { session, truth } = await scenarioCase(21, 1)
    try {
      // The whole case's graph from the import's per-pair counts is the one read from every event.
      for (const p of [
        { tol: 2, minEvents: 1 },
        { tol: 2, minEvents: 3 },
        { tol: 0, minEvents: 2 },
      ]) {
        const read = await session.store.run(contactEdgesQuery, { ...p, from: null, to: null })
        expect(read.length).toBeGreaterThan(10)
        expect(await session.store.run(summaryContactEdgesQuery, p)).toEqual(read)
        // At the stored tolerance the import's paired copies give the same graph without reading the events.
        expect(await wholeCaseContactEdges(session.store, p)).toEqual(read)
      }
      const r = await runAnalysis(contactCommunities, session.store, { limit: 1000, minSize: 1 }, ctx)
      const groupOf = new Map<string, string>()
      for (const c of r.result.communities) for (const m of c.members) groupOf.set(m.number, c.id)
      expect(truth.lines.length).toBeGreaterThan(0)
      let holders = 0
      for (const line of truth.lines) {
        const group = groupOf.get(line.generations[0]!.msisdn)
        expect(group).toBeDefined()
        for (const g of line.generations) expect(groupOf.get(g.msisdn)).toBe(group)
        // The holder tasks from the personal phone unless the line has dedicated tasking phones.
        if (line.taskingPhones.length === 0) {
          expect(groupOf.get(line.holder.personalMsisdn)).toBe(group)
          holders++
        } else for (const p of line.taskingPhones) expect(groupOf.get(p.msisdn)).toBe(group)
      }
      expect(holders).toBeGreaterThan(0)
      // Different lines stay apart.
      expect(new Set(truth.lines.map((l) => groupOf.get(l.generations[0]!.msisdn))).size).toBe(
        truth.lines.length,
      )
    } finally {
      await session.close()
    }
  })
})

describe('contact graph index', () => {
  it("ranks numbers in text order and sorts each one's links by neighbour, repeats in the order given", () => {
    const g = indexGraph([
      { a: '3', b: '1', weight: 1 },
      { a: '2', b: '3', weight: 2 },
      { a: '1', b: '1', weight: 5 },
      { a: '1', b: '3', weight: 4 },
    ])
    expect(g.nodes).toEqual(['1', '2', '3'])
    expect([...g.start]).toEqual([0, 2, 3, 6])
    expect([...g.neighbour]).toEqual([2, 2, 2, 0, 0, 1])
    expect([...g.weight]).toEqual([1, 4, 2, 1, 4, 2])
  })

  it('keeps a label among the best, else takes the smallest best one', () => {
    // 'b' hears 'a' and 'c' equally and takes 'a'; 'd' then hears only 'c' and keeps its way to it.
    const lp = labelPropagation(
      indexGraph([
        { a: 'a', b: 'b', weight: 1 },
        { a: 'b', b: 'c', weight: 1 },
        { a: 'c', b: 'd', weight: 3 },
      ]),
      10,
    )
    expect([...lp.labels]).toEqual([
      ['a', 'a'],
      ['b', 'a'],
      ['c', 'c'],
      ['d', 'c'],
    ])
    expect([lp.rounds, lp.converged]).toEqual([2, true])
  })
})
