import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCase, importFiles } from '@linesight/casework'
import type { QuerySpec } from '@linesight/store'
import { startServer, type RunningServer } from '../index.js'

const CDR = [
  'target_msisdn,other_party,direction,event_type,start_time,end_time,duration_s,start_cell,end_cell,imei,imsi,charging_id,rat,bytes_up,bytes_down,network,start_cell_lat,start_cell_lon',
  '+447911123456,+447922654321,out,voice,2024-03-05T10:00:07Z,,42,234-30-1234-5678901,,356789012345670,234301234567890,,,,,EE,,',
  '+447911123456,+447922654321,in,sms,2024-03-05T11:00:00Z,,,234-30-1234-5678902,,356789012345670,234301234567890,,,,,EE,,',
  '+447922654321,+447911123456,in,voice,2024-03-05T10:00:07Z,,42,234-30-1234-5678902,,356789012345680,234301234567891,,,,,EE,,',
].join('\n')
const CELLS = [
  'Network,MCC,MNC,TAC,ECI,eNB,Sector,Site Name,Easting,Northing,Azimuth,Beamwidth,Valid From',
  'EE,234,30,1234,5678901,22183,5,Trafalgar Square,530034,180381,120,65,2024-01-01',
  'EE,234,30,1234,5678902,22183,6,Trafalgar Square,530034,180381,240,65,2024-01-01',
].join('\n')
const SUBSCRIBERS = [
  'MSISDN,Name,Date of Birth,Address,Postcode,Account Type,IMSI,IMEI,Start Date,End Date,Latitude,Longitude',
  '07911123456,Emma Williams,23/10/1980,"14 Church Street, Clacton-on-Sea",CO15 6HJ,PAYG,234301234567890,356789012345670,22/10/2019,,,',
  '07922654321,Emma Williams,23/10/1980,"14 Church Street, Clacton-on-Sea",CO15 6HJ,PAYG,234301234567891,356789012345680,22/10/2019,,,',
].join('\n')

const auditQuery: QuerySpec<{ action: string; details: string }> = {
  id: 'test-audit',
  sql: { duckdb: `SELECT action, details_json FROM audit_log ORDER BY seq` },
  params: [],
  row: (r) => ({ action: String(r['action']), details: String(r['details_json']) }),
}

let server: RunningServer
let api: (path: string, init?: RequestInit) => Promise<{ status: number; body: Record<string, unknown> }>
const post = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
})

beforeAll(async () => {
  const parent = await mkdtemp(join(tmpdir(), 'linesight-server-workspace-'))
  const files = `${parent}-files`
  await mkdir(files, { recursive: true })
  await writeFile(join(files, 'cdr.csv'), CDR)
  await writeFile(join(files, 'cells.csv'), CELLS)
  await writeFile(join(files, 'subscribers.csv'), SUBSCRIBERS)
  const session = await createCase(join(parent, 'op-map'), {
    id: 'op-map',
    now: new Date('2026-01-01T00:00:00Z'),
  })
  const results = await importFiles(
    session,
    ['cdr.csv', 'cells.csv', 'subscribers.csv'].map((f) => join(files, f)),
    { now: () => new Date() },
  )
  expect(results.map((r) => r.status)).toEqual(['imported', 'imported', 'imported'])
  await session.close()
  server = await startServer({ casesDirs: [parent], port: 0, webRoot: null, log: () => undefined })
  api = async (path, init) => {
    const res = await fetch(new URL(path, server.url), init)
    return { status: res.status, body: (await res.json()) as Record<string, unknown> }
  }
})

afterAll(async () => {
  await server?.close()
})

const audit = async (): Promise<{ action: string; details: string }[]> => [
  ...(await (await server.cases.session('op-map')).store.run(auditQuery, {})),
]

describe('analysis runs from the browser', () => {
  it('are written to the case audit log with the analysis, its parameters and the input digest', async () => {
    const before = (await audit()).length
    const run = await api('/api/cases/op-map/analyses/top-contacts', post({ target: '+447911123456' }))
    expect(run.status).toBe(200)
    const after = await audit()
    expect(after).toHaveLength(before + 1)
    const entry = after.at(-1)!
    expect(entry.action).toBe('analysis.run')
    expect(JSON.parse(entry.details)).toMatchObject({
      analysis: 'top-contacts',
      parameters: { target: '+447911123456' },
      parametersDigest: run.body['parametersDigest'],
      inputDigest: run.body['inputDigest'],
      zone: 'Europe/London',
      via: 'web',
    })
    // A refused run changes nothing and logs nothing.
    expect((await api('/api/cases/op-map/analyses/top-contacts', post({ target: 7 }))).status).toBe(400)
    expect(await audit()).toHaveLength(before + 1)
  })
})

describe('locations of interest', () => {
  it('adds a place (audited), lists it, and refuses bad input with the field at fault', async () => {
    expect((await api('/api/cases/op-map/places')).body).toEqual({ places: [] })
    const added = await api(
      '/api/cases/op-map/places',
      post({ name: 'Flat 3', kind: 'home', lat: 51.508, lon: -0.128, radiusM: 50, address: '3 Strand' }),
    )
    expect(added.status).toBe(200)
    expect(added.body['place']).toMatchObject({ id: 'L0001', name: 'Flat 3', kind: 'home', radius_m: 50 })
    const list = await api('/api/cases/op-map/places')
    expect((list.body['places'] as { id: string; address: string }[]).map((p) => [p.id, p.address])).toEqual([
      ['L0001', '3 Strand'],
    ])
    expect((await audit()).at(-1)!.action).toBe('location-of-interest.add')
    expect(
      await api('/api/cases/op-map/places', post({ name: 'X', kind: 'pub', lat: 1, lon: 1 })),
    ).toMatchObject({
      status: 400,
      body: { error: { path: 'kind' } },
    })
    expect(
      await api('/api/cases/op-map/places', post({ name: 'X', kind: 'scene', lat: 95, lon: 1 })),
    ).toMatchObject({
      status: 400,
      body: { error: { path: 'place.lat' } },
    })
    expect(
      await api(
        '/api/cases/op-map/places',
        post({ name: 'X', kind: 'scene', lat: 1, lon: 1, colour: 'red' }),
      ),
    ).toMatchObject({ status: 400, body: { error: { path: 'colour' } } })
    // The places analysis reads the place back (what the map's details show).
    const report = await api('/api/cases/op-map/analyses/places', post({ place: 'L0001' }))
    expect(report.status).toBe(200)
    const result = report.body['result'] as { places: { place: { id: string }; cells: unknown[] }[] }
    expect(result.places[0]!.place.id).toBe('L0001')
    expect(result.places[0]!.cells.length).toBeGreaterThan(0)
  })
})

describe('the link chart', () => {
  it('names the people the drawn numbers are registered to', async () => {
    const links = await api('/api/cases/op-map/links')
    expect(links.body['subscribers']).toEqual([
      {
        msisdn: '+447911123456',
        name: 'Emma Williams',
        dateOfBirth: '1980-10-23',
        address: '14 Church Street, Clacton-on-Sea',
        postcode: 'CO15 6HJ',
        records: 1,
      },
      {
        msisdn: '+447922654321',
        name: 'Emma Williams',
        dateOfBirth: '1980-10-23',
        address: '14 Church Street, Clacton-on-Sea',
        postcode: 'CO15 6HJ',
        records: 1,
      },
    ])
  })
})
