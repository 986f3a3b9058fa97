import type { AnalysisContext } from '../../core/context.js'
import type { AnalysisDefinition } from '../../core/definition.js'
import type { EventEvidence } from '../../core/evidence.js'
import type { ParamSchema, Params } from '../../core/params.js'
import { idsEvidence } from '../daily-customers/daily-customers.js'
import {
  BURST_PARAMS,
  CALLBACK_PARAMS,
  CONTACT_RULE_PARAMS,
  DAY_WINDOW_PARAMS,
  LINE_PARAM,
  numberParam,
  required,
  stringParam,
  WEEK_PARAM,
} from '../shared/params.js'
import { transactionSqlParams } from '../transactions/transactions.js'
import {
  COLUMNS,
  DRUGS,
  FACTORS_HIGHER,
  FACTORS_LOWER,
  SENTENCING_TABLES,
  sensitivityGrid,
  type Column,
  type Drug,
  type GridRow,
  type QuantityInputs,
  type SentencingTable,
  type Wrap,
} from './quantity.rules.js'
import { quantityBasisQuery, type QuantityBasisRow } from './quantity.sql.js'

export interface BasisFigure {
  readonly value: number
  readonly evidence: EventEvidence
}

export interface QuantityResult {
  readonly line: string
  readonly zone: string
  readonly window: { readonly from: string | null; readonly to: string | null }
  /** The counts both models start from, with the rows behind them. */
  readonly basis: {
    /** Σ dailyCustomers(d): the qualifying contacts of the counted customer-days. */
    readonly customerDays: BasisFigure
    /** Σ potential(d): the qualifying contacts of the potential transactions. */
    readonly potentialTransactions: BasisFigure
    /** Σ confirmed(d): the call-backs that confirmed them. */
    readonly confirmedTransactions: BasisFigure
  }
  readonly grid: readonly GridRow[]
  readonly sentencingTable: SentencingTable
  readonly citations: {
    readonly meanConsumption: string
    readonly medianConsumption: string
    readonly wrapReferences: string
  }
  readonly factorsHigher: readonly string[]
  readonly factorsLower: readonly string[]
  readonly caveats: readonly string[]
  /** Every parameter the figures used, printed with the result. */
  readonly parameters: Params
}

const IDMU_HEROIN =
  'IDMU heroin deals: 0.5 g for £20 most common (33%), then 0.1 g for £5 (23%) and 0.2 g for £10 (21%) (http://www.idmu.co.uk/opiate-usage-consumption-attitudes-prices/page-2.htm)'
const RUSI =
  'RUSI: a dependent user buys two 0.1 g bags a day at £10 each (https://shoc.rusi.org/blog/part-1-county-lines-as-a-choice-and-an-opportunity/)'
const MEDIAN =
  'IDMU (M. Atha), Expert Witness Journal, Aug 2025: median consumption about 0.166 g/day combined, 102 mg heroin + 64 mg crack (https://expert-witness.paperturn-view.com/?p=25&pid=ODg8899085)'

const wrapSpecs: readonly (readonly [Drug, Column, number, number, string])[] = [
  ['heroin', 'low', 100, 500, `${IDMU_HEROIN}: 0.1 g for £5`],
  ['heroin', 'central', 200, 1000, `${IDMU_HEROIN}: 0.2 g for £10`],
  ['heroin', 'high', 500, 2000, `${IDMU_HEROIN}: 0.5 g for £20`],
  ['crack', 'low', 100, 1000, `${RUSI}: 0.1 g for £10`],
  ['crack', 'central', 100, 1000, `${RUSI}: 0.1 g for £10`],
  ['crack', 'high', 200, 2000, `our design: two of RUSI's 0.1 g bags, 0.2 g for £20 (${RUSI})`],
]

const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1)
const wrapParam = (drug: Drug, column: Column, what: 'Mg' | 'Pence'): string =>
  `${drug}Wrap${what}${cap(column)}`

