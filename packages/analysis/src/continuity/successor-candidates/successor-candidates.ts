import type { AnalysisDefinition } from '../../core/definition.js'
import type { EventEvidence } from '../../core/evidence.js'
import { evidenceCounter, type EvidenceFilter } from '../common/evidence-count.js'
import { flareQueryParams, num, text } from '../common/params.js'
import { CONTINUITY_PARAMS } from '../line-continuity/line-continuity.js'
import { similarity } from '../line-continuity/line-continuity.rules.js'
import { numberSpanQuery, successorQuery } from './successor-candidates.sql.js'

const CONTACT_TYPES = ['voice', 'sms', 'mms'] as const

export interface SuccessorCandidate {
  readonly msisdn: string
  /** The case holds the candidate's own records (else it is seen only in other targets' records). */
  readonly ownRecords: boolean
  readonly firstSeen: string
  readonly lastSeen: string
  readonly firstFlare: string | null
  /** Flares in its own records (0 when its records were not obtained). */
  readonly flares: number
  /** Bursts of its texts reaching several targets within the burst window, as their records show. */
  readonly burstsSeenByTargets: number
  /** Flares in its own records, or bursts seen by targets: it behaves like a deal line. */
  readonly lineLike: boolean
  readonly gapHours: number
  readonly withinMaxGap: boolean
  readonly cA: number
  readonly cB: number
  readonly shared: number
  readonly jaccard: number
  readonly overlap: number
  readonly sharedNumbers: readonly string[]
  readonly sharedIdentifiers: readonly string[]
  /**
   * Within the gap with enough shared customers and overlap, and Jaccard too when its own records are in the case
   * (without them its customers are seen only through targets, so Jaccard understates).
   */
  readonly meetsCustomerRule: boolean
  readonly evidence: {
    readonly activity: EventEvidence
    readonly sharedCustomers: readonly EventEvidence[]
  }
}

export interface SuccessorCandidatesResult {
  readonly number: string
  readonly found: boolean
  readonly firstSeen: string | null
  readonly lastSeen: string | null
  readonly candidates: readonly SuccessorCandidate[]
  readonly note: string
}

/** The contacts between a number and the shared customers in its window, from both record sets. */
function sideFilters(number: string, shared: readonly string[], from: string, to: string): EvidenceFilter[] {
  if (shared.length === 0) return []
  return [
    { targets: [number], others: shared, types: CONTACT_TYPES, from, to },
    { targets: shared, others: [number], types: CONTACT_TYPES, from, to },
  ]
}

const rankKey = (c: SuccessorCandidate): number[] => [
  c.sharedIdentifiers.length > 0 ? 1 : 0,
  c.lineLike && c.meetsCustomerRule ? 1 : 0,
  c.meetsCustomerRule ? 1 : 0,
  c.lineLike ? 1 : 0,
  c.overlap,
  c.jaccard,
  -Math.abs(c.gapHours),
]

function compare(x: SuccessorCandidate, y: SuccessorCandidate): number {
  const a = rankKey(x)
  const b = rankKey(y)
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return (b[i] as number) - (a[i] as number)
  return x.msisdn < y.msisdn ? -1 : x.msisdn > y.msisdn ? 1 : 0
}

/** Numbers anywhere in the case that start as a given number stops and share its customers, best first. */
export const successorCandidates: AnalysisDefinition<SuccessorCandidatesResult> = {
  id: 'successor-candidates',
  version: '1',
  title: 'Successor-line candidates for one number',
  description:
    "Lists numbers that may have taken over from a given deal-line number: any number in the case, including numbers seen only in other targets' records (for example a customer's records), that first appears after the given number did, outlives it, and starts within a set number of days of its last activity (or shares its handset or SIM), and shares customers with it: C_A is the given number's customers in its last days, C_B the candidate's in its first days. Scores are Jaccard and the overlap coefficient; when the candidate's own records are not in the case its customers are seen only through the targets' records, so Jaccard understates and the overlap is the fairer score. A candidate is a lead to check, not a finding.",
  params: {
    number: {
      type: 'string',
      phone: true,
      default: null,
      required: true,
      description: 'The deal-line number (E.164) whose successor is sought',
    },
    ...CONTINUITY_PARAMS,
    visibleMinRecipients: {
      type: 'integer',
      default: 3,
      min: 2,
      max: 100_000,
      unit: 'numbers',
      description:
        "A candidate whose own records are not in the case still looks like a deal line when its texts reach at least this many targets within one burst window, as the targets' records show",
    },
    limit: { type: 'integer', default: 20, min: 1, max: 10_000, description: 'How many candidates to list' },
  },
  run: async (store, params) => {
    const number = text(params, 'number') ?? ''
    const rows = await store.run(successorQuery, {
      numbers: [number],
      ...flareQueryParams(params, 'successor-candidates'),
      windowSeconds: num(params, 'continuityWindowDays') * 86_400,
      gapSeconds: num(params, 'handoverMaxGapDays') * 86_400,
      visibleMinRecipients: num(params, 'visibleMinRecipients'),
    })
    const [self] = await store.run(numberSpanQuery, { number })
    const seenFilter = (r: (typeof rows)[number]): EvidenceFilter => ({
      targets: r.seen_owners,
      others: [r.msisdn],
      types: CONTACT_TYPES,
    })
    const sides = (r: (typeof rows)[number]): EvidenceFilter[] => [
      ...sideFilters(number, r.shared_numbers, r.a_from_utc, r.a_last_utc),
      ...sideFilters(r.msisdn, r.shared_numbers, r.first_utc, r.b_to_utc),
    ]
    // Every evidence count of the result in one query.
    const counted = await evidenceCounter(store, [
      ...rows.filter((r) => !r.has_own).map(seenFilter),
      ...rows.flatMap(sides),
    ])
    const candidates: SuccessorCandidate[] = []
    for (const r of rows) {
      const { jaccard, overlap } = similarity(r.c_a, r.c_b, r.shared)
      const activity = r.has_own
        ? ({ kind: 'events', targets: [r.msisdn], count: r.own_rows } as const)
        : counted(seenFilter(r))
      candidates.push({
        msisdn: r.msisdn,
        ownRecords: r.has_own,
        firstSeen: r.first_utc,
        lastSeen: r.last_utc,
        firstFlare: r.first_flare_utc,
        flares: r.flares,
        burstsSeenByTargets: r.visible_bursts,
        lineLike: r.flares > 0 || r.visible_bursts > 0,
        gapHours: Math.round((r.gap_s / 3600) * 100) / 100,
        withinMaxGap: r.timing_ok,
        cA: r.c_a,
        cB: r.c_b,
        shared: r.shared,
        jaccard,
        overlap,
        sharedNumbers: r.shared_numbers,
        sharedIdentifiers: r.shared_ids,
        meetsCustomerRule:
          r.timing_ok &&
          r.shared >= num(params, 'minSharedCustomers') &&
          (!(r.has_own && r.a_has_own) || jaccard >= num(params, 'minJaccard')) &&
          overlap >= num(params, 'minOverlap'),
        evidence: {
          activity,
          sharedCustomers: sides(r)
            .map(counted)
            .filter((e) => e.count > 0),
        },
      })
    }
    candidates.sort(compare)
    return {
      number,
      found: self !== undefined,
      firstSeen: self?.first_utc ?? null,
      lastSeen: self?.last_utc ?? null,
      candidates: candidates.slice(0, num(params, 'limit')),
      note: 'Candidates are leads for an analyst to check against other evidence (handset downloads, flare text, seizures), not findings.',
    }
  },
}
