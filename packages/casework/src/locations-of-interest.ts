import { ValidationError } from '@linesight/model'
import type { CaseStore, QuerySpec, SqlRow } from '@linesight/store'
import type { CaseSession } from './case-session.js'
import { SOFTWARE_VERSION } from './version.js'

/** What a place is to the case. */
export const LOCATION_KINDS = ['scene', 'home', 'alibi', 'other'] as const
export type LocationKind = (typeof LOCATION_KINDS)[number]

/** A place an analyst adds to the case: a scene, a home, an alibi address. Positions are WGS84. */
export interface LocationOfInterest {
  /** `L0001`, … in the order places were added; never reused. */
  readonly id: string
  readonly name: string
  readonly kind: LocationKind
  readonly lat: number
  readonly lon: number
  readonly address: string | null
  /** How far around the point the place extends (a building, an estate), if given. */
  readonly radius_m: number | null
  readonly notes: string | null
  readonly created_by: string
  readonly created_at: string
}

export interface LocationOfInterestInput {
  readonly name: string
  readonly kind: LocationKind
  readonly lat: number
  readonly lon: number
  readonly address?: string
  readonly radiusM?: number
  readonly notes?: string
}

/** One reading of a radio survey: the cell seen at a point, serving or as a neighbour. */
export interface SurveyReadingInput {
  /** The location of interest the survey was made for, when it was made for one. */
  readonly placeId?: string
  /** `spot`: readings at the point itself; `full`: a coverage survey of the area. */
  readonly surveyKind: 'spot' | 'full'
  /** ISO 8601 with Z or an offset. */
  readonly surveyedAt: string
  readonly lat: number
  readonly lon: number
  /** `mcc-mnc-lac-ci`, as the cell lists give it. */
  readonly cgi: string
  readonly serving: boolean
  readonly signalDbm?: number
  readonly technology?: string
  readonly surveyedBy?: string
  readonly notes?: string
}

const COLUMNS = 'id, name, kind, lat, lon, address, radius_m, notes, created_by, created_at'

const readPlace = (r: SqlRow): LocationOfInterest => ({
  id: String(r['id']),
  name: String(r['name']),
  kind: String(r['kind']) as LocationKind,
  lat: Number(r['lat']),
  lon: Number(r['lon']),
  address: r['address'] === null ? null : String(r['address']),
  radius_m: r['radius_m'] === null ? null : Number(r['radius_m']),
  notes: r['notes'] === null ? null : String(r['notes']),
  created_by: String(r['created_by']),
  created_at: String(r['created_at']),
})

const selectColumns = `id, name, kind, lat, lon, address, radius_m, notes, created_by,
  strftime(created_at, '%Y-%m-%dT%H:%M:%SZ') AS created_at`

type InsertParam = 'name' | 'kind' | 'lat' | 'lon' | 'address' | 'radius' | 'notes' | 'by' | 'at'

const insertPlace: QuerySpec<LocationOfInterest, InsertParam> = {
  id: 'location-of-interest-add',
  sql: {
    duckdb: `INSERT INTO locations_of_interest (${COLUMNS})
      VALUES ('L' || lpad(CAST(nextval('locations_of_interest_seq') AS VARCHAR), 4, '0'), $name, $kind, CAST($lat AS DOUBLE),
        CAST($lon AS DOUBLE), CAST($address AS VARCHAR), CAST($radius AS DOUBLE), CAST($notes AS VARCHAR), $by,
        CAST(CAST($at AS TIMESTAMPTZ) AS TIMESTAMP))
      RETURNING ${selectColumns}`,
  },
  params: ['name', 'kind', 'lat', 'lon', 'address', 'radius', 'notes', 'by', 'at'],
  row: readPlace,
}

const listPlaces: QuerySpec<LocationOfInterest, never> = {
  id: 'location-of-interest-list',
  sql: { duckdb: `SELECT ${selectColumns} FROM locations_of_interest ORDER BY id` },
  params: [],
  row: readPlace,
}

