import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { composeDocument } from '../../core/frame.js'
import { IMEI_1, IMEI_3, L1, L2, L3, PROVENANCE, SLOTS } from '../../test/line-fixtures.js'
import { expectDocumentGolden, xlsxSheet } from '../../test/golden.js'
import { buildDdtroPack } from './ddtro-pack.js'

const here = fileURLToPath(new URL('.', import.meta.url))

describe('DDTRO evidence pack', () => {
  it('matches its golden files; items joined only by customer overlap are kept apart for review', async () => {
    const doc = composeDocument(
      buildDdtroPack({
        provenance: PROVENANCE,
        selection: { line: L1, from: null, to: null },
        analyses: {
          'line-continuity': SLOTS['line-continuity'],
          'deal-lines': SLOTS['deal-lines'],
          'flare-bursts': SLOTS['flare-bursts'],
          'daily-customers': SLOTS['daily-customers'],
          'line-roles': SLOTS['line-roles'],
        },
      }),
    )
    const { xlsx } = await expectDocumentGolden(here, 'ddtro-pack', doc)
    const items = (await xlsxSheet(xlsx, 'Items')).slice(1).map((r) => String(r[2]).replace(/^'/, ''))
    expect(items).toEqual([L1, '234151234567890', IMEI_1, L2, '234151234567891'])
    const review = (await xlsxSheet(xlsx, 'Review list')).slice(1).map((r) => String(r[2]).replace(/^'/, ''))
    expect(review).toEqual([L3, IMEI_3])
  })
})
