import type { EventEvidence } from '@linesight/analysis'
import { eventEvidence, list, listOrEmpty, nullable, num, shape, text, type Reader } from '../core/contract.js'

/** One number/SIM/handset generation of a line, with the period it was in use. */
export interface LineGeneration {
  readonly msisdn: string
  readonly imsi: string | null
  readonly imei: string | null
  readonly firstUtc: string
  readonly lastUtc: string
  readonly evidence: EventEvidence | null
}

/** Why two identifiers belong to the same line (shared IMEI, customer-base overlap, …). */
export interface ContinuityLink {
  readonly from: string
  readonly to: string
  readonly basis: string
  readonly detail: string
  readonly evidence: EventEvidence | null
}

/** A successor number proposed but not confirmed by an analyst: never part of the line's history. */
export interface SuccessorCandidate {
  readonly msisdn: string
  readonly score: number
  readonly basis: string
  readonly evidence: EventEvidence | null
}

export interface LineHistory {
  readonly id: string
  readonly brand: string | null
  readonly generations: readonly LineGeneration[]
  readonly links: readonly ContinuityLink[]
  readonly candidates: readonly SuccessorCandidate[]
}

/** What the documents read from the `line-continuity` analysis result (§3.6). */
export interface LineContinuityFigures {
  readonly lines: readonly LineHistory[]
}

export const readLineContinuity: Reader<LineContinuityFigures> = shape({
  lines: list(
    shape({
      id: text,
      brand: nullable(text),
      generations: list(
        shape({
          msisdn: text,
          imsi: nullable(text),
          imei: nullable(text),
          firstUtc: text,
          lastUtc: text,
          evidence: nullable(eventEvidence),
        }),
      ),
      links: list(shape({ from: text, to: text, basis: text, detail: text, evidence: nullable(eventEvidence) })),
      candidates: listOrEmpty(shape({ msisdn: text, score: num, basis: text, evidence: nullable(eventEvidence) })),
    }),
  ),
})
