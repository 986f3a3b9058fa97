import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addLocationOfInterest, type CaseSession } from '@linesight/casework'
import { resolveEvidence } from '../../core/resolve-evidence.js'
import { runAnalysis } from '../../core/run-analysis.js'
import { CDR_HEADER, caseFromFiles } from '../../test/case-from-files.js'
import { eventSequence } from './event-sequence.js'
import { eventWording } from './event-sequence.rules.js'

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
      // Re-pointed and moved on 10 March.
      'Vodafone,234,15,1,100,lte,H1,SOUTHEND,51.5400,0.7100,,,90,120,2020-01-01,2024-03-10',
      'Vodafone,234,15,1,100,lte,H2,SOUTHEND NEW,51.5500,0.7200,,,180,120,2024-03-10,',
      'O2,234,10,5,500,lte,O5,LEIGH,51.5300,0.7000,,,0,120,2020-01-01,',
    ].join('\n'),
    // OpenCelliD (headerless): a public estimate, never evidential.
    'opencellid.csv': 'LTE,234,15,3,300,0,-0.1281,51.5080,1000,12,1,1459814306,1741057142,0\n',
    'a.csv': [
      CDR_HEADER,
      `${A},${B},out,voice,2024-03-05T10:00:00Z,60,234-15-1-100`,
      `${A},,out,data,2024-03-05T10:05:00Z,600,234-15-1-100`,
      `${A},${B},in,sms,2024-03-12T09:00:00Z,,234-15-1-100`,
      `${A},${B},out,sms,2024-03-12T09:30:00Z,,234-15-3-300`,
      `${A},${B},out,sms,2024-03-12T09:40:00Z,,`,
    ].join('\n'),
    // O2 gives the cell of the end of a data session.
    'o2.csv': [CDR_HEADER, `${A},,out,data,2024-03-12T10:00:00Z,300,234-10-5-500`].join('\n'),
  })
  await addLocationOfInterest(
    session,
    { name: 'Scene', kind: 'scene', lat: 51.54, lon: 0.73, address: '1 High St' },
    { now: new Date('2026-01-01T00:00:00Z') },
  )
})
afterAll(() => session.close())

describe('event sequence', () => {
  it('words each event from its time semantics and gives its source row', async () => {
    const r = (await runAnalysis(eventSequence, session.store, { target: A }, ctx)).result
    expect(r.events.map((e) => [e.source_file, e.source_row, e.wording])).toEqual([
      ['a.csv', 1, 'Used cell 234-15-1-100 (SOUTHEND) at 2024-03-05 10:00:00 +00:00.'],
      [
        'a.csv',
        2,
        'Used cell 234-15-1-100 (SOUTHEND) at or before 2024-03-05 10:05:00 +00:00 (the start time).',
      ],
      ['a.csv', 3, 'Used cell 234-15-1-100 (SOUTHEND NEW) at 2024-03-12 09:00:00 +00:00.'],
      [
        'a.csv',
        4,
        'Used cell 234-15-3-300 at 2024-03-12 09:30:00 +00:00. The cell position is from a public database: not evidential.',
      ],
      ['a.csv', 5, 'No cell in the record (2024-03-12 09:40:00 +00:00).'],
      ['o2.csv', 1, 'Used cell 234-10-5-500 (LEIGH) at or before the end time, 2024-03-12 10:05:00 +00:00.'],
    ])
    expect(
      r.events.map((e) => [e.time_semantics, e.site, e.lat, e.lon, e.position_source, e.evidential]),
    ).toEqual([
      ['at', 'site 234-15 H1', 51.54, 0.71, 'network', true],
      ['at-or-before-start', 'site 234-15 H1', 51.54, 0.71, 'network', true],
      // The position valid on 12 March, after the cell moved.
      ['at', 'site 234-15 H2', 51.55, 0.72, 'network', true],
      ['at', 'public position 51.508,-0.1281', 51.508, -0.1281, 'public-fallback', false],
      ['at', null, null, null, null, false],
      ['at-or-before-end', 'site 234-10 O5', 51.53, 0.7, 'network', true],
    ])
    for (const e of r.events) {
      const [row] = await resolveEvidence(session.store, e.evidence)
      expect([row!.source_file, row!.source_row]).toEqual([e.source_file, e.source_row])
    }
  })

  it('measures from each mast to a location of interest, or to a point', async () => {
    const r = (await runAnalysis(eventSequence, session.store, { target: A, place: 'L0001' }, ctx)).result
    expect(r.place).toMatchObject({ id: 'L0001', name: 'Scene', kind: 'scene', lat: 51.54, lon: 0.73 })
    // 0.02° of longitude at 51.54° N is 1 383 m, due east: the old sector (azimuth 90°) points at it.
    expect(r.events[0]).toMatchObject({
      distance_to_place_m: 1383,
      bearing_to_place_deg: 90,
      place_facing: 'toward',
    })
    expect(r.events[4]).toMatchObject({ distance_to_place_m: null, place_facing: null })
    const point = (
      await runAnalysis(eventSequence, session.store, { target: A, placeLat: 51.54, placeLon: 0.69 }, ctx)
    ).result
    expect(point.events[0]).toMatchObject({
      distance_to_place_m: 1383,
      bearing_to_place_deg: 270,
      place_facing: 'away',
    })
    await expect(
      runAnalysis(eventSequence, session.store, { target: A, place: 'L0099' }, ctx),
    ).rejects.toThrow(/event-sequence\.params\.place: no location of interest "L0099"/)
    await expect(
      runAnalysis(eventSequence, session.store, { target: A, place: 'L0001', placeLat: 51 }, ctx),
    ).rejects.toThrow(/not both/)
    await expect(runAnalysis(eventSequence, session.store, { target: A, placeLat: 51 }, ctx)).rejects.toThrow(
      /placeLon: needed with placeLat/,
    )
  })

  it('keeps to the window and the limit', async () => {
    const r = (
      await runAnalysis(
        eventSequence,
        session.store,
        { target: A, from: '2024-03-12T00:00:00Z', to: '2024-03-12T10:00:00+01:00', limit: 2 },
        ctx,
      )
    ).result
    // 10:00 +01:00 is 09:00 UTC.
    expect([r.events.map((e) => e.utc), r.truncated]).toEqual([['2024-03-12T09:00:00Z'], false])
    const some = (await runAnalysis(eventSequence, session.store, { target: A, limit: 2 }, ctx)).result
    expect([some.events.length, some.truncated]).toEqual([2, true])
  })

  it('words an O2 session with no end time', () => {
    expect(
      eventWording({
        time_semantics: 'at-or-before-end',
        record_cell: '234-10-5-500',
        site_name: null,
        local: '2024-03-12 10:00:00 +00:00',
        end_local: null,
        position_source: 'network',
      }),
    ).toBe(
      'Used cell 234-10-5-500 at or before the end time of the session that started 2024-03-12 10:00:00 +00:00 (the end time is not given).',
    )
  })
})
