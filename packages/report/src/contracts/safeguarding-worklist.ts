import type { EventEvidence } from '@linesight/analysis'
import { eventEvidence, list, nullable, num, shape, text, type Reader } from '../core/contract.js'

/** One indicator seen (under 18, long trips, several phones, a cuckooing lead …) with the rows behind it. */
export interface Indicator {
  readonly id: string
  readonly text: string
  readonly evidence: readonly EventEvidence[]
}

/** A person named by a subscriber record. Date of birth from the record only, never inferred from behaviour. */
export interface WorklistPerson {
  readonly name: string | null
  readonly dateOfBirth: string | null
}

/** One person (or number, while unattributed) with the indicators seen: a lead for human review (§3.9). */
export interface WorklistEntry {
  readonly numbers: readonly string[]
  readonly persons: readonly WorklistPerson[]
  readonly roles: readonly {
    readonly role: string
    readonly line: string
    readonly number: string
    readonly from: string
    readonly to: string
  }[]
  readonly indicators: readonly Indicator[]
  readonly indicatorCount: number
}

/** What the documents read from the `safeguarding-worklist` analysis result. */
export interface SafeguardingWorklistFigures {
  readonly label: string
  readonly entries: readonly WorklistEntry[]
  readonly note: string
}

export const readSafeguardingWorklist: Reader<SafeguardingWorklistFigures> = shape({
  label: text,
  entries: list(
    shape({
      numbers: list(text),
      persons: list(shape({ name: nullable(text), dateOfBirth: nullable(text) })),
      roles: list(shape({ role: text, line: text, number: text, from: text, to: text })),
      indicators: list(shape({ id: text, text, evidence: list(eventEvidence) })),
      indicatorCount: num,
    }),
  ),
  note: text,
})
