import type { EventPoint } from '../data.js'
import { formatInZone, zoneOffsetMinutes } from '../time.js'

export interface TimelineGroup {
  readonly id: string
  readonly content: string
  readonly colorIndex: number
}

export interface TimelineItem {
  readonly id: string
  readonly group: string
  /** Epoch milliseconds. */
  readonly start: number
  /** Present for calls with a duration: the item spans the call. */
  readonly end?: number
  readonly type: 'point' | 'range'
  readonly content: string
  readonly title: string
  readonly className: string
}

export interface TimelineModel {
  readonly groups: readonly TimelineGroup[]
  readonly items: readonly TimelineItem[]
}

const SYMBOL: Readonly<Record<string, string>> = { voice: '☎', sms: '✉', mms: '✉', data: '⇅' }

/**
 * One lane per selected number and one item per event: calls with a duration span it, other events are points.
 * Lanes keep the order of `numbers`, so colours match the map and the chart. `labels` false draws bare marks.
 */
export function timelineModel(
  events: readonly EventPoint[],
  numbers: readonly string[],
  formatTime: (iso: string) => string,
  labels = true,
): TimelineModel {
  const groups = numbers.map((n, i) => ({ id: n, content: n, colorIndex: i }))
  const lane = new Map(numbers.map((n, i) => [n, i]))
  const items: TimelineItem[] = []
  for (const e of events) {
    const i = lane.get(e.target)
    if (i === undefined) continue
    const start = Date.parse(e.startUtc)
    const long = e.type === 'voice' && e.durationS !== null && e.durationS >= 60
    const other = e.other ?? ''
    items.push({
      id: e.id,
      group: e.target,
      start,
      ...(long ? { end: start + e.durationS! * 1000 } : {}),
      type: long ? 'range' : 'point',
      // Crowded windows draw marks only; the tooltip still says what each event is.
      content: labels
        ? `${SYMBOL[e.type] ?? '•'} ${e.direction === 'in' ? '←' : e.direction === 'out' ? '→' : ''} ${other}`.trim()
        : '',
      title: `${formatTime(e.startUtc)} ${e.type} ${e.direction} ${other}${e.durationS === null ? '' : ` ${e.durationS} s`}${e.cgi === null ? '' : ` cell ${e.cgi}`}`,
      className: `lane-${i % 8} ev-${e.type}`,
    })
  }
  return { groups, items }
}

/**
 * Events per number and time bucket (a day or hour on the clock of `zone`, UTC by default) as range items, for a
 * timeline zoomed out too far to draw every event: each item spans its bucket and says how many events it holds.
 * Ids are `bucket:<target>|<start>|<end>` (epoch ms) so a click can zoom into the bucket.
 */
export function timeBuckets(
  events: readonly EventPoint[],
  numbers: readonly string[],
  bucketMs: number,
  zone = 'UTC',
): TimelineItem[] {
  const lane = new Map(numbers.map((n, i) => [n, i]))
  const counts = new Map<string, number>()
  const offsets = new Map<number, number>()
  // A zone's offset changes on a quarter hour at the finest, so one look-up per quarter hour is enough.
  const offsetAt = (t: number): number => {
    const q = Math.floor(t / 900_000)
    let o = offsets.get(q)
    if (o === undefined) offsets.set(q, (o = zoneOffsetMinutes(zone, t) * 60_000))
    return o
  }
  for (const e of events) {
    if (!lane.has(e.target)) continue
    const t = Date.parse(e.startUtc)
    const offset = offsetAt(t)
    const start = Math.floor((t + offset) / bucketMs) * bucketMs - offset
    const key = `${e.target}|${start}`
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  const unit = bucketMs >= 86400_000 ? 'day' : 'hour'
  const items: TimelineItem[] = []
  for (const [key, n] of counts) {
    const [target, startText] = key.split('|') as [string, string]
    const start = Number(startText)
    const label = formatInZone(new Date(start).toISOString(), zone).slice(0, unit === 'day' ? 10 : 13)
    const zoneName = formatInZone(new Date(start).toISOString(), zone).slice(20)
    items.push({
      id: `bucket:${target}|${start}|${start + bucketMs}`,
      group: target,
      start,
      end: start + bucketMs,
      type: 'range',
      content: String(n),
      title: `${label}${unit === 'hour' ? ':00' : ''} (${zoneName}): ${n} events of ${target}; click to zoom into this ${unit}`,
      className: `lane-${lane.get(target)! % 8} bucket`,
    })
  }
  return items.sort((x, y) => x.start - y.start || (x.id < y.id ? -1 : 1))
}

/** The bucket a bucket item's id names, as [start, end] epoch ms, or null for an event id. */
export function bucketOf(id: string): readonly [number, number] | null {
  const m = /^bucket:.*\|(\d+)\|(\d+)$/.exec(id)
  return m === null ? null : [Number(m[1]), Number(m[2])]
}

/** The index range [lo, hi) of events (sorted by time, as epoch ms in `times`) inside [from, to]. */
export function eventRange(times: Float64Array, from: number, to: number): readonly [number, number] {
  const bound = (t: number, strict: boolean): number => {
    let lo = 0
    let hi = times.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (strict ? times[mid]! <= t : times[mid]! < t) lo = mid + 1
      else hi = mid
    }
    return lo
  }
  return [bound(from, false), bound(to, true)]
}
