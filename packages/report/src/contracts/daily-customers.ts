import type { EventEvidence } from '@linesight/analysis'
import { eventEvidence, list, nullable, num, shape, text, type Reader } from '../core/contract.js'

export interface CustomerDay {
  /** Local calendar day, `YYYY-MM-DD`, in the analysis zone. */
  readonly date: string
  readonly customers: number
  readonly evidence: EventEvidence | null
}

/** Contacts or customer-days a rule removed (short calls, automated replies, single-day weeks …). */
export interface RemovedByRule {
  readonly rule: string
  readonly count: number
  readonly evidence: EventEvidence | null
}

/** What the documents read from the `daily-customers` analysis result (police rules, domain brief §3.3). */
export interface DailyCustomersFigures {
  readonly line: string
  readonly customerBaseSize: number
  readonly days: readonly CustomerDay[]
  readonly removed: readonly RemovedByRule[]
}

export const readDailyCustomers: Reader<DailyCustomersFigures> = shape({
  line: text,
  customerBaseSize: num,
  days: list(shape({ date: text, customers: num, evidence: nullable(eventEvidence) })),
  removed: list(shape({ rule: text, count: num, evidence: nullable(eventEvidence) })),
})
