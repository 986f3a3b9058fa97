import type { QuerySpec } from '@linesight/store'
import {
  customerDaysCte,
  readCustomerDays,
  type CustomerDayRow,
} from '../daily-customers/daily-customers.sql.js'
import { lineContactCtes } from '../shared/line-contacts.sql.js'
import {
  readTransactions,
  TRANSACTION_PARAMS,
  transactionCtes,
  type TransactionParam,
  type TransactionRow,
} from '../transactions/transactions.sql.js'

export interface QuantityBasisRow {
  readonly line: string
  /** Customer-days (police rules 1–5), as daily-customers counts them. */
  readonly customer_days: readonly CustomerDayRow[]
  /** Potential transactions and their call-backs, as transactions lists them. */
  readonly transactions: readonly TransactionRow[]
}

/** The counts both quantity models start from, for each line, in one query so the lines' records are read once. */
export const quantityBasisQuery: QuerySpec<QuantityBasisRow, TransactionParam> = {
  id: 'quantity-basis',
  sql: {
    duckdb: `WITH ${lineContactCtes()}, ${customerDaysCte()}, ${transactionCtes()}
      SELECT line, customer_days_list.customer_days, tx_list.transactions
      FROM lines LEFT JOIN customer_days_list USING (line) LEFT JOIN tx_list USING (line)
      ORDER BY line`,
  },
  params: TRANSACTION_PARAMS,
  row: (r) => ({
    line: String(r['line']),
    customer_days: readCustomerDays(r['customer_days']),
    transactions: readTransactions(r['transactions']),
  }),
}
