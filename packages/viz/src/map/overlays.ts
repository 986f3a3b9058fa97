import type { LonLat } from '@linesight/geo'
import type { CellSite, EventPoint } from '../data.js'
import type { EvidenceRef } from '../evidence.js'

/**
 * Analysis results placed on the map: journeys (journeys analysis), co-locations (colocation analysis) and
 * locations of interest. The shapes below are the parts of the results' JSON these transforms read; the analyses
 * themselves run on the server.
 */

export interface JourneyEndInput {
  readonly site: string
  readonly site_name: string | null
  readonly lat: number
  readonly lon: number
  readonly utc: string
  readonly event_id: string
}

export interface JourneyInput {
  readonly departure: JourneyEndInput
  readonly arrival: JourneyEndInput
  readonly via: readonly string[]
  readonly distance_km: number
  readonly elapsed_minutes: number
  readonly implied_kmh: number | null
  readonly evidential: boolean
  readonly evidence: EvidenceRef
}

export interface JourneysInput {
  readonly target: string
  readonly journeys: readonly JourneyInput[]
  readonly truncated: boolean
}

/** A journey as a straight line from the departure site to the arrival site: not the route taken. */
export interface JourneyLine {
  readonly id: string
  readonly target: string
  readonly from: LonLat
  readonly to: LonLat
  /** Epoch ms of the departure and arrival events, for playback. */
  readonly departureMs: number
  readonly arrivalMs: number
  readonly journey: JourneyInput
}

/** Whether a journey was under way at some moment of the playback window (`windowMs` up to `at`). */
export const journeyInWindow = (line: JourneyLine, at: number, windowMs: number): boolean =>
  line.departureMs <= at && line.arrivalMs >= at - windowMs

/** One line per journey of each number, in the order the analysis lists them. */
export function journeyLines(results: readonly JourneysInput[]): JourneyLine[] {
  return results.flatMap((r) =>
    r.journeys.map((j, i) => ({
      id: `journey:${r.target}:${i}`,
      target: r.target,
      from: [j.departure.lon, j.departure.lat] as const,
      to: [j.arrival.lon, j.arrival.lat] as const,
      departureMs: Date.parse(j.departure.utc),
      arrivalMs: Date.parse(j.arrival.utc),
      journey: j,
    })),
  )
}

export interface ColocationPeriodInput {
  readonly first_utc: string
  readonly last_utc: string
  readonly instances: number
  readonly same_cell: number
  readonly same_site: number
  readonly neighbouring: number
  readonly max_delay_s: number
  readonly site_names: readonly string[]
  readonly evidential: boolean
  readonly evidence: EvidenceRef
}

export interface ColocationInput {
  readonly pairs: readonly {
    readonly a: string
    readonly b: string
    readonly colocation_periods: readonly ColocationPeriodInput[]
  }[]
  readonly caution: string
}

/** A co-location period at the mean position of the masts its events name (where their serving areas meet). */
export interface ColocationMark {
  readonly id: string
  readonly a: string
  readonly b: string
  readonly at: LonLat
  /** Distinct masts (cell positions) the period's loaded events name. */
  readonly masts: number
  readonly period: ColocationPeriodInput
}

export interface ColocationMarks {
  readonly marks: readonly ColocationMark[]
  /** Periods none of whose events are loaded or positioned (not drawn, but counted). */
  readonly undrawn: number
}

/**
 * Places each co-location period where the cells of its events are: the events are found by the evidence's ids
 * among the loaded events, their cells through `cellOf`. A period whose events are not loaded is counted, not drawn.
 */
export function colocationMarks(
  result: ColocationInput,
  events: readonly EventPoint[],
  cellOf: (cgi: string) => CellSite | undefined,
): ColocationMarks {
  const byId = new Map(events.map((e) => [e.id, e]))
  const marks: ColocationMark[] = []
  let undrawn = 0
  for (const pair of result.pairs)
    pair.colocation_periods.forEach((period, i) => {
      const ids = Array.isArray(period.evidence['ids']) ? (period.evidence['ids'] as readonly string[]) : []
      const masts = new Map<string, LonLat>()
      for (const id of ids) {
        const cgi = byId.get(id)?.cgi
        const cell = cgi === null || cgi === undefined ? undefined : cellOf(cgi)
        if (cell !== undefined) masts.set(`${cell.lat},${cell.lon}`, [cell.lon, cell.lat])
      }
      if (masts.size === 0) {
        undrawn++
        return
      }
      const points = [...masts.values()]
      const at: LonLat = [
        points.reduce((s, p) => s + p[0], 0) / points.length,
        points.reduce((s, p) => s + p[1], 0) / points.length,
      ]
      marks.push({
        id: `colocation:${pair.a}|${pair.b}:${i}`,
        a: pair.a,
        b: pair.b,
        at,
        masts: masts.size,
        period,
      })
    })
  return { marks, undrawn }
}

/** A location of interest as the server lists it (`GET /api/cases/:id/places`). */
export interface PlaceInput {
  readonly id: string
  readonly name: string
  readonly kind: string
  readonly lat: number
  readonly lon: number
  readonly address: string | null
  readonly radius_m: number | null
  readonly notes: string | null
}

/** How big a place's marker is drawn when it declares no radius, in metres (only so it can be seen and clicked). */
export const PLACE_MARKER_METRES = 60

export interface PlaceMark {
  readonly id: string
  readonly at: LonLat
  /** The place's own radius, or the marker size when it declares none. */
  readonly radiusMetres: number
  readonly radiusDeclared: boolean
  readonly place: PlaceInput
}

export const placeMarks = (places: readonly PlaceInput[]): PlaceMark[] =>
  places.map((p) => ({
    id: `place:${p.id}`,
    at: [p.lon, p.lat] as const,
    radiusMetres: p.radius_m ?? PLACE_MARKER_METRES,
    radiusDeclared: p.radius_m !== null,
    place: p,
  }))
