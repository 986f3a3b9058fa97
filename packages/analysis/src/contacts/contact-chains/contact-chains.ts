import { ValidationError } from '@linesight/model'
import type { CaseStore } from '@linesight/store'
import type { AnalysisDefinition } from '../../core/definition.js'
import { runPairCounts, type PairRow } from '../shared/communications.sql.js'
import { pairCounts, type PairCounts } from '../shared/pair-evidence.js'
import { MATCH_TOLERANCE_PARAM, WINDOW_PARAMS, requiredText, windowOf } from '../shared/params.js'
import { nearLinksQuery, pairedLinksQuery } from '../shared/pair-summary.sql.js'
import {
  chainEdgesQuery,
  contactChainsQuery,
  shortestChainsQuery,
  type ChainEdgeRow,
  type ChainRow,
} from './contact-chains.sql.js'

export interface ChainHop extends PairCounts {
  /** The link in the chain's direction of reading (not the direction of the calls): from `fromNumber` to `toNumber`. */
  readonly fromNumber: string
  readonly toNumber: string
}

export interface ContactChain {
  readonly numbers: readonly string[]
  readonly hops: number
  /** Communications on the weakest link. */
  readonly weakestLink: number
  readonly hopsDetail: readonly ChainHop[]
}

export interface ContactChainsResult {
  readonly numberA: string
  readonly numberB: string
  readonly maxHops: number
  /** The fewest links between the two numbers, or null when no chain of at most `maxHops` links exists. */
  readonly shortest: number | null
  /**
   * Chains are looked for length by length from the shortest, and longer ones are not searched once `limit` chains
   * are listed: the longest length searched (null when there is no chain), and whether that reached `maxHops`.
   */
  readonly searchedUpTo: number | null
  readonly complete: boolean
  /** Chains found in the lengths searched; `chains` lists the first `limit` of them. */
  readonly found: number
  readonly chains: readonly ContactChain[]
  readonly matchToleranceSeconds: number
}

/**
 * `chainEdgesQuery`'s links over the whole case: walked on the import's per-pair record counts, then the copies
 * paired on the few links whose two sides' records both hold the other.
 */
export async function wholeCaseLinks(
  store: CaseStore,
  p: { start: string; end: string; minEvents: number; tol: number; within: number },
): Promise<readonly ChainEdgeRow[]> {
  const near = await store.run(nearLinksQuery, p)
  const numbers = [...new Set(near.filter((l) => l.both_sides).flatMap((l) => [l.a, l.b]))].sort()
  const paired = await store.run(pairedLinksQuery, {
    as: near.map((l) => l.a),
    bs: near.map((l) => l.b),
    ns: near.map((l) => String(l.n)),
    numbers,
    tol: p.tol,
    minEvents: p.minEvents,
  })
  return paired.map((l) => ({ a: l.a, b: l.b, n: l.communications }))
}

