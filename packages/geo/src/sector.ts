import { bearingDegrees, destinationPoint, haversineMetres } from './distance.js'

/** A cell's approximate coverage: a wedge centred on the azimuth, or a circle for an omnidirectional cell. */
export interface Sector {
  /** Mast position, WGS84 degrees. */
  readonly lat: number
  readonly lon: number
  /** Degrees clockwise from true north the antenna points; null or absent for an omni cell. */
  readonly azimuth?: number | null
  /** Horizontal beamwidth in degrees; null, absent or 360 and more for an omni cell. */
  readonly beamwidth?: number | null
  readonly radiusMetres: number
}

export interface SectorPolygonOptions extends Sector {
  /** Points along the arc (or around the circle); 32 when absent. */
  readonly steps?: number
}

/** A GeoJSON-order position: longitude first. */
export type LonLat = readonly [lon: number, lat: number]

/** The wedge's edges, or null when the sector is omnidirectional. */
function wedge(sector: Sector): { readonly azimuth: number; readonly half: number } | null {
  const { azimuth, beamwidth } = sector
  // No beamwidth is guessed: without both values the honest drawing is the full circle.
  if (azimuth === null || azimuth === undefined || beamwidth === null || beamwidth === undefined) return null
  if (beamwidth >= 360) return null
  return { azimuth, half: beamwidth / 2 }
}

function check(sector: Sector): void {
  const { lat, lon, azimuth, beamwidth, radiusMetres } = sector
  if (![lat, lon, radiusMetres].every(Number.isFinite) || Math.abs(lat) > 90) {
    throw new Error(
      `Sector needs a finite position and radius, got lat ${lat}, lon ${lon}, radius ${radiusMetres}`,
    )
  }
  if (radiusMetres <= 0) throw new Error(`Sector radius must be positive, got ${radiusMetres} m`)
  if (azimuth !== null && azimuth !== undefined && !Number.isFinite(azimuth)) {
    throw new Error(`Sector azimuth must be a finite number of degrees, got ${azimuth}`)
  }
  if (beamwidth !== null && beamwidth !== undefined && !(beamwidth > 0)) {
    throw new Error(`Sector beamwidth must be a positive number of degrees, got ${beamwidth}`)
  }
}

/**
 * A closed ring of `[lon, lat]` positions outlining a cell's sector, for drawing an approximate wedge on a map: the
 * mast, the arc from `azimuth − beamwidth/2` to `azimuth + beamwidth/2` in `steps` equal pieces, and the mast again.
 * An omni cell (no azimuth, no beamwidth, or a beamwidth of 360° or more) gives a circle of `steps` points, closed.
 *
 * It is a drawing aid on a sphere, not a coverage prediction: real serving areas overlap and have no hard edge.
 *
 * @example
 * sectorPolygon({ lat: 51.5, lon: -0.12, azimuth: 120, beamwidth: 65, radiusMetres: 1500, steps: 8 })
 * // 11 positions: mast, 9 arc points, mast
 */
export function sectorPolygon(options: SectorPolygonOptions): LonLat[] {
  check(options)
  const steps = options.steps ?? 32
  if (!Number.isInteger(steps) || steps < 1)
    throw new Error(`Sector steps must be a positive integer, got ${steps}`)
  const { lat, lon, radiusMetres } = options
  const at = (bearing: number): LonLat => {
    const p = destinationPoint(lat, lon, bearing, radiusMetres)
    return [p.lon, p.lat]
  }
  const w = wedge(options)
  if (w === null) {
    const ring = Array.from({ length: steps }, (_, i) => at((360 * i) / steps))
    return [...ring, ring[0] ?? at(0)]
  }
  const start = w.azimuth - w.half
  const arc = Array.from({ length: steps + 1 }, (_, i) => at(start + (2 * w.half * i) / steps))
  const mast: LonLat = [lon, lat]
  return [mast, ...arc, mast]
}

/**
 * Whether a WGS84 point lies within a sector: no farther from the mast than its radius and, unless the cell is
 * omni, within half the beamwidth of the azimuth (edges included). The mast itself is always inside.
 *
 * @example
 * pointInSector({ lat: 51.5, lon: 0, azimuth: 90, beamwidth: 120, radiusMetres: 2000 }, 51.5, 0.01) // true
 */
export function pointInSector(sector: Sector, lat: number, lon: number): boolean {
  check(sector)
  const distance = haversineMetres(sector.lat, sector.lon, lat, lon)
  if (distance > sector.radiusMetres) return false
  const w = wedge(sector)
  if (w === null || distance === 0) return true
  const off = Math.abs(
    ((((bearingDegrees(sector.lat, sector.lon, lat, lon) - w.azimuth) % 360) + 540) % 360) - 180,
  )
  return off <= w.half
}
