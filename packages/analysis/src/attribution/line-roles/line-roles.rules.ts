import type { EventEvidence } from '../../core/evidence.js'

/** One reason in a role score: what was measured, the threshold it had to meet, its weight and its rows. */
export interface Signal {
  readonly id: string
  readonly text: string
  readonly value: number
  readonly threshold: number
  readonly weight: number
  readonly fired: boolean
  /** This signal must fire for the number to be listed in the role. */
  readonly required: boolean
  readonly evidence: readonly EventEvidence[]
}

export type Confidence = 'high' | 'medium' | 'low'

export interface Scored {
  /** Sum of the weights of the signals that fired, over the sum of all weights (0–1). */
  readonly score: number
  readonly confidence: Confidence
  readonly listed: boolean
}

/**
 * The explained score: weights of fired signals over all weights; listed only when every required signal fired;
 * confidence bands by the declared cut-offs. A score ranks leads; it is never a verdict.
 */
export function score(signals: readonly Signal[], high: number, medium: number): Scored {
  const total = signals.reduce((s, x) => s + x.weight, 0)
  const got = signals.reduce((s, x) => s + (x.fired ? x.weight : 0), 0)
  const value = total > 0 ? Math.round((got / total) * 1000) / 1000 : 0
  return {
    score: value,
    confidence: value >= high ? 'high' : value >= medium ? 'medium' : 'low',
    listed: signals.every((x) => !x.required || x.fired),
  }
}

export const signal = (s: Omit<Signal, 'fired'> & { readonly fired?: boolean }): Signal => ({
  ...s,
  fired: s.fired ?? s.value >= s.threshold,
})

/** Share as a rounded ratio, 0 when the denominator is 0. */
export const share = (part: number, whole: number): number =>
  whole > 0 ? Math.round((part / whole) * 1000) / 1000 : 0

/** Sorted union of day lists. */
export const unionDays = (...lists: readonly (readonly string[])[]): string[] =>
  [...new Set(lists.flat())].sort()
