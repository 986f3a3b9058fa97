import type { CaseStore } from '@linesight/store'
import type { AnalysisContext } from '../../core/context.js'
import type { AnalysisDefinition } from '../../core/definition.js'
import type { EventEvidence } from '../../core/evidence.js'
import { memoized } from '../../core/memo.js'
import type { ParamSchema, Params } from '../../core/params.js'
import { evidenceCounter, type EvidenceFilter } from '../common/evidence-count.js'
import { idsEvidence, pairsEvidence, windowEvidence } from '../common/evidence.js'
import { readIdentifierUse, type IdentifierUseRow } from '../common/identifiers.js'
import { baseLists, numberBase } from '../common/line-base.js'
import { joinGroups, parseLineItems, type LineGroup } from '../common/line-groups.js'
import { FLARE_PARAMS, LINES_PARAMS, list, num, pick } from '../common/params.js'
import { chains, chooseLinks, scorePair, type ScoredPair } from './line-continuity.rules.js'
import { indexedGraph, queryGraph } from './graph-index.js'
import { continuitySupportQuery, type NodeRow, type SupportRow } from './line-continuity.sql.js'

const CONTACT_TYPES = ['voice', 'sms', 'mms'] as const

/** The parameters of the linking rule (domain §3.6), shared by every analysis that groups numbers into lines. */
export const CONTINUITY_PARAMS: ParamSchema = {
  ...FLARE_PARAMS,
  continuityWindowDays: {
    type: 'number',
    default: 14,
    min: 1,
    max: 365,
    unit: 'days',
    description:
      "C_A is the customers active in A's last this-many days; C_B the customers in B's first this-many days",
  },
  handoverMaxGapDays: {
    type: 'number',
    default: 7,
    min: 0,
    max: 365,
    unit: 'days',
    description: "B's first flare (or first record) must fall within this many days of A's last activity",
  },
  minSharedCustomers: {
    type: 'integer',
    default: 5,
    min: 1,
    max: 100_000,
    unit: 'numbers',
    description: 'A customer link needs at least this many customers in both C_A and C_B',
  },
  minJaccard: {
    type: 'number',
    default: 0.3,
    min: 0,
    max: 1,
    description: 'A customer link needs Jaccard |C_A ∩ C_B| / |C_A ∪ C_B| at least this',
  },
  minOverlap: {
    type: 'number',
    default: 0.5,
    min: 0,
    max: 1,
    description:
      'A customer link needs the overlap coefficient |C_A ∩ C_B| / min(|C_A|, |C_B|) at least this',
  },
}

export const CONTINUITY_SUPPORT_PARAMS: ParamSchema = {
  runnerWindowMinutes: {
    type: 'number',
    default: 60,
    min: 1,
    max: 1440,
    unit: 'minutes',
    description:
      'A call-back counts (for "same runners") when a number contacts the line\'s customer within this many minutes after the customer contacted the line',
  },
}

export interface IdentifierUse {
  readonly kind: 'imei' | 'imsi'
  /** The IMEI's 14-digit core (TAC + serial) or the IMSI. */
  readonly value: string
  /** The text as delivered (15 or 16 digits for IMEIs with check digit or software version). */
  readonly raw: readonly string[]
  readonly firstSeen: string
  readonly lastSeen: string
  readonly records: number
  readonly evidence: EventEvidence
}

export interface Generation {
  readonly msisdn: string
  /** In the `lines` parameter (false: found by this method as a successor of a given number). */
  readonly listed: boolean
  /** The case holds this number's own records; otherwise it is known from other targets' records. */
  readonly ownRecords: boolean
  readonly firstSeen: string
  readonly lastSeen: string
  readonly firstFlare: string | null
  readonly flares: number
  readonly imsis: readonly IdentifierUse[]
  readonly imeis: readonly IdentifierUse[]
  readonly evidence: EventEvidence
}

export interface SupportItem {
  readonly number: string
  readonly evidence: EventEvidence
}

