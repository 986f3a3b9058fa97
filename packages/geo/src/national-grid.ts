import { AIRY_1830, eccentricitySquared, toDegrees, toRadians } from './ellipsoid.js'

/** A point on the OSGB36 datum, in degrees. Not WGS84: the two differ by up to ~120 m in Great Britain. */
export interface Osgb36LatLon {
  readonly lat: number
  readonly lon: number
}

/** A National Grid (EPSG:27700) coordinate in metres. */
export interface GridRef {
  readonly easting: number
  readonly northing: number
}

// The National Grid's Transverse Mercator: true origin 49°N 2°W, false origin 400 km W and 100 km N of it.
const F0 = 0.9996012717
const LAT0 = toRadians(49)
const LON0 = toRadians(-2)
const E0 = 400000
const N0 = -100000
const { a, b } = AIRY_1830
const E2 = eccentricitySquared(AIRY_1830)
const n = (a - b) / (a + b)

/** Meridional arc from the true origin's latitude to `lat` (radians), scaled by F0. */
function meridionalArc(lat: number): number {
  const d = lat - LAT0
  const s = lat + LAT0
  const ma = (1 + n + (5 / 4) * n ** 2 + (5 / 4) * n ** 3) * d
  const mb = (3 * n + 3 * n ** 2 + (21 / 8) * n ** 3) * Math.sin(d) * Math.cos(s)
  const mc = ((15 / 8) * n ** 2 + (15 / 8) * n ** 3) * Math.sin(2 * d) * Math.cos(2 * s)
  const md = (35 / 24) * n ** 3 * Math.sin(3 * d) * Math.cos(3 * s)
  return b * F0 * (ma - mb + mc - md)
}

/** Radii of curvature at `lat` (radians): ν (prime vertical), ρ (meridian), and η² = ν/ρ − 1. */
function radii(lat: number): { nu: number; rho: number; eta2: number } {
  const w = 1 - E2 * Math.sin(lat) ** 2
  const nu = (a * F0) / Math.sqrt(w)
  const rho = (a * F0 * (1 - E2)) / w ** 1.5
  return { nu, rho, eta2: nu / rho - 1 }
}

/**
 * OSGB36 latitude and longitude to National Grid easting and northing, by the series in Ordnance Survey's
 * "A guide to coordinate systems in Great Britain", Annex C.1 (millimetre accurate within the grid).
 *
 * @example
 * osgb36ToGrid({ lat: 52.657570301, lon: 1.717921581 }) // { easting: 651409.903, northing: 313177.270 }
 */
export function osgb36ToGrid(point: Osgb36LatLon): GridRef {
  const lat = toRadians(point.lat)
  const dLon = toRadians(point.lon) - LON0
  const { nu, rho, eta2 } = radii(lat)
  const sin = Math.sin(lat)
  const cos = Math.cos(lat)
  const t2 = Math.tan(lat) ** 2
  const I = meridionalArc(lat) + N0
  const II = (nu / 2) * sin * cos
  const III = (nu / 24) * sin * cos ** 3 * (5 - t2 + 9 * eta2)
  const IIIA = (nu / 720) * sin * cos ** 5 * (61 - 58 * t2 + t2 ** 2)
  const IV = nu * cos
  const V = (nu / 6) * cos ** 3 * (nu / rho - t2)
  const VI = (nu / 120) * cos ** 5 * (5 - 18 * t2 + t2 ** 2 + 14 * eta2 - 58 * t2 * eta2)
  return Object.freeze({
    easting: E0 + IV * dLon + V * dLon ** 3 + VI * dLon ** 5,
    northing: I + II * dLon ** 2 + III * dLon ** 4 + IIIA * dLon ** 6,
  })
}

/**
 * National Grid easting and northing to OSGB36 latitude and longitude (Annex C.2 of the same guide).
 *
 * @example
 * gridToOsgb36({ easting: 651409.903, northing: 313177.27 }) // { lat: 52.657570301, lon: 1.717921581 }
 */
export function gridToOsgb36(grid: GridRef): Osgb36LatLon {
  const { easting, northing } = grid
  // Iterate the latitude whose meridional arc reaches the northing, to 0.01 mm.
  let lat = (northing - N0) / (a * F0) + LAT0
  let m = meridionalArc(lat)
  for (let i = 0; i < 20 && Math.abs(northing - N0 - m) >= 1e-5; i++) {
    lat += (northing - N0 - m) / (a * F0)
    m = meridionalArc(lat)
  }
  const { nu, rho, eta2 } = radii(lat)
  const tan = Math.tan(lat)
  const t2 = tan ** 2
  const sec = 1 / Math.cos(lat)
  const VII = tan / (2 * rho * nu)
  const VIII = (tan / (24 * rho * nu ** 3)) * (5 + 3 * t2 + eta2 - 9 * t2 * eta2)
  const IX = (tan / (720 * rho * nu ** 5)) * (61 + 90 * t2 + 45 * t2 ** 2)
  const X = sec / nu
  const XI = (sec / (6 * nu ** 3)) * (nu / rho + 2 * t2)
  const XII = (sec / (120 * nu ** 5)) * (5 + 28 * t2 + 24 * t2 ** 2)
  const XIIA = (sec / (5040 * nu ** 7)) * (61 + 662 * t2 + 1320 * t2 ** 2 + 720 * t2 ** 3)
  const dE = easting - E0
  return Object.freeze({
    lat: toDegrees(lat - VII * dE ** 2 + VIII * dE ** 4 - IX * dE ** 6),
    lon: toDegrees(LON0 + X * dE - XI * dE ** 3 + XII * dE ** 5 - XIIA * dE ** 7),
  })
}
