import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AnalysisDefinition } from '@linesight/analysis'
import type { CaseSession } from '@linesight/casework'
import { DOCUMENT_KINDS } from './documents/kinds.js'
import { gatherAnalyses, selectionParams } from './gather/gather-analyses.js'
import { buildDocument, renderDocument, type DocumentRequest } from './produce.js'
import { fixtureCase, A } from './test/fixture-case.js'
import { CONTINUITY, DAILY } from './test/line-fixtures.js'
import { pdfText } from './test/golden.js'

let session: CaseSession
const ctx = { now: new Date('2026-01-02T10:00:00Z'), zone: 'Europe/London' }
const selection = { line: A, from: '2024-03-30T00:00:00Z', to: '2024-07-01T22:59:59Z' }

/** A stand-in analysis: records the parameters it was given and returns a fixed value. */
function fake(
  id: string,
  value: unknown,
  params: AnalysisDefinition<unknown>['params'] = {},
): AnalysisDefinition<unknown> & { seen: Record<string, unknown>[] } {
  const seen: Record<string, unknown>[] = []
  return {
    id,
    version: '9',
    title: `Stand-in ${id}`,
    description: `A stand-in for ${id} in tests.`,
    params,
    seen,
    run: (_store, p) => {
      seen.push({ ...p })
      return Promise.resolve(value)
    },
  }
}

const provenance: DocumentRequest['provenance'] = {
  softwareVersion: 'linesight 0.1.0',
  generatedAt: '2026-01-02T10:00:00Z',
  zone: 'Europe/London',
  caseId: 'report-test',
  caseName: null,
  analyst: 'Jo Smith',
  reviewer: null,
  exhibit: { prefix: 'JS', number: 9 },
}

beforeAll(async () => {
  process.env['LINESIGHT_ANALYST'] = 'test-analyst'
  session = await fixtureCase()
})
afterAll(() => session.close())

describe('gathering analysis results', () => {
  it('says which analyses are missing, failing or unreadable, and reads the rest', async () => {
    const registry = new Map<string, AnalysisDefinition<unknown>>([
      [
        'line-continuity',
        fake('line-continuity', {
          ...CONTINUITY,
          lines: [{ ...CONTINUITY.lines[0]!, key: A, numbers: [A, '+447911000002'] }],
        }),
      ],
      [
        'deal-lines',
        { ...fake('deal-lines', null), run: () => Promise.reject(new Error('the engine is down')) },
      ],
      ['daily-customers', fake('daily-customers', { ...DAILY, days: 'every day' })],
    ])
    const slots = await gatherAnalyses(
      session.store,
      ['line-continuity', 'deal-lines', 'daily-customers', 'quantity'],
      selection,
      ctx,
      {
        find: (id) => registry.get(id),
      },
    )
    expect(slots['line-continuity'].status).toBe('available')
    expect(slots['deal-lines']).toEqual({
      status: 'failed',
      analysisId: 'deal-lines',
      version: '9',
      reason: 'the run failed: the engine is down',
    })
    expect(slots['daily-customers']).toMatchObject({
      status: 'failed',
      reason:
        'its result is not in the shape this document version reads (At daily-customers.result.days: expected a list, got a string)',
    })
    expect(slots.quantity).toEqual({ status: 'not-registered', analysisId: 'quantity' })
  })

  it('passes the selection only under parameter names the analysis declares, days as local days', async () => {
    const day = {
      type: 'string',
      default: null,
      pattern: '^\\d{4}-\\d{2}-\\d{2}$',
      description: 'day',
    } as const
    expect(
      selectionParams(
        {
          params: {
            line: { type: 'string', default: null, description: 'line' },
            from: day,
            to: day,
            limit: { type: 'integer', default: 5, description: 'n' },
          },
        },
        selection,
        'Europe/London',
      ),
    ).toEqual({ line: A, from: '2024-03-30', to: '2024-07-01' })
    // 22:59:59Z on 1 July is 23:59:59 BST: still 1 July in London.
    const instant = { type: 'string', default: null, description: 'instant' } as const
    expect(
      selectionParams({ params: { target: instant, to: instant } }, selection, 'Europe/London', {
        target: '+447000000000',
      }),
    ).toEqual({
      target: '+447000000000',
      to: '2024-07-01T22:59:59Z',
    })
    // Once line-continuity has found the line, list parameters get all of its numbers.
    const list = { type: 'string-list', default: [], description: 'numbers' } as const
    expect(
      selectionParams({ params: { senders: list } }, selection, 'Europe/London', {}, [A, '+447911000002']),
    ).toEqual({
      senders: `${A},+447911000002`,
    })
  })
})

describe('documents from a case', () => {
  it('checks every cited figure against the case and says when one no longer matches', async () => {
    const daily = {
      ...DAILY,
      line: A,
      days: [
        {
          day: '2024-03-30',
          dailyCustomers: 1,
          removedSingleDay: 0,
          evidence: { kind: 'events', targets: [A], to: '2024-03-31T00:00:00Z', count: 2 },
        },
        {
          day: '2024-07-01',
          dailyCustomers: 1,
          removedSingleDay: 0,
          evidence: { kind: 'events', targets: [A], from: '2024-07-01T00:00:00Z', count: 99 },
        },
      ],
      contactBreakdown: [],
    }
    const registry = new Map([['daily-customers', fake('daily-customers', daily)]])
    const doc = await buildDocument(
      session.store,
      { kind: 'line-profile', line: A, provenance },
      { find: (id) => registry.get(id) },
    )
    const evidence = doc.blocks.flatMap((b) =>
      b.kind === 'table' && b.table.sheet === 'Evidence' ? b.table.rows : [],
    )
    expect(evidence.map((r) => [r[0], r[3], r[4]])).toEqual([
      ['E1', 2, 'matches'],
      ['E2', 99, 'DIFFERS: 4 rows now'],
    ])
    expect(doc.complete).toBe(false)
    expect(doc.analyses.map((a) => `${a.id} v${a.version}`)).toEqual(['daily-customers v9'])
    expect(doc.analyses[0]!.description).toBe('A stand-in for daily-customers in tests.')
    // The line's cells come from the case: the public-only cell is listed, never drawn.
    const cells = doc.blocks.flatMap((b) => (b.kind === 'map' ? b.map.excluded : []))
    expect(cells).toContainEqual({ cgi: '234-15-1234-5678903', reason: 'public data only, never evidential' })
  })

  it('renders every line document with no analysis registered, saying so instead of inventing figures', async () => {
    for (const info of DOCUMENT_KINDS.filter((k) => k.needs.length > 0)) {
      const doc = await buildDocument(
        session.store,
        { kind: info.kind, line: A, provenance },
        { find: () => undefined },
      )
      expect(doc.complete, info.kind).toBe(false)
      expect(doc.missing.map((m) => m.id)).toEqual([...info.needs])
      const { text } = await pdfText((await renderDocument(doc)).pdf, provenance.generatedAt)
      expect(text.replace(/\s+/g, ' '), info.kind).toContain('is not available in this version of Linesight')
      expect(text, info.kind).toMatch(/Page 1 of \d+/)
    }
  })

  it('refuses a line document without a line', async () => {
    await expect(buildDocument(session.store, { kind: 'ddtro-pack', provenance })).rejects.toThrow(
      /a ddtro-pack needs a line/,
    )
  })
})
