import type { AnalysisDefinition } from '../../core/definition.js'
import type { EventEvidence } from '../../core/evidence.js'
import type { ParamSchema } from '../../core/params.js'
import { ageOn, birthdayAt } from '../../continuity/common/civil.js'
import {
  idsEvidence,
  pairsEvidence,
  windowEvidence,
  type SubscriberRef,
} from '../../continuity/common/evidence.js'
import { readIdentifierUse } from '../../continuity/common/identifiers.js'
import { bool, num } from '../../continuity/common/params.js'
import {
  latestByNumber,
  personOf,
  subscribersQuery,
  type SubscriberPerson,
} from '../../continuity/common/subscribers.sql.js'
import { groupLines } from '../../continuity/line-continuity/line-continuity.js'
import { computeLineRoles } from '../../attribution/line-roles/line-roles.js'
import {
  CUCKOOING_PARAMS,
  computeCuckooingLeads,
} from '../../locations-lines/cuckooing-leads/cuckooing-leads.js'
import { movementQuery } from './safeguarding-worklist.sql.js'

export const SAFEGUARDING_LABEL = 'Leads for human review'

/** Indicator thresholds (domain §3.9; our design). */
export const SAFEGUARDING_PARAMS: ParamSchema = {
  adultAge: {
    type: 'integer',
    default: 18,
    min: 1,
    max: 120,
    unit: 'years',
    description:
      'A person younger than this on any day of their activity, by the date of birth on a subscriber record, is a child',
  },
  tripMinHours: {
    type: 'number',
    default: 12,
    min: 0,
    max: 10_000,
    unit: 'hours',
    description: 'A long trip lasts at least this long away from the home cell (first to last event away)',
  },
  overnightAwayMinKm: {
    type: 'number',
    default: 10,
    min: 0,
    max: 2000,
    unit: 'km',
    description:
      'An overnight stay away: every overnight event that night on cells at least this far from the home cell',
  },
}

export interface Indicator {
  readonly id: 'under-18' | 'long-trips' | 'overnight-away' | 'multiple-phones-or-sims' | 'cuckooing-lead'
  readonly text: string
  readonly evidence: readonly EventEvidence[]
  readonly records: readonly SubscriberRef[]
}

export interface WorklistEntry {
  readonly numbers: readonly string[]
  readonly persons: readonly SubscriberPerson[]
  readonly roles: readonly {
    readonly role: 'runner' | 'cuckooing-lead-person'
    readonly line: string
    readonly number: string
    readonly from: string
    readonly to: string
  }[]
  readonly indicators: readonly Indicator[]
  readonly indicatorCount: number
  /** Left empty for the reviewer: who decided, the decision (refer / not refer / more work), when and why. */
  readonly reviewer: null
  readonly decision: null
  readonly decisionDate: null
  readonly reason: null
}

export interface SafeguardingWorklistResult {
  readonly label: typeof SAFEGUARDING_LABEL
  readonly entries: readonly WorklistEntry[]
  readonly note: string
}

const NOTE =
  "Leads for human review, sorted by the number of indicators: not a verdict, not a referral and not a score of risk. Age comes only from dates of birth on subscriber records, never from behaviour. School absence, money, weapons, care history, disability, mental health and other facts are held by people, not computed here. Cell evidence shows phones in cells' serving areas, not at places."

interface Subject {
  readonly number: string
  readonly role: 'runner' | 'cuckooing-lead-person'
  readonly line: string
  readonly from: string
  readonly to: string
  readonly evidence: EventEvidence | null
}

