/** An ellipsoid by its semi-major and semi-minor axes, in metres. */
export interface Ellipsoid {
  readonly a: number
  readonly b: number
}

/** Airy 1830, the ellipsoid of OSGB36 and the National Grid. */
export const AIRY_1830: Ellipsoid = Object.freeze({ a: 6377563.396, b: 6356256.909 })
/** WGS84 (GRS80 differs by 0.1 mm in b, which nothing here can see). */
export const WGS84_ELLIPSOID: Ellipsoid = Object.freeze({ a: 6378137, b: 6356752.314245 })

/** First eccentricity squared, e² = (a² − b²) / a². */
export const eccentricitySquared = (e: Ellipsoid): number => (e.a * e.a - e.b * e.b) / (e.a * e.a)

export const toRadians = (degrees: number): number => (degrees * Math.PI) / 180
export const toDegrees = (radians: number): number => (radians * 180) / Math.PI
