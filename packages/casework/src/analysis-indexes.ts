import { buildAnalysisIndexes } from '@linesight/analysis'
import type { CaseSession } from './case-session.js'
import { SOFTWARE_VERSION } from './version.js'

/**
 * Brings the case's analysis indexes up to date with its files (the import does this after loading files; a case
 * imported by an earlier release gets them here) and records in the audit log which were built.
 */
export async function refreshAnalysisIndexes(session: CaseSession, now: Date): Promise<readonly string[]> {
  const built = await buildAnalysisIndexes(session.store, session.folder.manifest.defaultTimeZone)
  if (built.length > 0)
    await session.store.appendAudit({
      logged_at: now.toISOString(),
      actor: session.actor,
      action: 'analysis-index.build',
      details_json: JSON.stringify({ built }),
      software_version: SOFTWARE_VERSION,
    })
  return built
}
