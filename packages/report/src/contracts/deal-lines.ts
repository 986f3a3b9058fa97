import type { EventEvidence } from '@linesight/analysis'
import {
  bool,
  eventEvidence,
  list,
  nullable,
  num,
  oneOf,
  shape,
  text,
  textOrNumber,
  type Reader,
} from '../core/contract.js'

/** A condition of the verdict (regular flares, stable list …): passed or not, and why. */
export interface DealLineCondition {
  readonly name: string
  readonly passed: boolean
  readonly reason: string
}

/** One weighted part of the ranking score, with its measured value and the rows behind it. */
export interface DealLineScorePart {
  readonly name: string
  readonly value: string | number | null
  readonly weight: number
  readonly points: number
  readonly reason: string
  readonly evidence: EventEvidence | null
}

export interface DealLineCandidate {
  readonly number: string
  readonly verdict: 'deal-line' | 'possible' | 'not'
  readonly score: number
  readonly conditions: readonly DealLineCondition[]
  readonly parts: readonly DealLineScorePart[]
  readonly evidence: EventEvidence | null
}

/** What the documents read from the `deal-lines` analysis result (domain brief §3.1). */
export interface DealLinesFigures {
  readonly candidates: readonly DealLineCandidate[]
}

export const readDealLines: Reader<DealLinesFigures> = shape({
  candidates: list(
    shape({
      number: text,
      verdict: oneOf('deal-line', 'possible', 'not'),
      score: num,
      conditions: list(shape({ name: text, passed: bool, reason: text })),
      parts: list(
        shape({
          name: text,
          value: textOrNumber,
          weight: num,
          points: num,
          reason: text,
          evidence: nullable(eventEvidence),
        }),
      ),
      evidence: nullable(eventEvidence),
    }),
  ),
})
