import { createHash } from 'node:crypto'
import type { CaseStore } from '@linesight/store'
import { checkProvenance, type DocumentProvenance, type ExhibitRef } from '../core/provenance.js'
import { sourceFilesQuery } from './source-files.sql.js'

/** What the caller states; the case supplies the rest. */
export interface ProvenanceRequest {
  readonly softwareVersion: string
  readonly generatedAt: string
  readonly zone: string
  readonly caseId: string
  readonly caseName: string | null
  readonly analyst: string
  readonly reviewer: string | null
  readonly exhibit: ExhibitRef
}

/**
 * A document's provenance: the caller's statement plus the case's source files and input digest (SHA-256 over the
 * sorted file hashes joined by commas, as `runAnalysis` computes it, so a result run on other files shows).
 */
export async function loadProvenance(
  store: CaseStore,
  request: ProvenanceRequest,
): Promise<DocumentProvenance> {
  const sourceFiles = await store.run(sourceFilesQuery, {})
  const inputDigest = createHash('sha256')
    .update(sourceFiles.map((f) => f.sha256).join(','))
    .digest('hex')
  return checkProvenance({ ...request, sourceFiles, inputDigest })
}
