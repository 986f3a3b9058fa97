import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CaseSession } from '@linesight/casework'
import { resolveEvidence } from '../../core/resolve-evidence.js'
import { runAnalysis } from '../../core/run-analysis.js'
import { CDR_HEADER, caseFromFiles } from '../../test/case-from-files.js'
import { topCells } from './top-cells.js'

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
      // Site H1 in Southend: two sectors with a site id.
      'Vodafone,234,15,1,100,lte,H1,SOUTHEND H1,51.5400,0.7100,,,90,120,2020-01-01,',
      'Vodafone,234,15,1,101,lte,H1,SOUTHEND H1,51.5400,0.7100,,,270,120,2020-01-01,',
      // Two 3G sectors in London with no site id (and no eNodeB): one site by position.
      'Vodafone,234,15,2,200,umts,,LONDON A,51.5074,-0.1278,,,0,120,2020-01-01,',
      'Vodafone,234,15,2,201,umts,,LONDON B,51.5074,-0.1278,,,180,120,2020-01-01,',
    ].join('\n'),
    'a.csv': [
      CDR_HEADER,
      // 01:00 GMT on 30 March: the night of 30 March.
      `${A},${B},out,voice,2024-03-30T01:00:00Z,60,234-15-1-100`,
      // 10:00 GMT: daytime.
      `${A},${B},in,voice,2024-03-30T10:00:00Z,30,234-15-2-201`,
      `${A},${B},out,sms,2024-03-30T12:00:00Z,,234-15-9-999`,
      // 17:30 GMT: neither night nor daytime.
      `${A},${B},out,sms,2024-03-30T17:30:00Z,,234-15-2-201`,
      // Clocks go forward at 01:00 UTC on 31 March. 00:30 GMT and 05:30 BST are in the night of 31 March ...
      `${A},${B},out,sms,2024-03-31T00:30:00Z,,234-15-1-101`,
      `${A},${B},out,sms,2024-03-31T04:30:00Z,,234-15-1-100`,
      // ... 05:30 UTC is 06:30 BST: morning, not night, although it is before 06:00 in UTC.
      `${A},${B},out,sms,2024-03-31T05:30:00Z,,234-15-2-200`,
      // 10:30 BST: daytime.
      `${A},${B},in,sms,2024-03-31T09:30:00Z,,234-15-2-200`,
      // 03:00 BST on 1 April, a data session: the night of 1 April.
      `${A},,out,data,2024-04-01T02:00:00Z,600,234-15-1-100`,
    ].join('\n'),
  })
})
afterAll(() => session.close())

