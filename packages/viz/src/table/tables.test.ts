import { describe, expect, it } from 'vitest'
import { neutraliseFormula, toCsv } from './csv.js'
import { cellText, filterRows, resultTables, sortRows } from './tables.js'

const fmt = (iso: string): string => `T(${iso})`
const evidence = { kind: 'events', targets: ['+441'], count: 3 }

describe('resultTables', () => {
  it('finds lists of records anywhere in a result, with kinds and nested lists', () => {
    const tables = resultTables({
      target: '+441',
      contacts: [
        { other: '+442', events: 3, first_utc: '2024-01-01T10:00:00Z', evidence },
        { other: '+443', events: 1, first_utc: '2024-01-02T10:00:00Z', evidence },
      ],
      lines: [{ number: '+441', history: [{ imei: '1', from: '2024-01-01', to: '2024-01-03' }] }],
    })
    expect(tables.map((t) => t.path)).toEqual(['contacts', 'lines', 'lines[].history'])
    expect(tables[0]!.columns.map((c) => `${c.key}:${c.kind}`)).toEqual([
      'other:text',
      'events:number',
      'first_utc:time',
      'evidence:evidence',
    ])
    expect(tables[2]!.rows[0]).toEqual({ parent: '+441', imei: '1', from: '2024-01-01', to: '2024-01-03' })
  })

  it('makes evidence of every shape a column: lists, named parts, and lists two levels down', () => {
    const pair = { records: [evidence, { ...evidence, targets: ['+442'], count: 4 }], seenInBoth: evidence }
    const tables = resultTables({
      pairs: [
        { a: '+441', b: '+442', communications: 4, evidence: pair },
        { a: '+441', b: '+443', communications: 0, evidence: [] },
      ],
      candidates: [{ msisdn: '+444', evidence: { activity: evidence, sharedCustomers: [evidence] } }],
      lines: [
        {
          number: '+441',
          runners: [
            {
              number: '+445',
              period: { from: '2024-01-01', to: '2024-01-03' },
              home: { cell: 'c1', evidence },
              signals: [{ id: 'after-customer', value: 3, evidence: [evidence] }],
            },
          ],
          links: [{ to: '+446', customers: { shared: 2, evidence: [evidence, evidence] } }],
        },
      ],
    })
    expect(tables.map((t) => t.path)).toEqual([
      'pairs',
      'candidates',
      'lines',
      'lines[].runners',
      'lines[].runners[].signals',
      'lines[].links',
    ])
    const kinds = (i: number): string[] => tables[i]!.columns.map((c) => `${c.key}:${c.kind}`)
    expect(kinds(0)).toContain('evidence:evidence')
    // Named parts stay one figure's evidence: not flattened into a column per part.
    expect(kinds(1)).toEqual(['msisdn:text', 'evidence:evidence'])
    // Inside a list inside rows, only records holding evidence are flattened: a period stays one cell.
    expect(kinds(3)).toEqual([
      'parent:text',
      'number:text',
      'period:json',
      'home.cell:text',
      'home.evidence:evidence',
      'signals:json',
    ])
    expect(kinds(4)).toEqual(['parent:text', 'id:text', 'value:number', 'evidence:evidence'])
    expect(tables[4]!.rows[0]!['parent']).toBe('+441 › +445')
    expect(kinds(5)).toEqual([
      'parent:text',
      'to:text',
      'customers.shared:number',
      'customers.evidence:evidence',
    ])
    const col = tables[0]!.columns.find((c) => c.key === 'evidence')!
    expect(cellText(pair, 'evidence', fmt)).toBe('10 rows in 3 parts')
    expect(cellText(evidence, 'evidence', fmt)).toBe('3 rows')
    expect(sortRows(tables[0]!.rows, col, 'asc').map((r) => r['b'])).toEqual(['+443', '+442'])
  })

  it('sorts with missing values last and filters by word or column:value', () => {
    const rows = [
      { a: 2, b: 'x' },
      { a: null, b: 'y' },
      { a: 1, b: 'xz' },
    ]
    const [t] = resultTables(rows)
    const a = t!.columns[0]!
    expect(sortRows(rows, a, 'asc').map((r) => r['a'])).toEqual([1, 2, null])
    expect(sortRows(rows, a, 'desc').map((r) => r['a'])).toEqual([2, 1, null])
    expect(filterRows(rows, t!.columns, 'b:x', fmt)).toHaveLength(2)
    expect(filterRows(rows, t!.columns, 'xz', fmt)).toHaveLength(1)
  })
})

describe('cell text', () => {
  it('keeps raw source text raw, refuses impossible dates as times, and summarises nested checks', () => {
    const rows = [
      {
        raw_value: '2024-02-31T10:00:00Z',
        bad: '2024-02-31T10:00:00Z',
        ok: '2024-02-28T10:00:00Z',
        checks: [
          { name: 'a', passed: true },
          { name: 'b', passed: false },
        ],
      },
    ]
    const [t] = resultTables(rows)
    expect(t!.columns.map((c) => c.kind)).toEqual(['text', 'text', 'time', 'json'])
    expect(cellText(rows[0]!.checks, 'json', fmt)).toBe('✓ a  ✗ b')
    expect(cellText([{ x: 1 }, { x: 2 }], 'json', fmt)).toBe('2 records')
    const [nested] = resultTables([{ n: '+441', activity: { firstDay: '2024-01-01', days: 3 }, evidence }])
    expect(nested!.columns.map((c) => `${c.key}:${c.kind}`)).toEqual([
      'n:text',
      'activity.firstDay:date',
      'activity.days:number',
      'evidence:evidence',
    ])
  })
})

describe('CSV export', () => {
  it('neutralises formula injection in text but keeps numbers', () => {
    expect(neutraliseFormula('=1+1')).toBe("'=1+1")
    expect(neutraliseFormula('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(neutraliseFormula('-2+3')).toBe("'-2+3")
    expect(neutraliseFormula('+447911123456')).toBe("'+447911123456")
    expect(neutraliseFormula('plain')).toBe('plain')
    const rows = [{ n: -5, t: '=HYPERLINK("http://x")', when: '2024-01-01T00:00:00Z' }]
    const [table] = resultTables(rows)
    expect(toCsv(table!.columns, rows, fmt)).toBe(
      `N,T,When\r\n-5,"'=HYPERLINK(""http://x"")",T(2024-01-01T00:00:00Z)\r\n`,
    )
  })
})