export interface ContinuityLink {
  readonly from: string
  readonly to: string
  /** What joins the two: a shared handset or SIM, and/or customers carried over. */
  readonly basis: readonly ('imei' | 'imsi' | 'customers')[]
  readonly timing: {
    readonly fromLastSeen: string
    readonly toStart: string
    /** Whether the start is B's first flare (else its first record). */
    readonly toStartIsFlare: boolean
    /** B's start less A's last activity, hours (negative: B started before A stopped). */
    readonly gapHours: number
    readonly withinMaxGap: boolean
  }
  readonly customers: {
    readonly cA: number
    readonly cB: number
    readonly shared: number
    readonly jaccard: number
    readonly overlap: number
    readonly sharedNumbers: readonly string[]
    /** The contacts between the two numbers and the shared customers in the two windows. */
    readonly evidence: readonly EventEvidence[]
  }
  readonly sharedIdentifiers: readonly {
    readonly kind: 'imei' | 'imsi'
    readonly value: string
    readonly from: IdentifierUse
    readonly to: IdentifierUse
  }[]
  readonly sharedRunners: readonly SupportItem[]
  readonly sharedHolderContacts: readonly SupportItem[]
}

export interface ContinuityLine {
  /** The line's first number. */
  readonly key: string
  readonly numbers: readonly string[]
  readonly firstSeen: string
  readonly lastSeen: string
  readonly generations: readonly Generation[]
  readonly links: readonly ContinuityLink[]
}

export interface LineContinuityResult {
  readonly lines: readonly ContinuityLine[]
  /** Given numbers with no record in the case, in their own records or anyone else's. */
  readonly notFound: readonly string[]
}

interface Linked {
  readonly nodes: readonly NodeRow[]
  readonly links: readonly ScoredPair[]
  readonly chains: readonly string[][]
}

/**
 * The continuity graph of the given numbers and the links and chains it yields; kept in the run's memo under the
 * set of numbers and the linking rule's parameters (the only parameters it is given).
 */
function link(
  store: CaseStore,
  numbers: readonly string[],
  params: Params,
  ctx?: AnalysisContext,
): Promise<Linked> {
  // The graph query reads the numbers as a set (DISTINCT), so the sorted set is the same input in every order.
  const given = [...new Set(numbers)].sort()
  const rules = pick(params, CONTINUITY_PARAMS)
  return memoized(ctx, 'line-continuity-graph', { numbers: given, params: rules }, () =>
    linkNumbers(store, given, rules, ctx),
  )
}

async function linkNumbers(
  store: CaseStore,
  numbers: readonly string[],
  params: Params,
  ctx: AnalysisContext | undefined,
): Promise<Linked> {
  // The graph kept at import holds every number that flared: read it when it is current and holds the numbers.
  const { nodes, pairs } =
    (await indexedGraph(store, numbers, params, ctx)) ?? (await queryGraph(store, numbers, params))
  const byNumber = new Map(nodes.map((n) => [n.msisdn, n]))
  const rules = {
    minSharedCustomers: num(params, 'minSharedCustomers'),
    minJaccard: num(params, 'minJaccard'),
    minOverlap: num(params, 'minOverlap'),
  }
  const links = chooseLinks(pairs.map((p) => scorePair(p, byNumber.get(p.a), byNumber.get(p.b), rules)))
  return { nodes, links, chains: chains(nodes, links) }
}

/**
 * Groups line numbers into lines for the other line-network analyses: numbers given together stay together,
 * and numbers the continuity method links (including successors found in the case) join them. Numbers in each
 * group are in time order of first activity. With a memo in `ctx`, the analyses of one run group once.
 */
export function groupLines(
  store: CaseStore,
  params: Params,
  byContinuity: boolean,
  ctx?: AnalysisContext,
): Promise<LineGroup[]> {
  const items = parseLineItems(list(params, 'lines'))
  if (!byContinuity) return Promise.resolve(joinGroups(items))
  return memoized(ctx, 'line-groups', { items, params: pick(params, CONTINUITY_PARAMS) }, async () => {
    const linked = await link(store, items.flat(), params, ctx)
    const order = linked.nodes.map((n) => n.msisdn)
    const pairs = linked.chains.flatMap((c) => c.slice(1).map((n, i) => [c[i] as string, n] as const))
    return joinGroups([...items, ...linked.chains], pairs, order)
  })
}

