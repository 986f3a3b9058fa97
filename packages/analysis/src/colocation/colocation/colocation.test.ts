import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CaseSession } from '@linesight/casework'
import { resolveEvidence } from '../../core/resolve-evidence.js'
import { runAnalysis } from '../../core/run-analysis.js'
import { CDR_HEADER, caseFromFiles } from '../../test/case-from-files.js'
import { colocation } from './colocation.js'

const CELL_HEADER =
  'network,mcc,mnc,lac,ci,technology,site_id,site_name,lat,lon,easting,northing,azimuth,beamwidth,valid_from,valid_to'
const D = '+447911123456'
const R = '+447922654321'
const X = '+447933111222'
let session: CaseSession

/** A figure without its evidence, for comparing the numbers. */
const bare = <T extends object>(x: T): Omit<T, 'evidence'> =>
  Object.fromEntries(Object.entries(x).filter(([k]) => k !== 'evidence')) as Omit<T, 'evidence'>
const ctx = { now: new Date('2026-01-01T00:00:00Z'), zone: 'Europe/London' }

beforeAll(async () => {
  session = await caseFromFiles({
    'cells.csv': [
      CELL_HEADER,
      // One Vodafone site, two sectors facing opposite ways.
      'Vodafone,234,15,1,100,lte,H1,SOUTHEND H1,51.5400,0.7100,,,90,120,2020-01-01,',
      'Vodafone,234,15,1,101,lte,H1,SOUTHEND H1,51.5400,0.7100,,,270,120,2020-01-01,',
      'Vodafone,234,15,2,200,lte,L1,LONDON L1,51.5074,-0.1278,,,0,120,2020-01-01,',
      // A Three mast 17.7 m from H1.
      'Three,234,20,7,700,lte,T7,SOUTHEND T7,51.5401,0.7102,,,180,120,2020-01-01,',
    ].join('\n'),
    'd.csv': [
      CDR_HEADER,
      `${D},${X},out,voice,2024-03-05T10:00:00Z,60,234-15-1-100`,
      `${D},${X},out,voice,2024-03-05T10:30:00Z,60,234-15-1-100`,
      `${D},${X},out,voice,2024-03-05T12:00:00Z,60,234-15-1-100`,
      `${D},${X},out,sms,2024-03-06T09:00:00Z,,234-15-1-100`,
      `${D},${X},out,voice,2024-03-07T15:00:00Z,60,234-15-1-100`,
      `${D},,out,data,2024-03-07T16:00:00Z,600,234-15-1-100`,
    ].join('\n'),
    'r.csv': [
      CDR_HEADER,
      // 59 s after D, the other sector of the same site: co-located.
      `${R},${X},in,sms,2024-03-05T10:00:59Z,,234-15-1-101`,
      `${R},${X},in,sms,2024-03-05T10:30:30Z,,234-15-1-100`,
      // 61 s after D: not co-located at the default 60 s.
      `${R},${X},in,sms,2024-03-05T12:01:01Z,,234-15-1-100`,
      // Another network's mast 17.7 m away: neighbouring.
      `${R},${X},out,sms,2024-03-06T09:00:10Z,,234-20-7-700`,
      // London, 58 km away, 20 s after D's call: non-co-location.
      `${R},${X},out,voice,2024-03-07T15:00:20Z,30,234-15-2-200`,
      // 10 s after D's data session, in London: not non-co-location (a data cell was used at or before its time).
      `${R},${X},out,sms,2024-03-07T16:00:10Z,,234-15-2-200`,
    ].join('\n'),
  })
})
afterAll(() => session.close())

describe('co-location', () => {
  it('finds the same site on different sectors within 59 s, not 61 s, and neighbouring masts', async () => {
    const r = (await runAnalysis(colocation, session.store, { targets: [R, D] }, ctx)).result
    expect(r.targets).toEqual([D, R])
    const pair = r.pairs[0]!
    expect([pair.a, pair.b]).toEqual([D, R])
    expect(pair.colocation_periods.map(bare)).toEqual([
      {
        first_utc: '2024-03-05T10:00:00Z',
        last_utc: '2024-03-05T10:30:00Z',
        first_local: '2024-03-05 10:00:00 +00:00',
        last_local: '2024-03-05 10:30:00 +00:00',
        instances: 2,
        same_cell: 1,
        same_site: 1,
        neighbouring: 0,
        max_delay_s: 59,
        max_metres: 0,
        sites: ['site 234-15 H1'],
        site_names: ['SOUTHEND H1'],
        position_sources: ['network'],
        evidential: true,
      },
      {
        first_utc: '2024-03-06T09:00:00Z',
        last_utc: '2024-03-06T09:00:00Z',
        first_local: '2024-03-06 09:00:00 +00:00',
        last_local: '2024-03-06 09:00:00 +00:00',
        instances: 1,
        same_cell: 0,
        same_site: 0,
        neighbouring: 1,
        max_delay_s: 10,
        max_metres: 18,
        sites: ['site 234-15 H1', 'site 234-20 T7'],
        site_names: ['SOUTHEND H1', 'SOUTHEND T7'],
        position_sources: ['network'],
        evidential: true,
      },
    ])
    expect(pair.colocation).toMatchObject({ periods: 2, instances: 3, days: 2 })
    expect(pair.non_colocation).toMatchObject({ periods: 1, instances: 1, days: 1 })
    expect(pair.non_colocation_periods[0]).toMatchObject({
      first_utc: '2024-03-07T15:00:00Z',
      min_km: 58.08,
      a_sites: ['site 234-15 H1'],
      b_sites: ['site 234-15 L1'],
    })
    for (const e of [
      ...pair.colocation_periods.map((p) => p.evidence),
      pair.colocation.evidence!,
      pair.non_colocation.evidence!,
    ])
      expect((await resolveEvidence(session.store, e)).length).toBe(e.count)
    expect(
      (await resolveEvidence(session.store, pair.colocation_periods[0]!.evidence)).map((x) => x.start_utc),
    ).toEqual([
      '2024-03-05T10:00:00Z',
      '2024-03-05T10:00:59Z',
      '2024-03-05T10:30:00Z',
      '2024-03-05T10:30:30Z',
    ])
  })

  it('61 s is co-location once the delay allows it; neighbours only when asked', async () => {
    const wide = (
      await runAnalysis(colocation, session.store, { targets: [D, R], colocationMaxDelaySeconds: 61 }, ctx)
    ).result
    expect(wide.pairs[0]!.colocation.periods).toBe(3)
    const strict = (
      await runAnalysis(colocation, session.store, { targets: [D, R], neighbourMetres: 0 }, ctx)
    ).result
    expect(strict.pairs[0]!.colocation).toMatchObject({ periods: 1, instances: 2 })
  })

  it('compares every pair and wants two numbers', async () => {
    const r = (await runAnalysis(colocation, session.store, { targets: [D, R, X] }, ctx)).result
    expect(r.pairs.map((p) => [p.a, p.b, p.colocation.periods])).toEqual([
      [D, R, 2],
      [D, X, 0],
      [R, X, 0],
    ])
    await expect(runAnalysis(colocation, session.store, { targets: [D, D] }, ctx)).rejects.toThrow(
      /colocation\.params\.targets: give at least two/,
    )
  })
})
