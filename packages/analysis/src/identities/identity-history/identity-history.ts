import { WINDOW_PARAMS } from '../../core/window-params.js'
import { imeiTac, imsiPlmn, lookupPlmn, parseImsi } from '@linesight/identifiers'
import type { Imei } from '@linesight/model'
import type { AnalysisDefinition } from '../../core/definition.js'
import type { EventEvidence } from '../../core/evidence.js'
import { changesOf, groupBy } from './identity-history.rules.js'
import {
  identityNumbersQuery,
  identityUseQuery,
  subscriberLinksQuery,
  type IdentityUseRow,
  type SubscriberRow,
} from './identity-history.sql.js'

/** What the records show of one identifier's use by one number. */
export interface IdentityUse {
  readonly number: string
  /** Records of the number carrying the identifier. */
  readonly records: number
  readonly firstUtc: string
  readonly lastUtc: string
  /** The same moments in the analysis zone (local wall-clock time). */
  readonly firstLocal: string
  readonly lastLocal: string
  /**
   * Every record of the number from the first to the last moment (any type, with or without identifiers): the
   * evidence filter's rows. More than `records` when records without the identifier fall in between.
   */
  readonly recordsInSpan: number
  readonly evidence: EventEvidence
}

/** A handset: the 14-digit IMEI core and its type allocation code (the model; no TAC table is bundled). */
export interface HandsetId {
  readonly imei: string
  readonly tac: string
  /** Make and model from an imported TAC table; null while none is available. */
  readonly model: string | null
}

/** A SIM: the IMSI and its home network from the MCC/MNC table (null parts when the IMSI cannot be read). */
export interface SimId {
  readonly imsi: string
  readonly mcc: string | null
  readonly mnc: string | null
  readonly network: string | null
  readonly country: string | null
}

export interface IdentityPeriod extends IdentityUse {
  readonly kind: 'handset' | 'sim'
  /** The IMEI core or the IMSI. */
  readonly value: string
}

/** A change of handset (new IMEI for the number) or of SIM (new IMSI for the number) between two records. */
export interface IdentityChange {
  readonly number: string
  readonly kind: 'handset-change' | 'sim-swap'
  readonly fromValue: string
  readonly toValue: string
  /** The last record with the old identifier and the first with the new one. */
  readonly lastBeforeUtc: string
  readonly firstAfterUtc: string
  readonly lastBeforeLocal: string
  readonly firstAfterLocal: string
  /** Exactly those two records. */
  readonly evidence: EventEvidence
}

export interface SubscriberRecord {
  readonly id: string
  readonly sourceFile: string
  readonly sourceRow: number
  readonly msisdn: string | null
  readonly imsi: string | null
  readonly imei: string | null
  readonly validFrom: string | null
  readonly validTo: string | null
  readonly accountType: string | null
}

export interface NumberHistory {
  readonly number: string
  readonly handsets: readonly (HandsetId & IdentityUse)[]
  readonly sims: readonly (SimId & IdentityUse)[]
  /** Unbroken runs of one handset (or SIM) in the number's records, in time order. */
  readonly periods: readonly IdentityPeriod[]
  readonly changes: readonly IdentityChange[]
  readonly subscriberRecords: readonly SubscriberRecord[]
}

/** One handset+SIM pairing in a number's records. */
export interface LinkUse extends IdentityUse {
  readonly imei: string
  readonly imsi: string
}

export interface HandsetHistory extends HandsetId {
  /** Numbers whose records carry this handset, first used first. */
  readonly numbers: readonly IdentityUse[]
  /** SIMs seen in it, with the number. */
  readonly sims: readonly LinkUse[]
  /** More than one number in the records or in subscriber records: same handset, new SIM or number. */
  readonly severalNumbers: boolean
  readonly subscriberRecords: readonly SubscriberRecord[]
}

export interface SimHistory extends SimId {
  readonly numbers: readonly IdentityUse[]
  /** Handsets it sat in, with the number. */
  readonly handsets: readonly LinkUse[]
  /** More than one handset: the SIM moved between handsets. */
  readonly severalHandsets: boolean
  readonly subscriberRecords: readonly SubscriberRecord[]
}

export interface IdentityHistoryResult {
  readonly numbers: readonly NumberHistory[]
  /** Handsets used by the given numbers, with every number seen with them. */
  readonly handsets: readonly HandsetHistory[]
  /** SIMs used by the given numbers, with every handset and number seen with them. */
  readonly sims: readonly SimHistory[]
  readonly tacTable: { readonly available: false; readonly note: string }
  readonly networkTable: string
}

