import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { QuerySpec, SqlRow } from '@linesight/store'
import { createCase, type CaseSession } from './case-session.js'

/** The repository root, for reaching `fixtures/` from a test. */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))
export const layoutFixture = (name: string): string => join(repoRoot, 'fixtures', 'layouts', name)

/** A fresh case in a temporary folder, for tests and benchmarks. */
export async function scratchCase(zone = 'Europe/London'): Promise<CaseSession> {
  const root = join(await mkdtemp(join(tmpdir(), 'linesight-case-')), 'case')
  return createCase(root, { id: 'test-case', defaultTimeZone: zone, now: new Date('2026-01-01T00:00:00Z') })
}

/** Runs ad-hoc SQL against a case (tests only: analyses declare their queries). */
export const sql = (session: CaseSession, text: string): Promise<readonly SqlRow[]> => {
  const spec: QuerySpec<SqlRow> = { id: 'test', sql: { duckdb: text }, params: [], row: (r) => r }
  return session.store.run(spec, {})
}
