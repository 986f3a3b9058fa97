import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CaseSession } from '@linesight/casework'
import { runAnalysis } from '../../core/run-analysis.js'
import { caseFromFiles } from '../../test/case-from-files.js'
import { evidenceMismatches } from '../../test/line-fixture-csv.js'
import { L, R1, R2, rolesFixtureFiles } from '../../test/line-roles-fixture.js'
import { SAFEGUARDING_LABEL, safeguardingWorklist } from './safeguarding-worklist.js'

let session: CaseSession
const ctx = { now: new Date('2026-01-01T00:00:00Z'), zone: 'Europe/London' }

beforeAll(async () => {
  // R1 born 3 March 2006: 17 on 1 March 2024 when the activity starts. R2 born 28 February 2006: already 18.
  session = await caseFromFiles(rolesFixtureFiles('2006-03-03', '2006-02-28'))
})
afterAll(() => session.close())

describe('safeguarding worklist', () => {
  it('flags the 17-year-old runner, never the 18-year-old, with trips and handset changes, as leads for review', async () => {
    const r = await runAnalysis(safeguardingWorklist, session.store, { lines: [L] }, ctx)
    expect(r.result.label).toBe(SAFEGUARDING_LABEL)
    expect(r.result.entries.map((e) => [e.numbers, e.indicators.map((i) => i.id)])).toEqual([
      [[R1], ['under-18', 'long-trips', 'multiple-phones-or-sims']],
      [[R2], []],
    ])
    const [child] = r.result.entries
    expect(child!.indicators[0]!.text).toBe(
      'Aged 17 on 2024-03-01, the first day of activity (date of birth 2006-03-03 on the subscriber record); reaches 18 on 2024-03-03, during the activity',
    )
    expect(child!.indicators[0]!.records).toHaveLength(1)
    // 3 March 08:00–21:00 on a town cell 37 km from the London home cell: four of R1's rows in that window.
    expect(child!.indicators[1]!.text).toContain('2024-03-03T08:00:00Z to 2024-03-03T21:00:00Z (13 h')
    expect(child!.indicators[1]!.evidence[0]!.count).toBe(4)
    expect(child).toMatchObject({ reviewer: null, decision: null, decisionDate: null, reason: null })
    expect(await evidenceMismatches(session.store, r.result)).toEqual([])
  })

  it('a trip must last the declared hours', async () => {
    const r = await runAnalysis(safeguardingWorklist, session.store, { lines: [L], tripMinHours: 14 }, ctx)
    expect(r.result.entries[0]!.indicators.map((i) => i.id)).toEqual(['under-18', 'multiple-phones-or-sims'])
  })
})
