import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCase, importFiles } from '@linesight/casework'
import { startServer, type RunningServer } from '../index.js'

const LINE = '+447911123456'
const CUSTOMER = '+447922654321'
const CDR = [
  'target_msisdn,other_party,direction,event_type,start_time,end_time,duration_s,start_cell,end_cell,imei,imsi,charging_id,rat,bytes_up,bytes_down,network,start_cell_lat,start_cell_lon',
  `${LINE},${CUSTOMER},out,voice,2024-03-05T10:00:07Z,,42,234-30-1234-5678901,,356789012345670,234301234567890,,,,,EE,,`,
  `${LINE},${CUSTOMER},in,sms,2024-03-05T11:00:00Z,,,234-30-1234-5678902,,356789012345670,234301234567890,,,,,EE,,`,
  `${LINE},+447933111222,out,sms,2024-03-06T09:00:00Z,,,234-30-1234-5678901,,356789012345670,234301234567890,,,,,EE,,`,
  `${CUSTOMER},${LINE},in,voice,2024-03-05T10:00:07Z,,42,234-30-1234-5678902,,356789012345680,234301234567891,,,,,EE,,`,
].join('\n')
const CELLS = [
  'Network,MCC,MNC,TAC,ECI,eNB,Sector,Site Name,Easting,Northing,Azimuth,Beamwidth,Valid From',
  'EE,234,30,1234,5678901,22183,5,Trafalgar Square,530034,180381,120,65,2024-01-01',
  'EE,234,30,1234,5678902,22183,6,Trafalgar Square,530034,180381,240,65,2024-01-01',
].join('\n')

let server: RunningServer
let scratch: string

beforeAll(async () => {
  const parent = await mkdtemp(join(tmpdir(), 'linesight-reports-'))
  scratch = await mkdtemp(join(tmpdir(), 'linesight-reports-files-'))
  await mkdir(scratch, { recursive: true })
  await writeFile(join(scratch, 'cdr.csv'), CDR)
  await writeFile(join(scratch, 'cells.csv'), CELLS)
  const session = await createCase(join(parent, 'op-docs'), {
    id: 'op-docs',
    name: 'Operation Docs',
    now: new Date('2026-01-01T00:00:00Z'),
  })
  const results = await importFiles(session, [join(scratch, 'cdr.csv'), join(scratch, 'cells.csv')], {
    now: () => new Date('2026-01-01T00:00:00Z'),
  })
  expect(results.map((r) => r.status)).toEqual(['imported', 'imported'])
  await session.close()
  server = await startServer({ casesDirs: [parent], port: 0, webRoot: null, log: () => undefined })
})

afterAll(async () => {
  await server?.close()
  if (scratch !== undefined) await rm(scratch, { recursive: true, force: true })
})

const produce = (body: unknown): Promise<Response> =>
  fetch(new URL('/api/cases/op-docs/reports', server.url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })

/** The PDF's text as poppler reads it. */
async function pdfToText(bytes: ArrayBuffer): Promise<string> {
  const file = join(scratch, `doc-${Date.now()}.pdf`)
  await writeFile(file, Buffer.from(bytes))
  return (await promisify(execFile)('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'])).stdout
}

const GENERATED_AT = '2026-02-03T09:00:00Z'

