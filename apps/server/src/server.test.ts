import { request } from 'node:http'
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCase, importFiles } from '@linesight/casework'
import { startServer, type RunningServer } from './index.js'

const CDR = [
  'target_msisdn,other_party,direction,event_type,start_time,end_time,duration_s,start_cell,end_cell,imei,imsi,charging_id,rat,bytes_up,bytes_down,network,start_cell_lat,start_cell_lon',
  '+447911123456,+447922654321,out,voice,2024-03-05T10:00:07Z,,42,234-30-1234-5678901,,356789012345670,234301234567890,,,,,EE,,',
  '+447911123456,+447922654321,in,sms,2024-03-05T11:00:00Z,,,234-30-1234-5678902,,356789012345670,234301234567890,,,,,EE,,',
  '+447911123456,+447933111222,out,sms,2024-03-06T09:00:00Z,,,234-30-1234-5678901,,356789012345670,234301234567890,,,,,EE,,',
  '+447922654321,+447911123456,in,voice,2024-03-05T10:00:07Z,,42,234-30-1234-5678902,,356789012345680,234301234567891,,,,,EE,,',
].join('\n')
const CELLS = [
  'Network,MCC,MNC,TAC,ECI,eNB,Sector,Site Name,Easting,Northing,Azimuth,Beamwidth,Valid From',
  'EE,234,30,1234,5678901,22183,5,Trafalgar Square,530034,180381,120,65,2024-01-01',
  'EE,234,30,1234,5678902,22183,6,Trafalgar Square,530034,180381,240,65,2024-01-01',
].join('\n')

let server: RunningServer
let api: (path: string, init?: RequestInit) => Promise<{ status: number; body: Record<string, unknown> }>

beforeAll(async () => {
  const parent = await mkdtemp(join(tmpdir(), 'linesight-server-'))
  const files = join(parent, '..', `${parent.split('/').pop()}-files`)
  await mkdir(files, { recursive: true })
  await writeFile(join(files, 'cdr.csv'), CDR)
  await writeFile(join(files, 'cells.csv'), CELLS)
  const session = await createCase(join(parent, 'op-test'), {
    id: 'op-test',
    now: new Date('2026-01-01T00:00:00Z'),
  })
  const results = await importFiles(session, [join(files, 'cdr.csv'), join(files, 'cells.csv')], {
    now: () => new Date(),
  })
  expect(results.map((r) => r.status)).toEqual(['imported', 'imported'])
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

const post = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
})

describe('cases', () => {
  it('lists cases and tells what one holds', async () => {
    const list = await api('/api/cases')
    expect(list.status).toBe(200)
    expect((list.body['cases'] as { id: string }[]).map((c) => c.id)).toEqual(['op-test'])
    const info = await api('/api/cases/op-test')
    expect(info.body['counts']).toMatchObject({ cdr: 4, cells: 2, sources: 2 })
    expect(info.body['period']).toEqual({
      first: '2024-03-05T10:00:07Z',
      last: '2024-03-06T09:00:00Z',
      targets: 2,
    })
    expect((info.body['sources'] as unknown[]).length).toBe(2)
    const targets = await api('/api/cases/op-test/targets')
    expect((targets.body['targets'] as { number: string; events: number }[])[0]).toMatchObject({
      number: '+447911123456',
      events: 3,
    })
  })

  it('answers unknown cases, bad ids and unknown endpoints with JSON errors', async () => {
    expect(await api('/api/cases/nope')).toEqual({
      status: 404,
      body: { error: { message: 'no case "nope" here', path: 'id' } },
    })
    expect((await api('/api/cases/..%2Fetc')).status).toBe(400)
    expect((await api('/api/nothing')).status).toBe(404)
    expect((await api('/api/cases', { method: 'DELETE' })).status).toBe(405)
  })

  it('serves cells with positions, events of chosen numbers and contact links', async () => {
    const cells = await api('/api/cases/op-test/cells')
    const list = cells.body['cells'] as {
      cgi: string
      lat: number
      azimuth: number
      sourceKind: string
      events: number
    }[]
    expect(list.map((c) => [c.cgi, c.azimuth, c.sourceKind, c.events])).toEqual([
      ['234-30-1234-5678901', 120, 'network', 2],
      ['234-30-1234-5678902', 240, 'network', 2],
    ])
    expect(list[0]!.lat).toBeCloseTo(51.5, 1)
    const events = await api(
      '/api/cases/op-test/events?numbers=%2B447911123456&from=2024-03-05&to=2024-03-05T23:59:59Z',
    )
    expect((events.body['events'] as unknown[]).length).toBe(2)
    expect(events.body['truncated']).toBe(false)
    const bounded = await api('/api/cases/op-test/events?numbers=%2B447911123456&limit=1')
    expect(bounded.body['truncated']).toBe(true)
    expect((await api('/api/cases/op-test/events')).body).toEqual({
      error: { message: 'name at least one number: ?numbers=+447…', path: 'numbers' },
    })
    expect((await api('/api/cases/op-test/events?numbers=%2B44&from=yesterday')).body['error']).toMatchObject(
      { path: 'from' },
    )
    const links = await api('/api/cases/op-test/links')
    expect(links.body['contacts']).toContainEqual(
      expect.objectContaining({ a: '+447911123456', b: '+447922654321', events: 2, seconds: 42 }),
    )
    expect((links.body['identities'] as unknown[]).length).toBeGreaterThan(0)
  })
})

