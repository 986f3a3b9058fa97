/**
 * The quantity and value models (domain brief §3.5) in integer arithmetic: milligrams and pence, exact products,
 * one rounding (half up) at the end of each figure.
 */

export type Drug = 'heroin' | 'crack'
export const DRUGS: readonly Drug[] = ['heroin', 'crack']

export type Column = 'low' | 'central' | 'high'
export const COLUMNS: readonly Column[] = ['low', 'central', 'high']

export type RowName = 'police-mean' | 'police-median' | 'idmu-potential' | 'idmu-confirmed'

export interface Wrap {
  readonly mg: number
  readonly pence: number
}

export interface QuantityInputs {
  /** Σ dailyCustomers(d), Σ potential(d), Σ confirmed(d) over the period. */
  readonly customerDays: number
  readonly potential: number
  readonly confirmed: number
  /** Police model: share of customer-days buying each drug (percent) and consumption (mg/day). */
  readonly sharePercent: Readonly<Record<Drug, number>>
  readonly meanMgPerDay: Readonly<Record<Drug, number>>
  readonly medianMgPerDay: Readonly<Record<Drug, number>>
  /** IDMU model. */
  readonly wrapsPerTransaction: Readonly<Record<Drug, number>>
  readonly wraps: Readonly<Record<Drug, Readonly<Record<Column, Wrap>>>>
}

export interface SentencingCategory {
  /** 1–4, or null below the lowest indicative quantity. */
  readonly category: number | null
  readonly text: string
}

export interface DrugFigure {
  readonly mg: number
  readonly pence: number
  readonly sentencing: SentencingCategory
}

export interface GridCell {
  readonly column: Column
  readonly wrap: Readonly<Record<Drug, Wrap>>
  readonly heroin: DrugFigure
  readonly crack: DrugFigure
  readonly totalMg: number
  readonly totalPence: number
}

export interface GridRow {
  readonly row: RowName
  readonly label: string
  readonly formula: string
  readonly cells: readonly GridCell[]
}

/** A versioned table of indicative quantities; the values are unverified until checked against the guideline. */
export interface SentencingTable {
  readonly id: string
  readonly version: string
  readonly verified: false
  readonly source: string
  readonly note: string
  /** Indicative quantity in mg per category, highest category first, per drug. */
  readonly indicativeMg: Readonly<Record<Drug, readonly { readonly category: number; readonly mg: number }[]>>
}

export const SENTENCING_TABLES: readonly SentencingTable[] = [
  {
    id: 'sc-drug-supply-indicative',
    version: '1',
    verified: false,
    source:
      'Sentencing Council, drug offences guideline (supply / possession with intent), indicative quantities for heroin and cocaine, as summarised in the Linesight domain brief §3.5 (unverified: check against the current guideline before use)',
    note: 'Indicative quantities are the starting points of the categories, not cut-offs; street dealing is categorised by role and circumstance rather than quantity. The table shows which indicative quantity a figure reaches, as a guide only.',
    indicativeMg: {
      heroin: [
        { category: 1, mg: 5_000_000 },
        { category: 2, mg: 1_000_000 },
        { category: 3, mg: 150_000 },
        { category: 4, mg: 5_000 },
      ],
      // Crack cocaine falls under cocaine.
      crack: [
        { category: 1, mg: 5_000_000 },
        { category: 2, mg: 1_000_000 },
        { category: 3, mg: 150_000 },
        { category: 4, mg: 5_000 },
      ],
    },
  },
]

/** Non-negative a / b rounded half up, exactly (BigInt). */
export function divRound(a: bigint, b: bigint): number {
  if (b <= 0n || a < 0n) throw new Error(`divRound needs a ≥ 0 and b > 0, got ${a} / ${b}`)
  return Number((2n * a + b) / (2n * b))
}

const big = (x: number): bigint => {
  if (!Number.isSafeInteger(x) || x < 0) throw new Error(`expected a whole number ≥ 0, got ${x}`)
  return BigInt(x)
}

const grams = (mg: number): string => (mg >= 1_000_000 ? `${mg / 1_000_000} kg` : `${mg / 1000} g`)

export function sentencingCategory(table: SentencingTable, drug: Drug, mg: number): SentencingCategory {
  for (const { category, mg: at } of table.indicativeMg[drug])
    if (mg >= at)
      return {
        category,
        text: `reaches the category ${category} indicative quantity (${grams(at)}) (unverified table)`,
      }
  const lowest = table.indicativeMg[drug].at(-1)
  return {
    category: null,
    text: `below the lowest indicative quantity${lowest === undefined ? '' : ` (${grams(lowest.mg)})`} (unverified table)`,
  }
}

