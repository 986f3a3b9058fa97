import type { CaseStore } from '@linesight/store'
import type { AnalysisContext } from '../../core/context.js'
import type { AnalysisDefinition } from '../../core/definition.js'
import type { EventEvidence } from '../../core/evidence.js'
import type { Params } from '../../core/params.js'
import {
  groupEvidence,
  isEvidential,
  positionSources,
  siteDecimalsParam,
  targetParam,
  text,
  windowOf,
  windowParams,
  type CellPositionSource,
} from '../common/location-figures.js'
import { dwellPeriodsQuery, type DwellRow } from './dwell-periods.sql.js'

export interface DwellPeriod {
  /** The site whose serving area the events are consistent with (with level `cell`, the one cell in `cells`). */
  readonly site: string
  readonly site_name: string | null
  readonly cells: readonly string[]
  readonly lat: number
  readonly lon: number
  readonly position_sources: readonly CellPositionSource[]
  readonly evidential: boolean
  readonly events: number
  /** First and last event of the period (UTC and local). The phone may have arrived before and left after. */
  readonly first_utc: string
  readonly last_utc: string
  readonly first_local: string
  readonly last_local: string
  /** Seconds from the first to the last event. */
  readonly span_s: number
  /** How the first and last event's cell relates to its time (`at`, `at-or-before-start`, `at-or-before-end`). */
  readonly first_time_semantics: string
  readonly last_time_semantics: string
  readonly evidence: EventEvidence
}

export interface DwellPeriodsResult {
  readonly target: string
  readonly level: 'site' | 'cell'
  readonly periods: readonly DwellPeriod[]
  /** More periods than `limit` matched; the list stops at the limit. */
  readonly truncated: boolean
}

/** Reads the dwell periods of one number (shared with `journeys`). */
export async function readDwellPeriods(
  store: CaseStore,
  params: Params,
  ctx: AnalysisContext,
  options: { readonly level: 'site' | 'cell'; readonly minEvents: number; readonly limit: number },
): Promise<readonly DwellRow[]> {
  return store.run(dwellPeriodsQuery, {
    targets: [String(params['target'])],
    ...windowOf(params),
    siteDecimals: Number(params['siteDecimals']),
    zone: ctx.zone,
    level: options.level,
    maxGapMinutes: Number(params['maxGapMinutes']),
    minEvents: options.minEvents,
    limit: options.limit,
  })
}

export const dwellPeriod = (target: string, r: DwellRow): DwellPeriod => {
  const sources = positionSources(r.sources)
  return {
    site: r.site,
    site_name: r.site_name,
    cells: r.cells,
    lat: r.lat,
    lon: r.lon,
    position_sources: sources,
    evidential: isEvidential(sources),
    events: r.events,
    first_utc: r.first_utc,
    last_utc: r.last_utc,
    first_local: r.first_local,
    last_local: r.last_local,
    span_s: r.last_ts - r.first_ts,
    first_time_semantics: r.first_semantics,
    last_time_semantics: r.last_semantics,
    evidence: groupEvidence({ ...r, target, ids: r.filter_exact ? null : r.ids, count: r.events }),
  }
}

export const maxGapMinutesParam = {
  type: 'integer',
  default: 60,
  min: 1,
  max: 7 * 24 * 60,
  unit: 'minutes',
  description: 'Longest gap between consecutive events on the same site that still continues a dwell period',
} as const

/** Runs of consecutive events of one number on the same site (or cell). */
export const dwellPeriods: AnalysisDefinition<DwellPeriodsResult> = {
  id: 'dwell-periods',
  version: '1',
  title: 'Dwell periods at a site or cell',
  description:
    "Splits one number's events that have a cell position, in time order, into dwell periods: consecutive events on the same site (or the same cell) with no gap longer than maxGapMinutes. Each period gives its first and last event in UTC and local time, the cells used and the site position (the cell list's, valid at each event time; public-database positions are labelled and not evidential). A period is consistent with the phone being within the site's serving area from the first to the last event; the records do not show where it was between events or before and after, and data-session cells were used at or before the time shown. Events whose cell has no position are left out and do not split a period.",
  params: {
    target: targetParam,
    ...windowParams,
    level: {
      type: 'enum',
      default: 'site',
      values: ['site', 'cell'],
      description: 'Group consecutive events by site (all sectors of a mast) or by cell',
    },
    maxGapMinutes: maxGapMinutesParam,
    minEvents: {
      type: 'integer',
      default: 1,
      min: 1,
      max: 100_000,
      description: 'List only periods with at least this many events',
    },
    siteDecimals: siteDecimalsParam,
    limit: {
      type: 'integer',
      default: 5000,
      min: 1,
      max: 1_000_000,
      description: 'How many periods to list',
    },
  },
  run: async (store, params, ctx) => {
    const target = String(params['target'])
    const level = text(params, 'level') === 'cell' ? 'cell' : 'site'
    const limit = Number(params['limit'])
    const rows = await readDwellPeriods(store, params, ctx, {
      level,
      minEvents: Number(params['minEvents']),
      limit: limit + 1,
    })
    return {
      target,
      level,
      periods: rows.slice(0, limit).map((r) => dwellPeriod(target, r)),
      truncated: rows.length > limit,
    }
  },
}
