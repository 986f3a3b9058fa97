import { ValidationError } from '@linesight/model'
import type { AnalysisDefinition } from '../../core/definition.js'
import { resolveParams, type ParamSchema, type Params } from '../../core/params.js'
import { customerBase, customerBaseOf, type CustomerBaseResult } from '../customer-base/customer-base.js'
import {
  dailyCustomers,
  dailyCustomersOf,
  dailyCustomersSqlParams,
  type DailyCustomersResult,
} from '../daily-customers/daily-customers.js'
import { quantity, quantityOf, type QuantityResult } from '../quantity/quantity.js'
import { LINE_PARAM, listParam, stringParam } from '../shared/params.js'
import { transactions, transactionSqlParams, transactionsOf } from '../transactions/transactions.js'
import type { TransactionsResult } from '../transactions/transactions.js'
import { lineBaseFiguresQuery, lineFiguresQuery } from './line-figures.sql.js'

export interface LineFigures {
  readonly line: string
  readonly customerBase: CustomerBaseResult
  readonly dailyCustomers: DailyCustomersResult
  /** Null when `callbackWindowMinutes` is unset (transactions has no default call-back window). */
  readonly transactions: TransactionsResult | null
  /** Null when none of the quantity inputs is set. */
  readonly quantity: QuantityResult | null
}

export interface LineFiguresResult {
  readonly zone: string
  /** One entry per given line, in the order given (each number once). */
  readonly lines: readonly LineFigures[]
  /** Figures left out and why (an input they need is unset). */
  readonly notComputed: readonly string[]
}

const id = 'line-figures'

/** Quantity's analyst inputs (no defaults): quantity is given when any is set, and then needs all of them. */
const QUANTITY_INPUTS = [
  'heroinSharePercent',
  'crackSharePercent',
  'meanHeroinMgPerDay',
  'meanCrackMgPerDay',
  'meanCitation',
  'heroinWrapsPerTransaction',
  'crackWrapsPerTransaction',
] as const

/** The four analyses' parameters but `line`, the required inputs of transactions and quantity made optional. */
const figureParams: ParamSchema = Object.fromEntries(
  Object.entries({
    ...customerBase.params,
    ...dailyCustomers.params,
    ...transactions.params,
    ...quantity.params,
  })
    .filter(([name]) => name !== 'line')
    .map(([name, spec]) =>
      name === 'callbackWindowMinutes'
        ? [name, { ...spec, description: `${spec.description}, else transactions and quantity are left out` }]
        : (QUANTITY_INPUTS as readonly string[]).includes(name)
          ? [
              name,
              {
                ...spec,
                description: `${spec.description} when quantity is wanted (left out when none is set)`,
              },
            ]
          : [name, spec],
    ),
)

/** One of the four analyses' own parameters, as that analysis resolves them for one line. */
const paramsFor = (definition: AnalysisDefinition<unknown>, line: string, params: Params): Params =>
  resolveParams(
    definition.params,
    Object.fromEntries(Object.keys(definition.params).map((k) => [k, k === 'line' ? line : params[k]])),
    `${id}.params`,
  )

export const lineFigures: AnalysisDefinition<LineFiguresResult> = {
  id,
  version: '1',
  title: 'Line figures: customer base, daily customers, transactions and quantity for each line',
  description:
    "Gives, for each of many line numbers at once, the results of the customer-base, daily-customers, transactions and quantity analyses, exactly as each gives them for that line alone with the same parameters: the lines' records are read once for all of them. Each line keeps its own flare bursts, customer base and contacts; the exclusions, window, contact rules and runners apply to every line given (a runner's records never count for a line that is the runner itself). Transactions need the call-back window and quantity its analyst inputs: without them those figures are left out and the result says so. The same cautions apply as to each analysis: the figures count numbers and contacts, not people or deals.",
  params: {
    lines: {
      type: 'string-list',
      phone: 'each',
      default: [],
      description:
        'The line numbers (E.164, e.g. +447700900123) whose figures are given, each analysed on its own records as the single-line analyses do',
    },
    ...figureParams,
  },
  run: async (store, params, ctx) => {
    const pattern = new RegExp(String((LINE_PARAM['line'] as { pattern: string }).pattern))
    const lines = [...new Set(listParam(params, 'lines'))]
    for (const line of lines)
      if (!pattern.test(line))
        throw new ValidationError(`${id}.params.lines`, `"${line}" is not an E.164 number (+447…)`)
    const wantsQuantity = QUANTITY_INPUTS.some((name) => params[name] !== null && params[name] !== undefined)
    const wantsTransactions = params['callbackWindowMinutes'] !== null || wantsQuantity
    const notComputed = [
      ...(wantsTransactions ? [] : ['transactions and quantity: set callbackWindowMinutes']),
      ...(wantsQuantity || !wantsTransactions
        ? []
        : ['quantity: set its analyst inputs (shares, consumption, wraps)']),
    ]
    if (lines.length === 0) return { zone: ctx.zone, lines: [], notComputed }
    const quantityParams = wantsQuantity ? lines.map((line) => paramsFor(quantity, line, params)) : []
    const window = {
      ...dailyCustomersSqlParams(id, params, ctx, lines),
      as_of: stringParam(params, 'asOf'),
    }
    const rows = wantsTransactions
      ? await store.run(lineFiguresQuery, { ...transactionSqlParams(id, params, ctx, lines), ...window })
      : await store.run(lineBaseFiguresQuery, window)
    const byLine = new Map(rows.map((r) => [r.line, r]))
    return {
      zone: ctx.zone,
      notComputed,
      lines: lines.map((line, i): LineFigures => {
        const row = byLine.get(line)
        const q = quantityParams[i]
        return {
          line,
          customerBase: customerBaseOf(line, row?.recipients ?? [], params, ctx),
          dailyCustomers: dailyCustomersOf(line, row, params, ctx),
          transactions: wantsTransactions ? transactionsOf(id, line, row, params, ctx) : null,
          quantity: q === undefined ? null : quantityOf(id, line, row, q, ctx),
        }
      }),
    }
  },
}
