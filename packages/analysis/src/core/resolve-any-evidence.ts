import type { CaseStore } from '@linesight/store'
import { evidenceParts, type EvidencePart } from './evidence-parts.js'
import { countEvidence, evidenceIds, resolveEvidence, type EvidenceRow } from './resolve-evidence.js'

/** Rows shown at most unless the caller asks for more: a figure can rest on hundreds of thousands of rows. */
export const DEFAULT_EVIDENCE_LIMIT = 10_000

/** One evidence object's check: the rows its figure counts against the rows the case holds for it now. */
export interface EvidencePartCheck {
  readonly path: string
  /** Rows the figure says the filter returns. */
  readonly count: number
  /** Rows the case holds for the filter now, counted without the output cap. */
  readonly held: number
  readonly matches: boolean
}

/** A source row; when the evidence has several parts, also the parts that name it. */
export type ResolvedEvidenceRow = EvidenceRow & { readonly parts?: readonly string[] }

export interface ResolvedEvidence {
  /** Each evidence object of the figure with its count check, in the order the figure holds them. */
  readonly parts: readonly EvidencePartCheck[]
  /** The rows of every part, each once, in time order (then by id), at most `limit`. */
  readonly rows: readonly ResolvedEvidenceRow[]
  readonly limit: number
  /** The parts hold more rows than `limit`: `rows` is the first `limit` of them. */
  readonly truncated: boolean
  /** Rows the parts hold, each once, counted without the cap: the limit that shows them all. */
  readonly rowsHeld: number
  /** Every part holds the rows its figure counts. */
  readonly matches: boolean
  /** Each disagreement and the truncation, in words. */
  readonly warnings: readonly string[]
}

const byTime = (a: EvidenceRow, b: EvidenceRow): number =>
  a.start_utc < b.start_utc ? -1 : a.start_utc > b.start_utc ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0

/** Rows named by several parts, each once: read only when a part is cut by the cap (else the rows read tell). */
async function distinctRows(store: CaseStore, parts: readonly EvidencePart[]): Promise<number> {
  const ids = new Set<string>()
  for (const p of parts) for (const id of await evidenceIds(store, p.evidence)) ids.add(id)
  return ids.size
}

/**
 * The source rows behind a figure's evidence of any shape the analyses emit (see `evidenceParts`), checked: each
 * part's count against the rows the case holds now (counted without the cap), rows named by several parts shown once.
 * Bad input fails with a `ValidationError` naming the field, before any query runs.
 *
 * @example
 * const r = await resolveAnyEvidence(store, pair.evidence, { limit: 500 })
 * for (const w of r.warnings) console.warn(w)
 */
export async function resolveAnyEvidence(
  store: CaseStore,
  evidence: unknown,
  options: { readonly limit?: number; readonly path?: string } = {},
): Promise<ResolvedEvidence> {
  const limit = options.limit ?? DEFAULT_EVIDENCE_LIMIT
  if (!Number.isSafeInteger(limit) || limit < 1)
    throw new RangeError(`evidence limit must be a whole number ≥ 1`)
  const parts = evidenceParts(evidence, options.path)
  const checks: EvidencePartCheck[] = []
  const rows = new Map<string, { row: EvidenceRow; parts: string[] }>()
  for (const { path, evidence: e } of parts) {
    const held = await countEvidence(store, e)
    checks.push({ path, count: e.count, held, matches: held === e.count })
    // Each part's first `limit` rows hold every row of the union's first `limit`.
    for (const row of await resolveEvidence(store, e, limit)) {
      const seen = rows.get(row.id)
      if (seen === undefined) rows.set(row.id, { row, parts: [path] })
      else if (!seen.parts.includes(path)) seen.parts.push(path)
    }
  }
  const several = parts.length > 1
  // One part comes in the engine's order already; several are merged in the same order.
  const all = several ? [...rows.values()].sort((a, b) => byTime(a.row, b.row)) : [...rows.values()]
  const cut = checks.some((c) => c.held > limit)
  const truncated = cut || all.length > limit
  const rowsHeld = !cut ? all.length : several ? await distinctRows(store, parts) : (checks[0]?.held ?? 0)
  const warnings = checks
    .filter((c) => !c.matches)
    .map(
      (c) =>
        `${several ? `${c.path}: ` : ''}the figure says ${c.count} rows but the case now holds ${c.held}`,
    )
  if (truncated)
    warnings.push(
      `output truncated at the cap of ${limit} rows: showing the first ${limit} in time order of ${rowsHeld}`,
    )
  return {
    parts: checks,
    rows: all.slice(0, limit).map((r) => (several ? { ...r.row, parts: r.parts } : r.row)),
    limit,
    truncated,
    rowsHeld,
    matches: checks.every((c) => c.matches),
    warnings,
  }
}
