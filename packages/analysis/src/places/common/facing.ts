import { bearingDegrees, haversineMetres } from '@linesight/geo'

/**
 * How a cell's antenna points relative to a place. `toward`: the place is within half the beamwidth of the azimuth;
 * `away`: it is not; `no-sector`: the cell list gives no azimuth or beamwidth (or 360°), so no direction can be
 * judged; `at-mast`: the place is so close to the mast that direction says little.
 */
export type Facing = 'toward' | 'away' | 'no-sector' | 'at-mast'

export interface FacingResult {
  /** From the mast to the place. */
  readonly distance_m: number
  /** Degrees clockwise from true north, from the mast towards the place. */
  readonly bearing_deg: number
  /** Angle between the azimuth and that bearing, 0–180; null without an azimuth. */
  readonly off_axis_deg: number | null
  readonly facing: Facing
}

/** Where a place lies from a cell's mast and whether the sector points at it. */
export function facingOf(
  cell: {
    readonly lat: number
    readonly lon: number
    readonly azimuth: number | null
    readonly beamwidth: number | null
  },
  place: { readonly lat: number; readonly lon: number },
  nearMastM: number,
): FacingResult {
  const distance = haversineMetres(cell.lat, cell.lon, place.lat, place.lon)
  const bearing = bearingDegrees(cell.lat, cell.lon, place.lat, place.lon)
  const off = cell.azimuth === null ? null : Math.abs(((((bearing - cell.azimuth) % 360) + 540) % 360) - 180)
  const facing: Facing =
    distance <= nearMastM
      ? 'at-mast'
      : off === null || cell.beamwidth === null || cell.beamwidth >= 360
        ? 'no-sector'
        : off <= cell.beamwidth / 2
          ? 'toward'
          : 'away'
  return { distance_m: distance, bearing_deg: bearing, off_axis_deg: off, facing }
}
