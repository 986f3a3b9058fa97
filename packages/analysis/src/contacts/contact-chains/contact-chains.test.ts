import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CaseSession } from '@linesight/casework'
import { resolveEvidence } from '../../core/resolve-evidence.js'
import { runAnalysis } from '../../core/run-analysis.js'
import { CDR_HEADER, caseFromFiles } from '../../test/case-from-files.js'
import { contactEdgesQuery } from '../shared/communications.sql.js'
import { contactChains, wholeCaseLinks } from './contact-chains.js'
import { chainEdgesQuery } from './contact-chains.sql.js'

const A = '+447911123456'
const B = '+447922654321'
const C = '+447933111222'
const D = '+447944000222'
const E = '+447955000111'
const G = '+447966000333'
const H = '+447977000444'
const K = '+447988000555'
let session: CaseSession
const ctx = { now: new Date('2026-01-01T00:00:00Z'), zone: 'Europe/London' }

// Links: A–B (3, one also in B's records), B–C (2), C–D (1), C–K (1), A–E (1), E–G (1), G–D (1), A–H (1), H–D (1).
beforeAll(async () => {
  session = await caseFromFiles({
    'a.csv': [
      CDR_HEADER,
      `${A},${B},out,voice,2024-03-05T10:00:00Z,60,234-15-1-100`,
      `${A},${B},in,sms,2024-03-05T10:10:00Z,,234-15-1-100`,
      `${A},${B},out,sms,2024-03-05T10:20:00Z,,234-15-1-100`,
      `${A},${E},out,sms,2024-03-05T11:00:00Z,,234-15-1-100`,
      `${A},${H},out,voice,2024-03-05T12:00:00Z,15,234-15-1-100`,
    ].join('\n'),
    'b.csv': [
      CDR_HEADER,
      `${B},${A},in,voice,2024-03-05T10:00:01Z,60,234-15-2-200`,
      `${B},${C},out,voice,2024-03-05T13:00:00Z,30,234-15-2-200`,
      `${B},${C},in,sms,2024-03-05T13:10:00Z,,234-15-2-200`,
    ].join('\n'),
    'c.csv': [
      CDR_HEADER,
      `${C},${D},out,sms,2024-03-05T14:00:00Z,,234-15-3-300`,
      `${C},${K},out,voice,2024-03-05T14:30:00Z,20,234-15-3-300`,
    ].join('\n'),
    'd.csv': [
      CDR_HEADER,
      `${D},${G},in,sms,2024-03-05T16:00:00Z,,234-15-4-400`,
      `${D},${H},in,voice,2024-03-05T16:30:00Z,25,234-15-4-400`,
      `${D},${C},in,sms,2024-03-05T14:00:01Z,,234-15-4-400`,
    ].join('\n'),
    'e.csv': [
      CDR_HEADER,
      `${E},${A},in,sms,2024-03-05T11:00:00Z,,234-15-5-500`,
      `${E},${G},out,voice,2024-03-05T15:00:00Z,40,234-15-5-500`,
    ].join('\n'),
  })
})
afterAll(() => session.close())

const chains = async (given: Record<string, unknown>): Promise<string[][]> =>
  (await runAnalysis(contactChains, session.store, given, ctx)).result.chains.map((c) => [...c.numbers])

