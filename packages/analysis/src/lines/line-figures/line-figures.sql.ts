import type { QuerySpec } from '@linesight/store'
import { readRecipients, recipientsCtes, type RecipientRow } from '../customer-base/customer-base.sql.js'
import {
  customerDaysCte,
  dailyFiguresColumns,
  dailyFiguresCtes,
  dailyFiguresJoins,
  readDailyFigures,
  type DailyCustomersRow,
} from '../daily-customers/daily-customers.sql.js'
import { LINE_CONTACT_PARAMS, lineContactCtes, type LineContactParam } from '../shared/line-contacts.sql.js'
import { lineDaysCte } from '../shared/line-days.sql.js'
import {
  readTransactions,
  TRANSACTION_PARAMS,
  transactionCtes,
  type TransactionParam,
  type TransactionRow,
} from '../transactions/transactions.sql.js'

export interface LineFiguresRow extends DailyCustomersRow {
  readonly line: string
  /** The flare recipients, as customer-base lists them. */
  readonly recipients: readonly RecipientRow[]
  /** Potential transactions and their call-backs, as transactions lists them (empty when not asked for). */
  readonly transactions: readonly TransactionRow[]
}

/** The CTEs and columns both queries share: the lines' records are read, and flares found, once for everything. */
const BASE_CTES = `${lineContactCtes()}, ${recipientsCtes()}, ${customerDaysCte()}, ${lineDaysCte()},
  ${dailyFiguresCtes()}`
const BASE_COLUMNS = `line, recipients_list.recipients, ${dailyFiguresColumns}`
const BASE_JOINS = `LEFT JOIN recipients_list USING (line) ${dailyFiguresJoins}`

const row = (r: Record<string, unknown>): LineFiguresRow => ({
  line: String(r['line']),
  recipients: readRecipients(r['recipients']),
  ...readDailyFigures(r),
  transactions: readTransactions(r['transactions']),
})

/**
 * Customer base, daily customers, transactions and the quantity basis of every given line, in one query: the
 * single-line analyses' CTEs, one row per line.
 */
export const lineFiguresQuery: QuerySpec<LineFiguresRow, TransactionParam | 'from' | 'to' | 'as_of'> = {
  id: 'line-figures',
  sql: {
    duckdb: `WITH ${BASE_CTES}, ${transactionCtes()}
      SELECT ${BASE_COLUMNS}, tx_list.transactions
      FROM lines ${BASE_JOINS} LEFT JOIN tx_list USING (line)
      ORDER BY line`,
  },
  params: [...TRANSACTION_PARAMS, 'from', 'to', 'as_of'],
  row,
}

/** The same without transactions, when no call-back window is set. */
export const lineBaseFiguresQuery: QuerySpec<LineFiguresRow, LineContactParam | 'from' | 'to' | 'as_of'> = {
  id: 'line-figures-base',
  sql: {
    duckdb: `WITH ${BASE_CTES}
      SELECT ${BASE_COLUMNS} FROM lines ${BASE_JOINS} ORDER BY line`,
  },
  params: [...LINE_CONTACT_PARAMS, 'from', 'to', 'as_of'],
  row,
}
