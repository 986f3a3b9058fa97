import type { EventEvidence } from '@linesight/analysis'
import { eventEvidence, list, nullable, shape, text, type Reader } from '../core/contract.js'

export interface Indicator {
  readonly name: string
  readonly detail: string
  readonly evidence: EventEvidence | null
}

/** One person (or number, while unattributed) with the indicators seen: a lead for human review (§3.9). */
export interface WorklistEntry {
  readonly person: string | null
  readonly dateOfBirth: string | null
  readonly numbers: readonly string[]
  readonly lines: readonly string[]
  readonly indicators: readonly Indicator[]
}

/** What the documents read from the `safeguarding-worklist` analysis result. */
export interface SafeguardingWorklistFigures {
  readonly entries: readonly WorklistEntry[]
}

export const readSafeguardingWorklist: Reader<SafeguardingWorklistFigures> = shape({
  entries: list(
    shape({
      person: nullable(text),
      dateOfBirth: nullable(text),
      numbers: list(text),
      lines: list(text),
      indicators: list(shape({ name: text, detail: text, evidence: nullable(eventEvidence) })),
    }),
  ),
})