const TAC_NOTE =
  'No TAC table is bundled, so handset makes and models are not named. The TAC (first 8 digits of the IMEI) is shown; it can be looked up in the GSMA database or an imported TAC table.'
const NETWORK_NOTE =
  "SIM home networks come from the IMSI's country and network codes (MCC/MNC) and Linesight's vendored MCC/MNC table; an IMSI shows the network that issued the SIM, not where it was used, and a network missing from the table is left unnamed."

const handsetId = (imei: string): HandsetId => ({ imei, tac: imeiTac(imei as Imei), model: null })

function simId(imsi: string): SimId {
  const parsed = parseImsi(imsi)
  if (parsed === null) return { imsi, mcc: null, mnc: null, network: null, country: null }
  const plmn = imsiPlmn(parsed)
  return {
    imsi,
    mcc: plmn.mcc,
    mnc: plmn.mnc,
    network: plmn.network,
    country: lookupPlmn(plmn.mcc, plmn.mnc)?.country ?? null,
  }
}

const use = (r: IdentityUseRow): IdentityUse => ({
  number: r.number,
  records: r.records,
  firstUtc: r.first_utc,
  lastUtc: r.last_utc,
  firstLocal: r.first_local,
  lastLocal: r.last_local,
  recordsInSpan: r.window_records,
  evidence: {
    kind: 'events',
    targets: [r.number],
    from: r.first_utc,
    to: r.last_utc,
    count: r.window_records,
  },
})

const subscriber = (s: SubscriberRow): SubscriberRecord => ({
  id: s.id,
  sourceFile: s.source_file,
  sourceRow: s.source_row,
  msisdn: s.msisdn,
  imsi: s.imsi,
  imei: s.imei,
  validFrom: s.valid_from,
  validTo: s.valid_to,
  accountType: s.account_type,
})

const byFirst = (x: IdentityUse, y: IdentityUse): number =>
  x.firstUtc < y.firstUtc
    ? -1
    : x.firstUtc > y.firstUtc
      ? 1
      : x.number < y.number
        ? -1
        : x.number > y.number
          ? 1
          : 0

