import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CaseSession } from '@linesight/casework'
import { caseFromFiles } from '../../test/case-from-files.js'
import { at, cdr, type Row } from '../../test/line-fixture-csv.js'
import { readIdentifierUse } from './identifiers.js'

// One number whose handset changes and changes back (X, then Y, then X): X's window holds Y's record.
const N = '+447911200001'
const OTHER = '+447911200002'
const X = '35693110418916'
const Y = '35407115496053'
const SIM = '234301000000009'
const call = (day: number, imei: string): Row => ({
  target: N,
  other: OTHER,
  dir: 'out',
  type: 'voice',
  t: at(day, 12),
  dur: 30,
  cell: '234-30-100-1',
  imei,
  imsi: SIM,
})

let session: CaseSession

beforeAll(async () => {
  session = await caseFromFiles({ 'n.csv': cdr([call(1, X), call(2, X), call(3, Y), call(4, X)]) })
}, 60_000)
afterAll(async () => {
  await session.close()
})

describe('identifier use', () => {
  it('names the rows by window where nothing interleaves, by id where another identifier does', async () => {
    const rows = await session.store.run(
      {
        id: 'test-ids',
        sql: { duckdb: `SELECT id, imei FROM events ORDER BY start_utc` },
        params: [],
        row: (r) => ({ id: String(r['id']), imei: String(r['imei']) }),
      },
      {},
    )
    const idsOf = (imei: string): string[] => rows.filter((r) => r.imei === imei).map((r) => r.id)
    const uses = await readIdentifierUse(session.store, [N])
    expect(uses.map((u) => [u.kind, u.value, u.records, u.first_utc, u.last_utc, u.ids])).toEqual([
      ['imei', X, 3, at(1, 12), at(4, 12), idsOf(X)],
      ['imei', Y, 1, at(3, 12), at(3, 12), null],
      ['imsi', SIM, 4, at(1, 12), at(4, 12), null],
    ])
    expect(await readIdentifierUse(session.store, [])).toEqual(uses)
  })
})
