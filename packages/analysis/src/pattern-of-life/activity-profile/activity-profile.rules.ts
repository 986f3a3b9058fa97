/** One hour of the day (local) with its events and the ids behind them. */
export interface HourCount {
  readonly hour: number
  readonly events: number
  readonly ids: readonly string[]
}

export interface HourPeriod {
  readonly kind: 'active' | 'quiet'
  /** First hour of the period (local, 0–23). */
  readonly fromHour: number
  /** The hour after the period ends (0–23; the period wraps past midnight when it is not after `fromHour`). */
  readonly toHour: number
  readonly hours: number
  readonly events: number
  readonly ids: readonly string[]
}

/**
 * Splits the 24 hours of the day into runs of active and quiet hours. An hour is quiet when it holds less than
 * `quietPercent` % of the number's events. Runs wrap past midnight: a quiet run from 23:00 to 06:00 is one period.
 * Periods are listed by their first hour.
 */
export function hourPeriods(hours: readonly HourCount[], quietPercent: number): HourPeriod[] {
  const byHour = new Map(hours.map((h) => [h.hour, h]))
  const total = hours.reduce((s, h) => s + h.events, 0)
  const all = Array.from({ length: 24 }, (_, hour) => byHour.get(hour) ?? { hour, events: 0, ids: [] })
  const kind = (h: HourCount): 'active' | 'quiet' =>
    total > 0 && (h.events / total) * 100 >= quietPercent ? 'active' : 'quiet'
  const kinds = all.map(kind)
  // Start at the first hour whose kind differs from the hour before it (wrapping), so no run is cut at midnight.
  let start = kinds.findIndex((k, i) => k !== kinds[(i + 23) % 24])
  if (start === -1) start = 0
  const out: HourPeriod[] = []
  for (let step = 0; step < 24;) {
    const first = (start + step) % 24
    const k = kinds[first]!
    let length = 0
    const ids: string[] = []
    let events = 0
    while (step < 24 && kinds[(start + step) % 24] === k) {
      const h = all[(start + step) % 24]!
      events += h.events
      ids.push(...h.ids)
      length++
      step++
    }
    out.push({ kind: k, fromHour: first, toHour: (first + length) % 24, hours: length, events, ids })
  }
  return out.sort((x, y) => x.fromHour - y.fromHour)
}