describe('top cells', () => {
  it('ranks cells and sites overall, overnight (across the clock change) and in the daytime', async () => {
    const r = (await runAnalysis(topCells, session.store, { target: A }, ctx)).result
    expect(r.with_position.events).toBe(8)
    expect(r.without_position).toMatchObject({ events: 1, cells: ['234-15-9-999'] })
    expect(r.cells.map((c) => [c.cell, c.site, c.events, c.active_days])).toEqual([
      ['234-15-1-100', 'site 234-15 H1', 3, 3],
      ['234-15-2-200', 'position 51.5074,-0.1278', 2, 1],
      ['234-15-2-201', 'position 51.5074,-0.1278', 2, 1],
      ['234-15-1-101', 'site 234-15 H1', 1, 1],
    ])
    expect(r.sites.map((s) => [s.site, s.cells, s.events, s.active_days, s.first_utc, s.last_utc])).toEqual([
      [
        'site 234-15 H1',
        ['234-15-1-100', '234-15-1-101'],
        4,
        3,
        '2024-03-30T01:00:00Z',
        '2024-04-01T02:00:00Z',
      ],
      [
        'position 51.5074,-0.1278',
        ['234-15-2-200', '234-15-2-201'],
        4,
        2,
        '2024-03-30T10:00:00Z',
        '2024-03-31T09:30:00Z',
      ],
    ])
    expect(r.sites[0]).toMatchObject({
      lat: 51.54,
      lon: 0.71,
      position_sources: ['network'],
      evidential: true,
    })
    // Nights are 30 and 31 March and 1 April; the 06:30 BST text is not one of them.
    expect(r.home.nights).toBe(3)
    expect(r.home.cells.map((c) => [c.cell, c.nights, c.events])).toEqual([
      ['234-15-1-100', 3, 3],
      ['234-15-1-101', 1, 1],
    ])
    expect(r.home.sites.map((s) => [s.site, s.nights, s.events])).toEqual([['site 234-15 H1', 3, 4]])
    expect(r.daytime.days).toBe(2)
    expect(r.daytime.cells.map((c) => [c.cell, c.days, c.events])).toEqual([
      ['234-15-2-200', 1, 1],
      ['234-15-2-201', 1, 1],
    ])
  })

  it('every figure resolves to exactly its source rows', async () => {
    const r = (await runAnalysis(topCells, session.store, { target: A }, ctx)).result
    const evidence = [
      ...r.cells.map((c) => c.evidence),
      ...r.sites.map((s) => s.evidence),
      ...r.home.cells.map((c) => c.evidence),
      ...r.home.sites.map((s) => s.evidence),
      ...r.daytime.sites.map((s) => s.evidence),
      r.without_position.evidence!,
      r.with_position.evidence!,
      r.home.evidence!,
      r.daytime.evidence!,
    ]
    for (const e of evidence) {
      const rows = await resolveEvidence(session.store, e)
      expect(rows.length).toBe(e.count)
    }
    // The overall figure of a cell is a filter, not a list of ids.
    expect(r.cells[0]!.evidence).toEqual({
      kind: 'events',
      targets: [A],
      cells: ['234-15-1-100'],
      from: '2024-03-30T01:00:00Z',
      to: '2024-04-01T02:00:00Z',
      count: 3,
    })
  })

  it('reads the night in another zone and refuses an empty window', async () => {
    const r = (await runAnalysis(topCells, session.store, { target: A }, { ...ctx, zone: 'UTC' })).result
    // In UTC the 05:30 text is a night event.
    expect(r.home.sites.map((s) => [s.site, s.nights, s.events])).toEqual([
      ['site 234-15 H1', 3, 4],
      ['position 51.5074,-0.1278', 1, 1],
    ])
    await expect(
      runAnalysis(topCells, session.store, { target: A, nightStart: '06:00', nightEnd: '06:00' }, ctx),
    ).rejects.toThrow(/nightEnd: must differ/)
    await expect(runAnalysis(topCells, session.store, {}, ctx)).rejects.toThrow(
      /top-cells\.params\.target: is required/,
    )
    await expect(runAnalysis(topCells, session.store, { target: A, nightStart: '6am' }, ctx)).rejects.toThrow(
      /nightStart/,
    )
  })

  it("takes a 4G cell's eNodeB as its site when the list names none, as line-roles does", async () => {
    // ECI 256 and 257 are cells 0 and 1 of eNodeB 1; the list places them 1.3 km apart and names no site.
    const own = await caseFromFiles({
      'cells.csv': [
        CELL_HEADER,
        'Vodafone,234,15,3,256,lte,,ENB1 A,51.5400,0.7100,,,0,120,2020-01-01,',
        'Vodafone,234,15,3,257,lte,,ENB1 B,51.5517,0.7100,,,180,120,2020-01-01,',
      ].join('\n'),
      'a.csv': [
        CDR_HEADER,
        `${A},${B},out,voice,2024-03-30T10:00:00Z,60,234-15-3-256`,
        `${A},${B},out,voice,2024-03-30T11:00:00Z,60,234-15-3-257`,
      ].join('\n'),
    })
    try {
      const r = (await runAnalysis(topCells, own.store, { target: A }, ctx)).result
      expect(r.sites.map((s) => [s.site, s.cells])).toEqual([
        ['site 234-15 1', ['234-15-3-256', '234-15-3-257']],
      ])
    } finally {
      await own.close()
    }
  })
})
