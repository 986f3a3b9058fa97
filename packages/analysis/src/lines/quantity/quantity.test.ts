import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CaseSession } from '@linesight/casework'
import { resolveEvidence } from '../../core/resolve-evidence.js'
import { runAnalysis } from '../../core/run-analysis.js'
import { CDR_HEADER, caseFromFiles } from '../../test/case-from-files.js'
import { quantity } from './quantity.js'
import { SENTENCING_TABLES, divRound, sentencingCategory } from './quantity.rules.js'

const ctx = { now: new Date('2026-01-01T00:00:00Z'), zone: 'Europe/London' }
const L = '+447922500000'
const C = (i: number): string => `+4479225000${String(i).padStart(2, '0')}`
const CELL = '234-15-1-100'

let session: CaseSession
beforeAll(async () => {
  session = await caseFromFiles({
    'line.csv': [
      CDR_HEADER,
      ...Array.from(
        { length: 20 },
        (_, i) => `${L},${C(i + 1)},out,sms,2024-03-25T09:00:${String(i * 2).padStart(2, '0')}Z,,${CELL}`,
      ),
      // C1 Monday (called back) and Tuesday; C2 Monday and Wednesday (called back); C3 Tuesday only.
      `${L},${C(1)},in,voice,2024-03-25T10:00:00Z,30,${CELL}`,
      `${L},${C(1)},out,voice,2024-03-25T10:10:00Z,20,${CELL}`,
      `${L},${C(1)},in,voice,2024-03-26T10:00:00Z,30,${CELL}`,
      `${L},${C(2)},in,voice,2024-03-25T11:00:00Z,30,${CELL}`,
      `${L},${C(2)},in,voice,2024-03-27T11:00:00Z,30,${CELL}`,
      `${L},${C(2)},out,sms,2024-03-27T11:05:00Z,,${CELL}`,
      `${L},${C(3)},in,voice,2024-03-26T12:00:00Z,30,${CELL}`,
    ].join('\n'),
  })
})
afterAll(() => session.close())

const PARAMS = {
  line: L,
  callbackWindowMinutes: 60,
  heroinSharePercent: 100,
  crackSharePercent: 33,
  meanHeroinMgPerDay: 333,
  meanCrackMgPerDay: 250,
  meanCitation: 'Test citation, table 1',
  heroinWrapsPerTransaction: 1,
  crackWrapsPerTransaction: 2,
}
const run = (params: Record<string, unknown> = {}) =>
  runAnalysis(quantity, session.store, { ...PARAMS, ...params }, ctx)

describe('quantity and value', () => {
  it('builds the sensitivity grid from customer-days and transactions in whole mg and pence', async () => {
    const r = await run()
    // 4 counted customer-days (C3's single day removed), 5 potential, 2 confirmed.
    expect(Object.values(r.result.basis).map((b) => b.value)).toEqual([4, 5, 2])
    const cell = (row: string, column: string) =>
      r.result.grid.find((g) => g.row === row)?.cells.find((c) => c.column === column)
    // Police, mean: heroin 4 × 100% × 333 mg; crack 4 × 33% × 250 mg. Priced at £5/0.1 g and £10/0.1 g (low).
    expect(cell('police-mean', 'low')).toMatchObject({
      heroin: { mg: 1332, pence: 6660 },
      crack: { mg: 330, pence: 3300 },
      totalMg: 1662,
      totalPence: 9960,
    })
    // High wraps: heroin 0.5 g for £20 prices the same quantity lower.
    expect(cell('police-mean', 'high')?.heroin).toMatchObject({ mg: 1332, pence: 5328 })
    // Police, median (102 mg, 64 mg): crack 4 × 33% × 64 = 84.48 mg → 84; its value is rounded once: 844.8p → 845p.
    expect(cell('police-median', 'low')).toMatchObject({
      heroin: { mg: 408, pence: 2040 },
      crack: { mg: 84, pence: 845 },
    })
    // IDMU: 5 potential × 1 heroin wrap and × 2 crack wraps; 2 confirmed.
    expect(cell('idmu-potential', 'central')).toMatchObject({
      heroin: { mg: 1000, pence: 5000 },
      crack: { mg: 1000, pence: 10000 },
    })
    expect(cell('idmu-confirmed', 'high')).toMatchObject({
      heroin: { mg: 1000, pence: 4000 },
      crack: { mg: 800, pence: 8000 },
    })
    expect(r.result.grid.map((g) => g.row)).toEqual([
      'police-mean',
      'police-median',
      'idmu-potential',
      'idmu-confirmed',
    ])
    expect(cell('police-mean', 'low')?.heroin.sentencing.category).toBeNull()
  })

  it('prints its parameters, citations, text blocks and the unverified table', async () => {
    const r = await run()
    expect(r.result.parameters).toMatchObject({
      ...PARAMS,
      medianHeroinMgPerDay: 102,
      medianCrackMgPerDay: 64,
    })
    expect(r.result.citations.meanConsumption).toBe('Test citation, table 1')
    expect(r.result.citations.medianConsumption).toMatch(/IDMU/)
    expect(r.result.sentencingTable.verified).toBe(false)
    expect(r.result.factorsHigher.length).toBeGreaterThan(5)
    expect(r.result.factorsLower.join(' ')).toMatch(/median/i)
  })

  it('has no built-in mean: the mean, its citation and the analyst inputs are required', async () => {
    for (const name of [
      'meanHeroinMgPerDay',
      'meanCitation',
      'heroinSharePercent',
      'crackWrapsPerTransaction',
    ]) {
      const params = Object.fromEntries(Object.entries(PARAMS).filter(([k]) => k !== name))
      await expect(runAnalysis(quantity, session.store, params, ctx)).rejects.toThrow(
        new RegExp(`${name}: required`),
      )
    }
  })

  it('resolves its basis to the rows behind it', async () => {
    const r = await run()
    for (const b of Object.values(r.result.basis))
      expect(await resolveEvidence(session.store, b.evidence)).toHaveLength(b.evidence.count)
    expect(r.result.basis.confirmedTransactions.evidence.count).toBe(2)
  })
})

describe('quantity arithmetic', () => {
  it('rounds half up exactly', () => {
    expect(divRound(8448000n, 10000n)).toBe(845)
    expect(divRound(5n, 10n)).toBe(1)
    expect(divRound(4n, 10n)).toBe(0)
    expect(divRound(15n, 10n)).toBe(2)
    expect(divRound(14n, 10n)).toBe(1)
  })

  it('reads the indicative quantity a figure reaches from the versioned table', () => {
    const table = SENTENCING_TABLES[0]!
    const cat = (mg: number) => sentencingCategory(table, 'heroin', mg).category
    expect([4_999, 5_000, 149_999, 150_000, 999_999, 1_000_000, 5_000_000].map(cat)).toEqual([
      null,
      4,
      4,
      3,
      3,
      2,
      1,
    ])
    expect(sentencingCategory(table, 'crack', 150_000).text).toBe(
      'reaches the category 3 indicative quantity (150 g) (unverified table)',
    )
  })
})
