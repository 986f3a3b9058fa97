import type { QuerySpec } from '@linesight/store'
import {
  customerDaysCte,
  customerDaysListSql,
  readCustomerDays,
  type CustomerDayRow,
} from '../daily-customers/daily-customers.sql.js'
import { lineContactCtes } from '../shared/line-contacts.sql.js'
import {
  readTransactions,
  TRANSACTION_PARAMS,
  transactionCtes,
  transactionsListSql,
  type TransactionParam,
  type TransactionRow,
} from '../transactions/transactions.sql.js'

export interface QuantityBasisRow {
  /** Customer-days (police rules 1–5), as daily-customers counts them. */
  readonly customer_days: readonly CustomerDayRow[]
  /** Potential transactions and their call-backs, as transactions lists them. */
  readonly transactions: readonly TransactionRow[]
}

/** The counts both quantity models start from, in one query so the line's records are read once. */
export const quantityBasisQuery: QuerySpec<QuantityBasisRow, TransactionParam> = {
  id: 'quantity-basis',
  sql: {
    duckdb: `WITH ${lineContactCtes()}, ${customerDaysCte()}, ${transactionCtes()}
      SELECT ${customerDaysListSql} AS customer_days, ${transactionsListSql} AS transactions`,
  },
  params: TRANSACTION_PARAMS,
  row: (r) => ({
    customer_days: readCustomerDays(r['customer_days']),
    transactions: readTransactions(r['transactions']),
  }),
}
