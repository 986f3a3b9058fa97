import type { AnalysisDefinition } from '../../core/definition.js'
import type { EventEvidence } from '../../core/evidence.js'
import {
  asStrings,
  idsEvidence,
  isEvidential,
  positionSource,
  round,
  text,
  windowOf,
  windowParams,
  type CellPositionSource,
} from '../../locations/common/location-figures.js'
import { facingOf, type Facing } from '../common/facing.js'
import { placesQuery, type PlaceRef } from '../common/place.js'
import {
  candidateCellsQuery,
  placeUseQuery,
  surveyQuery,
  type CandidateRow,
  type PlaceUseRow,
  type SurveyRow,
} from './places.sql.js'

/** What surveys for the place saw of a cell. */
export interface SurveySeen {
  readonly readings: number
  /** Readings in which the cell was the serving cell. */
  readonly serving: number
  readonly best_dbm: number | null
  /** `spot` (at the point) and/or `full` (coverage of the area). */
  readonly kinds: readonly string[]
  readonly first_surveyed: string
  readonly last_surveyed: string
}

/** A cell that may serve the place, by geometry and any survey. Only a survey shows what serves a place. */
export interface CandidateCell {
  readonly rank: number
  readonly cell: string
  readonly technology: string
  readonly site_id: string | null
  readonly site_name: string | null
  readonly lat: number
  readonly lon: number
  readonly azimuth: number | null
  readonly beamwidth: number | null
  readonly position_source: CellPositionSource
  readonly evidential: boolean
  readonly valid_from: string | null
  readonly valid_to: string | null
  /** From the mast to the place. */
  readonly distance_m: number
  readonly bearing_to_place_deg: number
  readonly off_axis_deg: number | null
  readonly facing: Facing
  readonly survey: SurveySeen | null
}

export interface PlaceCellUse {
  readonly cell: string
  readonly events: number
  readonly first_utc: string
  readonly last_utc: string
  readonly evidence: EventEvidence
}

/** A number's events on the place's candidate cells. */
export interface PlaceUser {
  readonly number: string
  readonly events: number
  readonly first_utc: string
  readonly last_utc: string
  readonly cells: readonly PlaceCellUse[]
  readonly evidence: EventEvidence
}

export interface PlaceReport {
  readonly place: PlaceRef
  readonly cells: readonly CandidateCell[]
  /** Cells a survey saw at the place that no cell list in the case positions (so they cannot be ranked by geometry). */
  readonly surveyed_unlisted: readonly (SurveySeen & { readonly cell: string })[]
  readonly users: readonly PlaceUser[]
}

export interface PlacesResult {
  readonly places: readonly PlaceReport[]
  readonly caution: string
}

const CAUTION =
  'Candidate cells are ranked by geometry from the cell list: a cell whose sector points towards the place before one pointing away, then by distance from the mast. This is not coverage: a nearby mast may not serve a place and a distant one may (R v Calland). Only a survey at the place shows which cells serve it; use was consistent with the phone being within the cell’s serving area, which may or may not include the place.'

const FACING_ORDER: Readonly<Record<Facing, number>> = { 'at-mast': 0, toward: 0, 'no-sector': 1, away: 2 }

const compare = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0)

/**
 * The order: cells a survey saw serving the place first (most serving readings first); then network positions
 * before public estimates; then sectors pointing towards the place (or the place at the mast) before cells with no
 * sector, before sectors pointing away; then by distance; then by cell id.
 */
export function rankServingCandidates(cells: readonly Omit<CandidateCell, 'rank'>[]): CandidateCell[] {
  return [...cells]
    .sort(
      (a, b) =>
        (b.survey?.serving ?? 0) - (a.survey?.serving ?? 0) ||
        Number(a.position_source === 'public-fallback') - Number(b.position_source === 'public-fallback') ||
        FACING_ORDER[a.facing] - FACING_ORDER[b.facing] ||
        a.distance_m - b.distance_m ||
        compare(a.cell, b.cell),
    )
    .map((c, i) => ({ ...c, rank: i + 1 }))
}

const seen = (s: SurveyRow): SurveySeen => ({
  readings: s.readings,
  serving: s.serving,
  best_dbm: s.best_dbm,
  kinds: s.kinds,
  first_surveyed: s.first_surveyed,
  last_surveyed: s.last_surveyed,
})

const useEvidence = (r: PlaceUseRow): EventEvidence => ({
  kind: 'events',
  targets: [r.number],
  cells: r.cgis,
  ...(r.from_utc === null ? {} : { from: r.from_utc }),
  ...(r.to_utc === null ? {} : { to: r.to_utc }),
  count: r.events,
})

