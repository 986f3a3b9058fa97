import { expect, it } from 'vitest'
import type { CellSite, EventPoint } from '../data.js'
import {
  colocationMarks,
  journeyInWindow,
  journeyLines,
  placeMarks,
  PLACE_MARKER_METRES,
} from './overlays.js'

const evidence = (ids: string[]) => ({
  kind: 'events' as const,
  targets: ['+441', '+442'],
  ids,
  count: ids.length,
})

it('draws each journey as a straight line from the departure site to the arrival site', () => {
  const end = (lat: number, lon: number, utc: string) => ({
    site: 's',
    site_name: null,
    lat,
    lon,
    utc,
    event_id: 'e',
  })
  const lines = journeyLines([
    {
      target: '+441',
      truncated: false,
      journeys: [
        {
          departure: end(51.5, -0.1, '2024-03-01T10:00:00Z'),
          arrival: end(52.6, 1.3, '2024-03-01T13:00:00Z'),
          via: [],
          distance_km: 150,
          elapsed_minutes: 180,
          implied_kmh: 50,
          evidential: true,
          evidence: evidence(['e1', 'e2']),
        },
      ],
    },
  ])
  expect(lines.map((l) => [l.id, l.from, l.to])).toEqual([['journey:+441:0', [-0.1, 51.5], [1.3, 52.6]]])
  const line = lines[0]!
  expect(journeyInWindow(line, Date.parse('2024-03-01T11:00:00Z'), 0)).toBe(true)
  expect(journeyInWindow(line, Date.parse('2024-03-01T14:00:00Z'), 3600_000)).toBe(true)
  expect(journeyInWindow(line, Date.parse('2024-03-01T14:00:01Z'), 3600_000)).toBe(false)
  expect(journeyInWindow(line, Date.parse('2024-03-01T09:59:59Z'), 3600_000)).toBe(false)
})

it('places a co-location period between the masts its events name, and counts periods it cannot place', () => {
  const ev = (id: string, target: string, cgi: string | null): EventPoint => ({
    id,
    target,
    other: null,
    direction: 'out',
    type: 'sms',
    startUtc: '2024-03-01T10:00:00Z',
    durationS: null,
    cgi,
    imei: null,
    imsi: null,
    timeSemantics: 'at',
  })
  const cell = (cgi: string, lat: number, lon: number): CellSite => ({
    cgi,
    lat,
    lon,
    azimuth: 0,
    beamwidth: 60,
    rangeMetres: null,
    sourceKind: 'network',
    siteName: null,
    network: null,
    technology: 'lte',
    events: 1,
  })
  const cells = new Map(
    [cell('c1', 51, -1), cell('c2', 51.002, -1.002), cell('c3', 51, -1)].map((c) => [c.cgi, c]),
  )
  const period = (ids: string[]) => ({
    first_utc: '2024-03-01T10:00:00Z',
    last_utc: '2024-03-01T10:01:00Z',
    instances: 1,
    same_cell: 0,
    same_site: 1,
    neighbouring: 0,
    max_delay_s: 30,
    site_names: [],
    evidential: true,
    evidence: evidence(ids),
  })
  const { marks, undrawn } = colocationMarks(
    {
      caution: '',
      pairs: [{ a: '+441', b: '+442', colocation_periods: [period(['e1', 'e2', 'e3']), period(['x'])] }],
    },
    [ev('e1', '+441', 'c1'), ev('e2', '+442', 'c2'), ev('e3', '+442', 'c3')],
    (cgi) => cells.get(cgi),
  )
  expect(undrawn).toBe(1)
  expect(marks).toHaveLength(1)
  expect(marks[0]!.masts).toBe(2)
  expect(marks[0]!.at[0]).toBeCloseTo(-1.001, 6)
  expect(marks[0]!.at[1]).toBeCloseTo(51.001, 6)
})

it('marks places at their own radius, or a visible marker when they give none', () => {
  const place = { id: 'L0001', name: 'Flat', kind: 'home', lat: 51, lon: -1, address: null, notes: null }
  const marks = placeMarks([
    { ...place, radius_m: 250 },
    { ...place, id: 'L0002', radius_m: null },
  ])
  expect(marks.map((m) => [m.id, m.radiusMetres, m.radiusDeclared])).toEqual([
    ['place:L0001', 250, true],
    ['place:L0002', PLACE_MARKER_METRES, false],
  ])
})
