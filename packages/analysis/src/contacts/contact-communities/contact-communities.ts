import type { AnalysisDefinition } from '../../core/definition.js'
import type { EventEvidence } from '../../core/evidence.js'
import { CONTACT_TYPES, FEW_NUMBERS, contactEdgesQuery, runPairCounts } from '../shared/communications.sql.js'
import { pairCounts, windowFields, type PairCounts } from '../shared/pair-evidence.js'
import { wholeCaseContactEdges } from '../shared/pair-summary.sql.js'
import { MATCH_TOLERANCE_PARAM, WINDOW_PARAMS, windowOf } from '../shared/params.js'
import {
  communityRecordsOfFewQuery,
  communityRecordsQuery,
  recordOwnersQuery,
} from './contact-communities.sql.js'
import {
  componentCount,
  describeGroup,
  groupCommunities,
  indexGraph,
  labelPropagation,
  weigh,
  type Weighting,
} from './contact-communities.rules.js'

export interface CommunityMember {
  readonly number: string
  /** Whether the case holds the member's own records (if not, it is seen only through others' records). */
  readonly hasOwnRecords: boolean
  /** Links to other members, and the communications on them. */
  readonly ties: number
  readonly communications: number
}

export interface Community {
  /** The smallest member number: a stable name for the group. */
  readonly id: string
  readonly size: number
  readonly members: readonly CommunityMember[]
  /** The links inside the group (pairs with at least `minEvents` communications), with counts and evidence. */
  readonly ties: readonly PairCounts[]
  /** Given numbers that are in this group. */
  readonly givenNumbers: readonly string[]
  /** All contact records between members (any number of them per pair), from the members' own records. */
  readonly internalRecords: number
  readonly evidence: EventEvidence
}

export interface ContactCommunitiesResult {
  readonly graph: {
    readonly numbers: number
    readonly links: number
    readonly components: number
    readonly communities: number
    readonly rounds: number
    readonly converged: boolean
  }
  readonly communities: readonly Community[]
  /** Given numbers with no link of at least `minEvents` communications in the case. */
  readonly notInGraph: readonly string[]
  readonly minEvents: number
  readonly weighting: Weighting
  readonly matchToleranceSeconds: number
}

/** Groups of numbers more in contact with each other than with others, by deterministic label propagation. */
export const contactCommunities: AnalysisDefinition<ContactCommunitiesResult> = {
  id: 'contact-communities',
  version: '1',
  title: 'Contact communities',
  description:
    "Splits the case's contact graph into groups of numbers that are in contact more with each other than with the rest. Two numbers are linked when the records hold at least the chosen number of voice calls, SMS or MMS between them (a communication held in both parties' records counts once). Each number starts in a group of its own; in repeated rounds, taking the numbers in order, each joins the group its links weigh most towards (a link weighs log2(1 + communications) by default, so one very busy pair does not outweigh many steady ones), ties going to the group it is in, then to the group with the smallest number. The same records always give the same groups. A group is a pattern in the records, not proof of an organisation, of who used the phones, or of any purpose; numbers whose records were not obtained are seen only through others' records, and the method is not unique: other reasonable methods can draw the boundaries differently, so groups are leads to examine, with their links and source records.",
  params: {
    minEvents: {
      type: 'integer',
      default: 3,
      min: 1,
      unit: 'communications',
      description: 'Communications two numbers need between them to count as a link',
    },
    weighting: {
      type: 'enum',
      default: 'log',
      values: ['log', 'count', 'equal'],
      description:
        "What a link weighs when numbers choose a group: 'log' = log2(1 + communications), 'count' = communications, 'equal' = 1",
    },
    numbers: {
      type: 'string-list',
      phone: 'each',
      default: [],
      description: 'List only the groups holding these numbers (E.164); all groups when empty',
    },
    minSize: {
      type: 'integer',
      default: 3,
      min: 1,
      unit: 'numbers',
      description: 'Smallest group listed (groups holding a given number are always listed)',
    },
    limit: { type: 'integer', default: 50, min: 1, max: 10_000, description: 'How many groups to list' },
    maxRounds: {
      type: 'integer',
      default: 100,
      min: 1,
      max: 10_000,
      unit: 'rounds',
      description: 'Most rounds of label propagation before stopping (the result says whether it settled)',
    },
    matchToleranceSeconds: MATCH_TOLERANCE_PARAM,
    ...WINDOW_PARAMS,
  },
  run: async (store, params) => {
    const window = windowOf(params)
    const tol = params['matchToleranceSeconds'] as number
    const minEvents = params['minEvents'] as number
    const weighting = params['weighting'] as Weighting
    // Over the whole case the import's per-pair counts stand in for the events scan; a window needs the events.
    const edges =
      window.from === null && window.to === null
        ? await wholeCaseContactEdges(store, { tol, minEvents })
        : await store.run(contactEdgesQuery, { ...window, tol, minEvents })
    const weighted = edges.map((e) => ({ a: e.a, b: e.b, weight: weigh(e.communications, weighting) }))
    const graph = indexGraph(weighted)
    const components = componentCount(graph)
    const lp = labelPropagation(graph, params['maxRounds'] as number)
    const given = new Set((params['numbers'] as readonly string[] | null) ?? [])
    const groups = groupCommunities(edges, lp.labels)
    const listed = groups
      .filter((g) =>
        given.size === 0
          ? g.members.length >= (params['minSize'] as number)
          : g.members.some((m) => given.has(m)),
      )
      .slice(0, params['limit'] as number)
      .map((g) => ({ ...g, ...describeGroup(g) }))

    const owners = new Set((await store.run(recordOwnersQuery, {})).map((o) => o.number))
    const ties = listed.flatMap((g) => g.ties)
    const pairRows = await runPairCounts(store, {
      lefts: ties.map((t) => t.a),
      rights: ties.map((t) => t.b),
      ...window,
      tol,
    })
    const pairs = new Map(pairRows.map((p) => [`${p.a} ${p.b}`, p]))
    const internal = new Map(
      (
        await store.run(
          listed.reduce((n, g) => n + g.members.length, 0) <= FEW_NUMBERS
            ? communityRecordsOfFewQuery
            : communityRecordsQuery,
          {
            labels: listed.flatMap((g) => g.members.map(() => g.id)),
            members: listed.flatMap((g) => g.members),
            ...window,
          },
        )
      ).map((r) => [r.label, r.records]),
    )
    return {
      graph: {
        numbers: lp.labels.size,
        links: edges.length,
        components,
        communities: groups.length,
        rounds: lp.rounds,
        converged: lp.converged,
      },
      communities: listed.map((g) => {
        const members = g.members
        const records = internal.get(g.id) ?? 0
        return {
          id: g.id,
          size: g.members.length,
          members: g.memberStats.map((m) => ({ ...m, hasOwnRecords: owners.has(m.number) })),
          ties: g.ties.map((t) => {
            const p = pairs.get(`${t.a} ${t.b}`)
            if (p === undefined) throw new Error(`contact-communities: no pair counts for ${t.a} and ${t.b}`)
            return pairCounts(p, window)
          }),
          givenNumbers: members.filter((m) => given.has(m)),
          internalRecords: records,
          evidence: {
            kind: 'events' as const,
            targets: members,
            others: members,
            types: CONTACT_TYPES,
            ...windowFields(window),
            count: records,
          },
        }
      }),
      notInGraph: [...given].filter((n) => !lp.labels.has(n)).sort(),
      minEvents,
      weighting,
      matchToleranceSeconds: tol,
    }
  },
}