function identifierUse(row: IdentifierUseRow): IdentifierUse {
  return {
    kind: row.kind,
    value: row.value,
    raw: row.raw,
    firstSeen: row.first_utc,
    lastSeen: row.last_utc,
    records: row.records,
    evidence:
      row.ids === null
        ? windowEvidence([row.msisdn], row.first_utc, row.last_utc, row.records)
        : idsEvidence([row.msisdn], row.ids),
  }
}

/** The filter naming a generation's rows seen in other targets' records (a number without its own records). */
const seenFilter = (node: NodeRow): EvidenceFilter => ({
  targets: node.seen_owners,
  others: [node.msisdn],
  types: CONTACT_TYPES,
})

function generationEvidence(node: NodeRow, counted: (f: EvidenceFilter) => EventEvidence): EventEvidence {
  if (node.has_own) return { kind: 'events', targets: [node.msisdn], count: node.own_rows }
  return counted(seenFilter(node))
}

/** The contacts between one side of a link and the shared customers in its window, from both record sets. */
function customerFilters(
  side: NodeRow | undefined,
  shared: readonly string[],
  from: string,
  to: string,
): EvidenceFilter[] {
  if (side === undefined || shared.length === 0) return []
  return [
    { targets: [side.msisdn], others: shared, types: CONTACT_TYPES, from, to },
    { targets: shared, others: [side.msisdn], types: CONTACT_TYPES, from, to },
  ]
}

const customerEvidence = (
  filters: readonly EvidenceFilter[],
  counted: (f: EvidenceFilter) => EventEvidence,
): EventEvidence[] => filters.map(counted).filter((e) => e.count > 0)

const supportItem = (row: SupportRow): SupportItem => ({
  number: row.number,
  evidence: pairsEvidence([...row.a_rows, ...row.b_rows]),
})

