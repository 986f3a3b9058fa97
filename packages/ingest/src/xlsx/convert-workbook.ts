import { mkdir, rm } from 'node:fs/promises'
import ExcelJS from 'exceljs'
import { cellText } from './cell-text.js'
import { SheetCsv } from './sheet-csv.js'
import { SheetWarnings } from './sheet-warnings.js'
import { assertXlsxSignature } from './xlsx-signature.js'
import {
  errorMessage,
  type XlsxConversionResult,
  type XlsxSheetResult,
  type XlsxWorkerMessage,
  type XlsxWorkerRequest,
} from './xlsx-protocol.js'

/** Send a progress message at most every this many rows, so the message channel never floods. */
const PROGRESS_EVERY = 1000

/** The parts of exceljs's streaming reader its type declarations leave out. */
interface ReaderExtras {
  readonly properties?: { readonly model?: { readonly date1904?: boolean } }
}
interface WorksheetExtras {
  readonly name?: string
}

/**
 * Converts every worksheet of an XLSX file to one CSV each with exceljs's streaming reader (the workbook is never
 * held in memory), reporting through `post`. The same function runs inside the worker and, under vitest, in-process.
 */
export async function convertWorkbook(
  request: XlsxWorkerRequest,
  post: (message: XlsxWorkerMessage) => void,
): Promise<XlsxConversionResult> {
  await assertXlsxSignature(request.inputPath)
  await mkdir(request.outputDir, { recursive: true })
  // styles: 'cache' is what lets the reader tell a date cell from a number.
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(request.inputPath, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    entries: 'ignore',
  })
  const sheets: XlsxSheetResult[] = []
  const emptySheets: string[] = []
  let rows = 0
  const onRow = (): void => {
    if (++rows % PROGRESS_EVERY === 0) post({ type: 'progress', rows })
  }
  try {
    for await (const worksheet of reader) {
      const date1904 = (reader as ReaderExtras).properties?.model?.date1904 === true
      const position = sheets.length + emptySheets.length + 1
      const name = (worksheet as WorksheetExtras).name ?? `Sheet${position}`
      const sheet = await convertSheet(
        worksheet,
        new SheetCsv(name, request.outputDir, position, new SheetWarnings()),
        date1904,
        onRow,
      )
      if (sheet === null) {
        emptySheets.push(name)
        continue
      }
      sheets.push(sheet)
      post({ type: 'sheet-done', sheet })
    }
  } catch (error) {
    // A failed conversion leaves no CSVs behind, so nobody imports half a workbook.
    await Promise.all(sheets.map(({ csvPath }) => rm(csvPath, { force: true })))
    throw error
  }
  post({ type: 'progress', rows })
  return { sheets, emptySheets }
}

/** Streams one worksheet's rows into its CSV; `null` for a sheet with no values. */
async function convertSheet(
  worksheet: AsyncIterable<ExcelJS.Row>,
  sheet: SheetCsv,
  date1904: boolean,
  onRow: () => void,
): Promise<XlsxSheetResult | null> {
  try {
    for await (const row of worksheet) {
      const texts: string[] = []
      row.eachCell((cell, column) => {
        const text = cellText(cell.value, cell.numFmt, date1904)
        sheet.warnings.noteCell(cell.address, text)
        texts[column - 1] = text.text
      })
      await sheet.addRow(row.number, texts)
      onRow()
    }
  } catch (error) {
    await sheet.abort()
    throw error
  }
  const written = await sheet.finish()
  return written === null ? null : { ...written, warnings: sheet.warnings.list() }
}

/** Runs one conversion and reports its outcome as a message: it never throws, so a worker always says how it ended. */
export async function runXlsxJob(
  request: XlsxWorkerRequest,
  post: (message: XlsxWorkerMessage) => void,
): Promise<void> {
  try {
    post({ type: 'done', result: await convertWorkbook(request, post) })
  } catch (error) {
    post(errorMessage(error))
  }
}