describe('contact chains', () => {
  it('lists chains shortest first, then by their weakest and total links', async () => {
    const r = await runAnalysis(contactChains, session.store, { numberA: A, numberB: D }, ctx)
    expect(r.result.found).toBe(3)
    expect(r.result.chains.map((c) => [c.numbers, c.hops, c.weakestLink])).toEqual([
      [[A, H, D], 2, 1],
      [[A, B, C, D], 3, 1],
      [[A, E, G, D], 3, 1],
    ])
    const hops = r.result.chains[1]!.hopsDetail
    expect(
      hops.map((h) => [h.fromNumber, h.toNumber, h.communications, h.recordsOfA, h.recordsOfB, h.seenInBoth]),
    ).toEqual([
      // A's 10:00 call is also in B's records: counted once.
      [A, B, 3, 3, 1, 1],
      [B, C, 2, 2, 0, 0],
      [C, D, 1, 1, 1, 1],
    ])
  })

  it('finds a three-link chain and none within a shorter limit', async () => {
    expect(await chains({ numberA: A, numberB: K })).toEqual([[A, B, C, K]])
    const none = await runAnalysis(contactChains, session.store, { numberA: A, numberB: K, maxHops: 2 }, ctx)
    expect([none.result.found, none.result.chains, none.result.shortest, none.result.complete]).toEqual([
      0,
      [],
      null,
      true,
    ])
    expect(await chains({ numberA: A, numberB: D, maxHops: 2 })).toEqual([[A, H, D]])
    expect(await chains({ numberA: K, numberB: A })).toEqual([[K, C, B, A]])
  })

  it('follows the link threshold and the limit', async () => {
    expect(await chains({ numberA: A, numberB: C, minEvents: 2 })).toEqual([[A, B, C]])
    expect(await chains({ numberA: A, numberB: D, minEvents: 2 })).toEqual([])
    const one = await runAnalysis(contactChains, session.store, { numberA: A, numberB: D, limit: 1 }, ctx)
    // The list is full after the 2-link chain, so 3-link chains are not looked for.
    const { found, shortest, searchedUpTo, complete, chains: listed } = one.result
    expect([found, shortest, searchedUpTo, complete, listed.length]).toEqual([1, 2, 2, false, 1])
    const all = await runAnalysis(contactChains, session.store, { numberA: A, numberB: D }, ctx)
    expect([all.result.found, all.result.shortest, all.result.searchedUpTo, all.result.complete]).toEqual([
      3,
      2,
      3,
      true,
    ])
  })

  it('reads only the links a chain can use, counted as in the whole contact graph', async () => {
    const window = { from: null, to: null, tol: 2 }
    const graph = new Map(
      (await session.store.run(contactEdgesQuery, { ...window, minEvents: 1 })).map((e) => [
        `${e.a} ${e.b}`,
        e.communications,
      ]),
    )
    const links = async (start: string, end: string, within: number, minEvents = 1): Promise<string[]> => {
      const read = (await session.store.run(chainEdgesQuery, { ...window, start, end, within, minEvents }))
        .map((e) => `${e.a} ${e.b} ${e.n}`)
        .sort()
      // Over the whole case the same links come from the import's per-pair counts.
      const summary = await wholeCaseLinks(session.store, { start, end, within, minEvents, tol: window.tol })
      expect(summary.map((e) => `${e.a} ${e.b} ${e.n}`)).toEqual(read)
      return read
    }
    const inGraph = (pairs: readonly (readonly [string, string])[]): string[] =>
      pairs
        .map(([x, y]) => (x < y ? `${x} ${y}` : `${y} ${x}`))
        .map((k) => `${k} ${graph.get(k)}`)
        .sort()
    expect(await links(A, D, 2)).toEqual(
      inGraph([
        [A, H],
        [H, D],
      ]),
    )
    // C–K leads nowhere near D: left out.
    expect(await links(A, D, 3)).toEqual(
      inGraph([
        [A, B],
        [B, C],
        [C, D],
        [A, E],
        [E, G],
        [G, D],
        [A, H],
        [H, D],
      ]),
    )
    // A's call to B is in both sides' records and counts once.
    expect(graph.get(`${A} ${B}`)).toBe(3)
    expect(await links(A, C, 3, 2)).toEqual(
      inGraph([
        [A, B],
        [B, C],
      ]),
    )
    // C–D has two records (D holds C's SMS too) but one communication: counted by records it might have been a
    // link of two, so B–C was read, but C–D is no link and there is no chain.
    expect(await links(C, D, 3, 2)).toEqual(inGraph([[B, C]]))
    expect(await chains({ numberA: C, numberB: D, minEvents: 2 })).toEqual([])
  })

  it('every link resolves to exactly its source rows', async () => {
    const r = await runAnalysis(contactChains, session.store, { numberA: A, numberB: D }, ctx)
    for (const c of r.result.chains)
      for (const h of c.hopsDetail) {
        let records = 0
        for (const e of h.evidence.records) {
          expect((await resolveEvidence(session.store, e)).length).toBe(e.count)
          records += e.count
        }
        const copies = h.evidence.seenInBoth
        expect(copies === undefined ? 0 : (await resolveEvidence(session.store, copies)).length).toBe(
          h.seenInBoth,
        )
        expect(records - h.seenInBoth).toBe(h.communications)
      }
  })

  it('is deterministic and refuses a chain from a number to itself or a missing end', async () => {
    const one = await runAnalysis(contactChains, session.store, { numberA: A, numberB: D }, ctx)
    const two = await runAnalysis(contactChains, session.store, { numberA: A, numberB: D }, ctx)
    expect(JSON.stringify(two)).toBe(JSON.stringify(one))
    await expect(runAnalysis(contactChains, session.store, { numberA: A, numberB: A }, ctx)).rejects.toThrow(
      /numberB: must differ/,
    )
    await expect(runAnalysis(contactChains, session.store, { numberA: A }, ctx)).rejects.toThrow(
      /contact-chains\.params\.numberB: is required/,
    )
  })
})
