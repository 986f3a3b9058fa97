import type { EventEvidence } from '@linesight/analysis'
import { eventEvidence, list, nullable, num, shape, text, type Reader } from '../core/contract.js'

/** A SIM (IMSI) or handset (IMEI) seen with a number, and when. */
export interface IdentifierUse {
  readonly value: string
  readonly firstSeen: string
  readonly lastSeen: string
  readonly records: number
  readonly evidence: EventEvidence | null
}

/** One number of a line, with the SIMs and handsets its records show. */
export interface LineGeneration {
  readonly msisdn: string
  readonly firstSeen: string
  readonly lastSeen: string
  readonly flares: number
  readonly imsis: readonly IdentifierUse[]
  readonly imeis: readonly IdentifierUse[]
  readonly evidence: EventEvidence | null
}

/** Why a later number continues an earlier one: shared handset or SIM, and/or shared customers. */
export interface ContinuityLink {
  readonly from: string
  readonly to: string
  readonly basis: readonly string[]
  readonly timing: { readonly gapHours: number }
  readonly customers: {
    readonly shared: number
    readonly jaccard: number
    readonly overlap: number
    readonly evidence: readonly EventEvidence[]
  }
  readonly sharedIdentifiers: readonly {
    readonly kind: string
    readonly value: string
    readonly to: { readonly evidence: EventEvidence | null }
  }[]
}

export interface LineHistory {
  /** The line's first number. */
  readonly key: string
  readonly numbers: readonly string[]
  readonly firstSeen: string
  readonly lastSeen: string
  readonly generations: readonly LineGeneration[]
  readonly links: readonly ContinuityLink[]
}

/** What the documents read from the `line-continuity` analysis result (§3.6). */
export interface LineContinuityFigures {
  readonly lines: readonly LineHistory[]
}

const use = shape({
  value: text,
  firstSeen: text,
  lastSeen: text,
  records: num,
  evidence: nullable(eventEvidence),
})

export const readLineContinuity: Reader<LineContinuityFigures> = shape({
  lines: list(
    shape({
      key: text,
      numbers: list(text),
      firstSeen: text,
      lastSeen: text,
      generations: list(
        shape({
          msisdn: text,
          firstSeen: text,
          lastSeen: text,
          flares: num,
          imsis: list(use),
          imeis: list(use),
          evidence: nullable(eventEvidence),
        }),
      ),
      links: list(
        shape({
          from: text,
          to: text,
          basis: list(text),
          timing: shape({ gapHours: num }),
          customers: shape({ shared: num, jaccard: num, overlap: num, evidence: list(eventEvidence) }),
          sharedIdentifiers: list(
            shape({ kind: text, value: text, to: shape({ evidence: nullable(eventEvidence) }) }),
          ),
        }),
      ),
    }),
  ),
})

/** The line the user chose: by its key (first number) or by any of its numbers. */
export function findLine(figures: LineContinuityFigures | null, line: string): LineHistory | null {
  if (figures === null) return null
  return (
    figures.lines.find((l) => l.key === line) ?? figures.lines.find((l) => l.numbers.includes(line)) ?? null
  )
}
