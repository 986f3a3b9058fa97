import { haversineMetres } from '@linesight/geo'
import type { AnalysisDefinition } from '../../core/definition.js'
import type { EventEvidence } from '../../core/evidence.js'
import {
  idsEvidence,
  isEvidential,
  positionSources,
  round,
  siteDecimalsParam,
  targetParam,
  windowParams,
  type CellPositionSource,
} from '../common/location-figures.js'
import type { DwellRow } from '../dwell-periods/dwell-periods.sql.js'
import { maxGapMinutesParam, readDwellPeriods } from '../dwell-periods/dwell-periods.js'
import { findJourneys } from './journeys.rules.js'

/** One end of a journey: the last event in the origin's area, or the first in the destination's. */
export interface JourneyEnd {
  readonly site: string
  readonly site_name: string | null
  readonly lat: number
  readonly lon: number
  readonly utc: string
  readonly local: string
  readonly time_semantics: string
  readonly event_id: string
}

export interface Journey {
  /** Sites of the stays the journey runs between. */
  readonly origin_site: string
  readonly destination_site: string
  /** The phone left the origin's area after this event ... */
  readonly departure: JourneyEnd
  /** ... and was in the destination's area by this one. */
  readonly arrival: JourneyEnd
  /** Sites used on the way, in order. */
  readonly via: readonly string[]
  /** Straight-line distance between the departure and arrival sites. */
  readonly distance_km: number
  readonly elapsed_minutes: number
  /** Straight-line distance over elapsed time; null when both events have the same time. A lower bound on speed. */
  readonly implied_kmh: number | null
  readonly position_sources: readonly CellPositionSource[]
  readonly evidential: boolean
  readonly evidence: EventEvidence
}

export interface JourneysResult {
  readonly target: string
  readonly journeys: readonly Journey[]
  readonly truncated: boolean
}

const end = (p: DwellRow, which: 'first' | 'last'): JourneyEnd => ({
  site: p.site,
  site_name: p.site_name,
  lat: p.lat,
  lon: p.lon,
  utc: which === 'first' ? p.first_utc : p.last_utc,
  local: which === 'first' ? p.first_local : p.last_local,
  time_semantics: which === 'first' ? p.first_semantics : p.last_semantics,
  event_id: which === 'first' ? p.first_id : p.last_id,
})

/** Journeys of one number between areas, from its dwell periods. */
export const journeys: AnalysisDefinition<JourneysResult> = {
  id: 'journeys',
  version: '1',
  title: 'Journeys between areas',
  description:
    'Finds journeys of one number between areas from its dwell periods (consecutive events on one site, see dwell-periods). A stay is a dwell period lasting at least minStayMinutes from its first to its last event; two consecutive stays more than minKm apart make a journey. The departure is the last event still within areaKm of the origin stay, the arrival the first event already within areaKm of the destination stay, and the sites used between are listed as passed through. Distance is the straight line between the departure and arrival sites, so the implied speed is a lower bound and says nothing of the route. The records show only when the phone communicated: it left some time after the departure event and arrived some time before the arrival event. Positions come from the cell list valid at each event; public-database positions are labelled and not evidential.',
  params: {
    target: targetParam,
    ...windowParams,
    maxGapMinutes: maxGapMinutesParam,
    minKm: {
      type: 'number',
      default: 10,
      min: 0,
      unit: 'km',
      description: 'Two consecutive stays further apart than this make a journey',
    },
    minStayMinutes: {
      type: 'integer',
      default: 30,
      min: 0,
      unit: 'minutes',
      description: 'A dwell period lasting at least this long (first to last event) is a stay',
    },
    areaKm: {
      type: 'number',
      default: 3,
      min: 0,
      unit: 'km',
      description:
        'Periods within this distance of a stay count as its area, for the departure and arrival events',
    },
    siteDecimals: siteDecimalsParam,
    limit: { type: 'integer', default: 1000, min: 1, max: 100_000, description: 'How many journeys to list' },
  },
  run: async (store, params, ctx) => {
    const target = String(params['target'])
    const limit = Number(params['limit'])
    const periods = await readDwellPeriods(store, params, ctx, {
      level: 'site',
      minEvents: 1,
      limit: 10_000_000,
    })
    const found = findJourneys(periods, {
      minStaySeconds: Number(params['minStayMinutes']) * 60,
      minMetres: Number(params['minKm']) * 1000,
      areaMetres: Number(params['areaKm']) * 1000,
    })
    const list = found.slice(0, limit).map((j): Journey => {
      const dep = periods[j.departure]!
      const arr = periods[j.arrival]!
      const via = j.via.map((i) => periods[i]!)
      const metres = haversineMetres(dep.lat, dep.lon, arr.lat, arr.lon)
      const seconds = arr.first_ts - dep.last_ts
      const sources = positionSources([...dep.sources, ...arr.sources, ...via.flatMap((v) => v.sources)])
      return {
        origin_site: periods[j.originStay]!.site,
        destination_site: periods[j.destinationStay]!.site,
        departure: end(dep, 'last'),
        arrival: end(arr, 'first'),
        via: via.map((v) => v.site),
        distance_km: round(metres / 1000, 2),
        elapsed_minutes: round(seconds / 60, 1),
        implied_kmh: seconds > 0 ? round(metres / 1000 / (seconds / 3600), 1) : null,
        position_sources: sources,
        evidential: isEvidential(sources),
        evidence: idsEvidence([target], [dep.last_id, ...via.flatMap((v) => v.ids), arr.first_id]),
      }
    })
    return { target, journeys: list, truncated: found.length > limit }
  },
}
