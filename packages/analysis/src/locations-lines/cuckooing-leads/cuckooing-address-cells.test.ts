import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CaseSession } from '@linesight/casework'
import { runAnalysis } from '../../core/run-analysis.js'
import { caseFromFiles } from '../../test/case-from-files.js'
import { at, cdr, cellList, flare, numbers, subscriberList, type Row } from '../../test/line-fixture-csv.js'
import { cuckooingLeads } from './cuckooing-leads.js'

const LINE = '+447911700001'
const RUNNER = '+447911700002'
const VICTIM = '+447911710001'
const FILLERS = numbers('720', 19)

// A rural address at 51.8 N 1.15 E whose network lists no cell within 5 km: cell N 11 km due east, its sector
// pointing further east (away); cell F 12 km due north, pointing south at the address. 1° of latitude is
// 111.195 km; 1° of longitude at 51.8 N is 111.195 × cos 51.8° = 68.745 km.
const ADDRESS = { lat: 51.8, lon: 1.15 }
const N = { ci: '1', lat: 51.8, lon: 1.15 + 11 / 68.745, azimuth: 90, beamwidth: 120 }
const F = { ci: '2', lat: 51.8 + 12 / 111.195, lon: 1.15, azimuth: 180, beamwidth: 120 }
const TOWN = { ci: '9', lat: 51.5, lon: 0.4 }
const ee = (c: { ci: string; lat: number; lon: number; azimuth?: number; beamwidth?: number }) => ({
  network: 'EE',
  mnc: '30',
  lac: '300',
  site: `S${c.ci}`,
  ...c,
})
const night = (day: number, ci: string): Row => ({
  target: RUNNER,
  dir: 'out',
  type: 'data',
  t: at(day, 2),
  dur: 600,
  cell: `234-30-300-${ci}`,
})

let session: CaseSession
const ctx = { now: new Date('2026-01-01T00:00:00Z'), zone: 'Europe/London' }
const base = { lines: [LINE], runners: [RUNNER], useRoleRunners: false }

beforeAll(async () => {
  session = await caseFromFiles({
    'cells.csv': cellList([ee(N), ee(F), ee(TOWN)]),
    'subscribers.csv': subscriberList([
      { msisdn: VICTIM, name: 'Vic Rural', dob: '1960-01-01', address: '1 Farm Lane, Village', ...ADDRESS },
    ]),
    'line.csv': cdr(flare(LINE, [VICTIM, ...FILLERS], 1, 9, { cell: '234-30-300-9' })),
    // On cell N the nights of 5 and 9 March, on cell F the nights of 12 and 14 March.
    'runner.csv': cdr([night(5, '1'), night(9, '1'), night(12, '2'), night(14, '2')]),
  })
})
afterAll(() => session.close())

const leadsOf = async (params: Record<string, unknown>) =>
  (await runAnalysis(cuckooingLeads, session.store, { ...base, ...params }, ctx)).result.leads.map((l) => [
    l.victim.number,
    l.firstNight,
    l.lastNight,
    // Metres to the nearest 100: the engine's great-circle distance differs from the flat figures above by ~3 m.
    l.victim.homeCells.map((h) => `${h.cell} ${Math.round((h.metresFromAddress ?? 0) / 100) * 100}`),
  ])

describe('cuckooing leads: which listed cells serve an address', () => {
  it("takes the network's nearest listed cell within a cell's reach (35 km), however sparse the network", async () => {
    expect(await leadsOf({})).toEqual([[VICTIM, '2024-03-05', '2024-03-09', ['234-30-300-1 11000']]])
  })

  it('a 5 km limit leaves the address without home cells', async () => {
    expect(await leadsOf({ addressMaxMetres: 5000 })).toEqual([])
  })

  it("'facing' skips the nearer sector that points away and takes the one pointing at the address", async () => {
    expect(await leadsOf({ addressSectors: 'facing' })).toEqual([
      [VICTIM, '2024-03-12', '2024-03-14', ['234-30-300-2 12000']],
    ])
  })
})
