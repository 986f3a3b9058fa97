import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { CaseSession } from './case-session.js'
import { importFiles } from './import-files.js'
import { scratchCase, sql } from './test-kit.js'

const HEADER = 'Target Number,Other Party,Call Date,Call Time,Direction,Call Type,Duration (s),Start Cell'
// Above the engine's parallel read block (about 32 MB), so the file is read in several parts at once.
const RECORDS = 450_000
const BROKEN_LINE = 300_001

let session: CaseSession | null = null
let dir = ''
afterEach(async () => {
  await session?.close()
  session = null
  await rm(dir, { recursive: true, force: true })
})

describe('provenance of a large file', () => {
  it('every stored row and reject names its own line, however the engine splits the read', async () => {
    dir = await mkdtemp(join(tmpdir(), 'linesight-provenance-'))
    const path = join(dir, 'large.csv')
    // Each record's duration is its own line number, so a row stored against another line shows at once.
    const lines = [HEADER]
    for (let line = 2; lines.length <= RECORDS; line++)
      lines.push(
        line === BROKEN_LINE
          ? `07911123456,07922654321,13/02/2024,10:00:00,Outgoing,Voice,${line},234-30-1234-5678901,extra`
          : `07911123456,07922654321,13/02/2024,10:00:00,Outgoing,Voice,${line},234-30-1234-5678901`,
      )
    await writeFile(path, lines.join('\n') + '\n')
    session = await scratchCase()
    const [result] = await importFiles(session, [path], { now: () => new Date('2026-01-01T00:00:00Z') })
    expect(result?.status === 'imported' && result.reports[0]).toMatchObject({
      read: RECORDS,
      imported: RECORDS - 1,
      rejected: 1,
    })
    expect(
      await sql(
        session,
        `SELECT count(*) AS rows, count(*) FILTER (WHERE duration_s <> source_line) AS elsewhere,
           count(*) FILTER (WHERE source_row <> source_line - 1) AS misnumbered FROM events`,
      ),
    ).toEqual([{ rows: RECORDS - 1, elsewhere: 0, misnumbered: 0 }])
    expect(await sql(session, 'SELECT source_row, source_line FROM rejects')).toEqual([
      { source_row: BROKEN_LINE - 1, source_line: BROKEN_LINE },
    ])
  })
})
