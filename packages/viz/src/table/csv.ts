import { cellText, type ColumnModel, type Row } from './tables.js'

/**
 * Text that a spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage return) gets a leading
 * apostrophe, so an exported CDR value can never execute in Excel. Numbers stay numbers.
 *
 * @example
 * neutraliseFormula('=HYPERLINK("x")') // "'=HYPERLINK(\"x\")"
 * neutraliseFormula('+447911123456')  // "'+447911123456"
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
}

const quote = (text: string): string => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text)

/** A table as CSV (RFC 4180, CRLF line ends), every text cell neutralised. */
export function toCsv(
  columns: readonly ColumnModel[],
  rows: readonly Row[],
  formatTime: (iso: string) => string,
): string {
  const lines = [columns.map((c) => quote(neutraliseFormula(c.label))).join(',')]
  for (const r of rows)
    lines.push(
      columns
        .map((c) => {
          const v = r[c.key]
          if (typeof v === 'number') return String(v)
          return quote(neutraliseFormula(cellText(v, c.kind, formatTime)))
        })
        .join(','),
    )
  return lines.join('\r\n') + '\r\n'
}
