/**
 * Calendar arithmetic on ISO dates without a clock (analyses never construct `Date`): days since 1970-01-01 for
 * a `yyyy-mm-dd` date, and back. Proleptic Gregorian, by Howard Hinnant's days-from-civil algorithm.
 */
export function dayNumber(iso: string): number {
  let y = Number(iso.slice(0, 4))
  const m = Number(iso.slice(5, 7))
  const d = Number(iso.slice(8, 10))
  y -= m <= 2 ? 1 : 0
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}

export function isoDate(days: number): string {
  const z = days + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  )
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1
  const m = mp + (mp < 10 ? 3 : -9)
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0)
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}

/** Whole years between a date of birth and a date (the age on that date). */
export function ageOn(dateOfBirth: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(dateOfBirth.slice(0, 4))
  return on.slice(5) < dateOfBirth.slice(5) ? years - 1 : years
}

/** The date a person born on `dateOfBirth` reaches `years` (29 February birthdays fall on 1 March). */
export function birthdayAt(dateOfBirth: string, years: number): string {
  const y = Number(dateOfBirth.slice(0, 4)) + years
  const md = dateOfBirth.slice(5)
  if (md === '02-29') {
    const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
    return leap ? `${y}-02-29` : `${y}-03-01`
  }
  return `${String(y).padStart(4, '0')}-${md}`
}