/** Police model: customer-days × share × consumption; the value prices that quantity at the column's wrap. */
function policeFigure(
  inputs: QuantityInputs,
  table: SentencingTable,
  drug: Drug,
  column: Column,
  mgPerDay: number,
): DrugFigure {
  const numerator = big(inputs.customerDays) * big(inputs.sharePercent[drug]) * big(mgPerDay)
  const mg = divRound(numerator, 100n)
  const wrap = inputs.wraps[drug][column]
  const pence = wrap.mg === 0 ? 0 : divRound(numerator * big(wrap.pence), 100n * big(wrap.mg))
  return { mg, pence, sentencing: sentencingCategory(table, drug, mg) }
}

/** IDMU model: transactions × wraps per transaction × wrap size (and price). */
function idmuFigure(
  inputs: QuantityInputs,
  table: SentencingTable,
  drug: Drug,
  column: Column,
  transactions: number,
): DrugFigure {
  const wrap = inputs.wraps[drug][column]
  const units = big(transactions) * big(inputs.wrapsPerTransaction[drug])
  const mg = Number(units * big(wrap.mg))
  return { mg, pence: Number(units * big(wrap.pence)), sentencing: sentencingCategory(table, drug, mg) }
}

/** The sensitivity grid: four models (rows) by three wrap sizes (columns). */
export function sensitivityGrid(inputs: QuantityInputs, table: SentencingTable): GridRow[] {
  const rows: readonly [RowName, string, string, (drug: Drug, column: Column) => DrugFigure][] = [
    [
      'police-mean',
      'Police model, mean consumption',
      'Σ dailyCustomers × share(drug) × mean consumption(drug); value at the column’s price per gram',
      (d, c) => policeFigure(inputs, table, d, c, inputs.meanMgPerDay[d]),
    ],
    [
      'police-median',
      'Police model, median consumption',
      'Σ dailyCustomers × share(drug) × median consumption(drug); value at the column’s price per gram',
      (d, c) => policeFigure(inputs, table, d, c, inputs.medianMgPerDay[d]),
    ],
    [
      'idmu-potential',
      'IDMU model, potential transactions',
      'Σ potential(d) × wraps per transaction(drug) × wrap size (price)',
      (d, c) => idmuFigure(inputs, table, d, c, inputs.potential),
    ],
    [
      'idmu-confirmed',
      'IDMU model, confirmed transactions',
      'Σ confirmed(d) × wraps per transaction(drug) × wrap size (price)',
      (d, c) => idmuFigure(inputs, table, d, c, inputs.confirmed),
    ],
  ]
  return rows.map(([row, label, formula, figure]) => ({
    row,
    label,
    formula,
    cells: COLUMNS.map((column): GridCell => {
      const heroin = figure('heroin', column)
      const crack = figure('crack', column)
      return {
        column,
        wrap: { heroin: inputs.wraps.heroin[column], crack: inputs.wraps.crack[column] },
        heroin,
        crack,
        totalMg: heroin.mg + crack.mg,
        totalPence: heroin.pence + crack.pence,
      }
    }),
  }))
}

/** Factors the Crown usually lists as pushing the true figure higher (domain brief §3.5). */
export const FACTORS_HIGHER: readonly string[] = [
  'Customers whose numbers are not in the customer base (never received a flare in the records obtained).',
  'Orders by text message, which the calls-only count does not see.',
  "Orders made from a friend's or another phone.",
  'Group buys: one caller buying for several users.',
  'Introductions of new customers by existing ones.',
  'Payment in kind rather than cash.',
  'Customers contacting runners directly rather than the line.',
  'Pre-arranged deals needing no contact on the day.',
  'Drugs seized or stolen, which were supplied to the line but never sold.',
]

/** Factors pushing the true figure lower (domain brief §3.5). */
export const FACTORS_LOWER: readonly string[] = [
  'Median versus mean: consumption is one-tailed (many light users, few heavy ones), so applying the mean to every customer-day overstates the quantity; IDMU puts the median at about 0.166 g a day combined, and most users are below the mean.',
  'Bulk buying: heavy users tend to buy larger amounts less often rather than many small deals from a line, so a customer-day does not mean a day’s consumption bought from this line.',
]
