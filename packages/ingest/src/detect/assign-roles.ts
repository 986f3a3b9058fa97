import type { EventClassVocabulary, SourceKind } from '@linesight/model'
import type { Profile } from '../profiles/profile.js'
import type { ColumnReading } from './detection.js'
import { normaliseHeader, rolesForHeader, type Role } from './header-roles.js'
import { inferTimeShape } from './time-format.js'
import {
  isBlankColumn,
  looksLikeCgiText,
  looksLikeHex,
  looksLikeHms,
  looksLikeImei,
  looksLikeImsi,
  looksLikeIntegers,
  looksLikeLatLon,
  looksLikeNumbers,
  looksLikePhones,
  vocabularyCoverage,
} from './value-shapes.js'

const KIND_ROLES: Readonly<Record<SourceKind, ReadonlySet<Role>>> = {
  cdr: new Set<Role>([
    'target',
    'other',
    'calling',
    'called',
    'direction',
    'eventClass',
    'datetime',
    'date',
    'time',
    'end',
    'duration',
    'startCell',
    'startLac',
    'startCi',
    'startNode',
    'startSector',
    'endCell',
    'endLac',
    'endCi',
    'endNode',
    'endSector',
    'imei',
    'imsi',
    'chargingId',
    'rat',
    'bytesUp',
    'bytesDown',
    'network',
    'lat',
    'lon',
    'latLon',
  ]),
  cells: new Set<Role>([
    'network',
    'mcc',
    'mnc',
    'startLac',
    'startCi',
    'startCell',
    'startNode',
    'startSector',
    'technology',
    'siteId',
    'siteName',
    'lat',
    'lon',
    'easting',
    'northing',
    'azimuth',
    'beamwidth',
    'range',
    'validFrom',
    'validTo',
  ]),
  subscribers: new Set<Role>([
    'target',
    'name',
    'dateOfBirth',
    'address',
    'postcode',
    'lat',
    'lon',
    'accountType',
    'imsi',
    'imei',
    'validFrom',
    'validTo',
  ]),
}

/** Roles that point to one kind of source more than the others, for telling a cell list from a CDR. */
const KIND_MARKERS: Readonly<Record<SourceKind, ReadonlySet<Role>>> = {
  cdr: new Set<Role>([
    'other',
    'calling',
    'called',
    'direction',
    'eventClass',
    'datetime',
    'duration',
    'time',
    'startCell',
    'end',
  ]),
  cells: new Set<Role>([
    'azimuth',
    'beamwidth',
    'easting',
    'northing',
    'siteName',
    'siteId',
    'technology',
    'mcc',
    'mnc',
    'range',
  ]),
  subscribers: new Set<Role>(['name', 'dateOfBirth', 'address', 'postcode', 'accountType']),
}

/** Which kind of source the headers describe, or null when they do not say. */
export function inferKind(headers: readonly string[]): SourceKind | null {
  const scores = (Object.keys(KIND_MARKERS) as SourceKind[]).map((kind) => ({
    kind,
    score: headers.filter((h) => rolesForHeader(h).some((r) => KIND_MARKERS[kind].has(r))).length,
  }))
  scores.sort((a, b) => b.score - a.score)
  const [first, second] = scores
  if (first === undefined || first.score === 0 || (second !== undefined && second.score === first.score))
    return null
  return first.kind
}

