import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  addLocationOfInterest,
  addSurveyReadings,
  listLocationsOfInterest,
  removeLocationOfInterest,
  type CaseSession,
} from '@linesight/casework'
import type { QuerySpec } from '@linesight/store'
import { resolveEvidence } from '../../core/resolve-evidence.js'
import { runAnalysis } from '../../core/run-analysis.js'
import { CDR_HEADER, caseFromFiles } from '../../test/case-from-files.js'
import { places } from './places.js'

const CELL_HEADER =
  'network,mcc,mnc,lac,ci,technology,site_id,site_name,lat,lon,easting,northing,azimuth,beamwidth,valid_from,valid_to'
const N1 = '+447911123456'
const N2 = '+447922654321'
const X = '+447933111222'
let session: CaseSession
const ctx = { now: new Date('2026-01-01T00:00:00Z'), zone: 'Europe/London' }
const now = new Date('2026-01-02T09:00:00Z')

beforeAll(async () => {
  session = await caseFromFiles({
    'cells.csv': [
      CELL_HEADER,
      // 692 m west of the flat, pointing east at it.
      'Vodafone,234,15,1,100,lte,W,WEST,51.5400,0.7100,,,90,60,2020-01-01,',
      // 346 m east of the flat, pointing east, away from it.
      'Vodafone,234,15,1,101,lte,E,EAST,51.5400,0.7250,,,90,60,2020-01-01,',
      // 556 m north, no sector given.
      'Vodafone,234,15,1,102,lte,N,NORTH,51.5450,0.7200,,,,,2020-01-01,',
      'Vodafone,234,15,2,200,lte,L,LONDON,51.5074,-0.1278,,,0,120,2020-01-01,',
    ].join('\n'),
    // A public estimate 13 m from the flat: listed, labelled, ranked after the network's cells.
    'opencellid.csv': 'LTE,234,15,3,300,0,0.7201,51.5401,1000,12,1,1459814306,1741057142,0\n',
    'n.csv': [
      CDR_HEADER,
      `${N1},${X},out,voice,2024-03-05T10:00:00Z,60,234-15-1-100`,
      `${N1},${X},out,sms,2024-03-05T11:00:00Z,,234-15-1-100`,
      `${N1},${X},out,sms,2024-03-05T12:00:00Z,,234-15-2-200`,
      `${N2},${X},in,sms,2024-03-06T10:00:00Z,,234-15-1-101`,
      `${N2},${X},in,sms,2024-04-06T10:00:00Z,,234-15-1-100`,
    ].join('\n'),
  })
  await addLocationOfInterest(
    session,
    { name: 'Flat 3', kind: 'home', lat: 51.54, lon: 0.72, radiusM: 30 },
    { now },
  )
  await addLocationOfInterest(session, { name: 'Nowhere', kind: 'other', lat: 52.5, lon: -1.9 }, { now })
})
afterAll(() => session.close())

