import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { available } from '../../core/analysis-slot.js'
import { composeDocument } from '../../core/frame.js'
import { L1, PROVENANCE, ROLES, SLOTS } from '../../test/line-fixtures.js'
import { expectDocumentGolden } from '../../test/golden.js'
import { buildGangInjunction, type GangInjunctionInput } from './gang-injunction.js'

const here = fileURLToPath(new URL('.', import.meta.url))

const input: GangInjunctionInput = {
  provenance: PROVENANCE,
  selection: { line: L1, from: null, to: null },
  analyses: {
    'line-roles': SLOTS['line-roles'],
    'line-continuity': SLOTS['line-continuity'],
    'daily-customers': SLOTS['daily-customers'],
    transactions: SLOTS.transactions,
  },
  respondent: null,
  asOf: '2025-01-15',
}

describe('gang-injunction summary', () => {
  it('matches its golden files: a group of three, and a respondent under 14 refused', async () => {
    const doc = composeDocument(buildGangInjunction(input))
    expect(doc.refusals).toEqual(['Cal Young is under 14 on 2025-01-15 and cannot be a respondent.'])
    expect(doc.complete).toBe(false)
    await expectDocumentGolden(here, 'gang-injunction', doc)
  })

  it('refuses to call fewer than three attributed persons a group', () => {
    const line = ROLES.lines[0]!
    const two = { ...ROLES, lines: [{ ...line, runners: line.runners.slice(0, 1) }] }
    const slot = SLOTS['line-roles']
    if (slot.status !== 'available') throw new Error('fixture')
    const doc = composeDocument(
      buildGangInjunction({
        ...input,
        analyses: { ...input.analyses, 'line-roles': available({ ...slot.result, result: two }) },
      }),
    )
    expect(doc.refusals[0]).toMatch(/^No group is described: 2 persons are attributed to the line/)
    expect(doc.blocks.some((b) => b.kind === 'heading' && b.text === 'Respondents')).toBe(false)
    expect(doc.blocks.some((b) => b.kind === 'table' && b.table.title === 'The group')).toBe(false)
  })

  it('tests one respondent on request, and refuses an unknown name', () => {
    const ben = composeDocument(buildGangInjunction({ ...input, respondent: 'ben runner' }))
    expect(ben.refusals).toEqual([])
    expect(
      ben.blocks
        .filter((b) => b.kind === 'heading' && b.text.startsWith('Respondent:'))
        .map((b) => (b.kind === 'heading' ? b.text : '')),
    ).toEqual(['Respondent: Ben Runner'])
    const nobody = composeDocument(buildGangInjunction({ ...input, respondent: 'Dee Nobody' }))
    expect(nobody.refusals).toEqual([
      'No attributed person is named "Dee Nobody", so there is no respondent section.',
    ])
  })
})
