import type { CaseStore } from '@linesight/store'
import type { AnalysisContext } from '../../core/context.js'
import type { AnalysisDefinition } from '../../core/definition.js'
import type { EventEvidence } from '../../core/evidence.js'
import { memoized } from '../../core/memo.js'
import type { Params } from '../../core/params.js'
import { idsEvidence, pairsEvidence } from '../../continuity/common/evidence.js'
import { groupQueryParams, type LineGroup } from '../../continuity/common/line-groups.js'
import { baseLists, lineBase } from '../../continuity/common/line-base.js'
import { bool, num, pick } from '../../continuity/common/params.js'
import {
  latestByNumber,
  personOf,
  subscribersQuery,
  type SubscriberPerson,
} from '../../continuity/common/subscribers.sql.js'
import { groupLines } from '../../continuity/line-continuity/line-continuity.js'
import { LINE_ROLES_PARAMS } from './line-roles.params.js'
import { score, share, signal, unionDays, type Confidence, type Signal } from './line-roles.rules.js'
import {
  lineSideQuery,
  splitLineSide,
  type AfterCustomerRow,
  type LineContactRow,
} from './line-roles.line-side.sql.js'
import {
  colocationQuery,
  focusContactsQuery,
  newHandsetsQuery,
  placesQuery,
  townLists,
  townQuery,
  type ColocationRow,
  type PlaceRow,
} from './line-roles.sql.js'

/** An attribution assertion (domain §3.7): a person for a number over a period, on stated evidence, for review. */
export interface Attribution {
  readonly status: 'proposed'
  readonly person: SubscriberPerson
  readonly identifier: string
  readonly period: { readonly from: string; readonly to: string }
  readonly basis: string
  readonly analyst: null
}

export interface RoleCandidate {
  readonly number: string
  readonly role: 'runner' | 'holder'
  readonly score: number
  readonly confidence: Confidence
  readonly signals: readonly Signal[]
  /** First and last contact linking the number to the line (its role period). */
  readonly period: { readonly from: string; readonly to: string } | null
  readonly home: {
    readonly cell: string
    readonly site: string | null
    readonly nights: number
    readonly nightsObserved: number
    readonly kmFromTown: number | null
    readonly positionSource: 'network' | 'public-fallback'
    readonly evidence: EventEvidence
  } | null
  readonly person: SubscriberPerson | null
  readonly attribution: Attribution | null
}

export interface CustomerEntry {
  readonly number: string
  readonly firstFlared: string
  readonly flaresReceived: number
  readonly contactsInitiated: number
  readonly activeDays: number
  readonly lastContact: string | null
  readonly person: SubscriberPerson | null
  /** Every row between the line's numbers and this customer in the line numbers' own records. */
  readonly evidence: EventEvidence
}

export interface Associate {
  readonly number: string
  readonly contacts: number
  readonly days: number
  readonly firstContact: string
  readonly lastContact: string
  readonly person: SubscriberPerson | null
  readonly evidence: EventEvidence
}

export interface LineRoles {
  readonly key: string
  readonly numbers: readonly string[]
  /** The median position of the line numbers' cells (null when none has a listed position). */
  readonly town: {
    readonly lat: number
    readonly lon: number
    readonly positionSource: 'network' | 'mixed'
    /** Events with a cell position it rests on. */
    readonly events: number
  } | null
  readonly runners: readonly RoleCandidate[]
  readonly holders: readonly RoleCandidate[]
  readonly customers: readonly CustomerEntry[]
  readonly associates: readonly Associate[]
}

export interface LineRolesResult {
  readonly lines: readonly LineRoles[]
  readonly note: string
}

const ROLE_NOTE =
  'Role candidates and attributions are leads with status "proposed" for an analyst to review; scores rank leads and are not verdicts. Sharing a cell shows that two phones were in its serving area, not together.'

const byKey = <T extends { g: string; x: string }>(rows: readonly T[]): Map<string, T> =>
  new Map(rows.map((r) => [`${r.g}\u0000${r.x}`, r]))
const k = (g: string, x: string): string => `${g}\u0000${x}`

