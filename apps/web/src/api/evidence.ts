/** A figure's evidence as the server takes it back (the `EventEvidence` of @linesight/analysis). */
export interface EventEvidence {
  readonly kind: 'events'
  readonly targets: readonly string[]
  readonly count: number
  readonly [key: string]: unknown
}
