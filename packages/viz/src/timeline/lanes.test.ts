import { expect, it } from 'vitest'
import type { EventPoint } from '../data.js'
import { eventTimes } from '../map/playback.js'
import { bucketOf, eventRange, timeBuckets, timelineModel } from './lanes.js'

const ev = (
  id: string,
  target: string,
  startUtc: string,
  type = 'sms',
  durationS: number | null = null,
): EventPoint => ({
  id,
  target,
  other: '+449',
  direction: 'out',
  type,
  startUtc,
  durationS,
  cgi: 'c1',
  imei: null,
  imsi: null,
  timeSemantics: 'at',
})

const events = [
  ev('1', 'A', '2024-03-01T10:00:00Z', 'voice', 120),
  ev('2', 'B', '2024-03-01T11:00:00Z'),
  ev('3', 'A', '2024-03-02T09:00:00Z'),
  ev('4', 'C', '2024-03-02T09:30:00Z'),
]

it('makes one lane per selected number, spans for long calls and points otherwise', () => {
  const m = timelineModel(events, ['A', 'B'], (iso) => iso)
  expect(m.groups.map((g) => g.id)).toEqual(['A', 'B'])
  expect(m.items.map((i) => [i.id, i.type, i.className])).toEqual([
    ['1', 'range', 'lane-0 ev-voice'],
    ['2', 'point', 'lane-1 ev-sms'],
    ['3', 'point', 'lane-0 ev-sms'],
  ])
  expect(m.items[0]!.end! - m.items[0]!.start).toBe(120_000)
})

it('counts events per number and UTC day when zoomed out, and finds a time range by binary search', () => {
  const day = (d: string): number => Date.parse(`${d}T00:00:00Z`)
  const buckets = timeBuckets(events, ['A', 'B'], 86400_000)
  expect(buckets.map((i) => [i.id, i.content])).toEqual([
    [`bucket:A|${day('2024-03-01')}|${day('2024-03-02')}`, '1'],
    [`bucket:B|${day('2024-03-01')}|${day('2024-03-02')}`, '1'],
    [`bucket:A|${day('2024-03-02')}|${day('2024-03-03')}`, '1'],
  ])
  expect(bucketOf(buckets[0]!.id)).toEqual([day('2024-03-01'), day('2024-03-02')])
  expect(bucketOf('eedf:12')).toBeNull()
  expect(timeBuckets(events, ['A'], 3600_000).map((i) => i.content)).toEqual(['1', '1'])
  expect(timelineModel(events, ['A'], (iso) => iso, false).items[0]!.content).toBe('')
  const times = eventTimes(events)
  expect(eventRange(times, Date.parse('2024-03-01T10:30:00Z'), Date.parse('2024-03-02T09:00:00Z'))).toEqual([
    1, 3,
  ])
})

it('counts per day on the case’s clock: a London summer day starts at 23:00 UTC', () => {
  const summer = [
    { ...events[0]!, id: 's1', startUtc: '2024-07-01T23:30:00Z' },
    { ...events[0]!, id: 's2', startUtc: '2024-07-02T22:30:00Z' },
  ]
  const buckets = timeBuckets(summer, ['A'], 86400_000, 'Europe/London')
  expect(buckets.map((i) => [i.start, i.content])).toEqual([[Date.parse('2024-07-01T23:00:00Z'), '2']])
  expect(buckets[0]!.title).toMatch(/^2024-07-02 \(BST\): 2 events of A/)
  expect(timeBuckets(summer, ['A'], 86400_000).map((i) => i.content)).toEqual(['1', '1'])
})
