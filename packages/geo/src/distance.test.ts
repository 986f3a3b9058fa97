import { describe, expect, it } from 'vitest'
import {
  bearingDegrees,
  destinationPoint,
  EARTH_RADIUS_METRES,
  haversineMetres,
  normaliseBearing,
} from './distance.js'

/** Smallest angle between two bearings, so 359.9999° and 0° count as equal. */
const angleBetween = (a: number, b: number): number => Math.abs(((((a - b) % 360) + 540) % 360) - 180)

const ONE_DEGREE = (EARTH_RADIUS_METRES * Math.PI) / 180 // 111,195.08 m

describe('haversineMetres', () => {
  it('one degree along the equator or a meridian is R·π/180 = 111,195.08 m', () => {
    expect(haversineMetres(0, 0, 0, 1)).toBeCloseTo(111195.08, 2)
    expect(haversineMetres(10, 20, 11, 20)).toBeCloseTo(111195.08, 2)
  })

  it('equator to pole is a quarter of the great circle, R·π/2 = 10,007,557.2 m', () => {
    expect(haversineMetres(0, 0, 90, 0)).toBeCloseTo(10007557.22, 1)
  })

  it('antipodes are half the great circle', () => {
    expect(haversineMetres(0, 0, 0, 180)).toBeCloseTo(EARTH_RADIUS_METRES * Math.PI, 3)
  })

  it('London to Paris is about 344 km', () => {
    // Flat check: 2.651° of latitude is 294.8 km, 2.480° of longitude at 50.2°N is 176.6 km; hypotenuse 343.6 km.
    expect(haversineMetres(51.5074, -0.1278, 48.8566, 2.3522) / 1000).toBeCloseTo(343.6, 0)
  })

  it('is symmetric and zero for one point', () => {
    expect(haversineMetres(51.5, -0.1, 53.4, -2.2)).toBe(haversineMetres(53.4, -2.2, 51.5, -0.1))
    expect(haversineMetres(51.5, -0.1, 51.5, -0.1)).toBe(0)
  })
})

describe('bearingDegrees', () => {
  it.each([
    [51.5, 0, 51.6, 0, 0],
    [0, 0, 0, 1, 90],
    [51.6, 0, 51.5, 0, 180],
    [0, 1, 0, 0, 270],
  ])('(%f, %f) → (%f, %f) is %f°', (lat1, lon1, lat2, lon2, expected) => {
    expect(bearingDegrees(lat1, lon1, lat2, lon2)).toBeCloseTo(expected, 9)
  })

  it('London to Paris starts south-south-east, about 148°', () => {
    // Flat check: atan2(176.6 km east, 294.8 km south) is 149°; the great circle starts about 1° further east.
    expect(bearingDegrees(51.5074, -0.1278, 48.8566, 2.3522)).toBeCloseTo(148.1, 1)
  })

  it('is 0 for one point and never 360', () => {
    expect(bearingDegrees(51.5, 0, 51.5, 0)).toBe(0)
    expect(normaliseBearing(360)).toBe(0)
    expect(normaliseBearing(-90)).toBe(270)
    expect(Object.is(normaliseBearing(-0), 0)).toBe(true)
  })
})

describe('destinationPoint', () => {
  it('one degree east along the equator', () => {
    const p = destinationPoint(0, 0, 90, ONE_DEGREE)
    expect(p.lat).toBeCloseTo(0, 12)
    expect(p.lon).toBeCloseTo(1, 12)
  })

  it('wraps across the antimeridian into [-180, 180)', () => {
    const p = destinationPoint(0, 179.5, 90, ONE_DEGREE)
    expect(p.lon).toBeCloseTo(-179.5, 9)
  })

  it.each([0, 45, 123, 200, 359])(
    'agrees with haversineMetres and bearingDegrees at bearing %i°',
    (bearing) => {
      const p = destinationPoint(51.5, -0.12, bearing, 5000)
      expect(haversineMetres(51.5, -0.12, p.lat, p.lon)).toBeCloseTo(5000, 6)
      expect(angleBetween(bearingDegrees(51.5, -0.12, p.lat, p.lon), bearing)).toBeLessThan(1e-6)
    },
  )
})