/** The number ↔ SIM ↔ handset graph over time. */
export const identityHistory: AnalysisDefinition<IdentityHistoryResult> = {
  id: 'identity-history',
  version: '1',
  title: 'Identity history (numbers, SIMs, handsets)',
  description:
    "Shows, for each number, the SIMs (IMSI) and handsets (IMEI) in its own records and in subscriber records, when each was first and last seen and in how many records, the days the handset or SIM changed, and every other number seen with the same handset or SIM: one handset with several numbers (a new SIM or number in the same phone) or one SIM in several handsets (the SIM moved). Handsets are compared on the 14-digit IMEI core, so the 15- and 16-digit forms networks deliver match; IMEIs that are not valid are not compared. A SIM's home network is read from its IMSI. No TAC table is bundled, so makes and models are not named; the TAC is shown. The records show which identifiers a network logged with a number's activity, not who held the phone; a handset or SIM seen with two numbers links the devices, not the people. Only records obtained are seen: a handset or SIM used only in records that were not obtained cannot appear, and first and last seen are bounded by the period the records cover.",
  params: {
    numbers: {
      type: 'string-list',
      phone: 'each',
      default: [],
      description:
        'The numbers (E.164) whose history is shown; every number with a handset or SIM identifier when empty',
    },
    ...WINDOW_PARAMS,
  },
  run: async (store, params, ctx) => {
    const window = {
      from: (params['from'] as string | null) ?? null,
      to: (params['to'] as string | null) ?? null,
    }
    let numbers = [...new Set((params['numbers'] as readonly string[] | null) ?? [])].sort()
    if (numbers.length === 0) numbers = (await store.run(identityNumbersQuery, window)).map((r) => r.number)
    const rows = await store.run(identityUseQuery, { numbers, ...window, zone: ctx.zone })
    const given = new Set(numbers)
    const periods = rows.filter((r) => r.level === 'period')
    const uses = rows.filter((r) => r.level === 'use')
    const links = rows.filter((r) => r.level === 'link')

    const ownImeis = new Set(
      uses.filter((u) => u.kind === 'handset' && given.has(u.number)).map((u) => u.value),
    )
    const ownImsis = new Set(uses.filter((u) => u.kind === 'sim' && given.has(u.number)).map((u) => u.value))
    const subsOfNumbers = await store.run(subscriberLinksQuery, { numbers, imeis: [], imsis: [] })
    for (const s of subsOfNumbers) {
      if (s.imei !== null) ownImeis.add(s.imei)
      if (s.imsi !== null) ownImsis.add(s.imsi)
    }
    const imeis = [...ownImeis].sort()
    const imsis = [...ownImsis].sort()
    const subs = (await store.run(subscriberLinksQuery, { numbers, imeis, imsis })).map(subscriber)

    const changes = changesOf(periods)
    const periodsBy = groupBy(periods, (p) => p.number)
    const usesBy = groupBy(uses, (u) => `${u.number} ${u.kind}`)
    const changesBy = groupBy(changes, (c) => c.number)
    const linkUse = (l: IdentityUseRow): LinkUse => ({ ...use(l), imei: l.value, imsi: l.partner ?? '' })
    // Looked up by key rather than filtered per entry: a whole case has thousands of numbers, handsets and SIMs.
    const byKey = <T>(rows: readonly T[], key: (row: T) => string | null): Map<string, T[]> =>
      groupBy(
        rows.filter((r) => key(r) !== null),
        (r) => key(r) ?? '',
      )
    const subsByNumber = byKey(subs, (s) => s.msisdn)
    const subsByImei = byKey(subs, (s) => s.imei)
    const subsByImsi = byKey(subs, (s) => s.imsi)
    const usesByValue = groupBy(uses, (u) => `${u.kind} ${u.value}`)
    const linksByImei = byKey(links, (l) => l.value)
    const linksByImsi = byKey(links, (l) => l.partner)

    return {
      numbers: numbers.map((number) => ({
        number,
        handsets: (usesBy.get(`${number} handset`) ?? []).map((u) => ({ ...handsetId(u.value), ...use(u) })),
        sims: (usesBy.get(`${number} sim`) ?? []).map((u) => ({ ...simId(u.value), ...use(u) })),
        periods: (periodsBy.get(number) ?? [])
          .map((p) => ({ kind: p.kind, value: p.value, ...use(p) }))
          .sort((x, y) => byFirst(x, y) || (x.kind < y.kind ? -1 : x.kind > y.kind ? 1 : 0)),
        changes: (changesBy.get(number) ?? [])
          .map((c) => ({
            number,
            kind: c.kind === 'handset' ? ('handset-change' as const) : ('sim-swap' as const),
            fromValue: c.from.value,
            toValue: c.to.value,
            lastBeforeUtc: c.from.last_utc,
            firstAfterUtc: c.to.first_utc,
            lastBeforeLocal: c.from.last_local,
            firstAfterLocal: c.to.first_local,
            evidence: {
              kind: 'events' as const,
              targets: [number],
              ids: [c.from.last_id, c.to.first_id],
              count: 2,
            },
          }))
          .sort((x, y) =>
            x.firstAfterUtc < y.firstAfterUtc
              ? -1
              : x.firstAfterUtc > y.firstAfterUtc
                ? 1
                : x.kind < y.kind
                  ? -1
                  : x.kind > y.kind
                    ? 1
                    : 0,
          ),
        subscriberRecords: subsByNumber.get(number) ?? [],
      })),
      handsets: imeis.map((imei) => {
        const numbersWith = (usesByValue.get(`handset ${imei}`) ?? []).map(use).sort(byFirst)
        const subscriberRecords = subsByImei.get(imei) ?? []
        const all = new Set([...numbersWith.map((n) => n.number), ...subscriberRecords.map((s) => s.msisdn)])
        all.delete(null)
        return {
          ...handsetId(imei),
          numbers: numbersWith,
          sims: (linksByImei.get(imei) ?? []).map(linkUse).sort(byFirst),
          severalNumbers: all.size > 1,
          subscriberRecords,
        }
      }),
      sims: imsis.map((imsi) => {
        const handsets = (linksByImsi.get(imsi) ?? []).map(linkUse).sort(byFirst)
        const subscriberRecords = subsByImsi.get(imsi) ?? []
        const all = new Set([...handsets.map((h) => h.imei), ...subscriberRecords.map((s) => s.imei)])
        all.delete(null)
        return {
          ...simId(imsi),
          numbers: (usesByValue.get(`sim ${imsi}`) ?? []).map(use).sort(byFirst),
          handsets,
          severalHandsets: all.size > 1,
          subscriberRecords,
        }
      }),
      tacTable: { available: false, note: TAC_NOTE },
      networkTable: NETWORK_NOTE,
    }
  },
}
