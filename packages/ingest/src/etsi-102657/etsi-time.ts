/** An ETSI time as ISO 8601 text, offset kept as supplied. */
export interface EtsiTime {
  readonly iso: string
  /** False for a GeneralizedTime with no `Z` or offset: a local time whose zone the file does not say. */
  readonly hasZone: boolean
}

/** ASN.1 GeneralizedTime as ETSI writes it: `YYYYMMDDHH[MM[SS[.fff]]][Z|±HH[MM]]`. */
const GENERALIZED = /^(\d{4})(\d{2})(\d{2})(\d{2})(?:(\d{2})(?:(\d{2})([.,]\d+)?)?)?(Z|[+-]\d{2}(?:\d{2})?)?$/
/** xs:dateTime (some XER encoders), also with a space for the `T`. */
const XS_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})([.,]\d+)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/

/**
 * Parses an ETSI TS 102 657 time and writes it as ISO 8601, keeping the offset the network gave (never converting
 * to UTC here: the importer records both). A time given to the minute stays to the minute, so nothing pretends to
 * know seconds. `null` when the text is not a valid time.
 *
 * @example
 * parseEtsiTime('20240305100007+0100') // { iso: '2024-03-05T10:00:07+01:00', hasZone: true }
 * parseEtsiTime('2024-03-05T10:00:07.123Z') // { iso: '2024-03-05T10:00:07.123Z', hasZone: true }
 */
export function parseEtsiTime(raw: string): EtsiTime | null {
  const text = raw.trim()
  const match = GENERALIZED.exec(text) ?? XS_DATE_TIME.exec(text)
  if (match === null) return null
  const [, year = '', month = '', day = '', hour = '', minute, second, fraction, zone] = match
  if (!validDate(Number(year), Number(month), Number(day))) return null
  if (Number(hour) > 23 || Number(minute ?? 0) > 59 || Number(second ?? 0) > 59) return null
  const offset = zone === undefined ? '' : isoOffset(zone)
  if (offset === null) return null
  const clock = [hour, minute, second].filter((part) => part !== undefined).join(':')
  const fractionText = fraction === undefined ? '' : `.${fraction.slice(1)}`
  return { iso: `${year}-${month}-${day}T${clock}${fractionText}${offset}`, hasZone: zone !== undefined }
}

/** `Z`, `+01`, `+0100` or `+01:00` → `Z` or `+01:00`; `null` for an offset no zone has. */
function isoOffset(zone: string): string | null {
  if (zone === 'Z') return 'Z'
  const digits = zone.slice(1).replace(':', '')
  const hours = Number(digits.slice(0, 2))
  const minutes = Number(digits.slice(2) || '0')
  if (hours > 14 || minutes > 59) return null
  return `${zone[0]}${digits.slice(0, 2)}:${digits.slice(2).padEnd(2, '0')}`
}

function validDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false
  // Day 0 of the next month is the last day of this one; UTC keeps the host zone out of it.
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate()
}
