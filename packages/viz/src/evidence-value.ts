import { isEvidence, type EvidenceRef } from './evidence.js'

/**
 * A figure's evidence of any shape the analyses emit (`evidenceParts` in @linesight/analysis): one `EvidenceRef`, a
 * list of them (a line-role signal's evidence), or a record of named parts (a pair's `{ records, seenInBoth }`, a
 * successor's `{ activity, sharedCustomers }`), nested; `null` is a part of no rows.
 */
export type EvidenceValue =
  EvidenceRef | readonly (EvidenceValue | null)[] | { readonly [part: string]: EvidenceValue | null }

/** How many evidence objects a figure's evidence holds and the rows they count, added up. */
export interface EvidenceSummary {
  readonly parts: number
  /** The parts' counts added up: a row named by several parts counts in each. */
  readonly count: number
}

/** As deep as the server's walker goes (`evidenceParts` refuses deeper values). */
const MAX_DEPTH = 4
/** The fields of an evidence object: a record with any of them is meant as one, not as a record of parts. */
const FIELDS = ['kind', 'count', 'targets', 'others', 'types', 'directions', 'cells', 'ids', 'from', 'to']

// Mirrors evidenceParts of @linesight/analysis: its package entry pulls node:crypto and node:fs into the bundle.
function visit(value: unknown, depth: number, out: { parts: number; count: number }): boolean {
  if (value === null) return true
  if (depth > MAX_DEPTH || typeof value !== 'object') return false
  if (Array.isArray(value)) return value.every((v: unknown) => visit(v, depth + 1, out))
  if (isEvidence(value)) {
    out.parts += 1
    out.count += value.count
    return true
  }
  const record = value as Readonly<Record<string, unknown>>
  // A broken evidence object (say a kind but no count) is not a record of parts.
  if (FIELDS.some((f) => f in record)) return false
  const values = Object.values(record)
  return values.length > 0 && values.every((v) => visit(v, depth + 1, out))
}

/**
 * The parts and rows of a figure's evidence, or `null` when the value is not evidence: anything other than
 * evidence objects, lists and records of them, or a value holding no evidence object at all (`[]`, `null`).
 *
 * @example
 * evidenceSummary({ records: [{ kind: 'events', targets: ['+441'], count: 3 }], seenInBoth: null })
 * // { parts: 1, count: 3 }
 */
export function evidenceSummary(value: unknown): EvidenceSummary | null {
  const out = { parts: 0, count: 0 }
  return visit(value, 0, out) && out.parts > 0 ? out : null
}

/** Evidence of any shape (see `EvidenceValue`) holding at least one evidence object, so it opens source rows. */
export const isEvidenceValue = (value: unknown): value is EvidenceValue => evidenceSummary(value) !== null

/** What an evidence button says: `3 rows` for one evidence object, `7 rows in 2 parts` for any other shape. */
export function evidenceLabel(value: unknown): string {
  if (isEvidence(value)) return `${value.count.toLocaleString('en-GB')} rows`
  const s = evidenceSummary(value)
  if (s === null) return ''
  return `${s.count.toLocaleString('en-GB')} rows in ${s.parts} ${s.parts === 1 ? 'part' : 'parts'}`
}
