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
} from '../../locations/common/location-figures.js'
import { facingOf, type Facing } from '../../places/common/facing.js'
import { placeParams, resolvePlace, type PlaceRef } from '../../places/common/place.js'
import { eventWording } from './event-sequence.rules.js'
import { eventSequenceQuery, type SequenceRow } from './event-sequence.sql.js'

export interface SequenceEvent extends Omit<SequenceRow, 'position_source'> {
  readonly position_source: CellPositionSource | null
  /** False when the cell position is from a public database (or unknown). */
  readonly evidential: boolean
  /** From the cell's mast to the place (not from the phone), when a place is given and the cell has a position. */
  readonly distance_to_place_m: number | null
  readonly bearing_to_place_deg: number | null
  /** Whether the cell's sector points towards the place. */
  readonly place_facing: Facing | null
  /** The sentence for the cell and time, worded from the record's time semantics. */
  readonly wording: string
  readonly evidence: EventEvidence
}

export interface EventSequenceResult {
  readonly target: string
  readonly zone: string
  readonly place: PlaceRef | null
  readonly events: readonly SequenceEvent[]
  readonly truncated: boolean
}

/** A number's events in a window, each with its cell, site, source row, distance to a place and correct wording. */
export const eventSequence: AnalysisDefinition<EventSequenceResult> = {
  id: 'event-sequence',
  version: '1',
  title: 'Event sequence (schedule) with cells and wording',
  description:
    'Lists one number\'s events in a window in time order, each with its source file and row, local time in the analysis zone, the cell the record gives, that cell\'s site and position valid at the event time (network cell list first; public-database positions are labelled and not evidential) and, when a place is given, the distance and bearing from the cell\'s mast to the place and whether the sector points towards it. Each event carries the sentence to use: a call or text "used cell X at T"; a data session "used cell X at or before T (the start time)"; where the network gives the cell of the end of a data session (O2), "at or before the end time". The distance is from the mast, not from the phone: a cell is consistent with a place only if it serves it, which only a survey shows.',
  params: {
    target: targetParam,
    ...windowParams,
    ...placeParams,
    nearMastM: {
      type: 'number',
      default: 200,
      min: 0,
      unit: 'metres',
      description: 'Within this distance of the mast a place counts as at the mast, whatever the azimuth',
    },
    siteDecimals: siteDecimalsParam,
    limit: { type: 'integer', default: 2000, min: 1, max: 1_000_000, description: 'How many events to list' },
  },
  run: async (store, params, ctx) => {
    const target = String(params['target'])
    const place = await resolvePlace(store, params, 'event-sequence.params')
    const limit = Number(params['limit'])
    const nearMast = Number(params['nearMastM'])
    const rows = await store.run(eventSequenceQuery, {
      targets: [target],
      ...windowOf(params),
      siteDecimals: Number(params['siteDecimals']),
      zone: ctx.zone,
      limit: limit + 1,
    })
    return {
      target,
      zone: ctx.zone,
      place,
      events: rows.slice(0, limit).map((r): SequenceEvent => {
        const source = r.position_source === null ? null : positionSource(r.position_source)
        const geometry =
          place === null || r.lat === null || r.lon === null
            ? null
            : facingOf(
                { lat: r.lat, lon: r.lon, azimuth: r.azimuth, beamwidth: r.beamwidth },
                place,
                nearMast,
              )
        return {
          ...r,
          position_source: source,
          evidential: source !== null && isEvidential([source]),
          distance_to_place_m: geometry === null ? null : round(geometry.distance_m, 0),
          bearing_to_place_deg: geometry === null ? null : round(geometry.bearing_deg, 1),
          place_facing: geometry?.facing ?? null,
          wording: eventWording(r),
          evidence: idsEvidence([target], [r.id]),
        }
      }),
      truncated: rows.length > limit,
    }
  },
}
