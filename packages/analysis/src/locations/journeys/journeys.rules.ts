import { haversineMetres } from '@linesight/geo'

/** The little a journey needs to know about a dwell period. */
export interface PeriodPoint {
  readonly lat: number
  readonly lon: number
  /** Epoch seconds of the first and last event. */
  readonly first_ts: number
  readonly last_ts: number
}

export interface JourneyRules {
  /** A period lasting at least this long (first to last event) is a stay; shorter ones may be passing through. */
  readonly minStaySeconds: number
  /** Consecutive stays at least this far apart (metres) make a journey. */
  readonly minMetres: number
  /** Periods this close (metres) to a stay count as still in (or already in) its area. */
  readonly areaMetres: number
}

/** A journey as indexes into the period list. */
export interface JourneyIndexes {
  /** The stay the journey leaves and the stay it reaches. */
  readonly originStay: number
  readonly destinationStay: number
  /** The last period in the origin's area and the first in the destination's. */
  readonly departure: number
  readonly arrival: number
  /** Periods between them (passing through). */
  readonly via: readonly number[]
}

const distance = (a: PeriodPoint, b: PeriodPoint): number => haversineMetres(a.lat, a.lon, b.lat, b.lon)

/**
 * Journeys between areas from dwell periods in time order. A stay is a period lasting at least `minStaySeconds`.
 * Between two consecutive stays more than `minMetres` apart, the journey departs at the end of the last period still
 * within `areaMetres` of the origin stay and arrives at the start of the first period already within `areaMetres` of
 * the destination stay; the periods between are passed through. Stays closer than `minMetres` are local movement.
 */
export function findJourneys(periods: readonly PeriodPoint[], rules: JourneyRules): JourneyIndexes[] {
  const stays: number[] = []
  periods.forEach((p, i) => {
    if (p.last_ts - p.first_ts >= rules.minStaySeconds) stays.push(i)
  })
  const journeys: JourneyIndexes[] = []
  for (let k = 1; k < stays.length; k++) {
    const s = stays[k - 1]!
    const t = stays[k]!
    const origin = periods[s]!
    const destination = periods[t]!
    if (distance(origin, destination) <= rules.minMetres) continue
    let departure = s
    while (departure + 1 < t && distance(periods[departure + 1]!, origin) <= rules.areaMetres) departure++
    let arrival = t
    while (arrival - 1 > departure && distance(periods[arrival - 1]!, destination) <= rules.areaMetres)
      arrival--
    const via: number[] = []
    for (let i = departure + 1; i < arrival; i++) via.push(i)
    journeys.push({ originStay: s, destinationStay: t, departure, arrival, via })
  }
  return journeys
}
