import type { CellText } from './cell-text.js'

type Problem = 'long-number' | NonNullable<CellText['problem']>

/** Why each problem matters and what to do about it, worded for the investigator who reads the import report. */
const ADVICE: Record<Problem, string> = {
  'long-number':
    'numeric cells have 16 or more digits. Excel keeps only 15 significant digits, so the last digits may already ' +
    'be lost (IMEIs, IMSIs and charging ids are at risk); ask the network for the column as text, or for a CSV',
  'formula-error': 'formula cells hold an error as their cached result; they are written empty',
  'invalid-date': 'date cells hold a value Excel cannot show as a date; they are written empty',
  'unknown-value': 'cells hold a value of a kind this reader does not know; they are written empty',
}

/**
 * Collects a sheet's cell problems, one entry per problem and column with a count and the first cell, so a
 * million-row sheet yields a handful of lines rather than a million. Cell values are never recorded.
 */
export class SheetWarnings {
  readonly #entries = new Map<
    string,
    { problem: Problem; column: string; count: number; firstCell: string }
  >()
  #widerRow: { rowNumber: number; columns: number; firstColumns: number; count: number } | null = null

  /** Notes a cell's problem, if it has one. */
  noteCell(address: string, cell: CellText): void {
    if (cell.problem !== null) this.#note(cell.problem, address)
    if (cell.numberDigits >= 16) this.#note('long-number', address)
  }

  /** Notes a row wider than the first written row, which makes the CSV ragged. */
  noteWiderRow(rowNumber: number, columns: number, firstColumns: number): void {
    if (this.#widerRow === null) this.#widerRow = { rowNumber, columns, firstColumns, count: 1 }
    else this.#widerRow.count++
  }

  list(): string[] {
    const lines = [...this.#entries.values()].map(
      ({ problem, column, count, firstCell }) =>
        `Column ${column}: ${count.toLocaleString('en-GB')} ${ADVICE[problem]} (first at ${firstCell}).`,
    )
    if (this.#widerRow !== null) {
      const { rowNumber, columns, firstColumns, count } = this.#widerRow
      lines.push(
        `${count.toLocaleString('en-GB')} rows are wider than the first row (${firstColumns} columns; first at row ` +
          `${rowNumber} with ${columns}): rows have different lengths, so read the CSV with null padding ` +
          `or check for values outside the table.`,
      )
    }
    return lines
  }

  #note(problem: Problem, address: string): void {
    const column = address.replace(/\d+$/, '')
    const key = `${problem}:${column}`
    const entry = this.#entries.get(key)
    if (entry === undefined) this.#entries.set(key, { problem, column, count: 1, firstCell: address })
    else entry.count++
  }
}
