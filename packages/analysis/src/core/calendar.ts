/** An ISO 8601 instant with its zone: date, time to the minute or finer, and Z or an offset. */
const INSTANT =
  /^([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:\.[0-9]{1,6})?)?(Z|[+-]([0-9]{2}):([0-9]{2}))$/
const DATE = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/

/** Whether year, month and day name a day on the calendar (not 31 February, not month 13). */
export const isCalendarDay = (y: number, m: number, d: number): boolean => {
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
  return days !== undefined && d >= 1 && d <= days
}

/**
 * Why `text` is not a calendar date (`date`: YYYY-MM-DD) or an instant with its zone (`instant`), or null when it
 * is one. Checked before any query, so the engine never rolls 2024-02-30 over to 1 March or fails on it.
 */
export function calendarProblem(text: string, kind: 'date' | 'instant'): string | null {
  if (kind === 'date') {
    const m = DATE.exec(text)
    if (m === null) return `"${text}" is not a date: write YYYY-MM-DD (e.g. 2024-03-05)`
    return isCalendarDay(Number(m[1]), Number(m[2]), Number(m[3]))
      ? null
      : `"${text}" is not a day on the calendar`
  }
  const m = INSTANT.exec(text)
  if (m === null)
    return `"${text}" is not a time with its zone: write ISO 8601 with Z or an offset (e.g. 2024-03-05T10:00:00Z)`
  if (!isCalendarDay(Number(m[1]), Number(m[2]), Number(m[3])))
    return `"${text}" does not fall on a day on the calendar`
  const clock = [m[4], m[5], m[6] ?? '0'].map(Number)
  if (clock[0]! > 23 || clock[1]! > 59 || clock[2]! > 59) return `"${text}" is not a time of day`
  if (m[7] !== 'Z' && (Number(m[8]) > 18 || Number(m[9]) > 59)) return `"${text}" has no such offset from UTC`
  return null
}