const wrapParams: ParamSchema = Object.fromEntries(
  wrapSpecs.flatMap(([drug, column, mg, pence, source]) => [
    [
      wrapParam(drug, column, 'Mg'),
      {
        type: 'integer',
        default: mg,
        min: 0,
        max: 1_000_000,
        unit: 'mg',
        description: `IDMU model, ${column} column: ${drug} per wrap. Reference default from ${source}`,
      },
    ],
    [
      wrapParam(drug, column, 'Pence'),
      {
        type: 'integer',
        default: pence,
        min: 0,
        max: 100_000_000,
        unit: 'pence',
        description: `IDMU model, ${column} column: price of one ${drug} wrap. Reference default from ${source}`,
      },
    ],
  ]),
)

const requiredInteger = (description: string, unit: string, max: number): ParamSchema[string] => ({
  type: 'integer',
  default: null,
  min: 0,
  max,
  unit,
  description,
})

const inputsOf = (
  id: string,
  params: Params,
  customerDays: number,
  potential: number,
  confirmed: number,
): QuantityInputs => {
  const per = (name: (d: Drug) => string): Record<Drug, number> =>
    Object.fromEntries(DRUGS.map((d) => [d, required<number>(id, params, name(d))])) as Record<Drug, number>
  return {
    customerDays,
    potential,
    confirmed,
    sharePercent: per((d) => `${d}SharePercent`),
    meanMgPerDay: per((d) => `mean${cap(d)}MgPerDay`),
    medianMgPerDay: per((d) => `median${cap(d)}MgPerDay`),
    wrapsPerTransaction: per((d) => `${d}WrapsPerTransaction`),
    wraps: Object.fromEntries(
      DRUGS.map((d) => [
        d,
        Object.fromEntries(
          COLUMNS.map((c): [Column, Wrap] => [
            c,
            {
              mg: numberParam(params, wrapParam(d, c, 'Mg')),
              pence: numberParam(params, wrapParam(d, c, 'Pence')),
            },
          ]),
        ),
      ]),
    ) as QuantityInputs['wraps'],
  }
}

export const quantity: AnalysisDefinition<QuantityResult> = {
  id: 'quantity',
  version: '1',
  title: 'Quantity and value (sensitivity grid)',
  description:
    'Estimates the quantity and value of drugs supplied through one line number with two models, shown side by side as a grid rather than one number. Police daily-consumption model: the sum of daily customers (police rules) × the share of customers buying each drug × a daily consumption figure, once with the mean the analyst enters with its citation (none is built in) and once with the median (IDMU reference figures by default: 102 mg heroin, 64 mg crack a day). IDMU model: potential or confirmed transactions × wraps per transaction × wrap size and price, for low, central and high wrap sizes (IDMU and RUSI reference figures by default, with their sources). Each cell gives milligrams, pence and the sentencing-guideline indicative quantity it reaches, from a small versioned table that is unverified. Fixed text lists factors that could push the true figure higher or lower. Arithmetic is exact in whole milligrams and pence, rounded once. The figures are a guide: they rest on counts of contacts and on assumptions about consumption and deal sizes, every one of which is printed and can be changed.',
  params: {
    ...LINE_PARAM,
    ...BURST_PARAMS,
    ...CONTACT_RULE_PARAMS,
    ...WEEK_PARAM,
    ...CALLBACK_PARAMS,
    ...DAY_WINDOW_PARAMS,
    heroinSharePercent: requiredInteger(
      'Police model: share of customer-days buying heroin (a customer buying both counts for both). Analyst input, required',
      '%',
      100,
    ),
    crackSharePercent: requiredInteger(
      'Police model: share of customer-days buying crack cocaine. Analyst input, required',
      '%',
      100,
    ),
    meanHeroinMgPerDay: requiredInteger(
      'Police model: mean heroin consumption per user per day. No built-in value: enter the figure the police model uses (the Dame Carol Black review of drugs, per https://www.2drj.com/post/algorithm-used-to-assess-weight-of-drugs-sold-in-county-line-cases) with its citation. Required',
      'mg/day',
      100_000,
    ),
    meanCrackMgPerDay: requiredInteger(
      'Police model: mean crack consumption per user per day. No built-in value: enter it with its citation. Required',
      'mg/day',
      100_000,
    ),
    meanCitation: {
      type: 'string',
      default: null,
      description:
        'Where the mean consumption figures come from (document, table, page), printed with the grid. Required',
    },
    medianHeroinMgPerDay: {
      type: 'integer',
      default: 102,
      min: 0,
      max: 100_000,
      unit: 'mg/day',
      description: `Police model (median row): median heroin consumption per user per day. Reference default from ${MEDIAN}`,
    },
    medianCrackMgPerDay: {
      type: 'integer',
      default: 64,
      min: 0,
      max: 100_000,
      unit: 'mg/day',
      description: `Police model (median row): median crack consumption per user per day. Reference default from ${MEDIAN}`,
    },
    medianCitation: {
      type: 'string',
      default: MEDIAN,
      description: 'Where the median consumption figures come from, printed with the grid',
    },
    heroinWrapsPerTransaction: requiredInteger(
      'IDMU model: heroin wraps sold per transaction (0 if the line sells none). Analyst input, required',
      'wraps',
      1000,
    ),
    crackWrapsPerTransaction: requiredInteger(
      'IDMU model: crack wraps sold per transaction (0 if the line sells none). Analyst input, required',
      'wraps',
      1000,
    ),
    ...wrapParams,
    sentencingTable: {
      type: 'enum',
      default: 'sc-drug-supply-indicative@1',
      values: SENTENCING_TABLES.map((t) => `${t.id}@${t.version}`),
      description:
        'Versioned table of sentencing-guideline indicative quantities (unverified: check before use)',
    },
  },
  run: async (store, params, ctx) => {
    const id = 'quantity'
    const line = required<string>(id, params, 'line')
    required<number>(id, params, 'callbackWindowMinutes')
    required<string>(id, params, 'meanCitation')
    const [figures] = await store.run(quantityBasisQuery, transactionSqlParams(id, params, ctx, [line]))
    return quantityOf(id, line, figures, params, ctx)
  },
}

