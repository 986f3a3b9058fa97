import { describe, expect, it } from 'vitest'
import { composeDocument } from '../core/frame.js'
import type { DocumentParts } from '../core/document.js'
import { PROVENANCE } from '../test/line-fixtures.js'
import { xlsxSheet } from '../test/golden.js'
import { neutraliseFormula } from './safe-cell.js'
import { renderXlsx } from './xlsx.js'
import { fixZipTimestamps } from './zip-timestamps.js'

const parts = (rows: (string | number | null)[][]): DocumentParts => ({
  kind: 'test',
  kindVersion: '1',
  title: '=1+1 title',
  subtitle: 'formula injection',
  orientation: 'portrait',
  provenance: PROVENANCE,
  settings: [],
  body: [
    {
      kind: 'table',
      table: {
        sheet: 'History',
        title: 'Cells',
        columns: [
          { header: '=cmd|"/c calc"!A1', width: '*' },
          { header: 'Value', width: 50 },
        ],
        rows,
        empty: '',
      },
    },
    {
      kind: 'table',
      table: {
        sheet: 'History',
        title: 'Again',
        columns: [{ header: 'x', width: '*' }],
        rows: [['y']],
        empty: '',
      },
    },
  ],
  analyses: [],
  missing: [],
  refusals: [],
  limitations: [],
  citations: [],
})

describe('XLSX export', () => {
  it('neutralises formula injection in every text cell and keeps numbers as numbers', async () => {
    const xlsx = await renderXlsx(
      composeDocument(
        parts([
          ['=SUM(A1:A9)', -5],
          ['+447911123456', 0],
          ['-2+3', 1.5],
          ['@SUM(1)', null],
          ['\t=1', 7],
          ['plain text', 8],
        ]),
      ),
    )
    const rows = await xlsxSheet(xlsx, 'History (table)')
    expect(rows).toEqual([
      ['\'=cmd|"/c calc"!A1', 'Value'],
      ["'=SUM(A1:A9)", -5],
      ["'+447911123456", 0],
      ["'-2+3", 1.5],
      ["'@SUM(1)", null],
      ["'\t=1", 7],
      ['plain text', 8],
    ])
    // Sheet names are unique, and Excel's reserved "History" is never used.
    expect((await xlsxSheet(xlsx, 'History (table) (2)'))[1]).toEqual(['y'])
    const about = await xlsxSheet(xlsx, 'About')
    expect(about[1]).toEqual(['Document', "'=1+1 title"])
  })

  it('leaves nothing a spreadsheet would run', () => {
    for (const s of ['=1', '+1', '-1', '@a', '\r=1']) expect(neutraliseFormula(s).startsWith("'")).toBe(true)
    for (const s of ['1', 'a=b', ' =1', '']) expect(neutraliseFormula(s)).toBe(s)
  })

  it('fixes every ZIP entry time, so the bytes carry no clock', async () => {
    const xlsx = await renderXlsx(composeDocument(parts([['a', 1]])))
    const view = new DataView(xlsx.buffer, xlsx.byteOffset, xlsx.byteLength)
    let entries = 0
    for (let i = 0; i + 4 <= xlsx.length; i++)
      if (view.getUint32(i, true) === 0x04034b50) {
        expect([view.getUint16(i + 10, true), view.getUint16(i + 12, true)]).toEqual([0, 33])
        entries++
      }
    expect(entries).toBeGreaterThan(5)
    expect(Buffer.from(fixZipTimestamps(xlsx)).equals(Buffer.from(xlsx))).toBe(true)
    expect(() => fixZipTimestamps(new Uint8Array(40))).toThrow(/not a ZIP file/)
  })
})
