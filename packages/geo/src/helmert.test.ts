import { describe, expect, it } from 'vitest'
import { osgb36ToWgs84, wgs84ToOsgb36 } from './helmert.js'

describe('OSGB36 ↔ WGS84 Helmert', () => {
  it('moves Greenwich as the published OS parameters do', () => {
    // WGS84 51.4778°N 0.0016°W is OSGB36 51.477284°N 0.00002°E by the same OS 7-parameter transformation
    // (pygeodesy's test suite, printed to 6 and 5 decimals).
    const p = wgs84ToOsgb36({ lat: 51.4778, lon: -0.0016 })
    expect(Math.abs(p.lat - 51.477284)).toBeLessThan(5e-7)
    expect(Math.abs(p.lon - 0.00002)).toBeLessThan(5e-6)
  })

  it('reverses to within a few millimetres (~5e-8°)', () => {
    const back = osgb36ToWgs84(wgs84ToOsgb36({ lat: 57.5, lon: -4.25 }))
    expect(Math.abs(back.lat - 57.5)).toBeLessThan(5e-8)
    expect(Math.abs(back.lon + 4.25)).toBeLessThan(5e-8)
  })
})