function placesOf(p: PlaceRow | undefined): RoleCandidate['home'] {
  if (p === undefined || p.home_cgi === null) return null
  return {
    cell: p.home_cgi,
    site: p.home_site,
    nights: p.home_nights,
    nightsObserved: p.nights_observed,
    kmFromTown: p.home_km,
    positionSource: p.home_fallback === true ? 'public-fallback' : 'network',
    evidence: idsEvidence([p.x], p.home_refs),
  }
}

const townEvidence = (x: string, p: PlaceRow | undefined): EventEvidence[] =>
  p === undefined || p.town_cells.length === 0
    ? []
    : [{ kind: 'events', targets: [x], cells: p.town_cells, count: p.town_rows }]

const homeEvidence = (p: PlaceRow | undefined): EventEvidence[] => {
  const home = placesOf(p)
  return home === null ? [] : [home.evidence]
}

const colocEvidence = (c: ColocationRow | undefined): EventEvidence[] =>
  c === undefined ? [] : [pairsEvidence(c.refs)]

function runnerSignals(
  params: Params,
  a: AfterCustomerRow,
  coloc: ColocationRow | undefined,
  place: PlaceRow | undefined,
  taskingDays: readonly string[],
  taskingRefs: readonly string[],
): Signal[] {
  const minDays = num(params, 'runnerMinDays')
  const cbShare = share(a.callbacks, a.to_customers)
  const callbackOk = a.callback_days >= minDays && cbShare >= num(params, 'runnerMinShare')
  const lineOk = a.line_after_days >= minDays
  const far =
    place?.home_km !== null && place?.home_km !== undefined && place.home_km >= num(params, 'tripMinKm')
  return [
    signal({
      id: 'after-customer',
      text: `Contacted the line's customers within ${num(params, 'runnerWindowMinutes')} min after they contacted the line on ${a.callback_days} days (${a.callbacks} of its ${a.to_customers} contacts to customers, share ${cbShare}); contacted by the line within that window after a customer contact on ${a.line_after_days} days`,
      value: Math.max(callbackOk ? a.callback_days : 0, lineOk ? a.line_after_days : 0),
      threshold: minDays,
      weight: num(params, 'runnerWeightAfterCustomer'),
      fired: callbackOk || lineOk,
      required: true,
      evidence: [
        ...(a.callback_refs.length > 0 ? [pairsEvidence(a.callback_refs)] : []),
        ...(a.line_after_refs.length > 0 ? [pairsEvidence(a.line_after_refs)] : []),
      ],
    }),
    signal({
      id: 'co-location',
      text:
        coloc === undefined
          ? 'No event within the co-location delay on the same or neighbouring cells as the line phone (or no records of this number with cells)'
          : `Used the same cell (${coloc.same_cell}), the same site (${coloc.same_site}) or a neighbouring cell (${coloc.nearby}) as a line phone within ${num(params, 'colocationMaxDelaySeconds')} s, in ${coloc.periods} separate periods on ${coloc.days} days; this shows both phones in the serving areas of those cells, not together`,
      value: coloc?.periods ?? 0,
      threshold: num(params, 'runnerMinColocationPeriods'),
      weight: num(params, 'runnerWeightColocation'),
      required: false,
      evidence: colocEvidence(coloc),
    }),
    signal({
      id: 'trips',
      text:
        place === undefined || place.home_km === null
          ? 'No home cell or town position to measure trips'
          : `Home cell (most nights ${num(params, 'nightStartHour')}:00–${num(params, 'nightEndHour')}:00) ${place.home_km} km from the line's town; cells in the town on ${place.town_days} days`,
      value: far ? (place?.town_days ?? 0) : 0,
      threshold: num(params, 'runnerMinTownDays'),
      weight: num(params, 'runnerWeightTrips'),
      required: false,
      evidence: [...townEvidence(a.x, place), ...homeEvidence(place)],
    }),
    signal({
      id: 'tasking',
      text: `Received calls or texts on ${taskingDays.length} days from non-customers who also contact the line`,
      value: taskingDays.length,
      threshold: minDays,
      weight: num(params, 'runnerWeightTasking'),
      required: false,
      evidence: taskingRefs.length > 0 ? [pairsEvidence(taskingRefs)] : [],
    }),
  ]
}

