import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { notRegistered } from '../../core/analysis-slot.js'
import { composeDocument } from '../../core/frame.js'
import { wedgeMapSvg } from '../../render/wedge-map.js'
import { CELLS, L1, PROVENANCE, SLOTS } from '../../test/line-fixtures.js'
import { expectDocumentGolden, xlsxSheet } from '../../test/golden.js'
import { buildLineProfile, mapOf, type LineProfileInput } from './line-profile.js'

const here = fileURLToPath(new URL('.', import.meta.url))

const input: LineProfileInput = {
  provenance: PROVENANCE,
  selection: { line: L1, from: null, to: null },
  analyses: {
    'line-continuity': SLOTS['line-continuity'],
    'deal-lines': SLOTS['deal-lines'],
    'flare-bursts': SLOTS['flare-bursts'],
    'daily-customers': SLOTS['daily-customers'],
    transactions: SLOTS.transactions,
    quantity: SLOTS.quantity,
    'line-roles': SLOTS['line-roles'],
  },
  cells: CELLS,
  wedgeRadiusMetres: 1500,
}

describe('line profile', () => {
  it('matches its golden files when every analysis is available', async () => {
    const doc = composeDocument(buildLineProfile(input))
    expect(doc.complete).toBe(true)
    expect(doc.analyses.map((a) => a.id)).toEqual([
      'line-continuity',
      'deal-lines',
      'flare-bursts',
      'daily-customers',
      'transactions',
      'quantity',
      'line-roles',
    ])
    const { text, xlsx } = await expectDocumentGolden(here, 'line-profile', doc)
    expect(text).toContain('APPROXIMATE')
    expect(text).toContain('Not drawn: 234-15-1234-5678903 (public data only, never evidential)')
    const evidence = await xlsxSheet(xlsx, 'Evidence')
    expect(evidence.length - 1).toBe(doc.citations.length)
  })

  it('says which analyses are not available and gives no figures for them', async () => {
    const doc = composeDocument(
      buildLineProfile({
        ...input,
        analyses: {
          ...input.analyses,
          quantity: notRegistered('quantity'),
          transactions: {
            status: 'failed',
            analysisId: 'transactions',
            version: '1',
            reason:
              'its result is not in the shape this document version reads (At transactions.result.days: expected a list, got a string)',
          },
        },
      }),
    )
    expect(doc.complete).toBe(false)
    expect(doc.missing.map((m) => m.id)).toEqual(['transactions', 'quantity'])
    const flat = doc.blocks
      .map((b) => (b.kind === 'notice' || b.kind === 'paragraph' ? b.text : ''))
      .join('\n')
    expect(flat).toContain('analysis "quantity" is not available in this version of Linesight')
    expect(flat).toContain(
      'Incomplete: 2 of the analyses this document needs are not available (transactions, quantity)',
    )
    expect(doc.blocks.some((b) => b.kind === 'table' && b.table.sheet === 'Quantity')).toBe(false)
  })

  it('draws network cells only, as approximate wedges, and lists what it did not draw', () => {
    const { drawn, excluded } = mapOf(CELLS, 1500)
    expect(drawn.map((c) => c.cgi)).toEqual([
      '234-15-1234-5678901',
      '234-15-1234-5678902',
      '234-15-1240-6000001',
    ])
    expect(excluded).toEqual([
      { cgi: '234-15-1234-5678903', reason: 'public data only, never evidential' },
      { cgi: '234-15-1234-5678999', reason: 'not in any cell list' },
    ])
    expect(drawn[1]!.radiusMetres).toBe(1200)
    const svg = wedgeMapSvg({ title: 'x', cells: drawn, excluded }, 480, 300)
    expect(svg).toContain('APPROXIMATE')
    expect(svg.match(/fill-opacity="0.09"/g)).toHaveLength(9)
    expect(svg.match(/stroke-dasharray/g)).toHaveLength(3)
    // Nothing to fetch: no links, images or external references.
    expect(svg).not.toMatch(/href|<image|url\(/)
  })
})
