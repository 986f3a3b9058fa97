import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CaseSession } from '@linesight/casework'
import { buildDocument, renderDocument } from '../../produce.js'
import { fixtureCase } from '../../test/fixture-case.js'
import { pdfText } from '../../test/golden.js'

const D = '+447944000001'
let session: CaseSession

beforeAll(async () => {
  process.env['LINESIGHT_ANALYST'] = 'test-analyst'
  const rows = ['target_msisdn,other_party,direction,event_type,start_time,duration_s,start_cell']
  for (let i = 0; i < 2000; i++) {
    const t = new Date(Date.UTC(2024, 4, 1) + i * 1_237_000).toISOString().replace('.000Z', 'Z')
    const other = `+4479${String(10_000_000 + (i % 97) * 131).padStart(8, '0')}`
    rows.push(
      i % 5 === 0
        ? `${D},,out,data,${t},${60 + (i % 300)},234-15-1234-567890${1 + (i % 2)}`
        : `${D},${other},${i % 2 === 0 ? 'out' : 'in'},${i % 3 === 0 ? 'sms' : 'voice'},${t},${i % 3 === 0 ? '' : 5 + (i % 400)},234-15-1234-567890${1 + (i % 2)}`,
    )
  }
  session = await fixtureCase({ 'big.csv': rows.join('\n') })
})
afterAll(() => session.close())

describe('exhibit schedule at scale', () => {
  it('lays out 2,000 events on A4 landscape with page numbers, in seconds', async () => {
    const started = performance.now()
    const doc = await buildDocument(session.store, {
      kind: 'exhibit-schedule',
      numbers: [D],
      provenance: {
        softwareVersion: 'linesight 0.1.0',
        generatedAt: '2026-01-02T10:00:00Z',
        zone: 'Europe/London',
        caseId: 'report-test',
        caseName: null,
        analyst: 'Jo Smith',
        reviewer: null,
        exhibit: { prefix: 'JS', number: 5 },
      },
    })
    const built = performance.now()
    const cpu = process.cpuUsage()
    const { pdf, xlsx } = await renderDocument(doc)
    const rendered = performance.now()
    const used = process.cpuUsage(cpu)
    const { pages, text } = await pdfText(pdf, doc.provenance.generatedAt)
    if (process.env['LINESIGHT_REPORT_TIMING'] === '1')
      process.stderr.write(
        `2,000-event schedule: query ${Math.round(built - started)} ms, PDF + XLSX ${Math.round(rendered - built)} ms (CPU ${Math.round((used.user + used.system) / 1000)} ms), ${pages} pages, ${pdf.length} + ${xlsx.length} bytes\n`,
      )
    expect(pages).toBeGreaterThan(40)
    expect(text).toContain(`Page ${pages} of ${pages}`)
    expect(text).toContain('Events (2000)')
    expect(rendered - started).toBeLessThan(30_000)
  })
})
