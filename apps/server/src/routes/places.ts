import {
  addLocationOfInterest,
  listLocationsOfInterest,
  LOCATION_KINDS,
  type LocationKind,
  type LocationOfInterestInput,
} from '@linesight/casework'
import type { CaseDirectory } from '../cases/case-directory.js'
import { readJson } from '../http/body.js'
import { HttpError } from '../http/errors.js'
import type { Router } from '../http/router.js'
import { caseId, isRecord } from '../http/validate.js'

const FIELDS = new Set(['name', 'kind', 'lat', 'lon', 'address', 'radiusM', 'notes'])

/** Reads a place from a request body field by field; casework checks the values (ranges, kinds). */
export function parsePlace(body: unknown): LocationOfInterestInput {
  if (!isRecord(body))
    throw new HttpError(400, 'expected a place { name, kind, lat, lon, address?, radiusM?, notes? }')
  for (const k of Object.keys(body)) if (!FIELDS.has(k)) throw new HttpError(400, 'unknown field', k)
  const text = (k: string, required: boolean): string | undefined => {
    const v = body[k]
    if ((v === undefined || v === null || v === '') && !required) return undefined
    if (typeof v !== 'string' || v.length > 500)
      throw new HttpError(400, 'expected text of at most 500 characters', k)
    return v
  }
  const number = (k: string, required: boolean): number | undefined => {
    const v = body[k]
    if ((v === undefined || v === null) && !required) return undefined
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new HttpError(400, 'expected a number', k)
    return v
  }
  const kind = text('kind', true)!
  if (!(LOCATION_KINDS as readonly string[]).includes(kind))
    throw new HttpError(400, `expected one of ${LOCATION_KINDS.join(', ')}`, 'kind')
  const address = text('address', false)
  const radiusM = number('radiusM', false)
  const notes = text('notes', false)
  return {
    name: text('name', true)!,
    kind: kind as LocationKind,
    lat: number('lat', true)!,
    lon: number('lon', true)!,
    ...(address === undefined ? {} : { address }),
    ...(radiusM === undefined ? {} : { radiusM }),
    ...(notes === undefined ? {} : { notes }),
  }
}

/** Locations of interest: the places analysts add (scenes, homes, alibis), listed and added (the add is audited). */
export function registerPlaceRoutes(router: Router, cases: CaseDirectory): void {
  router.on('GET', '/api/cases/:id/places', async ({ params }) => {
    const session = await cases.session(caseId(params['id']))
    return { places: await listLocationsOfInterest(session.store) }
  })

  router.on('POST', '/api/cases/:id/places', async ({ req, params }) => {
    const session = await cases.session(caseId(params['id']))
    const input = parsePlace(await readJson(req, 16_384))
    return { place: await addLocationOfInterest(session, input, { now: new Date() }) }
  })
}
