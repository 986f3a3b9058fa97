/** A UTC instant as a reader sees it in one zone: date, time, and the zone's name at that instant (GMT or BST). */
export interface LocalTime {
  readonly date: string
  readonly time: string
  /** Short zone name at that instant, e.g. `GMT`, `BST`, `GMT-8`. */
  readonly zone: string
  /** Offset from UTC at that instant, e.g. `+01:00`. */
  readonly offset: string
}

const formatters = new Map<string, Intl.DateTimeFormat>()
const formatter = (zone: string, name: 'short' | 'longOffset'): Intl.DateTimeFormat => {
  const key = `${zone}|${name}`
  let f = formatters.get(key)
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: name,
    })
    formatters.set(key, f)
  }
  return f
}

/**
 * Converts ISO UTC text to local date and time in `zone`, naming the zone. Never uses the process's own zone: tests
 * run under America/Los_Angeles to prove it. `precision: 'minute'` drops the seconds a source never gave.
 *
 * @example
 * toLocal('2024-07-01T08:15:00Z', 'Europe/London') // { date: '2024-07-01', time: '09:15:00', zone: 'BST', offset: '+01:00' }
 */
export function toLocal(iso: string, zone: string, precision: 'second' | 'minute' | 'millisecond' = 'second'): LocalTime {
  const t = Date.parse(iso)
  if (!Number.isFinite(t)) throw new Error(`"${iso}" is not an ISO time`)
  const parts = formatter(zone, 'short').formatToParts(t)
  const get = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? ''
  const offsetName =
    formatter(zone, 'longOffset')
      .formatToParts(t)
      .find((p) => p.type === 'timeZoneName')?.value ?? 'GMT'
  const offset = offsetName === 'GMT' ? '+00:00' : offsetName.replace(/^GMT/, '')
  const hm = `${get('hour')}:${get('minute')}`
  return {
    date: `${get('year')}-${get('month')}-${get('day')}`,
    time: precision === 'minute' ? hm : `${hm}:${get('second')}`,
    zone: get('timeZoneName'),
    offset,
  }
}

/** `2024-07-01 09:15:00 BST`: one readable local time with its zone named. */
export const localText = (iso: string, zone: string, precision: 'second' | 'minute' | 'millisecond' = 'second'): string => {
  const l = toLocal(iso, zone, precision)
  return `${l.date} ${l.time} ${l.zone}`
}

/** `2024-07-01 08:15:00 UTC`, for the stated generation time and other machine times. */
export const utcText = (iso: string): string => {
  const t = Date.parse(iso)
  if (!Number.isFinite(t)) return iso
  return `${new Date(t).toISOString().slice(0, 19).replace('T', ' ')} UTC`
}

/** Whole years between a date of birth and a day (both `YYYY-MM-DD`), by calendar, with no time zone involved. */
export function ageOn(dateOfBirth: string, day: string): number | null {
  const b = /^(\d{4})-(\d{2})-(\d{2})/.exec(dateOfBirth)
  const d = /^(\d{4})-(\d{2})-(\d{2})/.exec(day)
  if (b === null || d === null) return null
  const [by, bm, bd] = [Number(b[1]), Number(b[2]), Number(b[3])]
  const [dy, dm, dd] = [Number(d[1]), Number(d[2]), Number(d[3])]
  return dy - by - (dm < bm || (dm === bm && dd < bd) ? 1 : 0)
}
