import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CaseSession } from '@linesight/casework'
import type { ReportDocument } from '../../core/document.js'
import { buildDocument, renderDocument, type DocumentRequest } from '../../produce.js'
import { fixtureCase, A, B, C } from '../../test/fixture-case.js'
import { expectDocumentGolden, pdfText, xlsxSheet, xlsxText } from '../../test/golden.js'

const here = fileURLToPath(new URL('.', import.meta.url))
let session: CaseSession
/** The standard document, rendered once and shared by the tests that only read it. */
let standard: { readonly doc: ReportDocument; readonly pdf: Uint8Array; readonly xlsx: Uint8Array }

const request = (
  generatedAt = '2026-01-02T10:00:00Z',
  more: Partial<DocumentRequest> = {},
): DocumentRequest => ({
  kind: 'exhibit-schedule',
  numbers: [A, B, C],
  provenance: {
    softwareVersion: 'linesight 0.1.0',
    generatedAt,
    zone: 'Europe/London',
    caseId: 'report-test',
    caseName: 'Report test case',
    analyst: 'Jo Smith',
    reviewer: 'Sam Patel',
    exhibit: { prefix: 'JS', number: 1 },
  },
  ...more,
})

beforeAll(async () => {
  process.env['LINESIGHT_ANALYST'] = 'test-analyst'
  session = await fixtureCase()
  const doc = await buildDocument(session.store, request())
  standard = { doc, ...(await renderDocument(doc)) }
})
afterAll(() => session.close())

describe('exhibit schedule', () => {
  it('matches its golden files (PDF text and page count, XLSX cells)', async () => {
    const doc = standard.doc
    expect(doc.complete).toBe(true)
    const { text, pages } = await expectDocumentGolden(here, 'exhibit-schedule', doc)
    expect(pages).toBe(4)
    expect(text).toContain(`Page 1 of ${pages}`)
    // One row per event, duplicates not repeated: 8 + 2 + 2 events of A, B and C.
    expect(text).toMatch(/Events \(12\)/)
  })

  it('words each event for its type and states its zone', async () => {
    const rows = await xlsxSheet(standard.xlsx, 'Events')
    const header = rows[0] as string[]
    const at = (item: number, column: string): unknown => rows[item]![header.indexOf(column)]
    expect(at(4, 'Wording')).toBe(
      'Data session (1800 s). Used cell 234-15-1234-5678902 at or before 02:30:00 BST (the start of the session).',
    )
    expect(at(9, 'Wording')).toBe(
      'Data session (1800 s). Used cell 234-10-501-20001 at or before 01:50:00 BST (the end of the session).',
    )
    expect(at(1, 'Wording')).toBe(
      'Outgoing call to +447922654321 (102 s). Used cell 234-15-1234-5678901 at 09:15:07 GMT.',
    )
    expect(at(7, 'Wording')).toBe('Incoming call from +447922654321 (12 s). No cell recorded.')
    // 01:30 on 27 October 2024 happened twice: the first (BST) is marked, with UTC beside it.
    expect(at(10, 'Local date and time')).toBe('2024-10-27 01:30:00 BST *')
    expect(at(10, 'Start (UTC)')).toBe('2024-10-27T00:30:00Z')
    expect(at(10, 'Clock-change hour')).toBe('yes')
    const { text } = await pdfText(standard.pdf, standard.doc.provenance.generatedAt)
    expect(text).not.toMatch(/\blocated\b|\bpinpoint/i)
  })

  it('never gives a site from public cell data, and says so', async () => {
    const rows = await xlsxSheet(standard.xlsx, 'Events')
    const header = rows[0] as string[]
    const publicRow = rows.find((r) => r[header.indexOf('Cell')] === '234-15-1234-5678903')!
    expect(publicRow[header.indexOf('Site (network cell list)')]).toBe('public data - excluded')
    expect(publicRow[header.indexOf('Cell source')]).toBe('public-fallback')
    const unlisted = rows.find((r) => r[header.indexOf('Cell')] === '234-15-1234-5678999')!
    expect(unlisted[header.indexOf('Site (network cell list)')]).toBe('not in any cell list')
  })

  it('neutralises formula injection in the XLSX and keeps numbers numeric', async () => {
    const rows = await xlsxSheet(standard.xlsx, 'Events')
    const header = rows[0] as string[]
    const other = rows.map((r) => r[header.indexOf('Other party')])
    expect(other).toContain('\'=HYPERLINK("http://example.invalid")')
    expect(other).toContain(`'${B}`)
    expect(other.some((v) => typeof v === 'string' && /^[=+\-@]/.test(v))).toBe(false)
    expect(rows[1]![header.indexOf('Item')]).toBe(1)
    expect(rows[1]![header.indexOf('Duration (s)')]).toBe(102)
  })

  it('limits the window (inclusive, UTC) and the numbers', async () => {
    const doc = await buildDocument(
      session.store,
      request(undefined, { numbers: [A], from: '2024-03-31T00:00:00Z', to: '2024-07-01T08:20:00Z' }),
    )
    const rows = await xlsxSheet((await renderDocument(doc)).xlsx, 'Events')
    expect(rows.length - 1).toBe(4)
  })

  it('is deterministic: the same bytes twice, and only the stated generation time differs', async () => {
    const one = standard
    const two = await renderDocument(await buildDocument(session.store, request()))
    expect(Buffer.from(two.pdf).equals(Buffer.from(one.pdf))).toBe(true)
    expect(Buffer.from(two.xlsx).equals(Buffer.from(one.xlsx))).toBe(true)
    const later = await renderDocument(await buildDocument(session.store, request('2026-03-04T05:06:07Z')))
    expect(Buffer.from(later.pdf).equals(Buffer.from(one.pdf))).toBe(false)
    expect((await pdfText(later.pdf, '2026-03-04T05:06:07Z')).text).toBe(
      (await pdfText(one.pdf, '2026-01-02T10:00:00Z')).text,
    )
    expect(await xlsxText(later.xlsx, '2026-03-04T05:06:07Z')).toBe(
      await xlsxText(one.xlsx, '2026-01-02T10:00:00Z'),
    )
  })

  it('refuses what the regulation forbids and says how to fix it', async () => {
    const sameReviewer = request()
    await expect(
      buildDocument(session.store, {
        ...sameReviewer,
        provenance: { ...sameReviewer.provenance, reviewer: 'jo smith' },
      }),
    ).rejects.toThrow(/reviewer must be a second person/)
    await expect(
      buildDocument(session.store, request(undefined, { numbers: ['07911123456'] })),
    ).rejects.toThrow(/not an E\.164 number/)
    await expect(buildDocument(session.store, request(undefined, { numbers: [] }))).rejects.toThrow(
      /at least one number/,
    )
  })
})
