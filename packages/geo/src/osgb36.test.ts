import { describe, expect, it } from 'vitest'
import { haversineMetres } from './distance.js'
import { osgbToWgs84, wgs84ToOsgb } from './osgb36.js'

const dms = (d: number, m: number, s: number): number => d + m / 60 + s / 3600

describe('osgbToWgs84', () => {
  it('gives the standard Helmert answer for the OS worked example to a few centimetres', () => {
    // Caister water tower, E 651409.903 N 313177.270. With the same OS Helmert parameters Chris Veness's geodesy
    // library (OsGridRef.toLatLon) gives WGS84 52°39′28.723″N, 001°42′57.787″E, printed to 0.001″ (3 cm).
    const p = osgbToWgs84(651409.903, 313177.27)
    expect(Math.abs(p.lat - dms(52, 39, 28.723))).toBeLessThan(0.002 / 3600)
    expect(Math.abs(p.lon - dms(1, 42, 57.787))).toBeLessThan(0.002 / 3600)
  })

  it.each([
    // OS "Transformations and OSGM15 user guide", Annex A: the same tower in ETRS89 by OSTN15 (centimetre-exact).
    ['Caister water tower (OSTN15)', 651409.903, 313177.27, 52.658007833, 1.716073973],
    // OS's OSTN02 example: TR 143 599 (E 614300, N 159900) is ETRS89 51.297880°N 1.072628°E.
    ['TR 143 599 (OSTN02)', 614300, 159900, 51.29788, 1.072628],
  ])('lands within 10 m of the precise ETRS89 position of %s', (_, easting, northing, lat, lon) => {
    // ETRS89 and WGS84 differ by under a metre in Britain; the Helmert is ~5 m: 10 m leaves no room for a blunder.
    const p = osgbToWgs84(easting, northing)
    expect(haversineMetres(p.lat, p.lon, lat, lon)).toBeLessThan(10)
  })

  it('refuses non-numbers', () => {
    expect(() => osgbToWgs84(Number.NaN, 1)).toThrow(/finite/)
    expect(() => osgbToWgs84(1, Number.POSITIVE_INFINITY)).toThrow(/finite/)
  })
})

describe('wgs84ToOsgb', () => {
  it('takes the worked example back to its grid reference', () => {
    const g = wgs84ToOsgb(dms(52, 39, 28.723), dms(1, 42, 57.787))
    expect(Math.abs(g.easting - 651409.903)).toBeLessThan(0.1)
    expect(Math.abs(g.northing - 313177.27)).toBeLessThan(0.1)
  })

  it.each([
    [134000, 25000],
    [632000, 141000],
    [325000, 673000],
    [446000, 1141000],
  ])('round-trips grid %i, %i to within a centimetre', (easting, northing) => {
    const p = osgbToWgs84(easting, northing)
    const back = wgs84ToOsgb(p.lat, p.lon)
    expect(Math.abs(back.easting - easting)).toBeLessThan(0.01)
    expect(Math.abs(back.northing - northing)).toBeLessThan(0.01)
  })

  it('refuses impossible latitudes', () => {
    expect(() => wgs84ToOsgb(91, 0)).toThrow(/finite degrees/)
  })
})
