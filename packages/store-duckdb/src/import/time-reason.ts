import { literal } from '../sql/quote.js'

type Part = 'year' | 'year2' | 'month' | 'monthName' | 'day' | 'hour' | 'minute' | 'second'

/** A regular expression a time text of one format fully matches, with the capture group of each date part. */
interface FormatPattern {
  readonly regex: string
  readonly groups: Partial<Record<Part, number>>
}

const DIRECTIVES: Readonly<Record<string, { readonly re: string; readonly part?: Part }>> = {
  Y: { re: '([0-9]{4})', part: 'year' },
  y: { re: '([0-9]{2})', part: 'year2' },
  m: { re: '([0-9]{1,2})', part: 'month' },
  b: { re: '([A-Za-z]{3})', part: 'monthName' },
  d: { re: '([0-9]{1,2})', part: 'day' },
  H: { re: '([0-9]{1,2})', part: 'hour' },
  M: { re: '([0-9]{1,2})', part: 'minute' },
  S: { re: '([0-9]{1,2})', part: 'second' },
  f: { re: '[0-9]{1,6}' },
  g: { re: '[0-9]{1,3}' },
}

const OFFSET = '(?:Z|z|[+-][0-9]{2}:?[0-9]{2})'

/** The pattern of a strptime format, or null when it uses a directive this does not know (no finer reason then). */
function strptimePattern(format: string): FormatPattern | null {
  let regex = ''
  const groups: Partial<Record<Part, number>> = {}
  let group = 0
  for (let i = 0; i < format.length; i++) {
    const ch = format[i]!
    if (ch !== '%') {
      regex += ch.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')
      continue
    }
    const directive = DIRECTIVES[format[++i] ?? '']
    if (directive === undefined) return null
    regex += directive.re
    if (directive.part !== undefined) groups[directive.part] = ++group
  }
  return { regex: `^${regex}$`, groups }
}

/** The pattern of ISO 8601 text as the engine casts it (`T` or a space), the offset required when it must be there. */
const isoPattern = (offset: 'required' | 'optional'): FormatPattern => ({
  regex: `^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:[T ]([0-9]{1,2}):([0-9]{1,2})(?::([0-9]{1,2})(?:\\.[0-9]+)?)?)?\\s?${OFFSET}${offset === 'required' ? '' : '?'}$`,
  groups: { year: 1, month: 2, day: 3, hour: 4, minute: 5, second: 6 },
})

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]

/**
 * SQL giving why a time text that did not parse was refused: that it does not have the format, or that it has the
 * format but names a date or time that does not exist (31 February, month 13, 25:61). `textExpr` is the trimmed
 * text, not NULL. Meant for rows already rejected (inside the reason's CASE arm), so the extra work is done for
 * them alone.
 *
 * @example
 * timeFailureReason('start time', '%d/%m/%Y %H:%M:%S', false, '__start_text')
 * // for "31/02/2024 07:18:41": start time "31/02/2024 07:18:41" is not a real date (there is no "31 February 2024")
 */
export function timeFailureReason(
  label: string,
  format: string,
  offsetRequired: boolean,
  textExpr: string,
): string {
  const quoted = `${literal(`${label} "`)} || ${textExpr} || '"'`
  const mismatch = `${quoted} || ${literal(` does not match ${format}${offsetRequired ? ' with a UTC offset' : ''}`)}`
  const pattern =
    format === 'iso'
      ? isoPattern(offsetRequired ? 'required' : 'optional')
      : format.startsWith('epoch') || offsetRequired
        ? null // a strptime format carrying an offset uses directives this does not read
        : strptimePattern(format)
  if (pattern === null) return mismatch
  const { regex, groups } = pattern
  const part = (p: Part): string | null =>
    groups[p] === undefined ? null : `regexp_extract(${textExpr}, ${literal(regex)}, ${groups[p]})`
  const number = (p: Part): string | null => {
    const raw = part(p)
    return raw === null ? null : `try_cast(${raw} AS INTEGER)`
  }
  const monthName = part('monthName')
  const month =
    monthName !== null
      ? `list_position(${listOf(MONTHS.map((m) => m.slice(0, 3).toLowerCase()))}, lower(${monthName}))`
      : number('month')
  const year2 = number('year2')
  const year =
    number('year') ?? (year2 === null ? null : `(${year2} + CASE WHEN ${year2} < 69 THEN 2000 ELSE 1900 END)`)
  const day = number('day')
  const arms: string[] = []
  if (month !== null)
    arms.push(
      `WHEN coalesce(${month}, 0) NOT BETWEEN 1 AND 12 THEN ${quoted} || ' is not a real date (there is no month "' || ${monthName ?? part('month')} || '")'`,
    )
  if (month !== null && day !== null) {
    // Without a year, 29 February is possible.
    const leap = year === null ? 'true' : `((${year} % 4 = 0 AND ${year} % 100 <> 0) OR ${year} % 400 = 0)`
    const days = `CASE ${month} WHEN 2 THEN CASE WHEN ${leap} THEN 29 ELSE 28 END WHEN 4 THEN 30 WHEN 6 THEN 30 WHEN 9 THEN 30 WHEN 11 THEN 30 ELSE 31 END`
    const named = `${day} || ' ' || ${listOf(MONTHS)}[${month}]${year === null ? '' : ` || ' ' || ${year}`}`
    arms.push(
      `WHEN ${day} < 1 OR ${day} > ${days} THEN ${quoted} || ' is not a real date (there is no "' || ${named} || '")'`,
    )
  }
  for (const [p, most] of [
    ['hour', 23],
    ['minute', 59],
    ['second', 59],
  ] as const) {
    const value = number(p)
    if (value !== null)
      arms.push(
        `WHEN ${value} > ${most} THEN ${quoted} || ' is not a real time (${p} "' || ${part(p)} || '" is past ${most})'`,
      )
  }
  if (arms.length === 0) return mismatch
  return `CASE WHEN NOT regexp_full_match(${textExpr}, ${literal(regex)}) THEN ${mismatch} ${arms.join(' ')} ELSE ${mismatch} END`
}

const listOf = (values: readonly string[]): string => `[${values.map(literal).join(', ')}]`
