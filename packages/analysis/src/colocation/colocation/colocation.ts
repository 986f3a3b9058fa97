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
import { colocationQuery, type PairPeriodRow } from './colocation.sql.js'

interface PeriodBase {
  readonly first_utc: string
  readonly last_utc: string
  readonly first_local: string
  readonly last_local: string
  /** Pairs of events (one of each number) within the delay. */
  readonly instances: number
  readonly position_sources: readonly CellPositionSource[]
  readonly evidential: boolean
  readonly evidence: EventEvidence
}

/** Both numbers used the same cell, the same site or neighbouring sites within the delay. */
export interface ColocationPeriod extends PeriodBase {
  readonly same_cell: number
  readonly same_site: number
  readonly neighbouring: number
  readonly max_delay_s: number
  /** Greatest distance between the two cells' positions in the period (0 for the same site). */
  readonly max_metres: number
  readonly sites: readonly string[]
  readonly site_names: readonly string[]
}

/** Both numbers used cells further apart than `apartKm` within the delay. */
export interface NonColocationPeriod extends PeriodBase {
  readonly min_km: number
  readonly max_km: number
  readonly a_sites: readonly string[]
  readonly b_sites: readonly string[]
  readonly a_site_names: readonly string[]
  readonly b_site_names: readonly string[]
}

export interface PairTally {
  readonly periods: number
  readonly instances: number
  /** Local days with at least one instance. */
  readonly days: number
  readonly first_utc: string | null
  readonly last_utc: string | null
  readonly evidence: EventEvidence | null
}

export interface ColocationPair {
  readonly a: string
  readonly b: string
  readonly colocation: PairTally
  readonly non_colocation: PairTally
  readonly colocation_periods: readonly ColocationPeriod[]
  readonly non_colocation_periods: readonly NonColocationPeriod[]
  /** More periods than `limit` in either list. */
  readonly truncated: boolean
}

export interface ColocationResult {
  readonly targets: readonly string[]
  readonly pairs: readonly ColocationPair[]
  readonly caution: string
}

const CAUTION =
  'Co-location is consistent with the two handsets being within the same serving area at about the same time; it does not show they were together, and neighbouring sites widen the area. Non-co-location (cells far apart within the delay) is in conflict with one person carrying both handsets at that time. Attribution should rest on many separate periods of both, with other evidence, never on one instance.'

const compare = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0)

const tally = (a: string, b: string, rows: readonly PairPeriodRow[]): PairTally => {
  if (rows.length === 0)
    return { periods: 0, instances: 0, days: 0, first_utc: null, last_utc: null, evidence: null }
  return {
    periods: rows.length,
    instances: rows.reduce((n, r) => n + r.instances, 0),
    days: new Set(rows.flatMap((r) => r.days)).size,
    first_utc: rows[0]!.first_utc,
    last_utc: rows[rows.length - 1]!.last_utc,
    evidence: idsEvidence([a, b], [...new Set(rows.flatMap((r) => [...r.a_ids, ...r.b_ids]))]),
  }
}

const base = (r: PairPeriodRow): PeriodBase => {
  const sources = positionSources(r.sources)
  return {
    first_utc: r.first_utc,
    last_utc: r.last_utc,
    first_local: r.first_local,
    last_local: r.last_local,
    instances: r.instances,
    position_sources: sources,
    evidential: isEvidential(sources),
    evidence: idsEvidence([r.a, r.b], [...r.a_ids, ...r.b_ids]),
  }
}

