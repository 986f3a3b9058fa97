import type { EventEvidence } from '@linesight/analysis'
import { eventEvidence, list, nullable, num, shape, text, type Reader } from '../core/contract.js'

export interface CustomerDay {
  /** Local calendar day, `YYYY-MM-DD`, in the analysis zone. */
  readonly day: string
  readonly dailyCustomers: number
  /** Customer-days that day removed by the single-day-per-week rule. */
  readonly removedSingleDay: number
  readonly evidence: EventEvidence | null
}

/** What the rules made of the contacts with the line: qualifying, unanswered, auto-reply … (nothing dropped silently). */
export interface ContactBreakdown {
  readonly baseStatus: string
  readonly status: string
  readonly contacts: number
  readonly customers: number
  readonly evidence: EventEvidence | null
}

/** What the documents read from the `daily-customers` analysis result (police rules, domain brief §3.3). */
export interface DailyCustomersFigures {
  readonly line: string
  readonly base: {
    readonly members: number
    readonly recipients: number
    readonly firstFlareAt: string | null
  }
  readonly days: readonly CustomerDay[]
  readonly totals: { readonly customerDays: number; readonly removedSingleDay: number }
  readonly contactBreakdown: readonly ContactBreakdown[]
}

export const readDailyCustomers: Reader<DailyCustomersFigures> = shape({
  line: text,
  base: shape({ members: num, recipients: num, firstFlareAt: nullable(text) }),
  days: list(
    shape({ day: text, dailyCustomers: num, removedSingleDay: num, evidence: nullable(eventEvidence) }),
  ),
  totals: shape({ customerDays: num, removedSingleDay: num }),
  contactBreakdown: list(
    shape({
      baseStatus: text,
      status: text,
      contacts: num,
      customers: num,
      evidence: nullable(eventEvidence),
    }),
  ),
})
