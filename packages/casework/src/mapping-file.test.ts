import { afterEach, describe, expect, it } from 'vitest'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { CaseSession } from './case-session.js'
import { importFiles } from './import-files.js'
import { readMappingFile, validateMapping } from './mapping-file.js'
import { scratchCase, sql } from './test-kit.js'

let session: CaseSession | null = null
afterEach(async () => {
  await session?.close()
  session = null
})

describe('mapping files settle what detection cannot', () => {
  it('an unrecognised layout is refused without one and imports with one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'linesight-mapping-'))
    const csv = join(dir, 'odd.csv')
    await writeFile(
      csv,
      [
        'Subscriber,Peer,When,Secs,Mast,Kind',
        '07911123456,07922654321,05/03/2024 10:00:00,42,234-10-1-100,O',
        '07911123456,07922654321,15/03/2024 11:00:00,30,234-10-1-100,T',
      ].join('\n'),
    )
    session = await scratchCase()
    const [refused] = await importFiles(session, [csv], { now: () => new Date('2026-01-01T00:00:00Z') })
    expect(refused?.status).toBe('failed')
    const mappingPath = join(dir, 'mapping.json')
    await writeFile(
      mappingPath,
      JSON.stringify({
        kind: 'cdr',
        columns: {
          target: 'Subscriber',
          other: 'Peer',
          start: 'When',
          duration: 'Secs',
          startCell: 'Mast',
          direction: 'Kind',
        },
        dateFormat: '%d/%m/%Y %H:%M:%S',
        timeZone: 'Europe/London',
        vocabulary: { O: { type: 'voice', direction: 'out' }, T: { type: 'voice', direction: 'in' } },
      }),
    )
    const mapping = await readMappingFile(mappingPath)
    const [done] = await importFiles(session, [csv], { now: () => new Date('2026-01-01T00:00:00Z'), mapping })
    expect(done?.status).toBe('imported')
    expect(
      await sql(
        session,
        `SELECT direction, event_type, strftime(start_utc, '%Y-%m-%d %H:%M') AS t FROM events ORDER BY source_row`,
      ),
    ).toEqual([
      { direction: 'out', event_type: 'voice', t: '2024-03-05 10:00' },
      { direction: 'in', event_type: 'voice', t: '2024-03-15 11:00' },
    ])
  })

  it("a date format detection cannot read is read with the mapping's, and a value it does not read is a reject", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'linesight-mapping-format-'))
    const csv = join(dir, 'hours.csv')
    await writeFile(
      csv,
      [
        'target_msisdn,other_party,direction,event_type,start_time,duration_s',
        '+447911123456,+447922654321,out,voice,2024-03-05 10h00,42',
        '+447911123456,+447922654321,in,voice,2024-07-01 09h15,30',
        '+447911123456,+447922654321,in,voice,2024-07-01 9 o clock,30',
      ].join('\n'),
    )
    session = await scratchCase()
    const now = (): Date => new Date('2026-01-01T00:00:00Z')
    const [refused] = await importFiles(session, [csv], { now })
    expect(refused?.status).toBe('failed')
    const mapping = validateMapping({ dateFormat: '%Y-%m-%d %Hh%M' }, 'mapping')
    const [done] = await importFiles(session, [csv], { now, mapping })
    expect(done?.status).toBe('imported')
    expect(await sql(session, `SELECT reason FROM rejects`)).toEqual([
      { reason: expect.stringMatching(/start time "2024-07-01 9 o clock" does not match %Y-%m-%d %Hh%M/) },
    ])
    // Read in the case's zone (Europe/London): 10:00 GMT in March, 09:15 BST in July.
    expect(
      await sql(
        session,
        `SELECT strftime(start_utc, '%Y-%m-%d %H:%M') AS t, start_precision AS p FROM events ORDER BY source_row`,
      ),
    ).toEqual([
      { t: '2024-03-05 10:00', p: 'minute' },
      { t: '2024-07-01 08:15', p: 'minute' },
    ])
  })

  it('a typo fails at load with its path', () => {
    expect(() => validateMapping({ columns: { target: 'A' }, dateFormt: '%d' }, 'mapping(m.json)')).toThrow(
      'At mapping(m.json).dateFormt: unknown key',
    )
    expect(() => validateMapping({ columns: { tragt: 'A' } }, 'mapping(m.json)')).toThrow(
      'At mapping(m.json).columns.tragt: unknown role',
    )
  })
})