/** Chains of contacts linking two numbers through the case's contact graph, shortest first. */
export const contactChains: AnalysisDefinition<ContactChainsResult> = {
  id: 'contact-chains',
  version: '1',
  title: 'Contact chains',
  description:
    "Finds chains of contacts linking two numbers: A was in contact with X, X with Y, Y with B, up to the chosen number of links, with no number twice in a chain. Two numbers are linked when the case's records hold at least the chosen number of voice calls, SMS or MMS between them, whichever way and from either party's records (a communication held in both parties' records counts once). Chains are listed shortest first, then by the strength of their weakest link, each link with its counts and source records; once the list is full, longer chains are not looked for (the result says so). A chain shows that records connect the numbers through others; it does not show that any message was passed along it, that the people at either end know each other, or anything about the order of the contacts in time. Only records obtained are seen: a number whose records were not obtained links to others only through their records, so a missing chain is not proof that no link exists.",
  params: {
    numberA: {
      type: 'string',
      phone: true,
      default: null,
      required: true,
      description: 'The number (E.164) at the start of the chains',
    },
    numberB: {
      type: 'string',
      phone: true,
      default: null,
      required: true,
      description: 'The number (E.164) at the end of the chains',
    },
    maxHops: {
      type: 'integer',
      default: 3,
      min: 1,
      max: 6,
      unit: 'links',
      description: 'The longest chain looked for, in links (1: direct contact only)',
    },
    minEvents: {
      type: 'integer',
      default: 1,
      min: 1,
      unit: 'communications',
      description: 'Communications two numbers need between them to count as a link',
    },
    limit: { type: 'integer', default: 20, min: 1, max: 10_000, description: 'How many chains to list' },
    matchToleranceSeconds: MATCH_TOLERANCE_PARAM,
    ...WINDOW_PARAMS,
  },
  run: async (store, params) => {
    const numberA = requiredText(params, 'numberA', 'contact-chains.params')
    const numberB = requiredText(params, 'numberB', 'contact-chains.params')
    if (numberA === numberB)
      throw new ValidationError('contact-chains.params.numberB', 'must differ from numberA')
    const window = windowOf(params)
    const tol = params['matchToleranceSeconds'] as number
    const maxHops = params['maxHops'] as number
    // The links a chain of at most maxHops can use, read once and handed to every length's query.
    const links = {
      start: numberA,
      end: numberB,
      minEvents: params['minEvents'] as number,
      tol,
      within: maxHops,
    }
    // Over the whole case the import's per-pair counts stand in for the events scan; a window needs the events.
    const edges =
      window.from === null && window.to === null
        ? await wholeCaseLinks(store, links)
        : await store.run(chainEdgesQuery, { ...links, ...window })
    const graph = {
      start: numberA,
      end: numberB,
      as: edges.map((e) => e.a),
      bs: edges.map((e) => e.b),
      ns: edges.map((e) => String(e.n)),
    }
    const limit = params['limit'] as number
    const [first] = await store.run(shortestChainsQuery, { ...graph, within: maxHops, limit })
    const shortest = first?.hops ?? null
    // Length by length, shortest first, until the list is full: longer chains would not be listed anyway.
    const rows: (ChainRow & { hops: number })[] = []
    let found = 0
    let searched: number | null = null
    if (first !== undefined && shortest !== null) {
      rows.push(...first.chains.map((r) => ({ ...r, hops: shortest })))
      found += first.found
      searched = shortest
    }
    for (let hops = (shortest ?? maxHops) + 1; hops <= maxHops && rows.length < limit; hops++) {
      const level = await store.run(contactChainsQuery, {
        ...graph,
        within: hops,
        limit: limit - rows.length,
      })
      rows.push(...level.map((r) => ({ ...r, hops })))
      found += level[0]?.found ?? 0
      searched = hops
    }
    const lefts = rows.flatMap((r) => r.path.slice(0, -1))
    const rights = rows.flatMap((r) => r.path.slice(1))
    const pairs = new Map<string, PairRow>()
    for (const p of await runPairCounts(store, { lefts, rights, ...window, tol }))
      pairs.set(`${p.a} ${p.b}`, p)
    const hop = (x: string, y: string): ChainHop => {
      const p = pairs.get(x < y ? `${x} ${y}` : `${y} ${x}`)
      if (p === undefined) throw new Error(`contact-chains: no pair counts for ${x} and ${y}`)
      return { fromNumber: x, toNumber: y, ...pairCounts(p, window) }
    }
    return {
      numberA,
      numberB,
      maxHops,
      shortest,
      searchedUpTo: searched,
      complete: shortest === null || searched === maxHops,
      found,
      chains: rows.map((r) => ({
        numbers: r.path,
        hops: r.hops,
        weakestLink: r.weakest,
        hopsDetail: r.path.slice(1).map((y, i) => hop(r.path[i]!, y)),
      })),
      matchToleranceSeconds: tol,
    }
  },
}
