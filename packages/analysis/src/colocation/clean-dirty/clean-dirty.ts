import { ValidationError } from '@linesight/model'
import type { AnalysisDefinition } from '../../core/definition.js'
import type { EventEvidence } from '../../core/evidence.js'
import {
  asStrings,
  idsEvidence,
  isEvidential,
  positionSources,
  round,
  siteDecimalsParam,
  windowOf,
  windowParams,
  type CellPositionSource,
} from '../../locations/common/location-figures.js'
import { cleanDirtyQuery, useProfileQuery, type PatternPeriodRow } from './clean-dirty.sql.js'

/** How one number was used in the window. */
export interface UseProfile {
  readonly number: string
  /** Events with a cell position. */
  readonly events_with_position: number
  /** Evidence is null when there are no such events (an empty id list would select every event). */
  readonly active: { readonly events: number; readonly evidence: EventEvidence | null }
  readonly passive: { readonly events: number; readonly evidence: EventEvidence | null }
  /** Share of events with a cell position that were passive, 0–1. */
  readonly passive_share: number
  readonly sites: number
  readonly top_site: string | null
  readonly top_site_name: string | null
  /** Share of events with a cell position on the most-used site, 0–1: near 1 is a static phone. */
  readonly top_site_share: number
}

export interface PatternPeriod {
  readonly first_utc: string
  readonly last_utc: string
  readonly first_local: string
  readonly last_local: string
  /** Active events of the active number in the period, each with only passive events of the other around it. */
  readonly instances: number
  readonly passive_events: number
  /** Least distance between the active number's cell and the passive number's cells. */
  readonly min_km: number
  readonly active_sites: readonly string[]
  readonly passive_sites: readonly string[]
  readonly active_site_names: readonly string[]
  readonly passive_site_names: readonly string[]
  readonly position_sources: readonly CellPositionSource[]
  readonly evidential: boolean
  readonly evidence: EventEvidence
}

/** One orientation of the pattern: `active` in use while `passive` only received, elsewhere. */
export interface CleanDirtyPattern {
  readonly active: string
  readonly passive: string
  readonly periods: number
  readonly instances: number
  readonly days: number
  /** Distinct sites of the passive number over all periods: few sites is the "static" half of the pattern. */
  readonly passive_sites: number
  readonly active_sites: number
  readonly first_utc: string | null
  readonly last_utc: string | null
  readonly list: readonly PatternPeriod[]
  readonly truncated: boolean
  readonly evidence: EventEvidence | null
}

export interface CleanDirtyResult {
  readonly targets: readonly string[]
  readonly profiles: readonly UseProfile[]
  readonly patterns: readonly CleanDirtyPattern[]
  /** The defence caution that goes with any presentation of the pattern. */
  readonly caution: string
}

/** Every ordered pair is compared: the pattern is for a few candidate phones, not a whole case. */
const MAX_NUMBERS = 10

export const CLEAN_DIRTY_CAUTION =
  'This is a pattern, not an identification. A phone that only receives (data sessions, texts received, calls unanswered) on one site while another number is active elsewhere is consistent with the first phone being left behind while its user carries the second, and also with two different users, a phone left at home for ordinary reasons, or records that show only part of the use. The defence contests this inference; present it with the co-location and non-co-location results and the other attribution evidence, never alone.'

const someEvidence = (number: string, ids: readonly string[]): EventEvidence | null =>
  ids.length === 0 ? null : idsEvidence([number], ids)

const pattern = (
  active: string,
  passive: string,
  rows: readonly PatternPeriodRow[],
  limit: number,
): CleanDirtyPattern => ({
  active,
  passive,
  periods: rows.length,
  instances: rows.reduce((n, r) => n + r.instances, 0),
  days: new Set(rows.flatMap((r) => r.days)).size,
  passive_sites: new Set(rows.flatMap((r) => r.passive_sites)).size,
  active_sites: new Set(rows.flatMap((r) => r.active_sites)).size,
  first_utc: rows[0]?.first_utc ?? null,
  last_utc: rows[rows.length - 1]?.last_utc ?? null,
  list: rows.slice(0, limit).map((r) => {
    const sources = positionSources(r.sources)
    return {
      first_utc: r.first_utc,
      last_utc: r.last_utc,
      first_local: r.first_local,
      last_local: r.last_local,
      instances: r.instances,
      passive_events: r.passive_events,
      min_km: round(r.min_metres / 1000, 2),
      active_sites: r.active_sites,
      passive_sites: r.passive_sites,
      active_site_names: r.active_site_names,
      passive_site_names: r.passive_site_names,
      position_sources: sources,
      evidential: isEvidential(sources),
      evidence: idsEvidence([active, passive], [...r.active_ids, ...r.passive_ids]),
    }
  }),
  truncated: rows.length > limit,
  evidence:
    rows.length === 0
      ? null
      : idsEvidence(
          [active, passive],
          [...new Set(rows.flatMap((r) => [...r.active_ids, ...r.passive_ids]))],
        ),
})