describe('analyses', () => {
  it('lists the registry and runs an analysis whose figures open their rows', async () => {
    const list = await api('/api/analyses')
    expect((list.body['analyses'] as { id: string }[]).map((a) => a.id)).toContain('top-contacts')
    const run = await api('/api/cases/op-test/analyses/top-contacts', post({ target: '+447911123456' }))
    expect(run.status).toBe(200)
    expect(run.body['analysis']).toMatchObject({ id: 'top-contacts' })
    const contacts = (run.body['result'] as { contacts: { other: string; evidence: unknown }[] }).contacts
    expect(contacts[0]!.other).toBe('+447922654321')
    const evidence = await api('/api/cases/op-test/evidence', post(contacts[0]!.evidence))
    expect(evidence.body['matches']).toBe(true)
    expect((evidence.body['rows'] as { source_file: string }[]).map((r) => r.source_file)).toEqual([
      'cdr.csv',
      'cdr.csv',
    ])
  })

  it('opens evidence of several parts (a pair of numbers), checks each part and reports truncation', async () => {
    const run = await api(
      '/api/cases/op-test/analyses/contact-matrix',
      post({ numbers: ['+447911123456', '+447922654321'] }),
    )
    const pair = (run.body['result'] as { pairs: { communications: number; evidence: unknown }[] }).pairs[0]!
    const all = await api('/api/cases/op-test/evidence', post(pair.evidence))
    expect(all.status).toBe(200)
    expect(all.body).toMatchObject({ matches: true, truncated: false, rowsHeld: 3, warnings: [] })
    expect((all.body['parts'] as { path: string; held: number }[]).map((p) => [p.path, p.held])).toEqual([
      ['evidence.records[0]', 2],
      ['evidence.records[1]', 1],
      ['evidence.seenInBoth', 1],
    ])
    // Three records, one a copy in both numbers' records: two communications.
    expect(pair.communications).toBe(2)
    const cut = await api('/api/cases/op-test/evidence?limit=1', post(pair.evidence))
    expect(cut.body).toMatchObject({ truncated: true, matches: true })
    expect(cut.body['rows']).toHaveLength(1)
    expect(cut.body['warning']).toBe(
      'output truncated at the cap of 1 rows: showing the first 1 in time order of 3; ask with ?limit=3 to see them all',
    )
  })

  it('refuses bad evidence with the field at fault, never a database error', async () => {
    const bad = async (body: unknown): Promise<unknown> =>
      (await api('/api/cases/op-test/evidence', post(body))).body
    expect(await bad({ kind: 'foo' })).toMatchObject({ error: { path: 'evidence.kind' } })
    expect(await bad({ kind: 'events', ids: ['x'] })).toMatchObject({ error: { path: 'evidence.targets' } })
    expect(await bad({ kind: 'events', targets: ['+447911123456'] })).toEqual({
      error: { message: 'is required: the number of rows the figure counts', path: 'evidence.count' },
    })
    expect(await bad({ records: [{ kind: 'events', targets: [1], count: 1 }] })).toMatchObject({
      error: { path: 'evidence.records[0].targets[0]' },
    })
    const limit = await api(
      '/api/cases/op-test/evidence?limit=0',
      post({ kind: 'events', targets: ['x'], count: 0 }),
    )
    expect(limit).toMatchObject({ status: 400, body: { error: { path: 'limit' } } })
  })

  it('validates parameters and evidence with paths', async () => {
    expect(
      await api('/api/cases/op-test/analyses/top-contacts', post({ target: '+447911123456', limit: 0 })),
    ).toEqual({
      status: 400,
      body: { error: { message: 'must be at least 1, got 0', path: 'top-contacts.params.limit' } },
    })
    const notNumber = await api('/api/cases/op-test/analyses/top-contacts', post({ target: '+44' }))
    expect(notNumber.body['error']).toMatchObject({ path: 'top-contacts.params.target' })
    const typo = await api('/api/cases/op-test/analyses/top-contacts', post({ targt: '+44' }))
    expect(typo.body['error']).toMatchObject({ path: 'top-contacts.params.targt' })
    expect((await api('/api/cases/op-test/analyses/nothing-here', post({}))).status).toBe(404)
    expect(
      (await api('/api/cases/op-test/evidence', post({ kind: 'events', targets: [], count: 1 }))).body,
    ).toEqual({
      error: { message: 'name at least one target number', path: 'evidence.targets' },
    })
    const text = await api('/api/cases/op-test/analyses/top-contacts', {
      method: 'POST',
      body: '{"target":"+44"}',
    })
    expect(text.status).toBe(415)
    const broken = await api('/api/cases/op-test/analyses/top-contacts', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{',
    })
    expect(broken.status).toBe(400)
    // the server is still up
    expect((await api('/api/analyses')).status).toBe(200)
  })
})

