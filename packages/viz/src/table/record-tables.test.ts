import { describe, expect, it } from 'vitest'
import { evidenceSummary } from '../evidence-value.js'
import { resultRecordTables } from './record-tables.js'
import { resultTables } from './tables.js'

const ev = (count: number): { kind: string; targets: string[]; count: number } => ({
  kind: 'events',
  targets: ['+441'],
  count,
})
const kinds = (t: { columns: readonly { key: string; kind: string }[] } | undefined): string[] =>
  (t?.columns ?? []).map((c) => `${c.key}:${c.kind}`)

describe('lists and figures inside a record of a row (line-figures)', () => {
  const result = {
    zone: 'Europe/London',
    lines: [
      {
        line: '+441',
        customerBase: {
          line: '+441',
          asOf: null,
          members: [
            { number: '+442', flareMessages: 43, evidence: ev(1), flaresEvidence: ev(43) },
            { number: '+443', flareMessages: 2, evidence: ev(1), flaresEvidence: ev(2) },
          ],
          excluded: [],
        },
        dailyCustomers: { days: [{ day: '2024-01-01', dailyCustomers: 2, evidence: ev(5) }] },
        quantity: {
          basis: { customerDays: { value: 2, evidence: ev(5) }, confirmed: { value: 1, evidence: ev(2) } },
          grid: [{ row: 'mean', cells: [{ column: 'low', totalMg: 10 }] }],
          citations: { mean: 'a report' },
        },
      },
      {
        line: '+449',
        customerBase: { members: [{ number: '+448', evidence: ev(4), flaresEvidence: ev(4) }] },
      },
    ],
  }
  const tables = resultTables(result)

  it('makes each list in a row record a table, rows tagged with their line', () => {
    expect(tables.map((t) => t.path)).toEqual([
      'lines',
      'lines[].customerBase.members',
      'lines[].dailyCustomers.days',
      'lines[].quantity.grid',
      'lines[].quantity.grid[].cells',
      'lines[].quantity.basis',
    ])
    const members = tables[1]!
    expect(kinds(members)).toEqual([
      'parent:text',
      'number:text',
      'flareMessages:number',
      'evidence:evidence',
      'flaresEvidence:evidence',
    ])
    expect(members.rows.map((r) => `${String(r['parent'])} ${String(r['number'])}`)).toEqual([
      '+441 +442',
      '+441 +443',
      '+449 +448',
    ])
    // The member's flares open as many rows as the figure counts.
    expect(evidenceSummary(members.rows[0]!['flaresEvidence'])?.count).toBe(members.rows[0]!['flareMessages'])
    expect(tables[4]!.rows[0]).toEqual({ parent: '+441 › #1', column: 'low', totalMg: 10 })
  })

  it('makes a record of figures (a basis) one row per line, each figure with its evidence', () => {
    const basis = tables.find((t) => t.path === 'lines[].quantity.basis')
    expect(kinds(basis)).toEqual([
      'parent:text',
      'customerDays.value:number',
      'customerDays.evidence:evidence',
      'confirmed.value:number',
      'confirmed.evidence:evidence',
    ])
    expect(basis!.rows).toHaveLength(1)
    expect(basis!.rows[0]!['parent']).toBe('+441')
  })

  it('keeps the row table as it was', () => {
    expect(kinds(tables[0]).slice(0, 3)).toEqual([
      'line:text',
      'customerBase.line:text',
      'customerBase.asOf:text',
    ])
    expect(kinds(tables[0])).toContain('customerBase.members:json')
  })

  it('adds nothing for records in rows that hold neither lists nor evidence (a period)', () => {
    const plain = resultTables({ runs: [{ n: '+441', period: { from: '2024-01-01', to: '2024-01-02' } }] })
    expect(plain.map((t) => t.path)).toEqual(['runs'])
  })
})

describe('resultRecordTables (top-cells summaries)', () => {
  const home = {
    window: '00:00–06:00 Europe/London',
    nights: 9,
    evidence: ev(30),
    cells: [{ cell: 'c1', nights: 9, evidence: ev(30) }],
  }
  const result = {
    target: '+441',
    zone: 'Europe/London',
    with_position: { events: 2564, evidence: ev(2564) },
    without_position: { events: 0, cells: [], evidence: null },
    cells: [{ cell: 'c1', events: 2564, evidence: ev(2564) }],
    home,
    period: { from: '2024-01-01', to: '2024-01-02' },
  }

  it('gives each top-level record holding evidence as a one-row table, lists of records left to resultTables', () => {
    const tables = resultRecordTables(result)
    expect(tables.map((t) => t.path)).toEqual(['with_position', 'without_position', 'home'])
    expect(kinds(tables[0])).toEqual(['events:number', 'evidence:evidence'])
    expect(tables[0]!.rows).toEqual([{ events: 2564, evidence: ev(2564) }])
    expect(kinds(tables[2])).toEqual(['window:text', 'nights:number', 'evidence:evidence'])
    // A figure of no rows stands beside its sibling, with no evidence to open.
    expect(tables[1]!.rows).toEqual([{ events: 0, cells: [], evidence: null }])
    // The home's cells stay a table of their own.
    expect(resultTables(result).map((t) => t.path)).toEqual(['cells', 'home.cells'])
  })

  it('flattens a record of figures one level, and gives nothing for results without such records', () => {
    const [basis] = resultRecordTables({ basis: { customerDays: { value: 2, evidence: ev(5) } } })
    expect(kinds(basis)).toEqual(['customerDays.value:number', 'customerDays.evidence:evidence'])
    expect(resultRecordTables({ target: '+441', rows: [{ evidence: ev(1) }] })).toEqual([])
    expect(resultRecordTables([{ evidence: ev(1) }])).toEqual([])
    expect(resultRecordTables({ evidence: ev(1) })).toEqual([])
  })
})