/** The clean/dirty phone pattern between two or more numbers, as a pattern with its caution. */
export const cleanDirty: AnalysisDefinition<CleanDirtyResult> = {
  id: 'clean-dirty',
  version: '1',
  title: 'Clean and dirty phone pattern',
  description:
    'For every ordered pair of the given numbers, finds times when the first was active (an outgoing call, SMS or MMS, or an answered incoming call, with the cell used at that time) while the second, within windowMinutes either side, had only passive events (data sessions, received SMS or MMS, unanswered incoming calls) on cells more than apartKm away. Such instances are merged into periods when within periodGapMinutes and counted by periods, days and the sites each number used; each number also gets a use profile (share of passive events, share of events on its top site). The result is shown as a pattern with the defence caution: it is consistent with one phone being left static while its user carries the other, and also with innocent explanations.',
  params: {
    targets: {
      type: 'string-list',
      phone: 'each',
      default: [],
      description:
        'The numbers (E.164) to compare, two to ten (candidate phones of one person); both orientations of every pair are checked',
    },
    ...windowParams,
    windowMinutes: {
      type: 'integer',
      default: 30,
      min: 1,
      max: 24 * 60,
      unit: 'minutes',
      description: "Time either side of an active event in which the other number's events are looked at",
    },
    apartKm: {
      type: 'number',
      default: 5,
      min: 0,
      unit: 'km',
      description: "The passive number's cells must all be further than this from the active number's cell",
    },
    periodGapMinutes: {
      type: 'integer',
      default: 60,
      min: 0,
      unit: 'minutes',
      description: 'Instances closer together than this belong to the same period',
    },
    siteDecimals: siteDecimalsParam,
    limit: {
      type: 'integer',
      default: 500,
      min: 1,
      max: 100_000,
      description: 'How many periods to list per orientation',
    },
  },
  run: async (store, params, ctx) => {
    const targets = [...new Set(asStrings(params['targets']))].sort()
    if (targets.length < 2)
      throw new ValidationError('clean-dirty.params.targets', 'give at least two different numbers')
    if (targets.length > MAX_NUMBERS)
      throw new ValidationError(
        'clean-dirty.params.targets',
        `give at most ${MAX_NUMBERS} numbers: the pattern is for candidate phones of one person, and across unrelated numbers it is meaningless`,
      )
    const limit = Number(params['limit'])
    const common = { targets, ...windowOf(params), siteDecimals: Number(params['siteDecimals']) }
    const [rows, profiles] = await Promise.all([
      store.run(cleanDirtyQuery, {
        ...common,
        zone: ctx.zone,
        window: Number(params['windowMinutes']) * 60,
        apartMetres: Number(params['apartKm']) * 1000,
        periodGapMinutes: Number(params['periodGapMinutes']),
      }),
      store.run(useProfileQuery, common),
    ])
    const patterns: CleanDirtyPattern[] = []
    for (const active of targets)
      for (const passive of targets)
        if (active !== passive)
          patterns.push(
            pattern(
              active,
              passive,
              rows.filter((r) => r.active === active && r.passive === passive),
              limit,
            ),
          )
    patterns.sort(
      (x, y) =>
        y.periods - x.periods ||
        y.instances - x.instances ||
        (x.active < y.active ? -1 : x.active > y.active ? 1 : x.passive < y.passive ? -1 : 1),
    )
    return {
      targets,
      profiles: targets.map((number): UseProfile => {
        const p = profiles.find((x) => x.target === number)
        return {
          number,
          events_with_position: p?.located ?? 0,
          active: { events: p?.active ?? 0, evidence: someEvidence(number, p?.active_ids ?? []) },
          passive: { events: p?.passive ?? 0, evidence: someEvidence(number, p?.passive_ids ?? []) },
          passive_share: p === undefined || p.located === 0 ? 0 : round(p.passive / p.located, 3),
          sites: p?.sites ?? 0,
          top_site: p?.top_site ?? null,
          top_site_name: p?.top_site_name ?? null,
          top_site_share: p === undefined || p.located === 0 ? 0 : round(p.top_site_events / p.located, 3),
        }
      }),
      patterns,
      caution: CLEAN_DIRTY_CAUTION,
    }
  },
}
