import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CaseSession } from '@linesight/casework'
import { runAnalysis } from '../../core/run-analysis.js'
import { caseFromFiles } from '../../test/case-from-files.js'
import {
  at,
  cdr,
  cellList,
  evidenceMismatches,
  flare,
  numbers,
  subscriberList,
  type CellSpec,
  type Row,
} from '../../test/line-fixture-csv.js'
import { episodes } from './cuckooing-leads.rules.js'
import { CUCKOO_CAUTION, cuckooingLeads } from './cuckooing-leads.js'

const LINE = '+447911700001'
const RUNNER = '+447911700002'
const V1 = '+447911710001'
const V2 = '+447911710002'
const V3 = '+447911710003'
const FILLERS = numbers('720', 17)

// One EE cell near each customer's address, kilometres apart, and one elsewhere in town.
const cell = (ci: string, lat: number, lon: number): CellSpec => ({
  network: 'EE',
  mnc: '30',
  lac: '300',
  ci,
  site: `S${ci}`,
  lat,
  lon,
})
const CELLS = [cell('1', 51.5, 0.4), cell('2', 51.55, 0.45), cell('3', 51.6, 0.5), cell('9', 51.7, 0.6)]
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
    'cells.csv': cellList(CELLS),
    'subscribers.csv': subscriberList([
      {
        msisdn: V1,
        name: 'Vic One',
        dob: '1960-01-01',
        address: 'Flat 1, Example House, Town',
        lat: 51.5005,
        lon: 0.4005,
      },
      {
        msisdn: V2,
        name: 'Vic Two',
        dob: '1961-01-01',
        address: '2 Sample Road, Town',
        lat: 51.5505,
        lon: 0.4505,
      },
      {
        msisdn: V3,
        name: 'Vic Three',
        dob: '1962-01-01',
        address: '3 Test Lane, Town',
        lat: 51.6005,
        lon: 0.5005,
      },
    ]),
    'line.csv': cdr(flare(LINE, [V1, V2, V3, ...FILLERS], 1, 9, { cell: '234-30-300-9' })),
    'runner.csv': cdr([
      // V1's cell on the nights of 5 and 9 March (two nights within seven): a lead.
      night(5, '1'),
      night(9, '1'),
      // V2's cell on one night only; V3's cell on nights eight days apart: no lead.
      night(12, '2'),
      night(14, '3'),
      night(22, '3'),
      ...[6, 7, 8, 10, 11, 13].map((d) => night(d, '9')),
    ]),
  })
})
afterAll(() => session.close())

describe('cuckooing leads', () => {
  it('two nights within seven on the cell nearest a customer address make a lead; one night does not', async () => {
    const r = await runAnalysis(cuckooingLeads, session.store, base, ctx)
    expect(r.result.leads).toHaveLength(1)
    const lead = r.result.leads[0]!
    expect(lead).toMatchObject({
      line: LINE,
      firstNight: '2024-03-05',
      lastNight: '2024-03-09',
      nightsCounted: 2,
      runnerNumbers: [RUNNER],
      linePhones: [],
      caution: CUCKOO_CAUTION,
    })
    expect(lead.victim.number).toBe(V1)
    expect(lead.victim.person).toMatchObject({ name: 'Vic One', address: 'Flat 1, Example House, Town' })
    expect(lead.victim.homeCells.map((h) => [h.cell, h.basis, h.rank])).toEqual([
      ['234-30-300-1', 'address', 1],
    ])
    expect(lead.victim.homeCells[0]!.metresFromAddress).toBeCloseTo(65.6, 0)
    expect(lead.nights.map((n) => [n.night, n.evidence.count])).toEqual([
      ['2024-03-05', 1],
      ['2024-03-09', 1],
    ])
    expect(lead.caution).toContain('serving area, not in the same building')
    expect(await evidenceMismatches(session.store, r.result)).toEqual([])
  })

  it('the nights and window are parameters', async () => {
    const three = await runAnalysis(cuckooingLeads, session.store, { ...base, cuckooMinNights: 3 }, ctx)
    expect(three.result.leads).toEqual([])
    const short = await runAnalysis(cuckooingLeads, session.store, { ...base, cuckooWindowDays: 4 }, ctx)
    expect(short.result.leads).toEqual([])
    const wide = await runAnalysis(cuckooingLeads, session.store, { ...base, cuckooWindowDays: 9 }, ctx)
    expect(wide.result.leads.map((l) => [l.victim.number, l.firstNight, l.lastNight])).toEqual([
      [V1, '2024-03-05', '2024-03-09'],
      [V3, '2024-03-14', '2024-03-22'],
    ])
  })

  it('splits nights into episodes by the window rule', () => {
    expect(episodes(['2024-03-05', '2024-03-09'], 2, 7)).toEqual([['2024-03-05', '2024-03-09']])
    expect(episodes(['2024-03-14', '2024-03-22'], 2, 7)).toEqual([])
    expect(episodes(['2024-03-01', '2024-03-02', '2024-03-20'], 2, 7)).toEqual([['2024-03-01', '2024-03-02']])
    expect(episodes(['2024-03-01', '2024-03-05', '2024-03-09'], 3, 7)).toEqual([])
    expect(episodes(['2024-03-01', '2024-03-05', '2024-03-07'], 3, 7)).toEqual([
      ['2024-03-01', '2024-03-05', '2024-03-07'],
    ])
  })
})
