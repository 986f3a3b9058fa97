import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CaseSession } from '@linesight/casework'
import { runAnalysis } from '../../core/run-analysis.js'
import { caseFromFiles } from '../../test/case-from-files.js'
import { at, cdr, cellList, evidenceMismatches } from '../../test/line-fixture-csv.js'
import { livePicture } from './live-picture.js'

const EE_LINE = '+447911800001'
const O2_LINE = '+447911800002'
const ids = { imei: '356931104189168', imsi: '234301000000201' }

let session: CaseSession
const ctx = { now: new Date('2026-01-01T00:00:00Z'), zone: 'Europe/London' }

beforeAll(async () => {
  session = await caseFromFiles({
    'cells.csv': cellList([
      { network: 'EE', mnc: '30', lac: '100', ci: '1', site: 'S1', lat: 51.58, lon: 0.49 },
      { network: 'EE', mnc: '30', lac: '100', ci: '2', site: 'S1', lat: 51.5805, lon: 0.4905 },
      { network: 'O2', mnc: '10', lac: '500', ci: '7', site: 'O7', lat: 51.6, lon: 0.5 },
    ]),
    'ee.csv': cdr([
      {
        target: EE_LINE,
        other: '+447911123456',
        dir: 'in',
        type: 'voice',
        t: at(2, 10),
        dur: 40,
        cell: '234-30-100-1',
        ...ids,
      },
      {
        target: EE_LINE,
        other: '+447911123456',
        dir: 'out',
        type: 'sms',
        t: at(3, 10, 30),
        cell: '234-30-100-1',
        ...ids,
      },
      { target: EE_LINE, dir: 'out', type: 'data', t: at(3, 11), dur: 600, cell: '234-30-100-2', ...ids },
    ]),
    // O2 data records give the cell at the end of the session.
    'o2.csv': cdr([
      { target: O2_LINE, dir: 'out', type: 'data', t: at(3, 12), dur: 300, cell: '234-10-500-7' },
    ]),
  })
})
afterAll(() => session.close())

describe('live picture', () => {
  it('words the last cell from the time semantics and says "serving area"', async () => {
    const r = await runAnalysis(
      livePicture,
      session.store,
      { lines: [EE_LINE, O2_LINE], groupByContinuity: false },
      ctx,
    )
    const [ee, o2] = r.result.lines
    expect(ee).toMatchObject({
      currentNumber: EE_LINE,
      events: 3,
      lastActivity: { utc: at(3, 11), eventType: 'data', timeSemantics: 'at-or-before-start' },
      currentSim: { imsi: '234301000000201' },
      currentHandset: { imei: '35693110418916', raw: '356931104189168' },
    })
    expect(ee!.lastCell!.sentence).toBe(
      `${EE_LINE} used cell 234-30-100-2 (site S1 site) at or before ${at(3, 11)} (the start of a data session): the phone was within that cell's serving area; position from the network cell list.`,
    )
    expect(o2!.lastCell!.sentence).toContain(`at or before ${at(3, 12, 5)} (the end of a data session`)
    expect(ee!.activeHours.filter((h) => h.days > 0).map((h) => [h.hour, h.days, h.events])).toEqual([
      [10, 2, 2],
      [11, 1, 1],
    ])
    expect(ee!.recentCells.map((c) => [c.cell, c.events])).toEqual([
      ['234-30-100-2', 1],
      ['234-30-100-1', 2],
    ])
    expect(await evidenceMismatches(session.store, r.result)).toEqual([])
  })

  it('shows the picture as at a given time', async () => {
    const r = await runAnalysis(livePicture, session.store, { lines: [EE_LINE], asOf: at(2, 23) }, ctx)
    expect(r.result.lines[0]).toMatchObject({
      events: 1,
      lastActivity: { utc: at(2, 10), eventType: 'voice' },
    })
    expect(r.result.lines[0]!.lastCell!.sentence).toContain(`at ${at(2, 10)} (voice)`)
  })
})
