import { existsSync } from 'node:fs'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { convertXlsxToCsv } from './convert-xlsx-to-csv.js'
import type * as XlsxModule from './convert-xlsx-to-csv.js'

let dir = ''
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'linesight-xlsx-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** A 17-digit number as Excel holds it: a double, whose last digit is already rounded (…568). */
const SEVENTEEN_DIGITS = Number('12345678901234567')

type Rows = readonly (readonly ExcelJS.CellValue[])[]

/** Writes a workbook with exceljs's streaming writer; `null` rows are left out of the XML entirely (a gap). */
async function writeWorkbook(
  path: string,
  sheets: readonly { name: string; rows: Rows | ((add: (row: ExcelJS.CellValue[]) => void) => void) }[],
  useSharedStrings: boolean,
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path,
    useStyles: true,
    useSharedStrings,
  })
  for (const { name, rows } of sheets) {
    const sheet = workbook.addWorksheet(name)
    const add = (row: ExcelJS.CellValue[]): void => sheet.addRow(row).commit()
    if (typeof rows === 'function') rows(add)
    else for (const row of rows) add([...row])
    sheet.commit()
  }
  await workbook.commit()
}

describe('convertXlsxToCsv', () => {
  it('writes a CDR sheet exactly, and reports the empty sheet without writing it', async () => {
    const input = join(dir, 'return.xlsx')
    await writeWorkbook(
      input,
      [
        {
          name: 'CDR export',
          rows: [
            ['Target', 'Other', 'Start', 'Duration', 'IMEI', 'Cell', 'Note'],
            // Numbers stored as text and as numbers; a 15-digit IMEI as text.
            [
              '447911123456',
              447911654321,
              new Date(Date.UTC(2024, 2, 5, 10, 0, 7)),
              42,
              '356938035643809',
              '234-15-1234-5678901',
              'a, "quoted"\nnote',
            ],
            // A 15-digit IMEI as a number prints whole; a 17-digit number earns a warning.
            [
              '447911123456',
              '150',
              new Date(Date.UTC(2024, 2, 31, 0, 59, 59, 250)),
              0.5,
              356938035643809,
              SEVENTEEN_DIGITS,
              null,
            ],
            // Rich text, a formula's cached result, an error cell, a boolean.
            [
              { richText: [{ text: 'VODA' }, { text: 'FONE' }] },
              { formula: 'D2*2', result: 84 },
              { error: '#N/A' },
              true,
            ],
          ],
        },
        { name: 'Empty', rows: [] },
      ],
      true,
    )

    const result = await convertXlsxToCsv(input, join(dir, 'out'))

    expect(result.emptySheets).toEqual(['Empty'])
    expect(result.sheets).toEqual([
      {
        name: 'CDR export',
        csvPath: join(dir, 'out', '1-CDR_export.csv'),
        rows: 4,
        columns: 7,
        warnings: [
          'Column F: 1 numeric cells have 16 or more digits. Excel keeps only 15 significant digits, so the last ' +
            'digits may already be lost (IMEIs, IMSIs and charging ids are at risk); ask the network for the column ' +
            'as text, or for a CSV (first at F3).',
        ],
      },
    ])
    expect(await readdir(join(dir, 'out'))).toEqual(['1-CDR_export.csv'])
    expect(await readFile(join(dir, 'out', '1-CDR_export.csv'), 'utf8')).toBe(
      [
        'Target,Other,Start,Duration,IMEI,Cell,Note',
        '447911123456,447911654321,2024-03-05 10:00:07,42,356938035643809,234-15-1234-5678901,"a, ""quoted""\nnote"',
        '447911123456,150,2024-03-31 00:59:59.250,0.5,356938035643809,12345678901234568,',
        'VODAFONE,84,#N/A,TRUE,,,',
        '',
      ].join('\n'),
    )
  })

  it('keeps CSV record n equal to sheet row n across gaps, and drops trailing empty rows', async () => {
    const input = join(dir, 'gaps.xlsx')
    await writeWorkbook(
      input,
      [
        {
          name: 'Calls/2024',
          rows: [[], ['Number'], [], ['447911123456', 'extra'], ['', null], []],
        },
      ],
      false,
    )

    const result = await convertXlsxToCsv(input, dir)

    const sheet = result.sheets[0]!
    expect(sheet).toMatchObject({ name: 'Calls/2024', rows: 4, columns: 2 })
    expect(sheet.warnings).toEqual([
      '1 rows are wider than the first row (1 columns; first at row 4 with 2): rows have different lengths, so ' +
        'read the CSV with null padding or check for values outside the table.',
    ])
    expect(await readFile(sheet.csvPath, 'utf8')).toBe('""\nNumber\n,\n447911123456,extra\n')
  })

  it('streams a 50,000-row sheet and reports progress', async () => {
    const input = join(dir, 'big.xlsx')
    const count = 50_000
    await writeWorkbook(
      input,
      [
        {
          name: 'Big',
          rows: (add) => {
            add(['target_msisdn', 'other_party', 'duration_s'])
            for (let i = 0; i < count; i++)
              add(['447911123456', `4479116${String(i).padStart(5, '0')}`, i % 600])
          },
        },
      ],
      false,
    )
    const progress: number[] = []

    const result = await convertXlsxToCsv(input, dir, (rows) => progress.push(rows))

    expect(result.sheets.map(({ rows, columns }) => ({ rows, columns }))).toEqual([
      { rows: count + 1, columns: 3 },
    ])
    const text = await readFile(result.sheets[0]!.csvPath, 'utf8')
    const lines = text.split('\n')
    expect(lines).toHaveLength(count + 2)
    expect(lines[1]).toBe('447911123456,447911600000,0')
    expect(lines[count]).toBe('447911123456,447911649999,199')
    expect(progress.at(-1)).toBe(count + 1)
    expect(progress.length).toBeGreaterThan(10)
  })

  it('rejects a file that is not a workbook with an error that says what to do', async () => {
    const input = join(dir, 'not.xlsx')
    await writeFile(input, 'target_msisdn\n447911123456\n')

    await expect(convertXlsxToCsv(input, dir)).rejects.toMatchObject({
      name: 'XlsxReadError',
      message: `${input} is not an XLSX workbook (no ZIP signature); if it is CSV text, import it as CSV.`,
    })
  })
})

