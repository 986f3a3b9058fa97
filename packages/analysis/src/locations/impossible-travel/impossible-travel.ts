import { haversineMetres } from '@linesight/geo'
import type { AnalysisDefinition } from '../../core/definition.js'
import type { EventEvidence } from '../../core/evidence.js'
import {
  idsEvidence,
  isEvidential,
  positionSource,
  round,
  siteDecimalsParam,
  targetParam,
  windowOf,
  windowParams,
  type CellPositionSource,
} from '../common/location-figures.js'
import { impossibleTravelQuery, type TravelPoint } from './impossible-travel.sql.js'

export interface TravelEnd extends Omit<TravelPoint, 'position_source'> {
  readonly position_source: CellPositionSource
}

export interface ImpossibleTravelFlag {
  readonly from: TravelEnd
  readonly to: TravelEnd
  /** Straight line between the two cells' positions. */
  readonly distance_km: number
  /** Distance less the assumed serving radius around each cell: the least the phone must have moved. */
  readonly min_distance_km: number
  readonly seconds: number
  /** Added to the time when either time was given to the minute only. */
  readonly time_allowance_s: number
  /** Least implied speed; null when the two times are equal (no time at all to cover the distance). */
  readonly implied_kmh: number | null
  readonly evidential: boolean
  readonly evidence: EventEvidence
}

export interface ImpossibleTravelResult {
  readonly target: string
  /** Consecutive pairs of events with a cell position looked at. */
  readonly pairs_checked: number
  readonly flags: readonly ImpossibleTravelFlag[]
  readonly truncated: boolean
  /** What a flag does and does not show. */
  readonly caution: string
}

const CAUTION =
  'A flag means the two records cannot both be right for one handset carried between the two serving areas in the time between them: possible reasons include a wrong or outdated cell position, a cell serving far beyond the assumed radius, a wrong time or zone, or the number being used in two handsets. It is a question to resolve, not evidence by itself.'

const end = (p: TravelPoint): TravelEnd => ({ ...p, position_source: positionSource(p.position_source) })

/** Consecutive events of one number whose cells imply a speed no handset carried by one person could reach. */
export const impossibleTravel: AnalysisDefinition<ImpossibleTravelResult> = {
  id: 'impossible-travel',
  version: '1',
  title: 'Impossible travel between consecutive events',
  description:
    "Checks each pair of consecutive events of one number that have a cell position: the straight-line distance between the two cells' positions, less assumedRadiusM of serving area around each, over the time between the events (plus a minute when either time was given to the minute only) is the least speed the phone must have moved at. Pairs above maxKmh are flagged. By default only events whose cell was used at the time given are checked (voice, SMS): a data session's cell was used at or before the time shown, so its true time may be earlier. Positions are the cell list's, valid at each event; public-database positions are labelled and not evidential. A flag is a question about the records (positions, times, zones, a second handset), not evidence by itself.",
  params: {
    target: targetParam,
    ...windowParams,
    maxKmh: {
      type: 'number',
      default: 200,
      min: 1,
      unit: 'km/h',
      description: 'Flag pairs whose least implied speed is above this',
    },
    assumedRadiusM: {
      type: 'number',
      default: 2000,
      min: 0,
      unit: 'metres',
      description:
        'Serving radius assumed around each cell position: the phone may have been this far from the mast',
    },
    includeDataEvents: {
      type: 'boolean',
      default: false,
      description: 'Also check data sessions, whose cell was used at or before the time shown',
    },
    siteDecimals: siteDecimalsParam,
    limit: {
      type: 'integer',
      default: 1000,
      min: 1,
      max: 100_000,
      description: 'How many flagged pairs to list',
    },
  },
  run: async (store, params, ctx) => {
    const target = String(params['target'])
    const limit = Number(params['limit'])
    const radius = Number(params['assumedRadiusM'])
    const rows = await store.run(impossibleTravelQuery, {
      targets: [target],
      ...windowOf(params),
      siteDecimals: Number(params['siteDecimals']),
      zone: ctx.zone,
      maxKmh: Number(params['maxKmh']),
      radiusM: radius,
      includeData: params['includeDataEvents'] === true,
      limit: limit + 2,
    })
    const pairs = rows.filter((r) => r.kind === 'pair')
    const flags = pairs.slice(0, limit).map((r): ImpossibleTravelFlag => {
      const a = r.a!
      const b = r.b!
      const metres = haversineMetres(a.lat, a.lon, b.lat, b.lon)
      const least = Math.max(0, metres - 2 * radius)
      const seconds = r.seconds + r.time_allowance_s
      const sources = [positionSource(a.position_source), positionSource(b.position_source)]
      return {
        from: end(a),
        to: end(b),
        distance_km: round(metres / 1000, 2),
        min_distance_km: round(least / 1000, 2),
        seconds: r.seconds,
        time_allowance_s: r.time_allowance_s,
        implied_kmh: seconds > 0 ? round(least / 1000 / (seconds / 3600), 1) : null,
        evidential: isEvidential(sources),
        evidence: idsEvidence([target], [a.id, b.id]),
      }
    })
    return {
      target,
      pairs_checked: rows.find((r) => r.kind === 'summary')?.checked ?? 0,
      flags,
      truncated: pairs.length > limit,
      caution: CAUTION,
    }
  },
}