const deletePlace: QuerySpec<LocationOfInterest, 'id'> = {
  id: 'location-of-interest-remove',
  sql: { duckdb: `DELETE FROM locations_of_interest WHERE id = $id RETURNING ${selectColumns}` },
  params: ['id'],
  row: readPlace,
}

type ReadingParam =
  | 'place'
  | 'kind'
  | 'at'
  | 'lats'
  | 'lons'
  | 'cgis'
  | 'serving'
  | 'signals'
  | 'technologies'
  | 'surveyedBy'
  | 'notes'
  | 'by'
  | 'now'

const insertReadings: QuerySpec<{ id: string }, ReadingParam> = {
  id: 'survey-readings-add',
  sql: {
    duckdb: `INSERT INTO survey_readings (id, place_id, survey_kind, surveyed_at, lat, lon, cgi, serving, signal_dbm,
        technology, surveyed_by, notes, created_by, created_at)
      SELECT 'S' || lpad(CAST(nextval('survey_readings_seq') AS VARCHAR), 6, '0'), CAST($place AS VARCHAR), $kind,
        CAST(CAST($at AS TIMESTAMPTZ) AS TIMESTAMP), CAST(lat AS DOUBLE), CAST(lon AS DOUBLE), cgi, serving = 'true',
        CAST(nullif(signal, '') AS DOUBLE), nullif(technology, ''), CAST($surveyedBy AS VARCHAR), CAST($notes AS VARCHAR), $by,
        CAST(CAST($now AS TIMESTAMPTZ) AS TIMESTAMP)
      FROM (SELECT unnest($lats::VARCHAR[]) AS lat, unnest($lons::VARCHAR[]) AS lon, unnest($cgis::VARCHAR[]) AS cgi,
        unnest($serving::VARCHAR[]) AS serving, unnest($signals::VARCHAR[]) AS signal,
        unnest($technologies::VARCHAR[]) AS technology)
      RETURNING id`,
  },
  params: [
    'place',
    'kind',
    'at',
    'lats',
    'lons',
    'cgis',
    'serving',
    'signals',
    'technologies',
    'surveyedBy',
    'notes',
    'by',
    'now',
  ],
  row: (r) => ({ id: String(r['id']) }),
}

const TIME =
  /^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,6})?)?(Z|[+-][0-9]{2}:[0-9]{2})$/
const CGI = /^[0-9]{3}-[0-9]{2,3}-[0-9]*-[0-9]+$/

function checkPosition(path: string, lat: number, lon: number): void {
  if (!Number.isFinite(lat) || lat < -90 || lat > 90)
    throw new ValidationError(`${path}.lat`, `latitude must be between -90 and 90, got ${lat}`)
  if (!Number.isFinite(lon) || lon < -180 || lon > 180)
    throw new ValidationError(`${path}.lon`, `longitude must be between -180 and 180, got ${lon}`)
}

function checkPlace(input: LocationOfInterestInput): void {
  if (input.name.trim() === '') throw new ValidationError('place.name', 'a place needs a name')
  if (!LOCATION_KINDS.includes(input.kind))
    throw new ValidationError(
      'place.kind',
      `expected one of ${LOCATION_KINDS.join(', ')}, got "${input.kind}"`,
    )
  checkPosition('place', input.lat, input.lon)
  if (input.radiusM !== undefined && !(Number.isFinite(input.radiusM) && input.radiusM > 0))
    throw new ValidationError('place.radiusM', `must be a positive number of metres, got ${input.radiusM}`)
}

/** Adds a place to the case and records who added it, when, in the audit log. */
export async function addLocationOfInterest(
  session: CaseSession,
  input: LocationOfInterestInput,
  options: { readonly now: Date },
): Promise<LocationOfInterest> {
  checkPlace(input)
  const [place] = await session.store.run(insertPlace, {
    name: input.name.trim(),
    kind: input.kind,
    lat: input.lat,
    lon: input.lon,
    address: input.address ?? null,
    radius: input.radiusM ?? null,
    notes: input.notes ?? null,
    by: session.actor,
    at: options.now.toISOString(),
  })
  if (place === undefined) throw new Error('the place was not stored')
  await session.store.appendAudit({
    logged_at: options.now.toISOString(),
    actor: session.actor,
    action: 'location-of-interest.add',
    details_json: JSON.stringify(place),
    software_version: SOFTWARE_VERSION,
  })
  return place
}

