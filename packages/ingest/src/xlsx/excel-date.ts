/** Days from Excel's day 0 to 1970-01-01 in the 1900 and the 1904 date systems. */
const EPOCH_1900 = 25569
const EPOCH_1904 = 24107
const DAY_MS = 86_400_000

/**
 * The instant an Excel date serial stands for, read as UTC: Excel dates carry no zone, and reading them as UTC keeps
 * the wall-clock digits the user sees (the importer applies the declared zone later).
 */
export function excelSerialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - (date1904 ? EPOCH_1904 : EPOCH_1900)) * DAY_MS))
}

/**
 * A date cell as `YYYY-MM-DD HH:MM:SS` from the UTC getters (exceljs reads Excel dates as UTC), with `.mmm` only when
 * the cell holds milliseconds, and just `HH:MM:SS` for a time-only cell (serial below 1, so day 0 of either system).
 *
 * @example
 * excelDateText(new Date(Date.UTC(2024, 2, 5, 10, 0, 7))) // '2024-03-05 10:00:07'
 */
export function excelDateText(date: Date): string | null {
  if (Number.isNaN(date.getTime())) return null
  const pad = (n: number, width = 2): string => String(n).padStart(width, '0')
  const ms = date.getUTCMilliseconds()
  const time = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}${ms === 0 ? '' : `.${pad(ms, 3)}`}`
  const day = `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`
  // A time-only cell has serial 0.x: day 0 is 1899-12-30 in the 1900 system and 1904-01-01 in the 1904 system.
  if (day === '1899-12-30' || day === '1904-01-01') return time
  return `${day} ${time}`
}

/**
 * Whether an Excel number format shows a date or time, by the same test exceljs uses for plain cells (we need it for
 * formula results, which exceljs's streaming reader leaves as serial numbers).
 */
export function isDateFormat(format: string | undefined): boolean {
  if (format === undefined || format === '') return false
  // Drop [colour]/[h] sections, quoted literals and escaped characters before looking for date letters.
  const bare = format
    .replace(/\[[^\]]*]/g, '')
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
  return /[ymdhsb]/i.test(bare.replace(/General/gi, ''))
}
