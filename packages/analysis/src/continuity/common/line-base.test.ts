import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CaseSession } from '@linesight/casework'
import { createAnalysisMemo } from '../../core/memo.js'
import { resolveParams } from '../../core/params.js'
import { runAnalysis } from '../../core/run-analysis.js'
import { customerBase } from '../../lines/customer-base/customer-base.js'
import { CDR_HEADER, caseFromFiles } from '../../test/case-from-files.js'
import { numberBase } from './line-base.js'
import { FLARE_PARAMS } from './params.js'

const ctx = { now: new Date('2026-01-01T00:00:00Z'), zone: 'Europe/London' }
const L = '+447922500000'
const C = (i: number): string => `+4479225000${String(i).padStart(2, '0')}`
const CELL = '234-15-1-100'
const text = (type: string, to: string, at: string): string => `${L},${to},out,${type},${at},,${CELL}`
const burst = (type: string, day: string, to: readonly string[]): string[] =>
  to.map((n, i) => text(type, n, `${day}T09:00:${String(i * 2).padStart(2, '0')}Z`))

let session: CaseSession
beforeAll(async () => {
  session = await caseFromFiles({
    'line.csv': [
      CDR_HEADER,
      // Monday: 19 numbers and a short code, 20 recipients: a flare under the default rule (20 recipients).
      ...burst('sms', '2024-02-05', [...Array.from({ length: 19 }, (_, i) => C(i + 1)), '61123']),
      // Tuesday: 20 numbers by picture message, a flare only when mms can carry one.
      ...burst(
        'mms',
        '2024-02-06',
        Array.from({ length: 20 }, (_, i) => C(i + 30)),
      ),
      // Wednesday: 19 numbers alone are no flare.
      ...burst(
        'sms',
        '2024-02-07',
        Array.from({ length: 19 }, (_, i) => C(i + 60)),
      ),
    ].join('\n'),
  })
})
afterAll(() => session.close())

/** The base as the customer-base analysis lists it, in the line network's row shape. */
async function listed(params: Record<string, unknown>): Promise<string[]> {
  const r = await runAnalysis(customerBase, session.store, { line: L, ...params }, ctx)
  return r.result.members.map((m) => `${m.number} ${Date.parse(m.firstFlaredAt) * 1000} ${m.flareMessages}`)
}

/** The base the line network (line roles, cuckooing, continuity) reads, from the index or the engine. */
async function networkBase(params: Record<string, unknown>): Promise<string[]> {
  const flare = resolveParams(FLARE_PARAMS, params)
  const rows = await numberBase(session.store, [L], flare, { ...ctx, memo: createAnalysisMemo() })
  return rows.map((r) => `${r.c} ${r.first_us} ${r.flares}`)
}

describe("a line's customer base under the flare rule", () => {
  it('is the same for the customer-base analysis and the line network, short codes counted towards a burst', async () => {
    const base = await listed({})
    expect(base).toHaveLength(19)
    expect(base[0]).toBe(`${C(1)} ${Date.parse('2024-02-05T09:00:00Z') * 1000} 1`)
    expect(await networkBase({})).toEqual(base)
  })

  it('follows the flare types: picture messages join when mms can carry a flare', async () => {
    const params = { flareTypes: ['sms', 'mms'] }
    const base = await listed(params)
    expect(base).toHaveLength(39)
    expect(await networkBase(params)).toEqual(base)
    await expect(networkBase({ flareTypes: ['voice'] })).rejects.toThrow(/"voice" cannot carry a flare/)
  })
})