/** Children and vulnerable adults among runners and cuckooing-lead persons, with indicators and their rows. */
export const safeguardingWorklist: AnalysisDefinition<SafeguardingWorklistResult> = {
  id: 'safeguarding-worklist',
  version: '1',
  title: 'Safeguarding worklist (NRM leads for human review)',
  description:
    'Lists the runner candidates and the persons at cuckooing leads of the given lines, grouped by the person a subscriber record names (same name and date of birth), with indicators each backed by rows: under 18 on a day of their activity by the date of birth on a subscriber record (never inferred from behaviour); long trips far from the home cell; overnight stays away from it; more than one handset, SIM or number; presence at a cuckooing lead. Sorted by the number of indicators. It is a worklist for people to review and decide on; Linesight makes no referral and shows no verdict.',
  params: { ...CUCKOOING_PARAMS, ...SAFEGUARDING_PARAMS },
  run: async (store, params, ctx) => {
    const groups = await groupLines(store, params, bool(params, 'groupByContinuity'), ctx)
    const roles = await computeLineRoles(store, groups, params, ctx)
    const cuckoo = await computeCuckooingLeads(store, groups, params, ctx, roles)
    const subjects: Subject[] = []
    for (const line of roles)
      for (const r of line.runners)
        if (r.period !== null)
          subjects.push({
            number: r.number,
            role: 'runner',
            line: line.key,
            from: r.period.from,
            to: r.period.to,
            evidence: null,
          })
    for (const lead of cuckoo.leads)
      subjects.push({
        number: lead.victim.number,
        role: 'cuckooing-lead-person',
        line: lead.line,
        from: lead.firstNight,
        to: lead.lastNight,
        evidence: lead.evidence,
      })
    const numbers = [...new Set(subjects.map((s) => s.number))].sort()
    if (numbers.length === 0) return { label: SAFEGUARDING_LABEL, entries: [], note: NOTE }
    const subscribers = latestByNumber(await store.run(subscribersQuery, { numbers }))
    const movement = await store.run(movementQuery, {
      numbers,
      zone: ctx.zone,
      nightStartHour: num(params, 'nightStartHour'),
      nightEndHour: num(params, 'nightEndHour'),
      usePublicFallback: bool(params, 'usePublicFallback'),
      tripMinKm: num(params, 'tripMinKm'),
      tripMinHours: num(params, 'tripMinHours'),
      overnightAwayMinKm: num(params, 'overnightAwayMinKm'),
    })
    const trips = movement.flatMap((m) => (m.kind === 'trip' ? [m.trip] : []))
    const away = movement.flatMap((m) => (m.kind === 'away' ? [m.away] : []))
    const identifiers = await readIdentifierUse(store, numbers)
    // One entry per person a subscriber record names (name and date of birth), else per number.
    const personKey = (n: string): string => {
      const s = subscribers.get(n)
      return s !== undefined && (s.name ?? '') !== '' && s.date_of_birth !== null
        ? `${s.name}|${s.date_of_birth}`
        : n
    }
    const byPerson = new Map<string, Subject[]>()
    for (const s of subjects) {
      const b = byPerson.get(personKey(s.number))
      if (b) b.push(s)
      else byPerson.set(personKey(s.number), [s])
    }
    // The leads each number is at (as the person or as a runner), by position, so a person's leads come in lead
    // order without testing every lead for every person.
    const leadsAt = new Map<string, number[]>()
    cuckoo.leads.forEach((l, i) => {
      for (const n of new Set([l.victim.number, ...l.runnerNumbers])) {
        const at = leadsAt.get(n)
        if (at) at.push(i)
        else leadsAt.set(n, [i])
      }
    })
    // Rows per person in one pass, in query order, instead of a filter per person; a number has one person.
    const subjectNumbers = new Set(numbers)
    const perPerson = <T>(rows: readonly T[], x: (row: T) => string | null): Map<string, T[]> => {
      const out = new Map<string, T[]>()
      for (const row of rows) {
        const n = x(row)
        if (n === null || !subjectNumbers.has(n)) continue
        const key = personKey(n)
        const b = out.get(key)
        if (b) b.push(row)
        else out.set(key, [row])
      }
      return out
    }
    const tripsBy = perPerson(trips, (t) => t.x)
    const awayBy = perPerson(away, (a) => a.x)
    const identifiersBy = perPerson(identifiers, (u) => u.msisdn)
    const adultAge = num(params, 'adultAge')
    const entries: WorklistEntry[] = []
    for (const [key, mine] of byPerson) {
      const nums = [...new Set(mine.map((s) => s.number))].sort()
      const persons = nums
        .map((n) => personOf(subscribers.get(n)))
        .filter((p): p is SubscriberPerson => p !== null)
      const indicators: Indicator[] = []
      const from = mine.reduce((m, s) => (s.from < m ? s.from : m), mine[0]!.from)
      const to = mine.reduce((m, s) => (s.to > m ? s.to : m), mine[0]!.to)
      const dated = persons.find((p) => p.dateOfBirth !== null)
      if (dated?.dateOfBirth !== undefined && dated.dateOfBirth !== null) {
        const dob = dated.dateOfBirth
        const adultFrom = birthdayAt(dob, adultAge)
        if (from < adultFrom) {
          const age = ageOn(dob, from)
          indicators.push({
            id: 'under-18',
            text: `Aged ${age} on ${from}, the first day of activity (date of birth ${dob} on the subscriber record); ${adultFrom <= to ? `reaches ${adultAge} on ${adultFrom}, during the activity` : `still under ${adultAge} on ${to}, the last day of activity`}`,
            evidence: mine.flatMap((s) => (s.evidence === null ? [] : [s.evidence])),
            records: persons.filter((p) => p.dateOfBirth === dob).map((p) => p.record),
          })
        }
      }
      const myTrips = tripsBy.get(key) ?? []
      if (myTrips.length > 0)
        indicators.push({
          id: 'long-trips',
          text: `${myTrips.length} trip(s) of at least ${num(params, 'tripMinHours')} h on cells at least ${num(params, 'tripMinKm')} km from the home cell: ${myTrips.map((t) => `${t.start_utc} to ${t.end_utc} (${t.hours} h, up to ${t.max_km} km)`).join('; ')}`,
          evidence: myTrips.map((t) => windowEvidence([t.x], t.start_utc, t.end_utc, t.rows)),
          records: [],
        })
      const myAway = awayBy.get(key) ?? []
      if (myAway.length > 0)
        indicators.push({
          id: 'overnight-away',
          text: `${myAway.length} night(s) with every overnight event on cells at least ${num(params, 'overnightAwayMinKm')} km from the home cell (${myAway.map((a) => a.night).join(', ')})`,
          evidence: [pairsEvidence(myAway.flatMap((a) => a.refs))],
          records: [],
        })
      const ids = identifiersBy.get(key) ?? []
      const imeis = new Set(ids.filter((u) => u.kind === 'imei').map((u) => u.value))
      const imsis = new Set(ids.filter((u) => u.kind === 'imsi').map((u) => u.value))
      if (imeis.size > 1 || imsis.size > 1 || nums.length > 1)
        indicators.push({
          id: 'multiple-phones-or-sims',
          text: `${nums.length} number(s), ${imsis.size} SIM(s) (IMSI) and ${imeis.size} handset(s) (IMEI) in the records${nums.length > 1 ? '; the numbers are joined by the same name and date of birth on subscriber records' : ''}`,
          evidence: ids.map((u) =>
            u.ids === null
              ? windowEvidence([u.msisdn], u.first_utc, u.last_utc, u.records)
              : idsEvidence([u.msisdn], u.ids),
          ),
          records: nums.length > 1 ? persons.map((p) => p.record) : [],
        })
      const leads = [...new Set(nums.flatMap((n) => leadsAt.get(n) ?? []))]
        .sort((a, b) => a - b)
        .map((i) => cuckoo.leads[i]!)
      if (leads.length > 0)
        indicators.push({
          id: 'cuckooing-lead',
          text: leads
            .map((l) =>
              nums.includes(l.victim.number)
                ? `Cuckooing lead for line ${l.line}: its phones used the cells serving the home of ${l.victim.number} overnight (${l.nightsCounted} nights, ${l.firstNight} to ${l.lastNight}; a serving area, not a position)`
                : `Runner's phone used the cells serving the home of ${l.victim.number} overnight, a cuckooing lead for line ${l.line} (${l.nightsCounted} nights, ${l.firstNight} to ${l.lastNight}; a serving area, not a position)`,
            )
            .join('; '),
          evidence: leads.map((l) => l.evidence),
          records: [],
        })
      entries.push({
        numbers: nums,
        persons,
        roles: mine
          .map((s) => ({ role: s.role, line: s.line, number: s.number, from: s.from, to: s.to }))
          .sort((a, b) =>
            `${a.role}|${a.line}|${a.number}|${a.from}` < `${b.role}|${b.line}|${b.number}|${b.from}`
              ? -1
              : 1,
          ),
        indicators,
        indicatorCount: indicators.length,
        reviewer: null,
        decision: null,
        decisionDate: null,
        reason: null,
      })
    }
    entries.sort(
      (a, b) =>
        b.indicatorCount - a.indicatorCount ||
        Number(b.indicators.some((i) => i.id === 'under-18')) -
          Number(a.indicators.some((i) => i.id === 'under-18')) ||
        ((a.numbers[0] ?? '') < (b.numbers[0] ?? '') ? -1 : 1),
    )
    return { label: SAFEGUARDING_LABEL, entries, note: NOTE }
  },
}
