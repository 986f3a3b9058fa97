import { join } from 'node:path'
import { CsvWriter } from './csv-writer.js'
import type { XlsxSheetResult } from './xlsx-protocol.js'
import type { SheetWarnings } from './sheet-warnings.js'

/** Characters that are unsafe in a file name on Windows or POSIX, plus whitespace. */
const UNSAFE_IN_FILE_NAME = /[<>:"/\\|?*\p{Cc}\s]+/gu

/** A file name for a sheet's CSV: its position first, so two names that clean up alike never collide. */
export function sheetCsvName(position: number, sheetName: string): string {
  const cleaned = sheetName
    .replace(UNSAFE_IN_FILE_NAME, '_')
    .replace(/^[._]+|[._]+$/g, '')
    .slice(0, 60)
  return `${position}-${cleaned === '' ? 'sheet' : cleaned}.csv`
}

/**
 * Writes one worksheet's rows as CSV so that CSV record n is sheet row n: gaps and empty rows between values become
 * empty records, and trailing empty rows are dropped. The file is only created once a row has a value, so a fully
 * empty sheet leaves nothing behind.
 */
export class SheetCsv {
  readonly #path: string
  #writer: CsvWriter | null = null
  #width = 0
  #firstWidth = 0
  #lastRowNumber = 0
  #pendingEmpty = 0

  readonly name: string
  /** The sheet's cell and row problems, collected as rows are added. */
  readonly warnings: SheetWarnings

  constructor(name: string, outputDir: string, position: number, warnings: SheetWarnings) {
    this.name = name
    this.#path = join(outputDir, sheetCsvName(position, name))
    this.warnings = warnings
  }

  /** Adds sheet row `rowNumber` (1-based, increasing), given its cell texts by column. */
  async addRow(rowNumber: number, texts: readonly string[]): Promise<void> {
    this.#pendingEmpty += Math.max(0, rowNumber - this.#lastRowNumber - 1)
    this.#lastRowNumber = rowNumber
    const width = lastValueIndex(texts) + 1
    if (width === 0) {
      this.#pendingEmpty++
      return
    }
    if (this.#writer === null) {
      this.#writer = new CsvWriter(this.#path)
      this.#width = this.#firstWidth = width
    } else if (width > this.#firstWidth) {
      this.warnings.noteWiderRow(rowNumber, width, this.#firstWidth)
      this.#width = Math.max(this.#width, width)
    }
    const empty = new Array<string>(this.#width).fill('')
    for (; this.#pendingEmpty > 0; this.#pendingEmpty--) await this.#writer.writeRow(empty)
    await this.#writer.writeRow(pad(texts, this.#width))
  }

  /** Closes the file; `null` when the sheet held no value at all. */
  async finish(): Promise<Omit<XlsxSheetResult, 'warnings'> | null> {
    if (this.#writer === null) return null
    await this.#writer.close()
    return { name: this.name, csvPath: this.#path, rows: this.#writer.rows, columns: this.#width }
  }

  /** Removes a partly written file after a failure. */
  async abort(): Promise<void> {
    await this.#writer?.abort()
  }
}

function lastValueIndex(texts: readonly string[]): number {
  for (let i = texts.length - 1; i >= 0; i--) if (texts[i] !== undefined && texts[i] !== '') return i
  return -1
}

function pad(texts: readonly string[], width: number): string[] {
  const out = new Array<string>(width)
  for (let i = 0; i < width; i++) out[i] = texts[i] ?? ''
  return out
}
