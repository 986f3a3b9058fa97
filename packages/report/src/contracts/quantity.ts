import { list, nullable, num, shape, text, type Reader } from '../core/contract.js'

/** One cell of the sensitivity grid. Quantities in milligrams and values in pence, as the analysis sums them. */
export interface QuantityCell {
  readonly milligrams: number
  readonly valuePence: number | null
  readonly category: string | null
}

/** One row of the grid: a model and basis (police-mean, police-median, IDMU-potential, IDMU-confirmed). */
export interface QuantityRow {
  readonly model: string
  readonly low: QuantityCell
  readonly central: QuantityCell
  readonly high: QuantityCell
}

/** What the documents read from the `quantity` analysis result (both models, §3.5). */
export interface QuantityFigures {
  readonly line: string
  readonly rows: readonly QuantityRow[]
  readonly higherFactors: readonly string[]
  readonly lowerFactors: readonly string[]
}

const cell = shape({ milligrams: num, valuePence: nullable(num), category: nullable(text) })

export const readQuantity: Reader<QuantityFigures> = shape({
  line: text,
  rows: list(shape({ model: text, low: cell, central: cell, high: cell })),
  higherFactors: list(text),
  lowerFactors: list(text),
})
