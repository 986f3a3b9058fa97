import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CaseSession } from '@linesight/casework'
import { haversineMetres } from '@linesight/geo'
import type { QuerySpec } from '@linesight/store'
import { caseFromFiles } from '../../test/case-from-files.js'
import { haversineSql, isoUtc, localText } from './located-events.sql.js'

let session: CaseSession

beforeAll(async () => {
  session = await caseFromFiles({})
})
afterAll(() => session.close())

describe('shared location SQL', () => {
  it('haversine in SQL gives the same metres as @linesight/geo', async () => {
    const points = [
      [51.538, 0.711, 51.52, -0.09],
      [51, 0, 51.5, 0],
      [51.54, 0.71, 51.5401, 0.7102],
      [53.4808, -2.2426, 51.5074, -0.1278],
      [51.5, 0, 51.5, 0],
    ] as const
    const q: QuerySpec<{ m: number }, 'a' | 'b' | 'c' | 'd'> = {
      id: 'test-haversine',
      sql: { duckdb: `SELECT ${haversineSql('$a::DOUBLE', '$b::DOUBLE', '$c::DOUBLE', '$d::DOUBLE')} AS m` },
      params: ['a', 'b', 'c', 'd'],
      row: (r) => ({ m: Number(r['m']) }),
    }
    for (const [a, b, c, d] of points) {
      const [row] = await session.store.run(q, { a, b, c, d })
      expect(row!.m).toBeCloseTo(haversineMetres(a, b, c, d), 6)
    }
  })

  it('local times carry the offset in force, across the clock changes', async () => {
    const q: QuerySpec<{ local: string; utc: string }, 't' | 'zone'> = {
      id: 'test-local',
      sql: {
        duckdb: `SELECT ${localText('t')} AS local, ${isoUtc('t')} AS utc FROM (SELECT CAST($t AS TIMESTAMP) AS t)`,
      },
      params: ['t', 'zone'],
      row: (r) => ({ local: String(r['local']), utc: String(r['utc']) }),
    }
    const at = async (t: string, zone = 'Europe/London') => (await session.store.run(q, { t, zone }))[0]!
    expect(await at('2024-03-31 00:59:59')).toEqual({
      local: '2024-03-31 00:59:59 +00:00',
      utc: '2024-03-31T00:59:59Z',
    })
    expect(await at('2024-03-31 01:00:00')).toEqual({
      local: '2024-03-31 02:00:00 +01:00',
      utc: '2024-03-31T01:00:00Z',
    })
    expect(await at('2024-10-27 00:30:00')).toEqual({
      local: '2024-10-27 01:30:00 +01:00',
      utc: '2024-10-27T00:30:00Z',
    })
    expect(await at('2024-10-27 01:30:00')).toEqual({
      local: '2024-10-27 01:30:00 +00:00',
      utc: '2024-10-27T01:30:00Z',
    })
    expect(await at('2024-03-05 10:00:00.250')).toMatchObject({ utc: '2024-03-05T10:00:00.250000Z' })
    expect(await at('2024-03-05 10:00:00', 'America/New_York')).toMatchObject({
      local: '2024-03-05 05:00:00 -05:00',
    })
  })
})