/** Every place in the case, by id. */
export function listLocationsOfInterest(store: CaseStore): Promise<readonly LocationOfInterest[]> {
  return store.run(listPlaces, {})
}

/** Removes a place (its survey readings stay, with their place id) and records the removal in the audit log. */
export async function removeLocationOfInterest(
  session: CaseSession,
  id: string,
  options: { readonly now: Date },
): Promise<LocationOfInterest> {
  const [removed] = await session.store.run(deletePlace, { id })
  if (removed === undefined)
    throw new ValidationError('place.id', `no location of interest "${id}" in this case`)
  await session.store.appendAudit({
    logged_at: options.now.toISOString(),
    actor: session.actor,
    action: 'location-of-interest.remove',
    details_json: JSON.stringify(removed),
    software_version: SOFTWARE_VERSION,
  })
  return removed
}

/**
 * Adds the readings of one survey (one kind, one time, optionally for one place) and records it in the audit log.
 * Returns the new reading ids.
 */
export async function addSurveyReadings(
  session: CaseSession,
  survey: {
    readonly placeId?: string
    readonly surveyKind: 'spot' | 'full'
    readonly surveyedAt: string
    readonly surveyedBy?: string
    readonly notes?: string
  },
  readings: readonly Omit<
    SurveyReadingInput,
    'placeId' | 'surveyKind' | 'surveyedAt' | 'surveyedBy' | 'notes'
  >[],
  options: { readonly now: Date },
): Promise<readonly string[]> {
  if (survey.surveyKind !== 'spot' && survey.surveyKind !== 'full')
    throw new ValidationError(
      'survey.surveyKind',
      `expected spot or full, got "${String(survey.surveyKind)}"`,
    )
  if (!TIME.test(survey.surveyedAt))
    throw new ValidationError(
      'survey.surveyedAt',
      `"${survey.surveyedAt}" is not ISO 8601 with Z or an offset`,
    )
  if (survey.placeId !== undefined) {
    const places = await listLocationsOfInterest(session.store)
    if (!places.some((p) => p.id === survey.placeId))
      throw new ValidationError('survey.placeId', `no location of interest "${survey.placeId}" in this case`)
  }
  readings.forEach((r, i) => {
    checkPosition(`survey.readings[${i}]`, r.lat, r.lon)
    if (!CGI.test(r.cgi))
      throw new ValidationError(`survey.readings[${i}].cgi`, `"${r.cgi}" is not mcc-mnc-lac-ci in decimal`)
    if (r.signalDbm !== undefined && !Number.isFinite(r.signalDbm))
      throw new ValidationError(`survey.readings[${i}].signalDbm`, `must be a number of dBm`)
  })
  if (readings.length === 0) return []
  const ids = await session.store.run(insertReadings, {
    place: survey.placeId ?? null,
    kind: survey.surveyKind,
    at: survey.surveyedAt,
    lats: readings.map((r) => String(r.lat)),
    lons: readings.map((r) => String(r.lon)),
    cgis: readings.map((r) => r.cgi),
    serving: readings.map((r) => String(r.serving)),
    signals: readings.map((r) => (r.signalDbm === undefined ? '' : String(r.signalDbm))),
    technologies: readings.map((r) => r.technology ?? ''),
    surveyedBy: survey.surveyedBy ?? null,
    notes: survey.notes ?? null,
    by: session.actor,
    now: options.now.toISOString(),
  })
  await session.store.appendAudit({
    logged_at: options.now.toISOString(),
    actor: session.actor,
    action: 'survey-readings.add',
    details_json: JSON.stringify({ ...survey, readings: ids.length, ids: ids.map((x) => x.id) }),
    software_version: SOFTWARE_VERSION,
  })
  return ids.map((x) => x.id)
}