/** Numbers in time order of their first activity, grouped into lines with the evidence for every link. */
export const lineContinuity: AnalysisDefinition<LineContinuityResult> = {
  id: 'line-continuity',
  version: '1',
  title: 'Line continuity (successor numbers, handsets and SIMs)',
  description:
    "Groups deal-line numbers into lines over time. Two numbers are linked when the later one's records show the same handset (IMEI, compared on its 14-digit core) or SIM (IMSI) as the earlier one's, or when the later number starts flaring within a set number of days of the earlier one's last activity and its early customers are largely the earlier one's late customers (Jaccard and overlap scores). Each number keeps at most one predecessor and one successor: the best-supported link both ways. Numbers not in the given list are added when they link to it. Shared runners (numbers calling back both numbers' customers) and shared non-customer contacts are listed as support. A link is a lead for an analyst to confirm, not a finding; numbers whose records were not obtained can only be seen through other targets' records.",
  params: { ...LINES_PARAMS, ...CONTINUITY_PARAMS, ...CONTINUITY_SUPPORT_PARAMS },
  run: async (store, params, ctx) => {
    const given = [...new Set(parseLineItems(list(params, 'lines')).flat())]
    const linked = await link(store, given, params, ctx)
    const byNumber = new Map(linked.nodes.map((n) => [n.msisdn, n]))
    const inChains = [...new Set(linked.chains.flat())]
    const uses = inChains.length === 0 ? [] : await readIdentifierUse(store, inChains)
    const usesOf = (n: string, kind: 'imei' | 'imsi'): IdentifierUse[] =>
      uses.filter((u) => u.msisdn === n && u.kind === kind).map(identifierUse)
    const chainLinks = linked.links.filter((l) => inChains.includes(l.pair.a))
    // Each linked number's own customer base (each number its own line), from the case's index when current.
    const linkBases = (
      await numberBase(store, [...new Set(chainLinks.flatMap((l) => [l.pair.a, l.pair.b]))], params, ctx)
    ).map((r) => ({ ...r, g: r.n }))
    const support =
      chainLinks.length === 0
        ? []
        : await store.run(continuitySupportQuery, {
            links_a: chainLinks.map((l) => l.pair.a),
            links_b: chainLinks.map((l) => l.pair.b),
            a_from: chainLinks.map((l) => l.pair.a_from_utc),
            a_to: chainLinks.map((l) => l.pair.a_last_utc),
            b_from: chainLinks.map((l) => l.pair.b_first_utc),
            b_to: chainLinks.map((l) => l.pair.b_to_utc),
            ...baseLists(linkBases),
            callbackSeconds: num(params, 'runnerWindowMinutes') * 60,
          })
    const sideFilters = (p: ScoredPair['pair']): EvidenceFilter[][] => [
      customerFilters(byNumber.get(p.a), p.shared_numbers, p.a_from_utc, p.a_last_utc),
      customerFilters(byNumber.get(p.b), p.shared_numbers, p.b_first_utc, p.b_to_utc),
    ]
    // Every evidence count of the result in one query.
    const counted = await evidenceCounter(store, [
      ...inChains
        .map((n) => byNumber.get(n) as NodeRow)
        .filter((node) => !node.has_own)
        .map(seenFilter),
      ...chainLinks.flatMap((l) => sideFilters(l.pair).flat()),
    ])
    const lines: ContinuityLine[] = []
    for (const chain of linked.chains) {
      const generations: Generation[] = []
      for (const n of chain) {
        const node = byNumber.get(n) as NodeRow
        generations.push({
          msisdn: n,
          listed: node.given,
          ownRecords: node.has_own,
          firstSeen: node.first_utc,
          lastSeen: node.last_utc,
          firstFlare: node.first_flare_utc,
          flares: node.flares,
          imsis: usesOf(n, 'imsi'),
          imeis: usesOf(n, 'imei'),
          evidence: generationEvidence(node, counted),
        })
      }
      const links: ContinuityLink[] = []
      for (const l of chainLinks.filter((x) => chain.includes(x.pair.a))) {
        const p = l.pair
        const shared = p.shared_ids.map((s) => {
          const kind = s.slice(0, 4) as 'imei' | 'imsi'
          const value = s.slice(5)
          const find = (n: string): IdentifierUse =>
            usesOf(n, kind).find((u) => u.value === value) as IdentifierUse
          return { kind, value, from: find(p.a), to: find(p.b) }
        })
        const mine = support.filter((s) => s.a === p.a && s.b === p.b)
        links.push({
          from: p.a,
          to: p.b,
          basis: [
            ...(shared.some((s) => s.kind === 'imei') ? (['imei'] as const) : []),
            ...(shared.some((s) => s.kind === 'imsi') ? (['imsi'] as const) : []),
            ...(l.customerLink ? (['customers'] as const) : []),
          ],
          timing: {
            fromLastSeen: p.a_last_utc,
            toStart: p.b_start_utc,
            toStartIsFlare: p.b_start_is_flare,
            gapHours: Math.round((p.gap_s / 3600) * 100) / 100,
            withinMaxGap: p.timing_ok,
          },
          customers: {
            cA: p.c_a,
            cB: p.c_b,
            shared: p.shared,
            jaccard: l.jaccard,
            overlap: l.overlap,
            sharedNumbers: p.shared_numbers,
            evidence: sideFilters(p).flatMap((f) => customerEvidence(f, counted)),
          },
          sharedIdentifiers: shared,
          sharedRunners: mine.filter((s) => s.kind === 'runner').map(supportItem),
          sharedHolderContacts: mine.filter((s) => s.kind === 'holder-contact').map(supportItem),
        })
      }
      lines.push({
        key: chain[0] as string,
        numbers: chain,
        firstSeen: generations[0]?.firstSeen ?? '',
        lastSeen: generations.reduce((m, g) => (g.lastSeen > m ? g.lastSeen : m), ''),
        generations,
        links,
      })
    }
    return { lines, notFound: given.filter((n) => !byNumber.has(n)).sort() }
  },
}