/** Does the sample support reading the column in this role? Returns a note when it does not. */
function confirm(role: Role, values: readonly string[], vocabulary: ReadonlySet<string>): string | null {
  if (isBlankColumn(values)) return null
  switch (role) {
    case 'target':
    case 'other':
    case 'calling':
    case 'called':
      return looksLikePhones(values) ? null : 'values do not look like phone numbers'
    case 'datetime':
    case 'date':
    case 'time':
    case 'end':
    case 'validFrom':
    case 'validTo':
    case 'dateOfBirth':
      return inferTimeShape(values) === null ? 'values do not look like dates or times' : null
    case 'duration':
      return looksLikeNumbers(values) || looksLikeHms(values) ? null : 'values are not seconds or hh:mm:ss'
    case 'startCell':
    case 'endCell':
      return looksLikeCgiText(values) ? null : 'values are not global cell ids'
    case 'startCi':
    case 'endCi':
    case 'startLac':
    case 'endLac':
    case 'startNode':
    case 'endNode':
    case 'startSector':
    case 'endSector':
      return looksLikeIntegers(values) || looksLikeHex(values) ? null : 'values are not cell numbers'
    case 'imei':
      return looksLikeImei(values) ? null : 'values are not 14–16 digit IMEIs'
    case 'imsi':
      return looksLikeImsi(values) ? null : 'values are not 15-digit IMSIs'
    case 'direction':
    case 'eventClass':
      return vocabularyCoverage(values, vocabulary) >= 0.5
        ? null
        : `values such as "${values.find((v) => v.trim() !== '' && !vocabulary.has(v.trim().toLowerCase())) ?? ''}" are not in the type/direction vocabulary`
    case 'lat':
    case 'lon':
    case 'easting':
    case 'northing':
    case 'azimuth':
    case 'beamwidth':
    case 'range':
    case 'bytesUp':
    case 'bytesDown':
      return looksLikeNumbers(values) ? null : 'values are not numbers'
    case 'latLon':
      return looksLikeLatLon(values) ? null : 'values are not "lat/long" pairs'
    default:
      return null
  }
}

/** A column read as a cell id that holds whole CGIs (or the reverse) moves to the role its values show. */
function correctCellRole(role: Role, values: readonly string[]): Role {
  if ((role === 'startCi' || role === 'startLac') && looksLikeCgiText(values) && !looksLikeIntegers(values))
    return 'startCell'
  if (role === 'endCi' && looksLikeCgiText(values) && !looksLikeIntegers(values)) return 'endCell'
  if (role === 'startCell' && looksLikeIntegers(values)) return 'startCi'
  if (role === 'endCell' && looksLikeIntegers(values)) return 'endCi'
  return role
}

/**
 * Gives each column at most one role and each role at most one column. A profile's own roles come first; then the
 * shared dictionary, each reading confirmed by the values. Unconfirmed readings are left out with a note.
 */
export function assignRoles(
  headers: readonly string[],
  columnValues: readonly (readonly string[])[],
  kind: SourceKind,
  profile: Profile | null,
  vocabulary: EventClassVocabulary,
): { readonly roles: ReadonlyMap<Role, string>; readonly columns: readonly ColumnReading[] } {
  const known = new Set(Object.keys(vocabulary))
  const roles = new Map<Role, string>()
  const columns: ColumnReading[] = []
  const profileRoles = new Map(Object.entries(profile?.roles ?? {}).map(([k, v]) => [normaliseHeader(k), v]))
  headers.forEach((name, i) => {
    const values = columnValues[i] ?? []
    const sample = values.slice(0, 5)
    const declared = profileRoles.get(normaliseHeader(name))
    if (declared === 'ignore')
      return void columns.push({ name, role: null, sample, note: 'not read (kept in the original)' })
    const candidates: Role[] =
      declared !== undefined
        ? [declared as Role]
        : rolesForHeader(name).filter((r) => KIND_ROLES[kind].has(r))
    let note: string | null = candidates.length === 0 ? 'not recognised (kept in the original)' : null
    for (const candidate of candidates) {
      const role = correctCellRole(candidate, values)
      if (roles.has(role)) {
        note = `also looks like ${role}, already read from "${roles.get(role)}"`
        continue
      }
      const problem = declared !== undefined ? null : confirm(role, values, known)
      if (problem !== null) {
        note = `header suggests ${role}, but ${problem}`
        continue
      }
      roles.set(role, name)
      return void columns.push({ name, role, sample, note: null })
    }
    columns.push({ name, role: null, sample, note })
  })
  return { roles, columns }
}
