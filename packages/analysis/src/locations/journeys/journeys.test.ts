import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CaseSession } from '@linesight/casework'
import { resolveEvidence } from '../../core/resolve-evidence.js'
import { runAnalysis } from '../../core/run-analysis.js'
import { CDR_HEADER, caseFromFiles } from '../../test/case-from-files.js'
import { journeys } from './journeys.js'
import { findJourneys } from './journeys.rules.js'

const CELL_HEADER =
  'network,mcc,mnc,lac,ci,technology,site_id,site_name,lat,lon,easting,northing,azimuth,beamwidth,valid_from,valid_to'
const A = '+447911123456'
const B = '+447922654321'
let session: CaseSession

/** A figure without its evidence, for comparing the numbers. */
const bare = <T extends object>(x: T): Omit<T, 'evidence'> =>
  Object.fromEntries(Object.entries(x).filter(([k]) => k !== 'evidence')) as Omit<T, 'evidence'>
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

describe('journeys', () => {
  it('finds Southend → London with departure, arrival, distance and implied speed', async () => {
    const r = (await runAnalysis(journeys, session.store, { target: A }, ctx)).result
    expect(r.journeys.map(bare)).toEqual([
      {
        origin_site: 'site 234-15 SOU',
        destination_site: 'site 234-15 LST',
        departure: {
          site: 'site 234-15 SOU',
          site_name: 'SOUTHEND',
          lat: 51.538,
          lon: 0.711,
          utc: '2024-04-05T07:45:00Z',
          local: '2024-04-05 08:45:00 +01:00',
          time_semantics: 'at-or-before-start',
          event_id: expect.any(String),
        },
        // Moorgate is 0.59 km from Liverpool St, inside areaKm: the phone was in the destination's area by 09:50.
        arrival: {
          site: 'site 234-15 LST2',
          site_name: 'MOORGATE',
          lat: 51.52,
          lon: -0.09,
          utc: '2024-04-05T08:50:00Z',
          local: '2024-04-05 09:50:00 +01:00',
          time_semantics: 'at',
          event_id: expect.any(String),
        },
        via: ['site 234-15 BAS'],
        // haversine(51.538, 0.711, 51.52, -0.09) = 55 446 m; 65 minutes; 55.446 / (65 / 60) = 51.2 km/h.
        distance_km: 55.45,
        elapsed_minutes: 65,
        implied_kmh: 51.2,
        position_sources: ['network'],
        evidential: true,
      },
    ])
    const e = r.journeys[0]!.evidence
    expect((await resolveEvidence(session.store, e)).map((row) => row.start_utc)).toEqual([
      '2024-04-05T07:45:00Z',
      '2024-04-05T08:05:00Z',
      '2024-04-05T08:50:00Z',
    ])
  })

  it('no journey when the stays are closer than minKm or too short to be stays', async () => {
    const far = (await runAnalysis(journeys, session.store, { target: A, minKm: 60 }, ctx)).result
    expect(far.journeys).toEqual([])
    const long = (await runAnalysis(journeys, session.store, { target: A, minStayMinutes: 60 }, ctx)).result
    expect(long.journeys).toEqual([])
  })

  it('rules: a stay is left from the last period in its area', () => {
    const p = (lat: number, first: number, last: number) => ({ lat, lon: 0, first_ts: first, last_ts: last })
    // 0.01° of latitude is 1.1 km: the second period is still in the origin's area.
    const found = findJourneys(
      [p(51, 0, 3600), p(51.01, 4000, 4000), p(51.2, 5000, 5000), p(51.5, 6000, 9000)],
      {
        minStaySeconds: 1800,
        minMetres: 10_000,
        areaMetres: 3000,
      },
    )
    expect(found).toEqual([{ originStay: 0, destinationStay: 3, departure: 1, arrival: 3, via: [2] }])
  })
})
