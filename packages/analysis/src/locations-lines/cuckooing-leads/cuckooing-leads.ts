import type { CaseStore } from '@linesight/store'
import type { AnalysisContext } from '../../core/context.js'
import type { AnalysisDefinition } from '../../core/definition.js'
import type { EventEvidence } from '../../core/evidence.js'
import { memoized } from '../../core/memo.js'
import { packRecords } from '../../core/packed.js'
import type { ParamSchema, Params } from '../../core/params.js'
import { pairsEvidence } from '../../continuity/common/evidence.js'
import { groupQueryParams, type LineGroup } from '../../continuity/common/line-groups.js'
import { lineBase } from '../../continuity/common/line-base.js'
import { bool, list, num, pick, text } from '../../continuity/common/params.js'
import {
  latestByNumber,
  personOf,
  subscribersQuery,
  type SubscriberPerson,
} from '../../continuity/common/subscribers.sql.js'
import { groupLines } from '../../continuity/line-continuity/line-continuity.js'
import { computeLineRoles, type LineRoles } from '../../attribution/line-roles/line-roles.js'
import { LINE_ROLES_PARAMS } from '../../attribution/line-roles/line-roles.params.js'
import {
  bucket,
  episodeFacts,
  hitsByLineAndPerson,
  homesOfLines,
  type EpisodeFacts,
  type LeadNight,
} from './cuckooing-hits.js'
import {
  homeCellsQuery,
  nightHitsQuery,
  victimActivityQuery,
  type HomeCellRow,
  type LeadActivityRow,
  type NightHit,
} from './cuckooing-leads.sql.js'

export type { LeadNight } from './cuckooing-hits.js'

export const CUCKOO_CAUTION =
  "Sharing a cell shows that both phones were in that cell's serving area, not in the same building. A lead is a reason to make enquiries (visits, neighbours, housing and safeguarding partners), not a finding that an address was taken over."

/** The cuckooing rule (domain §3.8) and how home cells are found (our design). */
export const CUCKOO_PARAMS: ParamSchema = {
  cuckooMinNights: {
    type: 'integer',
    default: 2,
    min: 1,
    max: 365,
    unit: 'nights',
    description:
      'A lead needs the line or runner phones overnight on the home cells on at least this many nights…',
  },
  cuckooWindowDays: {
    type: 'integer',
    default: 7,
    min: 1,
    max: 365,
    unit: 'days',
    description: '…within this many consecutive nights',
  },
  homeCellSource: {
    type: 'enum',
    default: 'both',
    values: ['both', 'overnight', 'address'],
    description:
      "Home cells from the person's own overnight records, from the cells nearest the subscriber address position, or both",
  },
  homeCellsMax: {
    type: 'integer',
    default: 3,
    min: 1,
    max: 50,
    unit: 'cells',
    description: "Overnight basis: the person's this-many cells of most nights",
  },
  homeMinNights: {
    type: 'integer',
    default: 2,
    min: 1,
    max: 365,
    unit: 'nights',
    description: 'Overnight basis: a home cell was used on at least this many nights',
  },
  addressCellsPerNetwork: {
    type: 'integer',
    default: 1,
    min: 1,
    max: 20,
    unit: 'cells',
    description: 'Address basis: this many listed cells nearest the subscriber address position, per network',
  },
  addressMaxMetres: {
    type: 'number',
    default: 35_000,
    min: 0,
    max: 100_000,
    unit: 'metres',
    description:
      "Address basis: only cells listed within this distance of the address position (35 km, a standard cell's timing-advance limit; where a network's sites are sparse its nearest cell can be kilometres away)",
  },
  addressSectors: {
    type: 'enum',
    default: 'any',
    values: ['any', 'facing'],
    description:
      "Address basis: 'facing' keeps only sectors whose listed azimuth and beamwidth take in the address (or cells with no azimuth, or near the mast); 'any' ignores direction",
  },
  addressNearMastMetres: {
    type: 'number',
    default: 300,
    min: 0,
    max: 5000,
    unit: 'metres',
    description: "Address basis, 'facing': within this distance of the mast any sector may serve the address",
  },
  baselineFrom: {
    type: 'string',
    default: null,
    calendar: 'instant',
    description:
      'Overnight basis: start of the baseline period (ISO 8601 with Z or an offset); all records when unset',
  },
  baselineTo: {
    type: 'string',
    default: null,
    calendar: 'instant',
    description: 'Overnight basis: end of the baseline period (ISO 8601 with Z or an offset)',
  },
  behaviourBaselineDays: {
    type: 'integer',
    default: 14,
    min: 1,
    max: 365,
    unit: 'days',
    description:
      "The person's contacts with the line per day over this many days before a lead, against those during it",
  },
  runners: {
    type: 'string-list',
    phone: 'each',
    default: [],
    description: 'Runner numbers to check besides those line-roles finds (checked against every line)',
  },
  useRoleRunners: {
    type: 'boolean',
    default: true,
    description: 'Also check the runner candidates line-roles finds for each line',
  },
  victims: {
    type: 'string-list',
    phone: 'each',
    default: [],
    description: "Numbers of vulnerable persons whose homes to check besides the lines' customers",
  },
}