describe('import', () => {
  it('uploads raw files, shows detection, streams progress and reports rejects', async () => {
    const { body: up } = await api('/api/cases/op-test/uploads', post({}))
    const uploadId = up['uploadId'] as string
    const good = [7, 8, 9, 10].map(
      (d) =>
        `+447944000111,+447911123456,out,sms,2024-03-${String(d).padStart(2, '0')}T10:00:00Z,,,,,,,,,,,EE,,`,
    )
    const text = [
      CDR.split('\n')[0],
      ...good,
      '+447944000111,+447911123456,out,sms,2024-02-31T10:00:00Z,,,,,,,,,,,EE,,',
      '',
    ].join('\n')
    const put = await fetch(new URL(`/api/cases/op-test/uploads/${uploadId}/files/new.csv`, server.url), {
      method: 'PUT',
      body: text,
    })
    expect(put.status).toBe(200)
    expect(
      (await api(`/api/cases/op-test/uploads/${uploadId}/files/..%2Fx.csv`, { method: 'PUT', body: 'x' }))
        .status,
    ).toBe(400)
    const detect = await api('/api/cases/op-test/import/detect', post({ uploadId }))
    const [file] = detect.body['files'] as {
      file: string
      status: string
      alreadyInCase: boolean
      detections: { kind: string; ready: boolean }[]
    }[]
    expect(file).toMatchObject({ file: 'new.csv', status: 'dry-run', alreadyInCase: false })
    expect(file!.detections[0], JSON.stringify(file!.detections[0])).toMatchObject({
      kind: 'cdr',
      ready: true,
    })

    const res = await fetch(new URL('/api/cases/op-test/import', server.url), post({ uploadId }))
    expect(res.headers.get('content-type')).toContain('text/event-stream')
    const stream = await res.text()
    const events = [...stream.matchAll(/^event: (.+)$/gm)].map((m) => m[1])
    expect(events[0]).toBe('start')
    expect(events).toContain('file')
    expect(events.at(-1)).toBe('done')
    const fileEvent = JSON.parse(/event: file\ndata: (.+)/.exec(stream)![1]!) as {
      reports: { read: number; imported: number; rejected: number }[]
    }
    expect(fileEvent.reports[0]).toMatchObject({ read: 5, imported: 4, rejected: 1 })
    const rejects = await api('/api/cases/op-test/rejects')
    expect(rejects.body['total']).toBe(1)
    expect((rejects.body['rejects'] as { original_name: string }[])[0]!.original_name).toBe('new.csv')
    // the upload is gone once imported
    expect((await api('/api/cases/op-test/import/detect', post({ uploadId }))).status).toBe(404)
  })
})

describe('hardening', () => {
  const raw = (headers: Record<string, string>, method = 'GET', path = '/api/cases'): Promise<number> =>
    new Promise((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: server.port, path, method, headers }, (res) => {
        res.resume()
        resolve(res.statusCode ?? 0)
      })
      req.on('error', reject)
      req.end()
    })

  it('refuses other Host names and cross-site writes, and sends the CSP', async () => {
    expect(await raw({ Host: 'evil.example:80' })).toBe(421)
    expect(
      await raw({ Host: `127.0.0.1:${server.port}`, Origin: 'http://evil.example' }, 'POST', '/api/cases'),
    ).toBe(403)
    const res = await fetch(new URL('/api/cases', server.url))
    expect(res.headers.get('content-security-policy')).toMatch(/^default-src 'self'/)
    expect((await fetch(new URL('/', server.url))).status).toBe(404)
  })

  it('exports XLSX with formula injection neutralised', async () => {
    const res = await fetch(
      new URL('/api/export/xlsx', server.url),
      post({
        title: 'Top contacts',
        columns: ['Other', 'Events'],
        rows: [
          ['=HYPERLINK("x")', 3],
          ['+447911123456', -1],
        ],
      }),
    )
    expect(res.status).toBe(200)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(await res.arrayBuffer())
    const sheet = book.getWorksheet('Top contacts')!
    expect(sheet.getRow(2).values).toEqual([undefined, `'=HYPERLINK("x")`, 3])
    expect(sheet.getRow(3).values).toEqual([undefined, "'+447911123456", -1])
  })
})