/** One line's quantity result from its customer-days and transactions (none: the line has no records). */
export function quantityOf(
  id: string,
  line: string,
  figures: Pick<QuantityBasisRow, 'customer_days' | 'transactions'> | undefined,
  params: Params,
  ctx: AnalysisContext,
): QuantityResult {
  const meanCitation = required<string>(id, params, 'meanCitation')
  const from = stringParam(params, 'from')
  const to = stringParam(params, 'to')
  const inWindow = (day: string): boolean => (from === null || day >= from) && (to === null || day <= to)
  const customerDays = (figures?.customer_days ?? []).filter((r) => r.days_in_week > 1 && inWindow(r.day))
  const tx = (figures?.transactions ?? []).filter((r) => inWindow(r.day))
  const confirmed = tx.filter((t) => t.callback_id !== null)
  const inputs = inputsOf(id, params, customerDays.length, tx.length, confirmed.length)
  const tableKey = String(params['sentencingTable'])
  const table = SENTENCING_TABLES.find((t) => `${t.id}@${t.version}` === tableKey) ?? SENTENCING_TABLES[0]!
  return {
    line,
    zone: ctx.zone,
    window: { from, to },
    basis: {
      customerDays: {
        value: customerDays.length,
        evidence: idsEvidence(
          customerDays.flatMap((r) => r.record_targets),
          customerDays.flatMap((r) => r.ids),
        ),
      },
      potentialTransactions: {
        value: tx.length,
        evidence: idsEvidence(
          tx.flatMap((r) => r.record_targets),
          tx.flatMap((r) => r.ids),
        ),
      },
      confirmedTransactions: {
        value: confirmed.length,
        evidence: idsEvidence(
          confirmed.map((r) => r.callback_record_target ?? ''),
          confirmed.map((r) => r.callback_id ?? ''),
        ),
      },
    },
    grid: sensitivityGrid(inputs, table),
    sentencingTable: table,
    citations: {
      meanConsumption: meanCitation,
      medianConsumption: stringParam(params, 'medianCitation') ?? '',
      wrapReferences: `${IDMU_HEROIN}. ${RUSI}.`,
    },
    factorsHigher: FACTORS_HIGHER,
    factorsLower: FACTORS_LOWER,
    caveats: [
      'A guide, not a measurement: the counts are of phone numbers making qualifying contacts, not of people or deals.',
      'The police rows price the police quantity at each column’s wrap price per gram; only the value changes across their columns.',
      'The sentencing table is unverified and shows which indicative quantity a figure reaches; it is not a categorisation of the offence.',
    ],
    parameters: params,
  }
}