export const CUCKOOING_PARAMS: ParamSchema = { ...LINE_ROLES_PARAMS, ...CUCKOO_PARAMS }

export interface HomeCell {
  readonly cell: string
  readonly site: string | null
  readonly basis: 'overnight' | 'address'
  readonly rank: number
  readonly nights: number | null
  readonly metresFromAddress: number | null
  readonly positionSource: string | null
  readonly basisText: string
  readonly evidence: EventEvidence | null
}

export interface CuckooLead {
  readonly line: string
  readonly lineNumbers: readonly string[]
  readonly victim: {
    readonly number: string
    readonly person: SubscriberPerson | null
    readonly homeCells: readonly HomeCell[]
  }
  readonly firstNight: string
  readonly lastNight: string
  readonly nightsCounted: number
  readonly nights: readonly LeadNight[]
  readonly runnerNumbers: readonly string[]
  readonly linePhones: readonly string[]
  /**
   * Ranking measure: nights with both a line phone and a runner phone on the home cells, divided by the number of
   * checked addresses those cells serve (this one and `alsoServes`). Ranks leads for enquiry; not a probability.
   */
  readonly rankScore: number
  readonly strength: {
    readonly phonesPresent: number
    /** Nights on which a line phone and a runner phone were both on the home cells. */
    readonly nightsLineAndRunner: number
    /**
     * Other persons (of those checked for this line) whose home cells include a cell this lead rests on: the same
     * cell serves them too, so the lead is only as specific as this list is short.
     */
    readonly alsoServes: readonly string[]
    readonly linePhonePresent: boolean
    readonly runnerPresent: boolean
    /** Nights the person's own phone was on a home cell too (only when the case holds their records). */
    readonly victimPhoneOnHomeCellNights: number
    readonly victimLineContactsPerDayBefore: number
    readonly victimLineContactsPerDayDuring: number
  }
  readonly evidence: EventEvidence
  readonly caution: string
}

export interface CuckooingLeadsResult {
  readonly leads: readonly CuckooLead[]
  readonly checked: readonly {
    readonly line: string
    readonly phones: readonly string[]
    readonly persons: number
  }[]
  readonly caution: string
}

function homeCell(r: HomeCellRow): HomeCell {
  return {
    cell: r.cgi,
    site: r.site_name,
    basis: r.basis,
    rank: r.rank,
    nights: r.nights,
    metresFromAddress: r.metres,
    positionSource: r.position_source,
    basisText:
      r.basis === 'overnight'
        ? `The person's phone used this cell on ${r.nights} nights in the overnight window (rank ${r.rank})`
        : `Listed ${r.metres} m from the subscriber address position (rank ${r.rank} for its network; ${r.position_source === 'network' ? 'network cell list' : 'public fallback position, not evidential'}); an approximation, not a survey of which cells serve the address`,
    evidence: r.basis === 'overnight' ? pairsEvidence(r.refs) : null,
  }
}

const round2 = (x: number): number => Math.round(x * 100) / 100

/**
 * Cuckooing leads for the given lines; line-roles results may be passed in to avoid finding runners twice. With a
 * memo in `ctx`, cuckooing-leads and the safeguarding worklist share one computation per run (kept under the
 * groups, the runners checked, the cuckooing parameters, the only ones it is given, and the zone).
 */
export async function computeCuckooingLeads(
  store: CaseStore,
  groups: readonly LineGroup[],
  params: Params,
  ctx: AnalysisContext,
  roles?: readonly LineRoles[],
): Promise<CuckooingLeadsResult> {
  if (groups.length === 0) return { leads: [], checked: [], caution: CUCKOO_CAUTION }
  const own = pick(params, CUCKOOING_PARAMS)
  const lineRoles = bool(own, 'useRoleRunners')
    ? (roles ?? (await computeLineRoles(store, groups, own, ctx)))
    : []
  const extraRunners = list(own, 'runners')
  const runnersOf = new Map(
    groups.map((g) => [
      g.key,
      [
        ...new Set([
          ...(lineRoles.find((r) => r.key === g.key)?.runners.map((r) => r.number) ?? []),
          ...extraRunners,
        ]),
      ].sort(),
    ]),
  )
  return memoized(
    ctx,
    'cuckooing-leads',
    { groups, runners: [...runnersOf], params: own, zone: ctx.zone },
    () => findLeads(store, groups, own, ctx, runnersOf),
  )
}

