import type { EventEvidence } from '@linesight/analysis'
import { eventEvidence, list, nullable, num, shape, text, type Reader } from '../core/contract.js'

export interface TransactionDay {
  readonly date: string
  readonly potential: number
  readonly confirmed: number
  readonly evidence: EventEvidence | null
}

/** What the documents read from the `transactions` analysis result (potential and confirmed, §3.4). */
export interface TransactionsFigures {
  readonly line: string
  readonly days: readonly TransactionDay[]
}

export const readTransactions: Reader<TransactionsFigures> = shape({
  line: text,
  days: list(shape({ date: text, potential: num, confirmed: num, evidence: nullable(eventEvidence) })),
})
