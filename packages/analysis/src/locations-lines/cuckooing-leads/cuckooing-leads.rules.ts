import { dayNumber } from '../../continuity/common/civil.js'

/**
 * Splits qualifying nights (ISO dates, named by their morning) into episodes: nights join while the gap to the
 * previous night leaves both inside one `windowDays` window. An episode is a lead when some window of
 * `windowDays` consecutive nights holds at least `minNights` of its nights.
 */
export function episodes(nights: readonly string[], minNights: number, windowDays: number): string[][] {
  const sorted = [...new Set(nights)].sort()
  const groups: string[][] = []
  for (const night of sorted) {
    const current = groups[groups.length - 1]
    const last = current?.[current.length - 1]
    if (current !== undefined && last !== undefined && dayNumber(night) - dayNumber(last) <= windowDays - 1)
      current.push(night)
    else groups.push([night])
  }
  return groups.filter((g) => densest(g, windowDays) >= minNights)
}

/** The most nights of a sorted list inside any window of `windowDays` consecutive nights. */
export function densest(nights: readonly string[], windowDays: number): number {
  const days = nights.map(dayNumber)
  let best = 0
  let lo = 0
  for (let hi = 0; hi < days.length; hi++) {
    while ((days[hi] as number) - (days[lo] as number) > windowDays - 1) lo++
    best = Math.max(best, hi - lo + 1)
  }
  return best
}
