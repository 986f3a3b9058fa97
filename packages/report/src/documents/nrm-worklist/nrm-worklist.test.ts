import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { notRegistered } from '../../core/analysis-slot.js'
import { composeDocument } from '../../core/frame.js'
import { PROVENANCE, SLOTS } from '../../test/line-fixtures.js'
import { expectDocumentGolden, xlsxSheet } from '../../test/golden.js'
import { buildNrmWorklist } from './nrm-worklist.js'

const here = fileURLToPath(new URL('.', import.meta.url))

describe('safeguarding and NRM worklist', () => {
  it('matches its golden files: leads for review, ages from the record, blank decision fields', async () => {
    const doc = composeDocument(
      buildNrmWorklist({
        provenance: PROVENANCE,
        selection: { line: null, from: null, to: null },
        analyses: { 'safeguarding-worklist': SLOTS['safeguarding-worklist'] },
        asOf: '2025-01-15',
      }),
    )
    const { xlsx } = await expectDocumentGolden(here, 'nrm-worklist', doc)
    const decisions = await xlsxSheet(xlsx, 'Decisions')
    expect(decisions.slice(1).map((r) => r.slice(1).every((c) => c === null || c === ''))).toEqual([
      true,
      true,
      true,
    ])
  })

  it('says the worklist analysis is not available rather than listing anyone', () => {
    const doc = composeDocument(
      buildNrmWorklist({
        provenance: PROVENANCE,
        selection: { line: null, from: null, to: null },
        analyses: { 'safeguarding-worklist': notRegistered('safeguarding-worklist') },
        asOf: null,
      }),
    )
    expect(doc.complete).toBe(false)
    expect(doc.blocks.some((b) => b.kind === 'table' && b.table.sheet === 'Worklist')).toBe(false)
    expect(doc.missing).toEqual([
      {
        id: 'safeguarding-worklist',
        purpose: 'people to safeguard with the indicators seen',
        reason: 'analysis "safeguarding-worklist" is not available in this version of Linesight',
      },
    ])
  })
})