// The worker path runs only from compiled output (Node cannot start a .ts worker); `npm test` builds first.
const compiled = new URL('../../dist/xlsx/convert-xlsx-to-csv.js', import.meta.url)
describe('convertXlsxToCsv from dist, in a worker thread', () => {
  it('has a compiled build to run (npm test builds first)', () => {
    expect(existsSync(compiled), `${compiled.pathname} is missing: run "npm run build"`).toBe(true)
  })

  it('converts the same workbook through the worker protocol', async () => {
    const input = join(dir, 'worker.xlsx')
    await writeWorkbook(
      input,
      [
        {
          name: 'CDR',
          rows: [
            ['Target', 'Start'],
            ['447911123456', new Date(Date.UTC(2024, 0, 1))],
          ],
        },
      ],
      true,
    )
    const { convertXlsxToCsv: viaWorker } = (await import(compiled.href)) as typeof XlsxModule

    const result = await viaWorker(input, dir)

    expect(await readFile(result.sheets[0]!.csvPath, 'utf8')).toBe(
      'Target,Start\n447911123456,2024-01-01 00:00:00\n',
    )
  })

  it('rebuilds a worker error on the main thread with its name, message and stack', async () => {
    const { convertXlsxToCsv: viaWorker } = (await import(compiled.href)) as typeof XlsxModule
    const input = join(dir, 'old.xls')
    await writeFile(input, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))

    const error: unknown = await viaWorker(input, dir).catch((e: unknown) => e)

    expect(error).toBeInstanceOf(Error)
    expect(error).toMatchObject({
      name: 'XlsxReadError',
      message: expect.stringContaining('is a legacy Excel 97-2003 (.xls) workbook'),
      stack: expect.stringContaining('xlsx-signature.js'),
    })
  })
})