describe('places', () => {
  it('ranks a cell facing the place before a nearer one facing away', async () => {
    const r = (await runAnalysis(places, session.store, { place: 'L0001' }, ctx)).result
    expect(r.places.map((p) => p.place.name)).toEqual(['Flat 3'])
    expect(
      r.places[0]!.cells.map((c) => [
        c.rank,
        c.cell,
        c.facing,
        c.distance_m,
        c.off_axis_deg,
        c.position_source,
      ]),
    ).toEqual([
      [1, '234-15-1-100', 'toward', 692, 0, 'network'],
      [2, '234-15-1-102', 'no-sector', 556, null, 'network'],
      [3, '234-15-1-101', 'away', 346, 180, 'network'],
      [4, '234-15-3-300', 'at-mast', 13, null, 'public-fallback'],
    ])
    expect(r.places[0]!.cells[3]!.evidential).toBe(false)
    expect(r.caution).toMatch(/not coverage/)
  })

  it('lists which numbers used those cells, with evidence, in the window', async () => {
    const all = (await runAnalysis(places, session.store, { place: 'L0001' }, ctx)).result.places[0]!
    expect(all.users.map((u) => [u.number, u.events, u.cells.map((c) => [c.cell, c.events])])).toEqual([
      [N1, 2, [['234-15-1-100', 2]]],
      [
        N2,
        2,
        [
          ['234-15-1-100', 1],
          ['234-15-1-101', 1],
        ],
      ],
    ])
    for (const u of all.users)
      for (const e of [u.evidence, ...u.cells.map((c) => c.evidence)])
        expect((await resolveEvidence(session.store, e)).length).toBe(e.count)
    const march = (
      await runAnalysis(
        places,
        session.store,
        { place: 'L0001', targets: [N2], from: '2024-03-01T00:00:00Z', to: '2024-03-31T23:59:59Z' },
        ctx,
      )
    ).result.places[0]!
    expect(march.users.map((u) => [u.number, u.events])).toEqual([[N2, 1]])
    expect(march.users[0]!.cells[0]!.evidence).toMatchObject({
      cells: ['234-15-1-101'],
      from: '2024-03-01T00:00:00Z',
      to: '2024-03-31T23:59:59Z',
      count: 1,
    })
  })

  it('a survey that saw a cell serving the place ranks it first', async () => {
    await addSurveyReadings(
      session,
      {
        placeId: 'L0001',
        surveyKind: 'spot',
        surveyedAt: '2024-06-01T12:00:00+01:00',
        surveyedBy: 'DC Smith',
      },
      [
        { lat: 51.54, lon: 0.72, cgi: '234-15-1-101', serving: true, signalDbm: -85 },
        { lat: 51.54, lon: 0.72, cgi: '234-15-1-100', serving: false, signalDbm: -97 },
        { lat: 51.54, lon: 0.72, cgi: '234-15-9-999', serving: false },
      ],
      { now },
    )
    const r = (await runAnalysis(places, session.store, { place: 'L0001' }, ctx)).result.places[0]!
    expect(r.cells.map((c) => [c.cell, c.survey?.serving ?? null])).toEqual([
      ['234-15-1-101', 1],
      ['234-15-1-100', 0],
      ['234-15-1-102', null],
      ['234-15-3-300', null],
    ])
    expect(r.cells[0]!.survey).toEqual({
      readings: 1,
      serving: 1,
      best_dbm: -85,
      kinds: ['spot'],
      first_surveyed: '2024-06-01T11:00:00Z',
      last_surveyed: '2024-06-01T11:00:00Z',
    })
    expect(r.surveyed_unlisted.map((s) => [s.cell, s.readings, s.serving])).toEqual([['234-15-9-999', 1, 0]])
  })

  it('every place, and places added and removed with audit entries', async () => {
    const r = (await runAnalysis(places, session.store, {}, ctx)).result
    expect(r.places.map((p) => [p.place.id, p.cells.length, p.users.length])).toEqual([
      ['L0001', 4, 2],
      ['L0002', 0, 0],
    ])
    expect((await listLocationsOfInterest(session.store)).map((p) => p.name)).toEqual(['Flat 3', 'Nowhere'])
    const removed = await removeLocationOfInterest(session, 'L0002', { now })
    expect(removed).toMatchObject({
      id: 'L0002',
      name: 'Nowhere',
      kind: 'other',
      created_at: '2026-01-02T09:00:00Z',
    })
    await expect(removeLocationOfInterest(session, 'L0002', { now })).rejects.toThrow(
      /no location of interest/,
    )
    const again = await addLocationOfInterest(
      session,
      { name: 'Alibi', kind: 'alibi', lat: 51.5, lon: 0 },
      { now },
    )
    // Ids are never reused.
    expect(again.id).toBe('L0003')
    await expect(
      addLocationOfInterest(session, { name: 'Bad', kind: 'scene', lat: 95, lon: 0 }, { now }),
    ).rejects.toThrow(/place\.lat/)
    const audit: QuerySpec<{ action: string; details: string }> = {
      id: 'test-audit',
      sql: {
        duckdb: `SELECT action, details_json AS details FROM audit_log WHERE action LIKE 'location%' OR action LIKE 'survey%' ORDER BY seq`,
      },
      params: [],
      row: (x) => ({ action: String(x['action']), details: String(x['details']) }),
    }
    const entries = await session.store.run(audit, {})
    expect(entries.map((e) => e.action)).toEqual([
      'location-of-interest.add',
      'location-of-interest.add',
      'survey-readings.add',
      'location-of-interest.remove',
      'location-of-interest.add',
    ])
    expect(JSON.parse(entries[3]!.details)).toMatchObject({ id: 'L0002', name: 'Nowhere' })
  })
})