async function findLeads(
  store: CaseStore,
  groups: readonly LineGroup[],
  params: Params,
  ctx: AnalysisContext,
  runnersOf: ReadonlyMap<string, readonly string[]>,
): Promise<CuckooingLeadsResult> {
  const victims = list(params, 'victims')
  const source = text(params, 'homeCellSource')
  const night = {
    zone: ctx.zone,
    nightStartHour: num(params, 'nightStartHour'),
    nightEndHour: num(params, 'nightEndHour'),
  }
  // The persons checked: each line's customer base (shared with line-roles through the memo) and the victims named.
  const base = await lineBase(store, groups, params, ctx)
  const checked = [
    ...base.map((b) => [b.g, b.c] as const),
    ...groups.flatMap((g) => victims.map((v) => [g.key, v] as const)),
  ]
  const personHomes = await store.run(homeCellsQuery, {
    ...groupQueryParams(groups),
    ...night,
    persons: [...new Set(checked.map((c) => c[1]))],
    baselineFrom: text(params, 'baselineFrom'),
    baselineTo: text(params, 'baselineTo'),
    homeCellsMax: num(params, 'homeCellsMax'),
    homeMinNights: num(params, 'homeMinNights'),
    addressCellsPerNetwork: num(params, 'addressCellsPerNetwork'),
    addressMaxMetres: num(params, 'addressMaxMetres'),
    addressSectors: text(params, 'addressSectors'),
    addressNearMastMetres: num(params, 'addressNearMastMetres'),
    useOvernight: source !== 'address',
    useAddress: source !== 'overnight',
    usePublicFallback: bool(params, 'usePublicFallback'),
  })
  const homes = homesOfLines(personHomes, checked, groups)
  const phones = groups.flatMap((g) =>
    [...g.numbers, ...(runnersOf.get(g.key) ?? [])].map((n) => [g.key, n] as const),
  )
  const [overnight] = await store.run(nightHitsQuery, {
    home_cgi: [...new Set(homes.map((h) => h.cgi))],
    phones_n: [...new Set(phones.map((p) => p[1]))],
    ...night,
  })
  const hitsBy = hitsByLineAndPerson(overnight?.hits ?? [], homes, phones)
  const minNights = num(params, 'cuckooMinNights')
  const windowDays = num(params, 'cuckooWindowDays')
  const baselineDays = num(params, 'behaviourBaselineDays')
  const homesByLine = bucket(homes, (h) => h.g)
  // The episodes first (they rest on the hits alone), then the person's activity around all of them in one query,
  // then the leads in the same order.
  const drafts: {
    group: LineGroup
    person: string
    nights: readonly string[]
    lead: (a: LeadActivityRow) => CuckooLead
  }[] = []
  for (const group of groups) {
    const runnerSet = new Set(runnersOf.get(group.key) ?? [])
    const lineNumbers = new Set(group.numbers)
    const mine = hitsBy.get(group.key) ?? new Map<string, readonly NightHit[]>()
    const lineHomes = homesByLine.get(group.key) ?? []
    const homesOf = bucket(lineHomes, (h) => h.person)
    // The persons each cell is a home cell of, sorted: a cell near many addresses serves hundreds of them.
    const personsOn = new Map(
      [...bucket(lineHomes, (h) => h.cgi)].map(([cgi, hs]) => [
        cgi,
        [...new Set(hs.map((h) => h.person))].sort(),
      ]),
    )
    // Persons whose homes share cells share their hits: each distinct list of hits is worked out once.
    const factsOf = new Map<string, readonly EpisodeFacts[]>()
    for (const person of [...mine.keys()].sort()) {
      const personHits = mine.get(person) ?? []
      const hitsKey = personHits.map((h) => h.id).join('\u0000')
      let facts = factsOf.get(hitsKey)
      if (facts === undefined) {
        facts = episodeFacts(personHits, { minNights, windowDays, lineNumbers, runnerSet, personsOn })
        factsOf.set(hitsKey, facts)
      }
      for (const f of facts) {
        const alsoServes = f.servedBy.filter((p) => p !== person)
        drafts.push({
          group,
          person,
          nights: f.nights,
          lead: (activity) => ({
            line: group.key,
            lineNumbers: group.numbers,
            victim: {
              number: person,
              person: personOf(subscribers.get(person)),
              homeCells: (homesOf.get(person) ?? []).map(homeCell),
            },
            firstNight: f.nights[0] as string,
            lastNight: f.nights[f.nights.length - 1] as string,
            nightsCounted: f.nights.length,
            nights: f.leadNights,
            rankScore: Math.round((f.nightsLineAndRunner / (1 + alsoServes.length)) * 1000) / 1000,
            runnerNumbers: f.phonesPresent.filter((p) => runnerSet.has(p)),
            linePhones: f.phonesPresent.filter((p) => lineNumbers.has(p)),
            strength: {
              phonesPresent: f.phonesPresent.length,
              nightsLineAndRunner: f.nightsLineAndRunner,
              alsoServes,
              linePhonePresent: f.phonesPresent.some((p) => lineNumbers.has(p)),
              runnerPresent: f.phonesPresent.some((p) => runnerSet.has(p)),
              victimPhoneOnHomeCellNights: activity.own_nights,
              victimLineContactsPerDayBefore: round2(activity.contacts_before / baselineDays),
              victimLineContactsPerDayDuring: round2(activity.contacts_during / f.spanDays),
            },
            evidence: f.evidence,
            caution: CUCKOO_CAUTION,
          }),
        })
      }
    }
  }
  const leadPersons = new Set(drafts.map((d) => `${d.group.key}\u0000${d.person}`))
  const activity = await store.run(victimActivityQuery, {
    ...groupQueryParams(groups),
    homes: packRecords(
      homes.filter((h) => leadPersons.has(`${h.g}\u0000${h.person}`)).map((h) => [h.g, h.person, h.cgi]),
    ),
    leads: packRecords(
      drafts.map((d, i) => [
        String(i + 1),
        d.group.key,
        d.person,
        d.nights[0] as string,
        d.nights[d.nights.length - 1] as string,
        d.nights,
      ]),
    ),
    baselineDays,
    ...night,
  })
  const victimNumbers = [...new Set([...hitsBy.values()].flatMap((m) => [...m.keys()]))].sort()
  const subscribers = latestByNumber(await store.run(subscribersQuery, { numbers: victimNumbers }))
  const leads: CuckooLead[] = drafts.map((d, i) => {
    const a = activity[i]
    if (a?.lead !== i + 1) throw new Error(`cuckooing-victim-activity: no row for lead ${i + 1}`)
    return d.lead(a)
  })
  leads.sort(
    (a, b) =>
      b.rankScore - a.rankScore ||
      b.nightsCounted - a.nightsCounted ||
      b.strength.phonesPresent - a.strength.phonesPresent ||
      (a.line < b.line ? -1 : a.line > b.line ? 1 : 0) ||
      (a.victim.number < b.victim.number ? -1 : a.victim.number > b.victim.number ? 1 : 0) ||
      (a.firstNight < b.firstNight ? -1 : 1),
  )
  return {
    leads,
    checked: groups.map((g) => ({
      line: g.key,
      phones: [...g.numbers, ...(runnersOf.get(g.key) ?? [])],
      persons: new Set((homesByLine.get(g.key) ?? []).map((h) => h.person)).size,
    })),
    caution: CUCKOO_CAUTION,
  }
}

/** Possible cuckooed addresses: the line's or its runners' phones overnight on the home cells of its customers. */
export const cuckooingLeads: AnalysisDefinition<CuckooingLeadsResult> = {
  id: 'cuckooing-leads',
  version: '2',
  title: 'Cuckooing leads',
  description:
    "Finds nights when a deal line's phone or its runners' phones used, between midnight and 06:00 local time, a cell that serves the home of one of the line's customers (or of another vulnerable person named): the cells that person's own phone used on most nights, or the listed cells nearest the address on the subscriber record. A lead needs such nights on at least two nights within seven (both parameters). Each lead lists the person, address, nights with dates, the phones seen, the rows, and measures that strengthen it (the person's own phone at home on the same nights, the person's contacts with the line before and during). Sharing a cell shows both phones were in that cell's serving area, not in the same building; a lead is for enquiry, not a finding.",
  params: CUCKOOING_PARAMS,
  run: async (store, params, ctx) => {
    const groups = await groupLines(store, params, bool(params, 'groupByContinuity'), ctx)
    return computeCuckooingLeads(store, groups, params, ctx)
  },
}
