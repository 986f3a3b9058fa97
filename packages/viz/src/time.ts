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
