import type { EventPoint } from '../data.js'

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
 * Lanes keep the order of `numbers`, so colours match the map and the chart.
 */
export function timelineModel(
  events: readonly EventPoint[],
  numbers: readonly string[],
  formatTime: (iso: string) => string,
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
      content:
        `${SYMBOL[e.type] ?? '•'} ${e.direction === 'in' ? '←' : e.direction === 'out' ? '→' : ''} ${other}`.trim(),
      title: `${formatTime(e.startUtc)} ${e.type} ${e.direction} ${other}${e.durationS === null ? '' : ` ${e.durationS} s`}${e.cgi === null ? '' : ` cell ${e.cgi}`}`,
      className: `lane-${i % 8} ev-${e.type}`,
    })
  }
  return { groups, items }
}
