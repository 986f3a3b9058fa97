import type { Reader } from '../core/contract.js'
import { readDailyCustomers, type DailyCustomersFigures } from './daily-customers.js'
import { readDealLines, type DealLinesFigures } from './deal-lines.js'
import { readFlareBursts, type FlareBurstsFigures } from './flare-bursts.js'
import { readLineContinuity, type LineContinuityFigures } from './line-continuity.js'
import { readLineRoles, type LineRolesFigures } from './line-roles.js'
import { readQuantity, type QuantityFigures } from './quantity.js'
import { readSafeguardingWorklist, type SafeguardingWorklistFigures } from './safeguarding-worklist.js'
import { readTransactions, type TransactionsFigures } from './transactions.js'

/**
 * The analysis results the documents read, by analysis id: the report layer's side of the contract with
 * packages/analysis. An analysis whose result lacks these fields is reported as "could not be used" with the path
 * of the first missing field; it is never guessed around.
 */
export interface ContractTypes {
  readonly 'deal-lines': DealLinesFigures
  readonly 'flare-bursts': FlareBurstsFigures
  readonly 'daily-customers': DailyCustomersFigures
  readonly transactions: TransactionsFigures
  readonly quantity: QuantityFigures
  readonly 'line-continuity': LineContinuityFigures
  readonly 'line-roles': LineRolesFigures
  readonly 'safeguarding-worklist': SafeguardingWorklistFigures
}

export type ContractId = keyof ContractTypes

export interface Contract<R> {
  readonly read: Reader<R>
  /** What the documents use it for, printed when it is missing. */
  readonly purpose: string
}

export const CONTRACTS: { readonly [K in ContractId]: Contract<ContractTypes[K]> } = {
  'deal-lines': {
    read: readDealLines,
    purpose: 'deal-line verdict with its conditions and the score behind it',
  },
  'flare-bursts': { read: readFlareBursts, purpose: 'flare bursts (bulk texts) from the line' },
  'daily-customers': {
    read: readDailyCustomers,
    purpose: 'customer-days per day under the police rules, and what each rule removed',
  },
  transactions: { read: readTransactions, purpose: 'potential and confirmed transactions per day' },
  quantity: {
    read: readQuantity,
    purpose: 'quantity and value estimates under both models (sensitivity grid)',
  },
  'line-continuity': {
    read: readLineContinuity,
    purpose: "the line's numbers, SIMs and handsets over time, with the evidence for each link",
  },
  'line-roles': {
    read: readLineRoles,
    purpose: 'holder and runner attribution with the evidence for and against',
  },
  'safeguarding-worklist': {
    read: readSafeguardingWorklist,
    purpose: 'people to safeguard with the indicators seen',
  },
}

export const CONTRACT_IDS = Object.keys(CONTRACTS) as readonly ContractId[]

export type * from './daily-customers.js'
export type * from './deal-lines.js'
export type * from './flare-bursts.js'
export type * from './line-continuity.js'
export type * from './line-roles.js'
export type * from './quantity.js'
export type * from './safeguarding-worklist.js'
export type * from './transactions.js'
