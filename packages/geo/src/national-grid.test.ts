import { describe, expect, it } from 'vitest'
import { gridToOsgb36, osgb36ToGrid } from './national-grid.js'

const dms = (d: number, m: number, s: number): number => d + m / 60 + s / 3600

// Ordnance Survey, "A guide to coordinate systems in Great Britain", Annex C worked example (Caister water tower):
// E 651409.903, N 313177.270 is OSGB36 52°39′27.2531″N, 1°43′04.5177″E. The guide prints 0.0001″ (3 mm).
const OS_LAT = dms(52, 39, 27.2531)
const OS_LON = dms(1, 43, 4.5177)
const ARCSEC = 1 / 3600

describe('National Grid Transverse Mercator (OS Annex C)', () => {
  it('C.2: grid to OSGB36 latitude and longitude, to 0.0001″', () => {
    const p = gridToOsgb36({ easting: 651409.903, northing: 313177.27 })
    expect(Math.abs(p.lat - OS_LAT)).toBeLessThan(0.0002 * ARCSEC)
    expect(Math.abs(p.lon - OS_LON)).toBeLessThan(0.0002 * ARCSEC)
  })

  it('C.1: OSGB36 latitude and longitude to grid, to the millimetre', () => {
    const g = osgb36ToGrid({ lat: OS_LAT, lon: OS_LON })
    expect(Math.abs(g.easting - 651409.903)).toBeLessThan(0.001)
    expect(Math.abs(g.northing - 313177.27)).toBeLessThan(0.001)
  })

  it('maps the true origin (49°N 2°W) to the false origin offsets (400 km E, -100 km N)', () => {
    const g = osgb36ToGrid({ lat: 49, lon: -2 })
    expect(g.easting).toBeCloseTo(400000, 6)
    expect(g.northing).toBeCloseTo(-100000, 6)
  })

  // The OS series are truncated, so far from the central meridian the two directions drift apart slightly.
  it.each([
    [400000, 500000, 2e-5],
    [325000, 673000, 1e-4],
    [446000, 1141000, 1e-4],
    [134000, 25000, 5e-4],
    [0, 0, 2e-3],
    [700000, 1300000, 2e-3],
  ])('round-trips grid %i, %i to within %f m', (easting, northing, tolerance) => {
    const back = osgb36ToGrid(gridToOsgb36({ easting, northing }))
    expect(Math.abs(back.easting - easting)).toBeLessThan(tolerance)
    expect(Math.abs(back.northing - northing)).toBeLessThan(tolerance)
  })
})
