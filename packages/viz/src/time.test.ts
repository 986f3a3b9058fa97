import { expect, it } from 'vitest'
import { formatInZone, zoneNames, zoneOffsetMinutes } from './time.js'

it('gives a zone’s offset at an instant, whatever zone the machine runs in', () => {
  expect(zoneOffsetMinutes('Europe/London', Date.parse('2024-01-15T12:00:00Z'))).toBe(0)
  expect(zoneOffsetMinutes('Europe/London', Date.parse('2024-07-15T12:00:00Z'))).toBe(60)
  // The spring change in London: 01:00 UTC on 31 March 2024.
  expect(zoneOffsetMinutes('Europe/London', Date.parse('2024-03-31T00:59:59Z'))).toBe(0)
  expect(zoneOffsetMinutes('Europe/London', Date.parse('2024-03-31T01:00:00Z'))).toBe(60)
  expect(zoneOffsetMinutes('Asia/Kolkata', Date.parse('2024-01-15T12:00:00Z'))).toBe(330)
  expect(zoneOffsetMinutes('America/Los_Angeles', Date.parse('2024-01-15T12:00:00.750Z'))).toBe(-480)
})

it('names the clock of a period', () => {
  expect(
    zoneNames('Europe/London', Date.parse('2024-01-01T00:00:00Z'), Date.parse('2024-02-01T00:00:00Z')),
  ).toBe('GMT')
  expect(
    zoneNames('Europe/London', Date.parse('2024-03-01T00:00:00Z'), Date.parse('2024-04-30T00:00:00Z')),
  ).toBe('GMT/BST')
  expect(formatInZone('2024-07-01T10:00:00Z', 'Europe/London')).toBe('2024-07-01 11:00:00 BST')
})
