import { readCellIdentity, type CellIdentity } from './cell-identity.js'
import { coordinateText, parseCoordinate } from './coordinate.js'
import { decodeUserLocationInformation } from './user-location-information.js'
import { choiceOf, child, descendant, descendants, textOf, type XmlNode } from './xml-node.js'

/** Where a party was, as far as one location element says: canonical values, and what could not be read. */
export interface LocationFacts {
  readonly cell: string | null
  readonly lat: string | null
  readonly lon: string | null
  readonly problems: readonly string[]
}

export const NO_LOCATION: LocationFacts = { cell: null, lat: null, lon: null, problems: [] }

/**
 * Reads a `detailedLocation` or `location` element: the cell from `userLocationInformation` (else from `cGI`,
 * `globalCellID` or `eCGI`), and the position from `geoCoordinates` or `geoCoordinatesDec`.
 */
export function readLocation(location: XmlNode | null): LocationFacts {
  if (location === null) return NO_LOCATION
  const problems: string[] = []
  const cellCount = descendants(location, 'cellInformation').length
  // Which of several cells belongs to the start or the end is not stated, so only the first is used.
  if (cellCount > 1) problems.push(`${cellCount} cellInformation elements; only the first was used`)
  const position = readPosition(location, problems)
  return { cell: readCell(location, problems), ...position, problems }
}

/** Fills what `first` lacks from `second` (the hybrid shape keeps location in a sibling element). */
export function mergeLocation(first: LocationFacts, second: LocationFacts): LocationFacts {
  const usePosition = first.lat === null
  return {
    cell: first.cell ?? second.cell,
    lat: usePosition ? second.lat : first.lat,
    lon: usePosition ? second.lon : first.lon,
    problems: [...first.problems, ...second.problems],
  }
}

function readCell(location: XmlNode, problems: string[]): string | null {
  const uli = textOf(descendant(location, 'userLocationInformation'))
  if (uli !== null) {
    const decoded = decodeUserLocationInformation(uli)
    if (decoded.cell !== null) return decoded.cell
    problems.push(decoded.problem)
  }
  const cgi = textOf(descendant(location, 'cGI', 'globalCellID'))
  if (cgi !== null) return cellOrProblem(readCellIdentity('cgi', cgi, null), problems)
  const ecgi = textOf(descendant(location, 'eCGI'))
  const tai = textOf(descendant(location, 'tAI'))
  if (ecgi !== null) return cellOrProblem(readCellIdentity('ecgi', ecgi, tai), problems)
  const cellId = textOf(descendant(location, 'cellID'))
  if (cellId === null) return null
  const identity = readCellIdentity('cgi', cellId, null)
  if (identity.cell !== null) return identity.cell
  problems.push(`cellID "${cellId}" has no network and area code, so it cannot be written as mcc-mnc-lac-ci`)
  return null
}

function cellOrProblem(identity: CellIdentity, problems: string[]): string | null {
  if (identity.cell === null) problems.push(identity.problem)
  return identity.cell
}

function readPosition(location: XmlNode, problems: string[]): Pick<LocationFacts, 'lat' | 'lon'> {
  const geo = descendant(location, 'geoCoordinates') ?? descendant(location, 'geoCoordinatesDec')
  if (geo === null) return { lat: null, lon: null }
  const datum = choiceOf(child(geo, 'mapDatum'))
  if (datum !== null && datum.toLowerCase() !== 'wgs84') {
    problems.push(`coordinates use map datum ${datum}, not WGS84; they were not written`)
    return { lat: null, lon: null }
  }
  const latText = textOf(child(geo, 'latitude', 'latitudeDec'))
  const lonText = textOf(child(geo, 'longitude', 'longitudeDec'))
  const lat = latText === null ? null : parseCoordinate(latText, 'lat')
  const lon = lonText === null ? null : parseCoordinate(lonText, 'lon')
  if (latText !== null && lat === null) problems.push(`latitude "${latText}" is not a coordinate`)
  if (lonText !== null && lon === null) problems.push(`longitude "${lonText}" is not a coordinate`)
  // Half a position is no position.
  if (lat === null || lon === null) return { lat: null, lon: null }
  return { lat: coordinateText(lat), lon: coordinateText(lon) }
}