/** Co-location and non-co-location of two or more numbers, by pairs. */
export const colocation: AnalysisDefinition<ColocationResult> = {
  id: 'colocation',
  version: '1',
  title: 'Co-location and non-co-location',
  description:
    'For every pair of the given numbers, finds events of the two within colocationMaxDelaySeconds of each other on the same cell, the same site, or sites within neighbourMetres (co-location), and events within the same delay on cells more than apartKm apart (non-co-location; only events whose cell was used at the time given, not data sessions). Instances are merged into separate periods when more than periodGapMinutes pass between them, and counted by periods and local days. Both count for attribution: co-location over many separate periods is consistent with one person carrying both handsets or two people together; non-co-location is in conflict with one person carrying both. Cell positions are the cell list valid at each event; public-database positions are labelled and not evidential.',
  params: {
    targets: {
      type: 'string-list',
      phone: 'each',
      default: [],
      description: 'The numbers (E.164) to compare, two or more; every pair is compared',
    },
    ...windowParams,
    colocationMaxDelaySeconds: {
      type: 'integer',
      default: 60,
      min: 0,
      max: 86_400,
      unit: 'seconds',
      description: 'Greatest time between the two events of an instance',
    },
    neighbourMetres: {
      type: 'number',
      default: 300,
      min: 0,
      unit: 'metres',
      description:
        'Cells of different sites this close together also count as co-located (0: same cell or site only); lets numbers on different networks co-locate',
    },
    apartKm: {
      type: 'number',
      default: 10,
      min: 0,
      unit: 'km',
      description: 'Cells further apart than this within the delay are non-co-location',
    },
    periodGapMinutes: {
      type: 'integer',
      default: 60,
      min: 0,
      unit: 'minutes',
      description: 'Instances closer together than this belong to the same period',
    },
    includeDataEvents: {
      type: 'boolean',
      default: true,
      description:
        'Use data sessions for co-location (their cell was used at or before the time shown); never for non-co-location',
    },
    siteDecimals: siteDecimalsParam,
    limit: {
      type: 'integer',
      default: 1000,
      min: 1,
      max: 100_000,
      description: 'How many periods of each kind to list per pair',
    },
  },
  run: async (store, params, ctx) => {
    const targets = [...new Set(asStrings(params['targets']))].sort()
    if (targets.length < 2)
      throw new ValidationError('colocation.params.targets', 'give at least two different numbers')
    const limit = Number(params['limit'])
    const rows = await store.run(colocationQuery, {
      targets,
      ...windowOf(params),
      siteDecimals: Number(params['siteDecimals']),
      zone: ctx.zone,
      delay: Number(params['colocationMaxDelaySeconds']),
      neighbourMetres: Number(params['neighbourMetres']),
      apartMetres: Number(params['apartKm']) * 1000,
      periodGapMinutes: Number(params['periodGapMinutes']),
      includeData: params['includeDataEvents'] === true,
    })
    // Each pair's rows in query order, gathered once (a filter per pair is quadratic in 50 numbers' rows).
    const rowsOf = new Map<string, { together: PairPeriodRow[]; apart: PairPeriodRow[] }>()
    for (const r of rows) {
      const key = `${r.a} ${r.b}`
      const entry = rowsOf.get(key) ?? { together: [], apart: [] }
      rowsOf.set(key, entry)
      ;(r.apart ? entry.apart : entry.together).push(r)
    }
    const pairs: ColocationPair[] = []
    for (let i = 0; i < targets.length; i++)
      for (let j = i + 1; j < targets.length; j++) {
        const a = targets[i]!
        const b = targets[j]!
        const { together, apart } = rowsOf.get(`${a} ${b}`) ?? { together: [], apart: [] }
        pairs.push({
          a,
          b,
          colocation: tally(a, b, together),
          non_colocation: tally(a, b, apart),
          colocation_periods: together.slice(0, limit).map((r) => ({
            ...base(r),
            same_cell: r.same_cell,
            same_site: r.same_site,
            neighbouring: r.neighbouring,
            max_delay_s: r.max_delay_s,
            max_metres: round(r.max_metres, 0),
            sites: [...new Set([...r.a_sites, ...r.b_sites])].sort(),
            site_names: [...new Set([...r.a_site_names, ...r.b_site_names])].sort(),
          })),
          non_colocation_periods: apart.slice(0, limit).map((r) => ({
            ...base(r),
            min_km: round(r.min_metres / 1000, 2),
            max_km: round(r.max_metres / 1000, 2),
            a_sites: r.a_sites,
            b_sites: r.b_sites,
            a_site_names: r.a_site_names,
            b_site_names: r.b_site_names,
          })),
          truncated: together.length > limit || apart.length > limit,
        })
      }
    pairs.sort(
      (x, y) =>
        y.colocation.periods - x.colocation.periods ||
        y.colocation.instances - x.colocation.instances ||
        compare(x.a, y.a) ||
        compare(x.b, y.b),
    )
    return { targets, pairs, caution: CAUTION }
  },
}
