import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CaseSession } from '@linesight/casework'
import { resolveEvidence } from '../../core/resolve-evidence.js'
import { runAnalysis } from '../../core/run-analysis.js'
import { CDR_HEADER, caseFromFiles } from '../../test/case-from-files.js'
import { dwellPeriods } from './dwell-periods.js'

const CELL_HEADER =
  'network,mcc,mnc,lac,ci,technology,site_id,site_name,lat,lon,easting,northing,azimuth,beamwidth,valid_from,valid_to'
const A = '+447911123456'
const B = '+447922654321'
let session: CaseSession
const ctx = { now: new Date('2026-01-01T00:00:00Z'), zone: 'Europe/London' }

beforeAll(async () => {
  session = await caseFromFiles({
    'cells.csv': [
      CELL_HEADER,
      'Vodafone,234,15,1,100,lte,SOU,SOUTHEND,51.5380,0.7110,,,90,120,2020-01-01,',
      'Vodafone,234,15,1,101,lte,SOU,SOUTHEND,51.5380,0.7110,,,270,120,2020-01-01,',
      'Vodafone,234,15,3,300,lte,BAS,BASILDON,51.5680,0.4570,,,0,120,2020-01-01,',
      'Vodafone,234,15,2,200,lte,LST,LIVERPOOL ST,51.5178,-0.0823,,,0,120,2020-01-01,',
      'Vodafone,234,15,2,201,lte,LST2,MOORGATE,51.5200,-0.0900,,,0,120,2020-01-01,',
    ].join('\n'),
    // 5 April 2024 is in BST: local time is UTC + 1.
    'a.csv': [
      CDR_HEADER,
      `${A},${B},out,voice,2024-04-05T07:00:00Z,60,234-15-1-100`,
      `${A},${B},out,sms,2024-04-05T07:20:00Z,,234-15-1-101`,
      `${A},,out,data,2024-04-05T07:45:00Z,300,234-15-1-100`,
      `${A},${B},in,voice,2024-04-05T08:05:00Z,30,234-15-3-300`,
      `${A},${B},in,sms,2024-04-05T08:50:00Z,,234-15-2-201`,
      `${A},${B},out,voice,2024-04-05T09:00:00Z,60,234-15-2-200`,
      `${A},${B},out,sms,2024-04-05T09:20:00Z,,234-15-2-200`,
      `${A},${B},out,voice,2024-04-05T09:40:00Z,60,234-15-2-200`,
      `${A},${B},out,sms,2024-04-05T12:00:00Z,,234-15-9-999`,
      `${A},${B},out,sms,2024-04-05T17:00:00Z,,234-15-2-200`,
    ].join('\n'),
  })
})
afterAll(() => session.close())

describe('dwell periods', () => {
  it('splits on a change of site or a gap over the limit, not on an event without a position', async () => {
    const r = (await runAnalysis(dwellPeriods, session.store, { target: A }, ctx)).result
    expect(r.periods.map((p) => [p.site, p.events, p.first_local, p.last_local, p.span_s])).toEqual([
      ['site 234-15 SOU', 3, '2024-04-05 08:00:00 +01:00', '2024-04-05 08:45:00 +01:00', 2700],
      ['site 234-15 BAS', 1, '2024-04-05 09:05:00 +01:00', '2024-04-05 09:05:00 +01:00', 0],
      ['site 234-15 LST2', 1, '2024-04-05 09:50:00 +01:00', '2024-04-05 09:50:00 +01:00', 0],
      ['site 234-15 LST', 3, '2024-04-05 10:00:00 +01:00', '2024-04-05 10:40:00 +01:00', 2400],
      ['site 234-15 LST', 1, '2024-04-05 18:00:00 +01:00', '2024-04-05 18:00:00 +01:00', 0],
    ])
    expect(r.periods[0]).toMatchObject({
      cells: ['234-15-1-100', '234-15-1-101'],
      lat: 51.538,
      lon: 0.711,
      first_time_semantics: 'at',
      last_time_semantics: 'at-or-before-start',
      position_sources: ['network'],
      evidential: true,
    })
    for (const p of r.periods)
      expect((await resolveEvidence(session.store, p.evidence)).length).toBe(p.evidence.count)
    // The 13:00 event has no cell position: the afternoon gap, not that event, splits the Liverpool St periods.
    expect(r.periods[3]!.evidence).toMatchObject({ cells: ['234-15-2-200'], count: 3 })
  })

  it('by cell, a change of sector on the same site starts a new period', async () => {
    const r = (
      await runAnalysis(dwellPeriods, session.store, { target: A, level: 'cell', minEvents: 1 }, ctx)
    ).result
    expect(r.periods.slice(0, 3).map((p) => [p.cells, p.events])).toEqual([
      [['234-15-1-100'], 1],
      [['234-15-1-101'], 1],
      [['234-15-1-100'], 1],
    ])
    const few = (await runAnalysis(dwellPeriods, session.store, { target: A, minEvents: 2, limit: 1 }, ctx))
      .result
    expect([few.periods.length, few.truncated]).toEqual([1, true])
  })
})
