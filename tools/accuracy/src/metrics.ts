/** Precision and recall of a predicted set against a true set, with the counts behind them. */
export interface SetScore {
  readonly truePositives: number
  readonly falsePositives: number
  readonly falseNegatives: number
  readonly precision: number
  readonly recall: number
}

export function scoreSets(predicted: Iterable<string>, actual: Iterable<string>): SetScore {
  const p = new Set(predicted)
  const a = new Set(actual)
  const tp = [...p].filter((x) => a.has(x)).length
  const fp = p.size - tp
  const fn = a.size - tp
  return {
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    precision: p.size === 0 ? (a.size === 0 ? 1 : 0) : tp / p.size,
    recall: a.size === 0 ? 1 : tp / a.size,
  }
}

/** One measured row of the accuracy table. */
export interface AccuracyRow {
  readonly analysis: string
  readonly measure: string
  readonly seed: number
  readonly value: number
  readonly goal: string
  readonly met: boolean
  readonly detail: string
}
