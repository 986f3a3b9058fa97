import { describe, expect, it } from 'vitest'
import type { CellSite } from '../data.js'
import { cellBounds, cellSectors, sectorLookup } from './sectors.js'

const cell = (over: Partial<CellSite> = {}): CellSite => ({
  cgi: '234-30-880-1',
  lat: 51.5,
  lon: 0.1,
  azimuth: 90,
  beamwidth: 120,
  rangeMetres: null,
  sourceKind: 'network',
  siteName: 'SITE',
  network: 'EE',
  technology: 'lte',
  events: 3,
  ...over,
})

describe('cellSectors', () => {
  it('draws a wedge as three fading rings with an assumed radius said in the label', () => {
    const [s] = cellSectors([cell()])
    expect(s!.rings).toHaveLength(3)
    expect(s!.rings[0]![0]).toEqual([0.1, 51.5])
    expect(s!.radiusAssumed).toBe(true)
    expect(s!.label).toBe('SITE (approximate, radius 1500 m assumed)')
    // the label anchor lies east of the mast for an azimuth of 90°
    expect(s!.labelAt[0]).toBeGreaterThan(0.1)
  })

  it('draws a circle without azimuth and marks public cells as not evidential', () => {
    const [s] = cellSectors([cell({ azimuth: null, sourceKind: 'public-fallback', rangeMetres: 800 })])
    expect(s!.evidential).toBe(false)
    expect(s!.label).toBe('SITE (approximate, no azimuth: circle, public data, not evidential)')
    expect(s!.radiusMetres).toBe(800)
  })

  it('skips cells without a position and bounds the rest', () => {
    expect(cellSectors([cell({ lat: Number.NaN })])).toEqual([])
    expect(cellBounds([cell(), cell({ lat: 52, lon: -1 })])).toEqual([-1, 51.5, 0.1, 52])
    expect(cellBounds([])).toBeNull()
  })

  it('finds a cell by id, or by network and cell identity when the event gives no LAC', () => {
    const find = sectorLookup(
      cellSectors([cell(), cell({ cgi: '234-10-5-77' }), cell({ cgi: '234-10-6-77' })]),
    )
    expect(find('234-30-880-1')?.cgi).toBe('234-30-880-1')
    expect(find('234-30--1')?.cgi).toBe('234-30-880-1')
    expect(find('234-10--77')).toBeUndefined()
    expect(find('234-30-9-1')).toBeUndefined()
  })
})
