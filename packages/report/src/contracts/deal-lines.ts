import type { EventEvidence } from '@linesight/analysis'
import { bool, eventEvidence, list, listOrEmpty, nullable, num, oneOf, shape, text, textOrNumber, type Reader } from '../core/contract.js'

/** One signal behind a deal-line score (flare bursts, fan-in, short calls …), with its value and evidence. */
export interface DealLineSignal {
  readonly name: string
  readonly value: string | number | null
  readonly fired: boolean
  readonly evidence: EventEvidence | null
}

/** One flare burst: an outbound SMS burst from the line to many recipients within minutes. */
export interface FlareBurst {
  readonly startUtc: string
  readonly endUtc: string
  readonly recipients: number
  readonly evidence: EventEvidence | null
}

export interface DealLineCandidate {
  readonly msisdn: string
  readonly verdict: 'deal-line' | 'possible' | 'not'
  readonly score: number
  readonly signals: readonly DealLineSignal[]
  /** Absent when the analysis does not list bursts; the document then says so. */
  readonly flareBursts: readonly FlareBurst[]
}

/** What the documents read from the `deal-lines` analysis result. */
export interface DealLinesFigures {
  readonly candidates: readonly DealLineCandidate[]
}

export const readDealLines: Reader<DealLinesFigures> = shape({
  candidates: list(
    shape({
      msisdn: text,
      verdict: oneOf('deal-line', 'possible', 'not'),
      score: num,
      signals: list(shape({ name: text, value: textOrNumber, fired: bool, evidence: nullable(eventEvidence) })),
      flareBursts: listOrEmpty(
        shape({ startUtc: text, endUtc: text, recipients: num, evidence: nullable(eventEvidence) }),
      ),
    }),
  ),
})
