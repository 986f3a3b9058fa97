/**
 * Where a figure comes from: a filter over the case's events that returns exactly the rows behind it. Results carry
 * these rather than long id lists; `resolveEvidence` turns one into the source rows (with file, sheet, row, line).
 */
export interface EventEvidence {
  readonly kind: 'events'
  /** Events of these target numbers (the records are theirs). */
  readonly targets: readonly string[]
  /** And with these other parties, when set. */
  readonly others?: readonly string[]
  /** Inclusive UTC bounds, ISO text. */
  readonly from?: string
  readonly to?: string
  readonly types?: readonly string[]
  readonly directions?: readonly string[]
  /** Events on these cells (global ids), when set. */
  readonly cells?: readonly string[]
  /** Exactly these events, when a figure rests on a chosen few. */
  readonly ids?: readonly string[]
  /** How many rows the filter must return: a check that the evidence still matches the figure. */
  readonly count: number
}

export type Evidence = EventEvidence