/** Locations of interest: the cells that may serve each, and which numbers' events used them. */
export const places: AnalysisDefinition<PlacesResult> = {
  id: 'places',
  version: '1',
  title: 'Locations of interest: candidate cells and their use',
  description:
    "For each location of interest in the case (or one), lists the cells that may serve it: cells whose position (the network cell list valid in the window; public-database estimates labelled and not evidential) is within maxDistanceM, ranked so that a cell whose sector (azimuth ± half the beamwidth) points towards the place comes before one pointing away, then by distance from the mast; cells a survey saw serving at the place rank first, and survey readings are shown with their kind (spot or full) and date. Then it lists which numbers' events used those cells in the window. This is geometry, not coverage: only a survey shows which cells serve a place, and use of a cell is consistent with the phone being within its serving area, not at the place.",
  params: {
    place: {
      type: 'string',
      default: null,
      description: 'Id of one location of interest (e.g. L0001); every place in the case when unset',
    },
    targets: {
      type: 'string-list',
      phone: 'each',
      default: [],
      description: 'Numbers whose events are counted; every number in the case when empty',
    },
    ...windowParams,
    maxDistanceM: {
      type: 'number',
      default: 5000,
      min: 1,
      max: 100_000,
      unit: 'metres',
      description:
        'Cells whose mast is further than this from the place are not listed (unless a survey saw them)',
    },
    nearMastM: {
      type: 'number',
      default: 200,
      min: 0,
      unit: 'metres',
      description: 'Within this distance of the mast a place counts as at the mast, whatever the azimuth',
    },
    surveyRadiusM: {
      type: 'number',
      default: 100,
      min: 0,
      unit: 'metres',
      description:
        "Survey readings within the place's radius (or, without one, this distance) count as taken at the place",
    },
    limit: {
      type: 'integer',
      default: 10,
      min: 1,
      max: 1000,
      description: 'How many candidate cells per place',
    },
  },
  run: async (store, params) => {
    const placeList = await store.run(placesQuery, { id: text(params, 'place') })
    if (placeList.length === 0) return { places: [], caution: CAUTION }
    const window = windowOf(params)
    const limit = Number(params['limit'])
    const nearMast = Number(params['nearMastM'])
    const lists = {
      ids: placeList.map((p) => p.id ?? ''),
      lats: placeList.map((p) => String(p.lat)),
      lons: placeList.map((p) => String(p.lon)),
      radii: placeList.map((p) => (p.radius_m === null ? '' : String(p.radius_m))),
    }
    const surveys = await store.run(surveyQuery, { ...lists, surveyRadius: Number(params['surveyRadiusM']) })
    const candidates = await store.run(candidateCellsQuery, {
      ...lists,
      ...window,
      maxDistance: Number(params['maxDistanceM']),
      surveyed: surveys.map((s) => `${s.place}|${s.cgi}`),
    })
    const chosen = new Map<string, CandidateCell[]>()
    for (const place of placeList) {
      const mine = candidates
        .filter((c) => c.place === place.id)
        .map((c: CandidateRow): Omit<CandidateCell, 'rank'> => {
          const g = facingOf(c, place, nearMast)
          const source = positionSource(c.source_kind)
          const survey = surveys.find((s) => s.place === place.id && s.cgi === c.cgi)
          return {
            cell: c.cgi,
            technology: c.technology,
            site_id: c.site_id,
            site_name: c.site_name,
            lat: c.lat,
            lon: c.lon,
            azimuth: c.azimuth,
            beamwidth: c.beamwidth,
            position_source: source,
            evidential: isEvidential([source]),
            valid_from: c.valid_from,
            valid_to: c.valid_to,
            distance_m: round(g.distance_m, 0),
            bearing_to_place_deg: round(g.bearing_deg, 1),
            off_axis_deg: g.off_axis_deg === null ? null : round(g.off_axis_deg, 1),
            facing: g.facing,
            survey: survey === undefined ? null : seen(survey),
          }
        })
      chosen.set(place.id ?? '', rankServingCandidates(mine).slice(0, limit))
    }
    const flat = placeList.flatMap((p) =>
      (chosen.get(p.id ?? '') ?? []).map((c) => ({
        place: p.id ?? '',
        row: candidates.find((x) => x.place === p.id && x.cgi === c.cell)!,
      })),
    )
    const uses =
      flat.length === 0
        ? []
        : await store.run(placeUseQuery, {
            places: flat.map((f) => f.place),
            cgis: flat.map((f) => f.row.cgi),
            mccs: flat.map((f) => f.row.mcc),
            mncs: flat.map((f) => f.row.mnc),
            lacs: flat.map((f) => f.row.lac),
            cis: flat.map((f) => f.row.ci),
            techs: flat.map((f) => f.row.technology),
            validFroms: flat.map((f) => f.row.valid_from ?? ''),
            validTos: flat.map((f) => f.row.valid_to ?? ''),
            targets: asStrings(params['targets']),
            ...window,
          })
    return {
      places: placeList.map((place): PlaceReport => {
        const cells = chosen.get(place.id ?? '') ?? []
        const listed = new Set(candidates.filter((c) => c.place === place.id).map((c) => c.cgi))
        const rows = uses.filter((u) => u.place === place.id)
        const numbers = [...new Set(rows.map((r) => r.number))]
        const users = numbers.map((number): PlaceUser => {
          const mine = rows.filter((r) => r.number === number)
          const rank = (cell: string): number => cells.find((c) => c.cell === cell)?.rank ?? 0
          const cellUses = [...mine]
            .sort((a, b) => rank(a.cell) - rank(b.cell))
            .map((r) => ({
              cell: r.cell,
              events: r.events,
              first_utc: r.first_utc,
              last_utc: r.last_utc,
              evidence: useEvidence(r),
            }))
          return {
            number,
            events: mine.reduce((n, r) => n + r.events, 0),
            first_utc: mine.map((r) => r.first_utc).sort()[0]!,
            last_utc: mine
              .map((r) => r.last_utc)
              .sort()
              .at(-1)!,
            cells: cellUses,
            evidence: idsEvidence(
              [number],
              mine.flatMap((r) => r.ids),
            ),
          }
        })
        users.sort((a, b) => b.events - a.events || compare(a.number, b.number))
        return {
          place,
          cells,
          surveyed_unlisted: surveys
            .filter((s) => s.place === place.id && !listed.has(s.cgi))
            .map((s) => ({ cell: s.cgi, ...seen(s) })),
          users,
        }
      }),
      caution: CAUTION,
    }
  },
}
