import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createCase, importFiles, type CaseSession } from '@linesight/casework'

/**
 * A real case (DuckDB file) built from small CSV texts, for analysis tests: each text is written to a file and
 * imported the way a user would, so the analyses read exactly what an import produces.
 */
export async function caseFromFiles(
  files: Readonly<Record<string, string>>,
  zone = 'Europe/London',
): Promise<CaseSession> {
  const dir = await mkdtemp(join(tmpdir(), 'linesight-analysis-'))
  const session = await createCase(join(dir, 'case'), {
    id: 'analysis-test',
    defaultTimeZone: zone,
    now: new Date('2026-01-01T00:00:00Z'),
  })
  const paths: string[] = []
  for (const [name, text] of Object.entries(files)) {
    const path = join(dir, name)
    await writeFile(path, text)
    paths.push(path)
  }
  const results = await importFiles(session, paths, { now: () => new Date('2026-01-01T00:00:00Z') })
  const failed = results.filter((r) => r.status === 'failed')
  if (failed.length > 0) throw new Error(`test case did not import: ${JSON.stringify(failed)}`)
  return session
}

/** Canonical CDR header, so a test writes only the rows it needs. */
export const CDR_HEADER = 'target_msisdn,other_party,direction,event_type,start_time,duration_s,start_cell'
