import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CaseSession } from '@linesight/casework'
import type { QuerySpec } from '@linesight/store'
import { CDR_HEADER, caseFromFiles } from '../test/case-from-files.js'
import { localTimeSql, ZONE_QUARTERS_CTE } from './local-time.sql.js'

const A = '+447922600001'
const B = '+447922600002'

/** Every minute from `from` for `minutes`, as UTC ISO text. */
const minutes = (from: string, count: number): string[] =>
  Array.from({ length: count }, (_, i) => new Date(Date.parse(from) + i * 60_000).toISOString())

// Records around both UK clock changes of 2024 and the Lord Howe half-hour change of 6 October 2024 (02:00 local,
// 15:00 UTC the day before), so the quarter list spans transitions in several zones.
const instants = [
  ...minutes('2024-03-31T00:00:00Z', 120),
  ...minutes('2024-10-05T14:00:00Z', 120),
  ...minutes('2024-10-27T00:00:00Z', 120),
]

const mismatches: QuerySpec<{ rows: number; wrong: number }, 'zone'> = {
  id: 'local-time-test',
  sql: {
    duckdb: `WITH ${ZONE_QUARTERS_CTE},
      probe AS (
        SELECT start_utc AS t FROM events
        UNION ALL SELECT TIMESTAMP '2031-07-01 12:00:00' UNION ALL SELECT TIMESTAMP '2019-01-01 00:07:00'
      )
      SELECT count(*) AS rows,
        count(*) FILTER (WHERE ${localTimeSql('t')} IS DISTINCT FROM timezone($zone, timezone('UTC', t))) AS wrong
      FROM probe`,
  },
  params: ['zone'],
  row: (r) => ({ rows: Number(r['rows']), wrong: Number(r['wrong']) }),
}

let session: CaseSession
beforeAll(async () => {
  const rows = instants.map((t, i) => `${i % 2 === 0 ? A : B},${i % 2 === 0 ? B : A},out,sms,${t},,`)
  session = await caseFromFiles({ 'times.csv': [CDR_HEADER, ...rows].join('\n') })
})
afterAll(async () => session.close())

describe('localTimeSql', () => {
  // Zones with whole-hour, half-hour and three-quarter-hour offsets, and a half-hour daylight saving shift.
  it.each([
    'Europe/London',
    'UTC',
    'America/St_Johns',
    'Asia/Kolkata',
    'Asia/Kathmandu',
    'Australia/Lord_Howe',
  ])('gives what ICU gives for every record and for instants outside the case (%s)', async (zone) => {
    const [r] = await session.store.run(mismatches, { zone })
    expect(r).toEqual({ rows: instants.length + 2, wrong: 0 })
  })
})
