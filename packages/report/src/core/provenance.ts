import { ValidationError } from '@linesight/model'

/** An original file the case holds, as every document lists it: name, SHA-256 and what its import made of it. */
export interface SourceFileSummary {
  readonly id: string
  readonly name: string
  readonly sha256: string
  readonly kind: string
  readonly format: string
  readonly profile: string
  readonly rowsRead: number
  readonly rowsImported: number
  readonly rowsRejected: number
  readonly rowsDuplicate: number
  readonly importedAt: string
  readonly importedBy: string
  readonly requestReference: string | null
}

/** An exhibit reference, printed `<prefix>/<number>` (e.g. `JS/4`): the producing officer's initials and a count. */
export interface ExhibitRef {
  readonly prefix: string
  readonly number: number
}

/**
 * Who produced a document, from what, and when. Every document prints all of it; nothing here is read from the
 * clock or the environment inside the report layer (the caller passes `generatedAt`), so the same inputs give the
 * same document.
 */
export interface DocumentProvenance {
  /** e.g. `linesight 0.3.0` (SOFTWARE_VERSION from @linesight/casework). */
  readonly softwareVersion: string
  /** The stated generation time, ISO 8601 UTC. The only thing that may differ between two renders. */
  readonly generatedAt: string
  /** Zone every local time in the document is given in (the case's declared zone unless chosen). */
  readonly zone: string
  readonly caseId: string
  readonly caseName: string | null
  readonly analyst: string
  /** Second person who checked the critical findings; null while the document is a draft. */
  readonly reviewer: string | null
  readonly exhibit: ExhibitRef
  readonly sourceFiles: readonly SourceFileSummary[]
  /** SHA-256 over the sorted source-file hashes: the same `inputDigest` an analysis result carries. */
  readonly inputDigest: string
}

const PREFIX = /^[A-Za-z0-9][A-Za-z0-9-]{0,15}$/

export const formatExhibitRef = (ref: ExhibitRef): string => `${ref.prefix}/${ref.number}`

/** Reads `JS/4`. Throws a path error naming the expected form. */
export function parseExhibitRef(text: string, path = 'exhibit'): ExhibitRef {
  const m = /^([^/]+)\/(\d{1,6})$/.exec(text.trim())
  if (m === null || !PREFIX.test(m[1]!))
    throw new ValidationError(
      path,
      `"${text}" is not an exhibit reference; expected PREFIX/NUMBER, e.g. JS/1`,
    )
  return { prefix: m[1]!.toUpperCase(), number: Number(m[2]) }
}

/** Initials of a name, for a default exhibit prefix ("Jo Smith" → "JS"). */
export const initials = (name: string): string =>
  name
    .split(/[\s._-]+/)
    .filter((w) => /^[A-Za-z]/.test(w))
    .map((w) => w[0]!.toUpperCase())
    .join('')
    .slice(0, 6) || 'X'

/**
 * Checks what the regulation asks of a document's provenance: a named analyst, and a reviewer (when given) who is a
 * different person, since the critical-findings check needs a second pair of eyes.
 */
export function checkProvenance(p: DocumentProvenance): DocumentProvenance {
  if (p.analyst.trim() === '') throw new ValidationError('provenance.analyst', 'the analyst must be named')
  if (p.reviewer !== null && p.reviewer.trim().toLowerCase() === p.analyst.trim().toLowerCase())
    throw new ValidationError(
      'provenance.reviewer',
      `the reviewer must be a second person, not the analyst (${p.analyst}); leave it unset for a draft`,
    )
  if (!Number.isFinite(Date.parse(p.generatedAt)))
    throw new ValidationError('provenance.generatedAt', `"${p.generatedAt}" is not an ISO time`)
  if (!PREFIX.test(p.exhibit.prefix) || !Number.isInteger(p.exhibit.number) || p.exhibit.number < 1)
    throw new ValidationError('provenance.exhibit', `${formatExhibitRef(p.exhibit)} is not a valid reference`)
  return p
}
