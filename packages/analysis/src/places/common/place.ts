import { ValidationError } from '@linesight/model'
import type { CaseStore, QuerySpec, SqlRow } from '@linesight/store'
import type { ParamSpec, Params } from '../../core/params.js'

/** A location of interest as the analyses read it (the `locations_of_interest` table, or a point given directly). */
export interface PlaceRef {
  /** Null for a point given as placeLat/placeLon. */
  readonly id: string | null
  readonly name: string
  readonly kind: string
  readonly lat: number
  readonly lon: number
  readonly address: string | null
  readonly radius_m: number | null
}

const readPlace = (r: SqlRow): PlaceRef => ({
  id: String(r['id']),
  name: String(r['name']),
  kind: String(r['kind']),
  lat: Number(r['lat']),
  lon: Number(r['lon']),
  address: r['address'] === null ? null : String(r['address']),
  radius_m: r['radius_m'] === null ? null : Number(r['radius_m']),
})

/** Places of the case: one by id, or all when `$id` is null. */
export const placesQuery: QuerySpec<PlaceRef, 'id'> = {
  id: 'locations-of-interest',
  sql: {
    duckdb: `SELECT id, name, kind, lat, lon, address, radius_m FROM locations_of_interest
      WHERE $id IS NULL OR id = $id ORDER BY id`,
  },
  params: ['id'],
  row: readPlace,
}

/** The place parameters: a location of interest by id, or a point. */
export const placeParams: Readonly<Record<'place' | 'placeLat' | 'placeLon', ParamSpec>> = {
  place: {
    type: 'string',
    default: null,
    description: 'Id of a location of interest in the case (e.g. L0001)',
  },
  placeLat: {
    type: 'number',
    default: null,
    min: -90,
    max: 90,
    unit: 'degrees',
    description: 'Latitude (WGS84) of a point to measure to, instead of a location of interest',
  },
  placeLon: {
    type: 'number',
    default: null,
    min: -180,
    max: 180,
    unit: 'degrees',
    description: 'Longitude (WGS84) of that point',
  },
}

/** The place the parameters name, or null when they name none. `path` prefixes error paths. */
export async function resolvePlace(store: CaseStore, params: Params, path: string): Promise<PlaceRef | null> {
  const id = params['place']
  const lat = params['placeLat']
  const lon = params['placeLon']
  const hasPoint = typeof lat === 'number' || typeof lon === 'number'
  if (typeof id === 'string') {
    if (hasPoint) throw new ValidationError(`${path}.place`, 'give a place id or placeLat/placeLon, not both')
    const [place] = await store.run(placesQuery, { id })
    if (place === undefined)
      throw new ValidationError(`${path}.place`, `no location of interest "${id}" in this case`)
    return place
  }
  if (!hasPoint) return null
  if (typeof lat !== 'number') throw new ValidationError(`${path}.placeLat`, 'needed with placeLon')
  if (typeof lon !== 'number') throw new ValidationError(`${path}.placeLon`, 'needed with placeLat')
  return { id: null, name: `point ${lat}, ${lon}`, kind: 'point', lat, lon, address: null, radius_m: null }
}
