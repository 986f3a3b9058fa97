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
export function toLocal(
  iso: string,
  zone: string,
  precision: 'second' | 'minute' | 'millisecond' = 'second',
): LocalTime {
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
export const localText = (
  iso: string,
  zone: string,
  precision: 'second' | 'minute' | 'millisecond' = 'second',
): string => {
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

/** Offset of `zone` from UTC at an instant, in milliseconds (positive east of Greenwich). */
function offsetMs(t: number, zone: string): number {
  const l = toLocal(new Date(t).toISOString(), zone)
  const [y, m, d] = l.date.split('-').map(Number) as [number, number, number]
  const [hh, mm, ss] = l.time.split(':').map(Number) as [number, number, number]
  return Date.UTC(y, m - 1, d, hh, mm, ss) - Math.floor(t / 1000) * 1000
}

/**
 * The UTC instant of a local wall time in `zone` (`YYYY-MM-DD` and `HH:MM:SS`), as ISO text. A wall time the clocks
 * skip (spring forward) is read with the offset before the change; one that occurs twice (autumn) gives the first.
 *
 * @example
 * localToUtc('2024-07-01', '00:00:00', 'Europe/London') // '2024-06-30T23:00:00Z'
 */
export function localToUtc(date: string, time: string, zone: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  const n = /^(\d{2}):(\d{2}):(\d{2})$/.exec(time)
  if (m === null || n === null)
    throw new Error(`"${date} ${time}" is not a local date and time (YYYY-MM-DD HH:MM:SS)`)
  const wall = Date.UTC(
    Number(m[1]),
    Number(m[2]) - 1,
    Number(m[3]),
    Number(n[1]),
    Number(n[2]),
    Number(n[3]),
  )
  // Date.UTC rolls 2024-02-31 over to 2 March: a wall time that does not read back is not on the calendar.
  if (new Date(wall).toISOString().slice(0, 19) !== `${date}T${time}`)
    throw new Error(`"${date} ${time}" is not a date and time on the calendar`)
  // The offsets either side of the wall time give at most two candidates: keep those that read back as the wall
  // time, the earlier when both do (autumn); none does inside a spring gap, then the pre-change offset is used.
  const candidates = [wall - offsetMs(wall - 43_200_000, zone), wall - offsetMs(wall + 43_200_000, zone)]
  const valid = candidates.filter((c) => c + offsetMs(c, zone) === wall)
  const t = valid.length > 0 ? Math.min(...valid) : candidates[0]!
  return new Date(t).toISOString().replace('.000Z', 'Z')
}
