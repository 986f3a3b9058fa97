import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CaseSession } from '@linesight/casework'
import { resolveEvidence } from '../../core/resolve-evidence.js'
import { runAnalysis } from '../../core/run-analysis.js'
import { CDR_HEADER, caseFromFiles } from '../../test/case-from-files.js'
import { impossibleTravel } from './impossible-travel.js'

const CELL_HEADER =
  'network,mcc,mnc,lac,ci,technology,site_id,site_name,lat,lon,easting,northing,azimuth,beamwidth,valid_from,valid_to'
const C = '+447933111222'
const B = '+447922654321'
let session: CaseSession

/** A figure without its evidence, for comparing the numbers. */
const bare = <T extends object>(x: T): Omit<T, 'evidence'> =>
  Object.fromEntries(Object.entries(x).filter(([k]) => k !== 'evidence')) as Omit<T, 'evidence'>
const ctx = { now: new Date('2026-01-01T00:00:00Z'), zone: 'Europe/London' }

beforeAll(async () => {
  session = await caseFromFiles({
    // Cells on one meridian: half a degree of latitude is 55 597.54 m on the haversine sphere.
    'cells.csv': [
      CELL_HEADER,
      'EE,234,30,1,100,lte,,SOUTH,51.0000,0.0000,,,0,120,2020-01-01,',
      'EE,234,30,1,101,lte,,NORTH,51.5000,0.0000,,,0,120,2020-01-01,',
      'EE,234,30,1,102,lte,,SOUTH 2,51.0100,0.0000,,,0,120,2020-01-01,',
    ].join('\n'),
    'c.csv': [
      CDR_HEADER,
      `${C},${B},out,voice,2024-03-05T10:00:00Z,60,234-30-1-100`,
      // 400 s later, 55.6 km away: 500.4 km/h.
      `${C},${B},out,voice,2024-03-05T10:06:40Z,60,234-30-1-101`,
      // A data session 200 s later back south: its cell was used at or before 10:10, so it is left out by default.
      `${C},,out,data,2024-03-05T10:10:00Z,600,234-30-1-100`,
      `${C},${B},in,sms,2024-03-05T10:40:00Z,,234-30-1-102`,
    ].join('\n'),
  })
})
afterAll(() => session.close())

describe('impossible travel', () => {
  it('flags a 500 km/h implied speed between consecutive events', async () => {
    const r = (
      await runAnalysis(impossibleTravel, session.store, { target: C, assumedRadiusM: 0, maxKmh: 500 }, ctx)
    ).result
    expect(r.pairs_checked).toBe(2)
    expect(r.flags.map((f) => ({ ...bare(f), from: f.from.utc, to: f.to.utc }))).toEqual([
      {
        from: '2024-03-05T10:00:00Z',
        to: '2024-03-05T10:06:40Z',
        distance_km: 55.6,
        min_distance_km: 55.6,
        seconds: 400,
        time_allowance_s: 0,
        // 55.59754 km / (400 / 3600) h
        implied_kmh: 500.4,
        evidential: true,
      },
    ])
    expect(r.flags[0]!.from).toMatchObject({ cell: '234-30-1-100', local: '2024-03-05 10:00:00 +00:00' })
    const rows = await resolveEvidence(session.store, r.flags[0]!.evidence)
    expect(rows.map((x) => x.start_cgi)).toEqual(['234-30-1-100', '234-30-1-101'])
    const under = (
      await runAnalysis(impossibleTravel, session.store, { target: C, assumedRadiusM: 0, maxKmh: 501 }, ctx)
    ).result
    expect(under.flags).toEqual([])
  })

  it('allows the serving radius around each cell, and checks data sessions only when asked', async () => {
    // Default: 2 km around each cell leaves 51.6 km in 400 s, 464.4 km/h, still above 200.
    const r = (await runAnalysis(impossibleTravel, session.store, { target: C }, ctx)).result
    expect(r.flags.map((f) => [f.min_distance_km, f.implied_kmh])).toEqual([[51.6, 464.4]])
    const data = (
      await runAnalysis(impossibleTravel, session.store, { target: C, includeDataEvents: true }, ctx)
    ).result
    expect(data.pairs_checked).toBe(3)
    expect(data.flags.map((f) => [f.from.utc, f.to.utc, f.to.time_semantics])).toEqual([
      ['2024-03-05T10:00:00Z', '2024-03-05T10:06:40Z', 'at'],
      ['2024-03-05T10:06:40Z', '2024-03-05T10:10:00Z', 'at-or-before-start'],
    ])
  })
})
