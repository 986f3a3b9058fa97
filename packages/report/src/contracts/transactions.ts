import type { EventEvidence } from '@linesight/analysis'
import { eventEvidence, list, nullable, num, shape, text, type Reader } from '../core/contract.js'

export interface TransactionDay {
  readonly day: string
  readonly potential: number
  readonly confirmed: number
  readonly potentialEvidence: EventEvidence | null
  readonly confirmedEvidence: EventEvidence | null
}

/** What the documents read from the `transactions` analysis result (potential and confirmed, §3.4). */
export interface TransactionsFigures {
  readonly line: string
  readonly callbackWindowMinutes: number
  readonly days: readonly TransactionDay[]
  readonly totals: { readonly potential: number; readonly confirmed: number }
}

export const readTransactions: Reader<TransactionsFigures> = shape({
  line: text,
  callbackWindowMinutes: num,
  days: list(
    shape({
      day: text,
      potential: num,
      confirmed: num,
      potentialEvidence: nullable(eventEvidence),
      confirmedEvidence: nullable(eventEvidence),
    }),
  ),
  totals: shape({ potential: num, confirmed: num }),
})
