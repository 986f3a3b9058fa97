import { expect, it } from 'vitest'
import type { EventPoint } from '../data.js'
import { eventTimes, playbackFrame, timeExtent } from './playback.js'

const ev = (id: string, target: string, startUtc: string, cgi: string | null): EventPoint => ({
  id,
  target,
  other: null,
  direction: 'out',
  type: 'voice',
  startUtc,
  durationS: 10,
  cgi,
  imei: null,
  imsi: null,
  timeSemantics: 'at',
})

it('marks the latest cells per number at or before a moment, newest first, within the window', () => {
  const events = [
    ev('1', 'A', '2024-03-01T10:00:00Z', 'c1'),
    ev('2', 'B', '2024-03-01T10:05:00Z', 'c2'),
    ev('3', 'A', '2024-03-01T10:10:00Z', null),
    ev('4', 'A', '2024-03-01T10:20:00Z', 'c3'),
    ev('5', 'A', '2024-03-01T11:00:00Z', 'c4'),
  ]
  const times = eventTimes(events)
  const marks = playbackFrame(events, times, Date.parse('2024-03-01T10:30:00Z'), 30 * 60_000, 2)
  expect(marks.map((m) => [m.target, m.cgi])).toEqual([
    ['A', 'c3'],
    ['B', 'c2'],
    ['A', 'c1'],
  ])
  expect(marks[0]!.age).toBeCloseTo(1 / 3)
  expect(timeExtent(events)).toEqual([Date.parse('2024-03-01T10:00:00Z'), Date.parse('2024-03-01T11:00:00Z')])
})
