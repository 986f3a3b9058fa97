import type { ImportPlan, ImportWarning, SourceKind } from '@linesight/model'
import type { Role } from './header-roles.js'

/** Something detection could not settle; the import refuses until a mapping file or option answers it. */
export interface Question {
  readonly code:
    'date-order' | 'no-time' | 'no-target' | 'unknown-kind' | 'no-header' | 'mixed-date-order' | 'cell-plmn'
  readonly column: string | null
  readonly message: string
}

export interface ColumnReading {
  readonly name: string
  readonly role: Role | null
  readonly sample: readonly string[]
  readonly note: string | null
}

/** What detection made of one delimited source. `plan` is set only when no question is open. */
export interface Detection {
  readonly file: string
  readonly sheet: string | null
  readonly kind: SourceKind
  readonly profile: { readonly id: string; readonly version: string; readonly title: string }
  readonly confidence: number
  readonly delimiter: string
  readonly encoding: string
  readonly encodingEvidence: string
  readonly columns: readonly ColumnReading[]
  readonly sampleRows: readonly (readonly string[])[]
  readonly timeZone: { readonly zone: string; readonly source: string } | null
  readonly questions: readonly Question[]
  /** Columns whose date order the sample cannot settle: scan the whole column, then call `settleDateOrder`. */
  readonly pendingDateOrder: readonly string[]
  readonly warnings: readonly ImportWarning[]
  readonly plan: ImportPlan | null
}

export class DetectionError extends Error {
  override readonly name = 'DetectionError'
  constructor(
    readonly file: string,
    readonly questions: readonly Question[],
  ) {
    super(
      `${file}: the layout could not be settled:\n${questions.map((q) => `  - ${q.message}`).join('\n')}\n` +
        `Run "linesight import --dry-run" to see what was detected, then pass --mapping FILE (see docs/formats.md).`,
    )
  }
}

/** A file that cannot be read as records at all (empty, header only, binary). Nothing in the case changes. */
export class UnreadableFileError extends Error {
  override readonly name = 'UnreadableFileError'
}
