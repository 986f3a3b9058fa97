import { toDegrees, toRadians } from './ellipsoid.js'
import type { LatLon } from './helmert.js'

/** Mean Earth radius (IUGG R1), in metres: the sphere behind every spherical formula here. */
export const EARTH_RADIUS_METRES = 6371008.8

/**
 * Great-circle distance in metres between two WGS84 points, by the haversine formula on a sphere. Within 0.5 % of
 * the ellipsoidal distance, far finer than any cell's serving area.
 *
 * @example
 * haversineMetres(0, 0, 0, 1) // 111195.08 (one degree of the equator)
 */
export function haversineMetres(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = toRadians(lat2 - lat1)
  const dLon = toRadians(lon2 - lon1)
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(toRadians(lat1)) * Math.cos(toRadians(lat2)) * Math.sin(dLon / 2) ** 2
  // min() guards asin against 1 + ε from rounding for antipodal points.
  return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)))
}

/**
 * Initial bearing in degrees clockwise from true north, in [0, 360), from the first point towards the second
 * along the great circle. 0 when the points coincide.
 *
 * @example
 * bearingDegrees(51.5, 0, 51.6, 0) // 0 (due north)
 */
export function bearingDegrees(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const p1 = toRadians(lat1)
  const p2 = toRadians(lat2)
  const dLon = toRadians(lon2 - lon1)
  const y = Math.sin(dLon) * Math.cos(p2)
  const x = Math.cos(p1) * Math.sin(p2) - Math.sin(p1) * Math.cos(p2) * Math.cos(dLon)
  return normaliseBearing(toDegrees(Math.atan2(y, x)))
}

/** A bearing in [0, 360). */
export function normaliseBearing(degrees: number): number {
  const b = degrees % 360
  // `+ 0` turns -0 into 0.
  return (b < 0 ? b + 360 : b) + 0
}

/**
 * The point reached by travelling `metres` from a WGS84 point along the great circle that starts at `bearingDeg`.
 * Longitude comes back in [-180, 180).
 *
 * @example
 * destinationPoint(0, 0, 90, 111195.08) // { lat: 0, lon: 1 }
 */
export function destinationPoint(lat: number, lon: number, bearingDeg: number, metres: number): LatLon {
  const d = metres / EARTH_RADIUS_METRES
  const t = toRadians(bearingDeg)
  const p1 = toRadians(lat)
  const l1 = toRadians(lon)
  const p2 = Math.asin(Math.sin(p1) * Math.cos(d) + Math.cos(p1) * Math.sin(d) * Math.cos(t))
  const l2 =
    l1 + Math.atan2(Math.sin(t) * Math.sin(d) * Math.cos(p1), Math.cos(d) - Math.sin(p1) * Math.sin(p2))
  const lonDeg = ((((toDegrees(l2) + 180) % 360) + 360) % 360) - 180
  return Object.freeze({ lat: toDegrees(p2), lon: lonDeg })
}
