/**
 * Formats a UTC instant for display in a named zone, naming the zone (e.g. "2024-03-02 14:05:09 GMT" or "BST"),
 * so a time on screen is never ambiguous. Returns the input unchanged when it is not a time.
 */
export function formatInZone(iso: string, zone: string): string {
  const t = Date.parse(iso)
  if (!Number.isFinite(t)) return iso
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  }).formatToParts(t)
  const get = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? ''
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}:${get('second')} ${get('timeZoneName')}`
}

/** Minutes a zone is ahead of UTC at an instant (60 for London in summer, 0 in winter), from the runtime's zones. */
export function zoneOffsetMinutes(zone: string, at: number): number {
  if (!Number.isFinite(at)) return 0
  const parts = wallClock(zone).formatToParts(at)
  const get = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((p) => p.type === type)?.value ?? 0)
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'))
  return Math.round((wall - Math.floor(at / 1000) * 1000) / 60_000)
}

/** The zone's abbreviations over a period (e.g. "GMT/BST"), to say which clock an axis shows. */
export function zoneNames(zone: string, from: number, to: number): string {
  const name = (t: number): string =>
    new Intl.DateTimeFormat('en-GB', { timeZone: zone, timeZoneName: 'short' })
      .formatToParts(t)
      .find((p) => p.type === 'timeZoneName')?.value ?? zone
  const names = new Set<string>()
  // Daily samples find every change of offset in the period (zones change at most a few times a year).
  for (let t = from; t <= to; t += 86400_000) names.add(name(t))
  names.add(name(to))
  return [...names].join('/')
}

const clocks = new Map<string, Intl.DateTimeFormat>()
// One formatter per zone: building one costs far more than formatting with it.
function wallClock(zone: string): Intl.DateTimeFormat {
  let f = clocks.get(zone)
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    })
    clocks.set(zone, f)
  }
  return f
}
