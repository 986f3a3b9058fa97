import { ValidationError } from '@linesight/model'
import type { EventEvidence } from './evidence.js'
import { looksLikeEventEvidence, parseEventEvidence } from './validate-evidence.js'

/** One evidence object inside a figure's evidence, with where it sits (e.g. `evidence.records[0]`). */
export interface EvidencePart {
  readonly path: string
  readonly evidence: EventEvidence
}

const MAX_DEPTH = 4
const MAX_PARTS = 1_000

const SHAPES =
  'an evidence object { kind: "events", targets, count }, a list of them or a record of named parts'

const describe = (v: unknown): string =>
  v === null ? 'null' : typeof v === 'string' ? JSON.stringify(v) : `a ${typeof v}`

function visit(value: unknown, path: string, depth: number, out: EvidencePart[]): void {
  // A figure of no rows carries null rather than a filter that would select every row.
  if (value === null) return
  if (depth > MAX_DEPTH) throw new ValidationError(path, `evidence nests at most ${MAX_DEPTH} levels deep`)
  if (Array.isArray(value)) {
    value.forEach((v: unknown, i) => visit(v, `${path}[${i}]`, depth + 1, out))
    return
  }
  if (typeof value !== 'object') throw new ValidationError(path, `expected ${SHAPES}, got ${describe(value)}`)
  const record = value as Record<string, unknown>
  if (looksLikeEventEvidence(record)) {
    out.push({ path, evidence: parseEventEvidence(record, path) })
    if (out.length > MAX_PARTS)
      throw new ValidationError(path, `a figure's evidence holds at most ${MAX_PARTS} evidence objects`)
    return
  }
  const keys = Object.keys(record)
  if (keys.length === 0) throw new ValidationError(path, `expected ${SHAPES}, got an empty object`)
  for (const key of keys) visit(record[key], `${path}.${key}`, depth + 1, out)
}

/**
 * The evidence objects a figure's evidence holds, each checked field by field, in order. A figure resting on one
 * filter carries one `EventEvidence`; one resting on several carries a list (a line-role signal's evidence), a record
 * of named parts (a pair's `{ records, seenInBoth }`, a successor's `{ activity, sharedCustomers }`), or lists and
 * records of these; `null` or an empty list is a figure or part of no rows (no parts). Anything else fails with the
 * path where it sits.
 *
 * @example
 * evidenceParts({ records: [a, b], seenInBoth: c }) // [{ path: 'evidence.records[0]', evidence: a }, …]
 */
export function evidenceParts(value: unknown, path = 'evidence'): readonly EvidencePart[] {
  const out: EvidencePart[] = []
  visit(value, path, 0, out)
  return out
}