describe('documents over HTTP', () => {
  it('lists the kinds with the options each takes', async () => {
    const res = await fetch(new URL('/api/reports', server.url))
    const body = (await res.json()) as {
      formats: string[]
      kinds: { kind: string; selection: string; options: { name: string; required: boolean }[] }[]
    }
    expect(body.formats).toEqual(['pdf', 'xlsx'])
    expect(body.kinds.map((k) => k.kind)).toEqual([
      'exhibit-schedule',
      'line-profile',
      'ddtro-pack',
      'gang-injunction',
      'nrm-worklist',
      'charging-schedule',
    ])
    const profile = body.kinds.find((k) => k.kind === 'line-profile')!
    expect(profile.options.find((o) => o.name === 'line')).toMatchObject({ required: true })
    expect(profile.options.map((o) => o.name)).toContain('radius')
    const nrm = body.kinds.find((k) => k.kind === 'nrm-worklist')!
    expect(nrm.options.map((o) => o.name)).not.toContain('line')
    expect(nrm.options.map((o) => o.name)).toContain('asOf')
  })

  it('produces an exhibit schedule as a PDF download naming the numbers, byte for byte again', async () => {
    const body = {
      kind: 'exhibit-schedule',
      format: 'pdf',
      numbers: [LINE],
      from: '2024-03-05',
      to: '2024-03-06',
      analyst: 'Jo Smith',
      generatedAt: GENERATED_AT,
    }
    const res = await produce(body)
    expect(res.status, await res.clone().text()).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/pdf')
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="op-docs_exhibit-schedule_447911123456_JS-1.pdf"',
    )
    const bytes = await res.arrayBuffer()
    expect(Buffer.from(bytes).subarray(0, 5).toString('latin1')).toBe('%PDF-')
    const summary = JSON.parse(decodeURIComponent(res.headers.get('x-linesight-document')!)) as {
      sha256: string
      bytes: number
      ref: string
    }
    expect(summary).toMatchObject({ ref: 'JS/1', bytes: bytes.byteLength })
    expect(res.headers.get('x-linesight-sha256')).toBe(summary.sha256)
    const text = await pdfToText(bytes)
    expect(text).toContain(LINE)
    expect(text).toContain(CUSTOMER)
    expect(text).toContain('Jo Smith')
    // The same request with the same stated time gives the same file.
    const again = await produce(body)
    expect(again.headers.get('x-linesight-sha256')).toBe(summary.sha256)
  })

  it('produces a line profile as XLSX and records every export in the audit log', async () => {
    const res = await produce({ kind: 'line-profile', format: 'xlsx', line: LINE, analyst: 'Jo Smith' })
    expect(res.status, await res.clone().text()).toBe(200)
    expect(res.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    )
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="op-docs_line-profile_447911123456_JS-1\.xlsx"$/,
    )
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(await res.arrayBuffer())
    const cells = book.worksheets.flatMap((s) =>
      s.getSheetValues().flatMap((row) => (Array.isArray(row) ? row.map(String) : [])),
    )
    expect(cells.some((c) => c.includes(LINE))).toBe(true)
    const session = await server.cases.session('op-docs')
    const audit = await session.store.run(
      {
        id: 'test-audit',
        sql: {
          duckdb: `SELECT action, details_json FROM audit_log WHERE action = 'report.export' ORDER BY seq`,
        },
        params: [],
        row: (r) => JSON.parse(String(r['details_json'])) as Record<string, unknown>,
      },
      {},
    )
    expect(audit.map((a) => [a['kind'], a['via']])).toEqual([
      ['exhibit-schedule', 'web app'],
      ['exhibit-schedule', 'web app'],
      ['line-profile', 'web app'],
    ])
    expect(audit[2]).toMatchObject({ line: LINE, xlsx: 'op-docs_line-profile_447911123456_JS-1.xlsx' })
    expect(audit[2]!['xlsxSha256']).toBe(res.headers.get('x-linesight-sha256'))
  })

  it('answers bad input with a 400 naming the field, and stays up', async () => {
    const error = async (body: unknown): Promise<unknown> => {
      const res = await produce(body)
      expect(res.status).toBe(400)
      return ((await res.json()) as { error: unknown }).error
    }
    expect(await error({ kind: 'memo' })).toMatchObject({ path: 'kind' })
    expect(await error({ kind: 'line-profile' })).toEqual({
      message: 'a line-profile needs a line: give one of its numbers',
      path: 'line',
    })
    expect(await error({ kind: 'ddtro-pack', line: '07911' })).toEqual({
      message: '"07911" is not an E.164 number (e.g. +447700900123)',
      path: 'line',
    })
    expect(await error({ kind: 'ddtro-pack', line: '+447000000001' })).toEqual({
      message: 'no record in case "op-docs" names +447000000001: choose a number the case holds',
      path: 'line',
    })
    expect(await error({ kind: 'exhibit-schedule', numbers: [] })).toMatchObject({ path: 'numbers' })
    expect(await error({ kind: 'nrm-worklist', from: 'yesterday' })).toMatchObject({ path: 'from' })
    expect(await error({ kind: 'nrm-worklist', from: '2024-03-05T10:00' })).toMatchObject({ path: 'from' })
    expect(await error({ kind: 'nrm-worklist', format: 'docx' })).toMatchObject({ path: 'format' })
    expect(await error({ kind: 'nrm-worklist', exhibit: 'JS-1' })).toMatchObject({ path: 'exhibit' })
    expect(await error({ kind: 'nrm-worklist', params: ['quantity'] })).toMatchObject({ path: 'params[0]' })
    expect(await error({ kind: 'nrm-worklist', lines: [LINE] })).toEqual({
      message: 'unknown field',
      path: 'lines',
    })
    const missing = await fetch(new URL('/api/cases/nope/reports', server.url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"kind":"nrm-worklist"}',
    })
    expect(missing.status).toBe(404)
    expect((await fetch(new URL('/api/reports', server.url))).status).toBe(200)
  })
})
