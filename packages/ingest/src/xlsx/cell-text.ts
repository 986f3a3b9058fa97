import { excelDateText, excelSerialToDate, isDateFormat } from './excel-date.js'
import { integerDigits, plainNumberText } from './number-text.js'

/** What a cell became in the CSV, and what the sheet's warnings need to know about it. */
export interface CellText {
  readonly text: string
  /** Integer digits of a numeric value (for the 15-significant-digit warning), else 0. */
  readonly numberDigits: number
  /** Why the cell could not be written faithfully, if it could not. */
  readonly problem: 'formula-error' | 'invalid-date' | 'unknown-value' | null
}

const plain = (text: string): CellText => ({ text, numberDigits: 0, problem: null })

/**
 * The CSV text of one exceljs cell value: text as is, numbers as plain decimals, dates as `YYYY-MM-DD HH:MM:SS`,
 * rich text flattened, formulas as their cached result, errors as their error text.
 *
 * @example
 * cellText(356938035643809, undefined, false).text // '356938035643809'
 * cellText({ formula: 'A1+1', result: 2 }, undefined, false).text // '2'
 */
export function cellText(value: unknown, numFmt: string | undefined, date1904: boolean): CellText {
  if (value === null || value === undefined) return plain('')
  if (typeof value === 'string') return plain(value)
  if (typeof value === 'boolean') return plain(value ? 'TRUE' : 'FALSE')
  if (typeof value === 'number') return numberText(value, numFmt, date1904)
  if (value instanceof Date) return dateText(value)
  if (typeof value === 'object') return objectText(value, numFmt, date1904)
  return { text: '', numberDigits: 0, problem: 'unknown-value' }
}

function numberText(value: number, numFmt: string | undefined, date1904: boolean): CellText {
  // exceljs's streaming reader only spots lower-case date formats, and never on formula results: check again here.
  if (isDateFormat(numFmt) && Number.isFinite(value)) return dateText(excelSerialToDate(value, date1904))
  // A formula whose cached result is an error (`#DIV/0!`) reaches us as NaN: exceljs parsed it as a float.
  if (Number.isNaN(value)) return { text: '', numberDigits: 0, problem: 'formula-error' }
  return { text: plainNumberText(value), numberDigits: integerDigits(value), problem: null }
}

function dateText(value: Date): CellText {
  const text = excelDateText(value)
  return text === null ? { text: '', numberDigits: 0, problem: 'invalid-date' } : plain(text)
}

function objectText(value: object, numFmt: string | undefined, date1904: boolean): CellText {
  if ('error' in value) return plain(String(value.error))
  if ('richText' in value && Array.isArray(value.richText)) {
    return plain(value.richText.map((run: unknown) => runText(run)).join(''))
  }
  if ('result' in value) return cellText(value.result, numFmt, date1904)
  // A formula with no cached result (never calculated): there is nothing to write but an empty cell.
  if ('formula' in value || 'sharedFormula' in value) return plain('')
  if ('text' in value && typeof value.text === 'string') return plain(value.text)
  return { text: '', numberDigits: 0, problem: 'unknown-value' }
}

function runText(run: unknown): string {
  if (typeof run === 'object' && run !== null && 'text' in run && typeof run.text === 'string')
    return run.text
  return ''
}
