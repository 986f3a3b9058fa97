import { afterAll, describe, expect, it } from 'vitest'
import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { generateScenario, lineNumbersOf, type GroundTruth } from '@linesight/generator'
import type { CaseSession } from './case-session.js'
import { importFiles } from './import-files.js'
import { listInputs } from './list-inputs.js'
import { scratchCase, sql } from './test-kit.js'

let session: CaseSession | null = null
afterAll(() => session?.close())

describe('a generated scenario imports with no mapping file', () => {
  it('every network layout, cell list and subscriber file is recognised and every row accounted for', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'linesight-scenario-import-'))
    const summary = await generateScenario({ seed: 5, scale: 0.3, outDir: dir })
    session = await scratchCase()
    const files = await listInputs(['cdr', 'cells', 'subscribers'].map((d) => join(dir, d)))
    const results = await importFiles(session, files, { now: () => new Date('2026-01-01T00:00:00Z') })
    expect(results.filter((r) => r.status !== 'imported')).toEqual([])
    const reports = results.flatMap((r) => (r.status === 'imported' ? r.reports : []))
    const read = reports.reduce((n, r) => n + r.read, 0)
    expect(read).toBe(reports.reduce((n, r) => n + r.imported + r.rejected, 0))
    // The only dirt that must be rejected is the one malformed date the generator plants.
    expect(reports.flatMap((r) => r.rejectReasons)).toEqual([
      { reason: 'start time "…" is not a real date (there is no "…")', count: 1 },
    ])
    expect(reports.filter((r) => r.kind === 'cdr').reduce((n, r) => n + r.read, 0)).toBe(summary.cdrRows)
    const truth = JSON.parse(await readFile(join(dir, 'truth.json'), 'utf8')) as GroundTruth
    const numbers = lineNumbersOf(truth)
    const present = await sql(
      session,
      `SELECT DISTINCT target_msisdn AS t FROM events WHERE target_msisdn IN (${numbers.map((n) => `'${n}'`).join(', ')})`,
    )
    expect(present.length).toBe(new Set(numbers).size)
    expect(await sql(session, `SELECT count(*) AS n FROM cells WHERE lat IS NULL OR lon IS NULL`)).toEqual([
      { n: 0 },
    ])
    // The per-target summary kept by each import equals a fresh count over every event (duplicates left out).
    const summary_ = `SELECT number, network, events, contacts, first_utc, last_utc FROM target_summary ORDER BY number`
    const fresh = `SELECT target_msisdn AS number, min(network) AS network, count(*) AS events,
      count(DISTINCT coalesce(other_msisdn, other_raw)) AS contacts, min(start_utc) AS first_utc, max(start_utc) AS last_utc
      FROM events WHERE duplicate_of IS NULL AND target_msisdn IS NOT NULL GROUP BY 1 ORDER BY number`
    const kept = await sql(session, summary_)
    expect(kept.length).toBeGreaterThan(10)
    expect(kept).toEqual(await sql(session, fresh))
  })
})
