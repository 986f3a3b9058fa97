import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { composeDocument } from '../../core/frame.js'
import { HOLDER, L1, PROVENANCE, SLOTS } from '../../test/line-fixtures.js'
import { expectDocumentGolden, xlsxSheet } from '../../test/golden.js'
import { buildChargingSchedule } from './charging-schedule.js'

const here = fileURLToPath(new URL('.', import.meta.url))

describe('charging schedule', () => {
  it('matches its golden files: suspects with roles, periods, line activity and supporting exhibits', async () => {
    const doc = composeDocument(
      buildChargingSchedule({
        provenance: PROVENANCE,
        selection: { line: L1, from: null, to: null },
        analyses: {
          'line-roles': SLOTS['line-roles'],
          'line-continuity': SLOTS['line-continuity'],
          'daily-customers': SLOTS['daily-customers'],
          transactions: SLOTS.transactions,
          quantity: SLOTS.quantity,
        },
        relatedExhibits: [
          { ref: 'JS/1', title: 'Schedule of communications events of the line', persons: [], numbers: [L1] },
          {
            ref: 'JS/3',
            title: 'Attribution of the holder phone',
            persons: ['Alan Holder'],
            numbers: [HOLDER],
          },
        ],
      }),
    )
    expect(doc.complete).toBe(true)
    const { xlsx } = await expectDocumentGolden(here, 'charging-schedule', doc)
    const schedule = await xlsxSheet(xlsx, 'Schedule')
    expect(schedule.slice(1).map((r) => [r[1], r[8]])).toEqual([
      ['Alan Holder (born 1990-05-01)', 'JS/1, JS/3'],
      ['Ben Runner (born 2007-02-10)', 'JS/1'],
      ['Cal Young (born 2011-09-01)', 'JS/1'],
    ])
  })
})
