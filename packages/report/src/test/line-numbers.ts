import type { EventEvidence } from '@linesight/analysis'
import type { DocumentProvenance } from '../core/provenance.js'

/**
 * Hand-built analysis results for the line documents, typed against the documents' contracts: one line of three
 * numbers (the third joined only by customer overlap), a holder, three runners (one under 14, one unattributed)
 * and a safeguarding worklist. Every value is invented and fixed.
 */

export const L1 = '+447911000001'
export const L2 = '+447911000002'
export const L3 = '+447911000003'
export const HOLDER = '+447933000021'
export const RUNNER_1 = '+447922000011'
export const RUNNER_2 = '+447922000012'
export const RUNNER_3 = '+447922000013'
export const IMEI_1 = '35678901234567'
export const IMSI_1 = '234151234567890'
export const IMSI_2 = '234151234567891'
export const IMEI_3 = '35111122223333'

export const GENERATED_AT = '2026-01-02T10:00:00Z'
export const INPUT_DIGEST = 'b31b63d74d4e90a9e0a64d146716201d830fc216f4251570f42c3749f4db4a76'

export const PROVENANCE: DocumentProvenance = {
  softwareVersion: 'linesight 0.1.0',
  generatedAt: GENERATED_AT,
  zone: 'Europe/London',
  caseId: 'op-fixture',
  caseName: 'Fixture line case',
  analyst: 'Jo Smith',
  reviewer: 'Sam Patel',
  exhibit: { prefix: 'JS', number: 2 },
  sourceFiles: [
    {
      id: '1f0a6c3e9b2d4c5e',
      name: 'line-cdr.csv',
      sha256: '1f0a6c3e9b2d4c5e8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f',
      kind: 'cdr',
      format: 'csv',
      profile: 'canonical-cdr 1',
      rowsRead: 5210,
      rowsImported: 5208,
      rowsRejected: 2,
      rowsDuplicate: 14,
      importedAt: '2025-12-01T09:00:00Z',
      importedBy: 'jsmith',
      requestReference: 'SPOC/2025/0042',
    },
    {
      id: '9e8d7c6b5a4f3e2d',
      name: 'vodafone-cells.csv',
      sha256: '9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b1a0f9e8d',
      kind: 'cells',
      format: 'csv',
      profile: 'vodafone-cells 1',
      rowsRead: 120,
      rowsImported: 120,
      rowsRejected: 0,
      rowsDuplicate: 0,
      importedAt: '2025-12-01T09:05:00Z',
      importedBy: 'jsmith',
      requestReference: null,
    },
  ],
  inputDigest: INPUT_DIGEST,
}

export const ev = (
  targets: readonly string[],
  count: number,
  more: Partial<EventEvidence> = {},
): EventEvidence => ({
  kind: 'events',
  targets,
  from: '2024-05-01T00:00:00Z',
  to: '2024-06-30T23:59:59Z',
  ...more,
  count,
})
