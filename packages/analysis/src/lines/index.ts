import { customerBase } from './customer-base/customer-base.js'
import { dailyCustomers } from './daily-customers/daily-customers.js'
import { dealLines } from './deal-lines/deal-lines.js'
import { flareBursts } from './flare-bursts/flare-bursts.js'
import { lineFigures } from './line-figures/line-figures.js'
import { quantity } from './quantity/quantity.js'
import { transactions } from './transactions/transactions.js'

export {
  customerBase,
  type BaseEntry,
  type BaseGrowthDay,
  type CustomerBaseResult,
} from './customer-base/customer-base.js'
export {
  dailyCustomers,
  type ContactBreakdown,
  type CustomerDay,
  type DailyCustomersDay,
  type DailyCustomersResult,
} from './daily-customers/daily-customers.js'
export {
  dealLines,
  type Condition,
  type DealLineCandidate,
  type DealLinesResult,
  type ScorePart,
  type Verdict,
} from './deal-lines/deal-lines.js'
export {
  flareBursts,
  type FlareBurst,
  type FlareBurstsResult,
  type FlareSender,
} from './flare-bursts/flare-bursts.js'
export { lineFigures, type LineFigures, type LineFiguresResult } from './line-figures/line-figures.js'
export { quantity, type QuantityResult } from './quantity/quantity.js'
export type { GridCell, GridRow, SentencingTable } from './quantity/quantity.rules.js'
export {
  transactions,
  type Callback,
  type Transaction,
  type TransactionsDay,
  type TransactionsResult,
} from './transactions/transactions.js'

/** The line analyses (issue 4), for the registry: in method order. */
export const LINES_ANALYSES = [
  flareBursts,
  dealLines,
  customerBase,
  dailyCustomers,
  transactions,
  quantity,
  lineFigures,
] as const
