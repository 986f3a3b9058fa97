import {
  AIRY_1830,
  eccentricitySquared,
  toDegrees,
  toRadians,
  WGS84_ELLIPSOID,
  type Ellipsoid,
} from './ellipsoid.js'

/** Latitude and longitude in degrees on some datum. */
export interface LatLon {
  readonly lat: number
  readonly lon: number
}

/** A 7-parameter Helmert transformation: translations in metres, rotations in arc-seconds, scale in ppm. */
export interface HelmertParameters {
  readonly tx: number
  readonly ty: number
  readonly tz: number
  readonly rx: number
  readonly ry: number
  readonly rz: number
  readonly s: number
}

/**
 * OSGB36 → WGS84, the inverse of Ordnance Survey's published WGS84 → OSGB36 parameters (the EPSG:27700
 * `+towgs84=446.448,-125.157,542.06,0.15,0.247,0.842,-20.489`, position-vector rotations). About 5 m accurate
 * across Great Britain; OSTN15 would be needed for better.
 */
export const OSGB36_TO_WGS84: HelmertParameters = Object.freeze({
  tx: 446.448,
  ty: -125.157,
  tz: 542.06,
  rx: 0.1502,
  ry: 0.247,
  rz: 0.8421,
  s: -20.4894,
})

/** The same transformation reversed by negating every parameter, as OS and proj do for this small rotation. */
export const WGS84_TO_OSGB36: HelmertParameters = Object.freeze({
  tx: -446.448,
  ty: 125.157,
  tz: -542.06,
  rx: -0.1502,
  ry: -0.247,
  rz: -0.8421,
  s: 20.4894,
})

type Cartesian = readonly [x: number, y: number, z: number]

function toCartesian(p: LatLon, e: Ellipsoid): Cartesian {
  const lat = toRadians(p.lat)
  const lon = toRadians(p.lon)
  const e2 = eccentricitySquared(e)
  const nu = e.a / Math.sqrt(1 - e2 * Math.sin(lat) ** 2)
  // Height 0: grid references carry none, and a few tens of metres move lat/lon by well under a millimetre.
  return [
    nu * Math.cos(lat) * Math.cos(lon),
    nu * Math.cos(lat) * Math.sin(lon),
    (1 - e2) * nu * Math.sin(lat),
  ]
}

function fromCartesian([x, y, z]: Cartesian, e: Ellipsoid): LatLon {
  const e2 = eccentricitySquared(e)
  const p = Math.hypot(x, y)
  let lat = Math.atan2(z, p * (1 - e2))
  for (let i = 0; i < 10; i++) {
    const nu = e.a / Math.sqrt(1 - e2 * Math.sin(lat) ** 2)
    const next = Math.atan2(z + e2 * nu * Math.sin(lat), p)
    const done = Math.abs(next - lat) < 1e-13
    lat = next
    if (done) break
  }
  return Object.freeze({ lat: toDegrees(lat), lon: toDegrees(Math.atan2(y, x)) })
}

function helmert([x, y, z]: Cartesian, h: HelmertParameters): Cartesian {
  const arcsec = Math.PI / (180 * 3600)
  const [rx, ry, rz] = [h.rx * arcsec, h.ry * arcsec, h.rz * arcsec]
  const k = 1 + h.s * 1e-6
  return [
    h.tx + k * (x - rz * y + ry * z),
    h.ty + k * (rz * x + y - rx * z),
    h.tz + k * (-ry * x + rx * y + z),
  ]
}

/**
 * Moves a point between datums: geodetic → cartesian on `from`, Helmert, cartesian → geodetic on `to`.
 *
 * @example
 * convertDatum({ lat: 52.657570301, lon: 1.717921581 }, AIRY_1830, WGS84_ELLIPSOID, OSGB36_TO_WGS84)
 * // { lat: 52.65797..., lon: 1.71605... }
 */
export function convertDatum(
  point: LatLon,
  from: Ellipsoid,
  to: Ellipsoid,
  params: HelmertParameters,
): LatLon {
  return fromCartesian(helmert(toCartesian(point, from), params), to)
}

/** OSGB36 latitude/longitude to WGS84, by the OS 7-parameter Helmert (~5 m). */
export const osgb36ToWgs84 = (p: LatLon): LatLon =>
  convertDatum(p, AIRY_1830, WGS84_ELLIPSOID, OSGB36_TO_WGS84)
/** WGS84 latitude/longitude to OSGB36, by the OS 7-parameter Helmert (~5 m). */
export const wgs84ToOsgb36 = (p: LatLon): LatLon =>
  convertDatum(p, WGS84_ELLIPSOID, AIRY_1830, WGS84_TO_OSGB36)
