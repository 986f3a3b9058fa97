/**
 * The structural shape of an analysis figure's evidence (`EventEvidence` in @linesight/analysis): a filter over the
 * case's events plus the count it must return. Checked structurally so results of analyses written later are
 * recognised without this package knowing them.
 */
export interface EvidenceRef {
  readonly kind: 'events'
  readonly targets: readonly string[]
  readonly count: number
  readonly [key: string]: unknown
}

export function isEvidence(value: unknown): value is EvidenceRef {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const v = value as Record<string, unknown>
  return v['kind'] === 'events' && Array.isArray(v['targets']) && typeof v['count'] === 'number'
}
