import { describe, expect, it } from 'vitest'
import { bearingDegrees, destinationPoint, haversineMetres } from './distance.js'
import { pointInSector, sectorPolygon, type Sector } from './sector.js'

/** Smallest angle between two bearings, so 359.9999° and 0° count as equal. */
const angleBetween = (a: number, b: number): number => Math.abs(((((a - b) % 360) + 540) % 360) - 180)

const MAST = { lat: 51.5, lon: -0.12 }

describe('sectorPolygon', () => {
  it('draws a wedge: mast, arc from azimuth − bw/2 to azimuth + bw/2, mast', () => {
    const ring = sectorPolygon({ ...MAST, azimuth: 90, beamwidth: 60, radiusMetres: 1500, steps: 6 })
    expect(ring).toHaveLength(9)
    expect(ring[0]).toEqual([MAST.lon, MAST.lat])
    expect(ring.at(-1)).toEqual([MAST.lon, MAST.lat])
    ring.slice(1, -1).forEach(([lon, lat], i) => {
      expect(haversineMetres(MAST.lat, MAST.lon, lat, lon)).toBeCloseTo(1500, 6)
      expect(angleBetween(bearingDegrees(MAST.lat, MAST.lon, lat, lon), 60 + 10 * i)).toBeLessThan(1e-6)
    })
  })

  it('draws a wedge across north without a jump (azimuth 350°, beamwidth 40°)', () => {
    const ring = sectorPolygon({ ...MAST, azimuth: 350, beamwidth: 40, radiusMetres: 1000, steps: 4 })
    const bearings = ring.slice(1, -1).map(([lon, lat]) => bearingDegrees(MAST.lat, MAST.lon, lat, lon))
    ;[330, 340, 350, 0, 10].forEach((expected, i) =>
      expect(angleBetween(bearings[i]!, expected)).toBeLessThan(1e-6),
    )
  })

  it.each([
    ['no azimuth', { azimuth: null, beamwidth: 65 }],
    ['no beamwidth', { azimuth: 120 }],
    ['a 360° beamwidth', { azimuth: 120, beamwidth: 360 }],
    ['neither', {}],
  ])('draws a closed circle for %s', (_, extra) => {
    const ring = sectorPolygon({ ...MAST, ...extra, radiusMetres: 800, steps: 8 })
    expect(ring).toHaveLength(9)
    expect(ring[0]).toEqual(ring[8])
    ring.slice(0, -1).forEach(([lon, lat], i) => {
      expect(haversineMetres(MAST.lat, MAST.lon, lat, lon)).toBeCloseTo(800, 6)
      expect(angleBetween(bearingDegrees(MAST.lat, MAST.lon, lat, lon), 45 * i)).toBeLessThan(1e-6)
    })
  })

  it('uses 32 steps by default', () => {
    expect(sectorPolygon({ ...MAST, radiusMetres: 100 })).toHaveLength(33)
    expect(sectorPolygon({ ...MAST, azimuth: 0, beamwidth: 120, radiusMetres: 100 })).toHaveLength(35)
  })

  it('refuses impossible sectors', () => {
    expect(() => sectorPolygon({ ...MAST, radiusMetres: 0 })).toThrow(/positive/)
    expect(() => sectorPolygon({ ...MAST, radiusMetres: Number.NaN })).toThrow(/finite/)
    expect(() => sectorPolygon({ ...MAST, radiusMetres: 100, steps: 0 })).toThrow(/steps/)
    expect(() => sectorPolygon({ ...MAST, azimuth: 10, beamwidth: -5, radiusMetres: 100 })).toThrow(
      /beamwidth/,
    )
  })
})

describe('pointInSector', () => {
  const east: Sector = { ...MAST, azimuth: 90, beamwidth: 120, radiusMetres: 2000 }
  const at = (bearing: number, metres: number): readonly [number, number] => {
    const p = destinationPoint(MAST.lat, MAST.lon, bearing, metres)
    return [p.lat, p.lon]
  }

  it.each([
    [90, 1000, true, 'on the azimuth'],
    [149.9, 1000, true, 'just inside the southern edge'],
    [150.1, 1000, false, 'just outside the southern edge'],
    [30.1, 1999, true, 'just inside the northern edge and the radius'],
    [90, 2001, false, 'beyond the radius'],
    [270, 500, false, 'behind the antenna'],
  ])('bearing %f° at %i m → %s (%s)', (bearing, metres, inside) => {
    expect(pointInSector(east, ...at(bearing, metres))).toBe(inside)
  })

  it('includes the mast itself', () => {
    expect(pointInSector(east, MAST.lat, MAST.lon)).toBe(true)
  })

  it('handles a sector across north', () => {
    const north: Sector = { ...MAST, azimuth: 350, beamwidth: 40, radiusMetres: 2000 }
    expect(pointInSector(north, ...at(5, 1000))).toBe(true)
    expect(pointInSector(north, ...at(335, 1000))).toBe(true)
    expect(pointInSector(north, ...at(15, 1000))).toBe(false)
  })

  it('treats an omni cell as a disc', () => {
    const omni: Sector = { ...MAST, azimuth: null, radiusMetres: 2000 }
    expect(pointInSector(omni, ...at(270, 1999))).toBe(true)
    expect(pointInSector(omni, ...at(270, 2001))).toBe(false)
  })
})