/**
 * Finds each line's runners, holders, customers and associates. Used by line-roles, cuckooing and safeguarding,
 * which with a memo in `ctx` share one computation per run (kept under the groups, the line-roles parameters, the
 * only ones it is given, and the zone).
 */
export function computeLineRoles(
  store: CaseStore,
  groups: readonly LineGroup[],
  params: Params,
  ctx: AnalysisContext,
): Promise<readonly LineRoles[]> {
  const own = pick(params, LINE_ROLES_PARAMS)
  return memoized(ctx, 'line-roles', { groups, params: own, zone: ctx.zone }, () =>
    findLineRoles(store, groups, own, ctx),
  )
}

async function findLineRoles(
  store: CaseStore,
  groups: readonly LineGroup[],
  params: Params,
  ctx: AnalysisContext,
): Promise<LineRoles[]> {
  if (groups.length === 0) return []
  const base = baseLists(await lineBase(store, groups, params, ctx))
  const gq = { ...groupQueryParams(groups), ...base, zone: ctx.zone }
  const { customers, after, lineContacts } = splitLineSide(
    await store.run(lineSideQuery, { ...gq, windowSeconds: num(params, 'runnerWindowMinutes') * 60 }),
  )
  const minDays = num(params, 'runnerMinDays')
  const runnerRows = after.filter(
    (a) =>
      (a.callback_days >= minDays && share(a.callbacks, a.to_customers) >= num(params, 'runnerMinShare')) ||
      a.line_after_days >= minDays,
  )
  // Only contacts with the line's contacts are read: holders and tasking numbers are found among them.
  const focusContacts = await store.run(focusContactsQuery, {
    focus_g: runnerRows.map((r) => r.g),
    focus_n: runnerRows.map((r) => r.x),
    contact_g: lineContacts.map((l) => l.g),
    contact_x: lineContacts.map((l) => l.x),
    zone: ctx.zone,
  })
  const runnerSet = new Set(runnerRows.map((r) => k(r.g, r.x)))
  const lineContactByKey = byKey(lineContacts)
  // Holder candidates: line contacts (not runners) who also contact the runners on enough days.
  const holderRows: { row: LineContactRow; runnerDays: string[]; runners: string[]; refs: string[] }[] = []
  for (const lc of lineContacts) {
    if (runnerSet.has(k(lc.g, lc.x)) || lc.days < num(params, 'holderMinLineDays')) continue
    const withRunners = focusContacts.filter((f) => f.g === lc.g && f.x === lc.x)
    const runnerDays = unionDays(...withRunners.map((f) => f.day_list))
    if (runnerDays.length < num(params, 'holderMinRunnerDays')) continue
    holderRows.push({
      row: lc,
      runnerDays,
      runners: [...new Set(withRunners.map((f) => f.f))].sort(),
      refs: withRunners.flatMap((f) => f.refs),
    })
  }
  const focus = [
    ...runnerRows.map((r) => [r.g, r.x] as const),
    ...holderRows.map((h) => [h.row.g, h.row.x] as const),
  ]
  const fq = { focus_g: focus.map((f) => f[0]), focus_n: focus.map((f) => f[1]) }
  const towns = await store.run(townQuery, {
    ...groupQueryParams(groups),
    usePublicFallback: bool(params, 'usePublicFallback'),
  })
  const places = byKey(
    await store.run(placesQuery, {
      ...townLists(towns),
      ...fq,
      zone: ctx.zone,
      nightStartHour: num(params, 'nightStartHour'),
      nightEndHour: num(params, 'nightEndHour'),
      townRadiusKm: num(params, 'townRadiusKm'),
      usePublicFallback: bool(params, 'usePublicFallback'),
    }),
  )
  const coloc = byKey(
    await store.run(colocationQuery, {
      ...groupQueryParams(groups),
      ...fq,
      zone: ctx.zone,
      delaySeconds: num(params, 'colocationMaxDelaySeconds'),
      nearMetres: num(params, 'colocationNearMetres'),
      periodGapSeconds: num(params, 'colocationPeriodGapMinutes') * 60,
      usePublicFallback: bool(params, 'usePublicFallback'),
    }),
  )
  const newHandsets = await store.run(newHandsetsQuery, { ...groupQueryParams(groups), zone: ctx.zone })
  const everyone = [
    ...new Set([...focus.map((f) => f[1]), ...customers.map((c) => c.c), ...lineContacts.map((l) => l.x)]),
  ].sort()
  const subscribers = latestByNumber(await store.run(subscribersQuery, { numbers: everyone }))
  const high = num(params, 'highConfidence')
  const medium = num(params, 'mediumConfidence')
  const attribution = (number: string, period: RoleCandidate['period'], role: string): Attribution | null => {
    const person = personOf(subscribers.get(number))
    if (person === null || period === null || (person.name ?? '') === '') return null
    return {
      status: 'proposed',
      person,
      identifier: number,
      period,
      basis: `Subscriber record of the number (${role} candidate); registration details are not proof of use`,
      analyst: null,
    }
  }

  const out: LineRoles[] = []
  for (const group of groups) {
    const g = group.key
    const lineTaskers = lineContacts.filter((l) => l.g === g && !runnerSet.has(k(g, l.x)))
    const taskerSet = new Set(lineTaskers.map((l) => l.x))
    const runners: RoleCandidate[] = []
    for (const a of runnerRows.filter((r) => r.g === g)) {
      const tasking = focusContacts.filter((f) => f.g === g && f.f === a.x && taskerSet.has(f.x))
      const signals = runnerSignals(
        params,
        a,
        coloc.get(k(g, a.x)),
        places.get(k(g, a.x)),
        unionDays(...tasking.map((t) => t.from_x_days)),
        tasking.flatMap((t) => t.from_x_refs),
      )
      const s = score(signals, high, medium)
      const lc = lineContactByKey.get(k(g, a.x))
      const days = unionDays(a.callback_day_list, lc?.day_list ?? [])
      const period =
        days.length === 0 ? null : { from: days[0] as string, to: days[days.length - 1] as string }
      runners.push({
        number: a.x,
        role: 'runner',
        score: s.score,
        confidence: s.confidence,
        signals,
        period,
        home: placesOf(places.get(k(g, a.x))),
        person: personOf(subscribers.get(a.x)),
        attribution: attribution(a.x, period, 'runner'),
      })
    }
    const holders: RoleCandidate[] = []
    const handsetDays = newHandsets.filter((n) => n.g === g)
    for (const h of holderRows.filter((r) => r.row.g === g)) {
      const place = places.get(k(g, h.row.x))
      const c = coloc.get(k(g, h.row.x))
      const presentDays = new Set([...h.row.day_list, ...(c?.day_list ?? [])])
      const present = handsetDays.filter((n) => presentDays.has(n.first_day))
      const far =
        place?.home_km !== null && place?.home_km !== undefined && place.home_km >= num(params, 'tripMinKm')
      const signals: Signal[] = [
        signal({
          id: 'line-contact',
          text: `In voice or text contact with the line on ${h.row.days} days (${h.row.from_x} contacts to it, ${h.row.to_x} from it)`,
          value: h.row.days,
          threshold: num(params, 'holderMinLineDays'),
          weight: num(params, 'holderWeightLine'),
          required: true,
          evidence: [pairsEvidence(h.row.refs)],
        }),
        signal({
          id: 'runner-contact',
          text: `In contact with ${h.runners.length} runner candidate(s) (${h.runners.join(', ')}) on ${h.runnerDays.length} days`,
          value: h.runnerDays.length,
          threshold: num(params, 'holderMinRunnerDays'),
          weight: num(params, 'holderWeightRunners'),
          required: true,
          evidence: [pairsEvidence(h.refs)],
        }),
        signal({
          id: 'remote',
          text:
            place === undefined || place.home_km === null
              ? 'No home cell or town position to measure distance'
              : `Home cell (most nights) ${place.home_km} km from the line's town; cells in the town on ${place.town_days} days`,
          value: place?.home_km ?? 0,
          threshold: num(params, 'tripMinKm'),
          weight: num(params, 'holderWeightDistance'),
          fired: far,
          required: false,
          evidence: homeEvidence(place),
        }),
        signal({
          id: 'new-handset',
          text:
            handsetDays.length === 0
              ? 'No new handset seen on the line'
              : `Present (contacting the line or co-located with it) on the first day of ${present.length} of ${handsetDays.length} new handsets (${present.map((p) => `${p.imei} on ${p.first_day}`).join(', ') || 'none'})`,
          value: present.length,
          threshold: 1,
          weight: num(params, 'holderWeightNewHandset'),
          required: false,
          evidence: present.length === 0 ? [] : [pairsEvidence(present.map((p) => p.ref))],
        }),
      ]
      const s = score(signals, high, medium)
      const days = unionDays(h.row.day_list, h.runnerDays)
      const period = { from: days[0] as string, to: days[days.length - 1] as string }
      holders.push({
        number: h.row.x,
        role: 'holder',
        score: s.score,
        confidence: s.confidence,
        signals,
        period,
        home: placesOf(place),
        person: personOf(subscribers.get(h.row.x)),
        attribution: attribution(h.row.x, period, 'holder'),
      })
    }
    const order = (x: RoleCandidate, y: RoleCandidate): number =>
      y.score - x.score || (x.number < y.number ? -1 : x.number > y.number ? 1 : 0)
    const roleNumbers = new Set([...runners, ...holders].map((r) => r.number))
    const town = towns.find((t) => t.g === g)
    out.push({
      key: g,
      numbers: group.numbers,
      town:
        town === undefined
          ? null
          : {
              lat: Math.round(town.lat * 1e6) / 1e6,
              lon: Math.round(town.lon * 1e6) / 1e6,
              positionSource: town.fallback ? 'mixed' : 'network',
              events: town.events,
            },
      runners: runners.sort(order),
      holders: holders.sort(order),
      customers: customers
        .filter((c) => c.g === g)
        .map((c) => ({
          number: c.c,
          firstFlared: c.first_flared_utc,
          flaresReceived: c.flares,
          contactsInitiated: c.initiated,
          activeDays: c.active_days,
          lastContact: c.last_contact_utc,
          person: personOf(subscribers.get(c.c)),
          evidence: { kind: 'events', targets: group.numbers, others: [c.c], count: c.line_rows },
        })),
      associates: lineContacts
        .filter((l) => l.g === g && !roleNumbers.has(l.x))
        .map((l) => ({
          number: l.x,
          contacts: l.contacts,
          days: l.days,
          firstContact: l.first_utc,
          lastContact: l.last_utc,
          person: personOf(subscribers.get(l.x)),
          evidence: pairsEvidence(l.refs),
        })),
    })
  }
  return out
}

/** Runner and holder candidates per line, each with an explained score and the rows behind every signal. */
export const lineRoles: AnalysisDefinition<LineRolesResult> = {
  id: 'line-roles',
  version: '1',
  title: 'Line roles: runners, holders, customers and associates',
  description:
    "For each deal line (its numbers over time), lists the customer base (numbers sent flares), runner candidates and holder candidates, and other contacts. A runner candidate is a number outside the customer base that contacts the line's customers soon after they contacted the line, or that the line contacts soon after customer contacts, on several days; its score adds co-location with the line phone (same or neighbouring cell within a minute, in separate periods), trips from a distant home cell to the line's town, and calls received from non-customers who also contact the line. A holder candidate contacts both the line and the runners on several days; its score adds a home cell far from the town and presence on a new handset's first day. Names come from subscriber records and are proposed attributions for review, not findings. Cell evidence shows phones in cells' serving areas, not at places.",
  params: LINE_ROLES_PARAMS,
  run: async (store, params, ctx) => {
    const groups = await groupLines(store, params, bool(params, 'groupByContinuity'), ctx)
    return { lines: await computeLineRoles(store, groups, params, ctx), note: ROLE_NOTE }
  },
}
