import type { EventPoint } from '../data.js'

/** Where a number's records put it at one moment: the cell of its latest event at or before that time. */
export interface PlaybackMark {
  readonly target: string
  readonly cgi: string
  readonly eventId: string
  readonly startUtc: string
  /** 0 for an event at the moment, rising to 1 at the edge of the window: older marks are drawn fainter. */
  readonly age: number
}

/** Event times as epoch milliseconds, parsed once (events come sorted by time from the server). */
export const eventTimes = (events: readonly EventPoint[]): Float64Array =>
  Float64Array.from(events, (e) => Date.parse(e.startUtc))

/** First and last event time in epoch ms, or null with no events. */
export function timeExtent(events: readonly EventPoint[]): readonly [number, number] | null {
  let lo = Infinity
  let hi = -Infinity
  for (const e of events) {
    const t = Date.parse(e.startUtc)
    if (t < lo) lo = t
    if (t > hi) hi = t
  }
  return Number.isFinite(lo) ? [lo, hi] : null
}

/**
 * For each target, the cells of its events in the window (at − windowMs, at], newest first, at most `trail` per
 * target. It shows which serving areas the records name, in order; it is not a route between them.
 */
export function playbackFrame(
  events: readonly EventPoint[],
  times: Float64Array,
  at: number,
  windowMs: number,
  trail = 4,
): PlaybackMark[] {
  // Binary search for the last event at or before `at`.
  let lo = 0
  let hi = times.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (times[mid]! <= at) lo = mid + 1
    else hi = mid
  }
  const counts = new Map<string, number>()
  const marks: PlaybackMark[] = []
  for (let i = lo - 1; i >= 0; i--) {
    const t = times[i]!
    if (at - t > windowMs) break
    const e = events[i]!
    if (e.cgi === null) continue
    const n = counts.get(e.target) ?? 0
    if (n >= trail) continue
    counts.set(e.target, n + 1)
    marks.push({
      target: e.target,
      cgi: e.cgi,
      eventId: e.id,
      startUtc: e.startUtc,
      age: (at - t) / windowMs,
    })
  }
  return marks
}
