import type { EventEvidence } from '@linesight/analysis'
import type { Citation } from './document.js'

/** Canonical JSON of an evidence filter (keys in a fixed order), as `linesight evidence` takes it. */
export function evidenceJson(e: EventEvidence): string {
  const keys = [
    'kind',
    'targets',
    'others',
    'from',
    'to',
    'types',
    'directions',
    'cells',
    'ids',
    'count',
  ] as const
  const out: Record<string, unknown> = {}
  for (const k of keys) if (e[k] !== undefined) out[k] = e[k]
  return JSON.stringify(out)
}

/** The filter in words: whose records, with whom, when, which types. */
export function evidenceFilterText(e: EventEvidence): string {
  const parts = [`records of ${e.targets.join(', ')}`]
  if (e.others !== undefined && e.others.length > 0) parts.push(`with ${e.others.join(', ')}`)
  if (e.from !== undefined || e.to !== undefined)
    parts.push(`from ${e.from ?? 'the start'} to ${e.to ?? 'the end'} (UTC)`)
  if (e.types !== undefined && e.types.length > 0) parts.push(`types ${e.types.join(', ')}`)
  if (e.directions !== undefined && e.directions.length > 0)
    parts.push(`direction ${e.directions.join(', ')}`)
  if (e.cells !== undefined && e.cells.length > 0) parts.push(`cells ${e.cells.join(', ')}`)
  if (e.ids !== undefined && e.ids.length > 0) parts.push(`${e.ids.length} chosen events`)
  return parts.join('; ')
}

/** Hands out evidence references E1, E2 … in the order figures are cited; the same filter gets the same reference. */
export interface Citer {
  /** The reference for this evidence ("E3"), or "-" when a figure has none. */
  (evidence: EventEvidence | null, label: string): string
  readonly citations: () => readonly Citation[]
}

export function citer(): Citer {
  const byKey = new Map<string, Citation>()
  const list: Citation[] = []
  const cite = (evidence: EventEvidence | null, label: string): string => {
    if (evidence === null) return '-'
    const key = evidenceJson(evidence)
    const known = byKey.get(key)
    if (known !== undefined) return known.ref
    const c: Citation = { ref: `E${list.length + 1}`, label, evidence }
    byKey.set(key, c)
    list.push(c)
    return c.ref
  }
  return Object.assign(cite, { citations: () => [...list] })
}
