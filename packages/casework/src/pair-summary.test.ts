import { afterAll, describe, expect, it } from 'vitest'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { generateScenario } from '@linesight/generator'
import { LATEST_SCHEMA_VERSION, PAIR_SUMMARY_SELECT, pairCopiesSql } from '@linesight/store'
import { openCase, type CaseSession } from './case-session.js'
import { importFiles } from './import-files.js'
import { listInputs } from './list-inputs.js'
import { scratchCase, sql } from './test-kit.js'

let session: CaseSession | null = null
afterAll(() => session?.close())

const kept = `SELECT a, b, records, records_of_a, records_of_b FROM pair_summary ORDER BY a, b`
const fresh = `SELECT * FROM (${PAIR_SUMMARY_SELECT} GROUP BY 1, 2) ORDER BY a, b`
const keptCopies = `SELECT a, b, copies FROM pair_summary WHERE copies > 0 ORDER BY a, b`
// Every pair paired afresh over the whole case.
const freshCopies = `SELECT * FROM (${pairCopiesSql('pair_summary')}) ORDER BY a, b`

describe('the per-pair summary', () => {
  it('kept by each import equals a fresh count over the events, and the migration builds it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'linesight-pair-summary-'))
    await generateScenario({ seed: 9, scale: 0.1, outDir: dir })
    session = await scratchCase()
    const files = await listInputs(['cdr', 'cells', 'subscribers'].map((d) => join(dir, d)))
    const cdr = files.filter((f) => f.startsWith(join(dir, 'cdr')))
    // Two imports into the same case: every other CDR file, then the rest, so the second refreshes pairs the first made.
    const first = files.filter((f) => !cdr.includes(f) || cdr.indexOf(f) % 2 === 0)
    const second = files.filter((f) => !first.includes(f))
    const now = (): Date => new Date('2026-01-01T00:00:00Z')
    for (const batch of [first, second]) {
      const results = await importFiles(session, batch, { now })
      expect(results.filter((r) => r.status !== 'imported')).toEqual([])
      const rows = await sql(session, kept)
      expect(rows.length).toBeGreaterThan(10)
      expect(rows).toEqual(await sql(session, fresh))
      const copies = await sql(session, keptCopies)
      expect(copies.length).toBeGreaterThan(0)
      expect(copies).toEqual(await sql(session, freshCopies))
    }
    // The case holds what the summary must get right: flagged duplicates, and pairs in several files' records.
    expect(
      await sql(session, `SELECT count(*) > 0 AS any FROM events WHERE duplicate_of IS NOT NULL`),
    ).toEqual([{ any: true }])
    const shared = `SELECT count(*) AS n FROM (
        SELECT least(target_msisdn, other_msisdn), greatest(target_msisdn, other_msisdn) FROM events_unique
        WHERE other_msisdn IS NOT NULL AND event_type IN ('voice', 'sms', 'mms') GROUP BY 1, 2
        HAVING count(DISTINCT source_file_id) > 1
      )`
    expect(Number((await sql(session, shared))[0]?.['n'])).toBeGreaterThan(0)
    const after = await sql(session, kept)
    const copiesAfter = await sql(session, keptCopies)

    // A case of schema version 3 (no summary) is migrated when opened: the summary is built from its events.
    await sql(session, 'DROP TABLE pair_summary')
    await sql(session, 'DROP TABLE analysis_index')
    await sql(session, 'DELETE FROM schema_migrations WHERE version >= 4')
    const root = session.folder.root
    await session.close()
    session = await openCase(root)
    expect(await session.store.schemaVersion()).toBe(LATEST_SCHEMA_VERSION)
    expect(await sql(session, kept)).toEqual(after)
    expect(await sql(session, keptCopies)).toEqual(copiesAfter)
  })
})
