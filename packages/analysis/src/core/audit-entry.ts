import type { AuditEntry } from '@linesight/model'
import type { AnalysisResult } from './result.js'

/**
 * The audit-log entry for one analysis run, the same from every front end: which analysis and version, its
 * parameters and both digests, so a third party can repeat the run and compare.
 */
export function analysisRunAudit(
  run: AnalysisResult<unknown>,
  context: {
    readonly actor: string
    readonly zone: string
    readonly via: string
    readonly softwareVersion: string
  },
): Omit<AuditEntry, 'seq'> {
  return {
    logged_at: run.generatedAt,
    actor: context.actor,
    action: 'analysis.run',
    details_json: JSON.stringify({
      analysis: run.analysis.id,
      version: run.analysis.version,
      parameters: run.parameters,
      parametersDigest: run.parametersDigest,
      inputDigest: run.inputDigest,
      zone: context.zone,
      via: context.via,
    }),
    software_version: context.softwareVersion,
  }
}
