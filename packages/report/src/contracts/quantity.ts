import { list, nullable, num, oneOf, shape, text, type Reader } from '../core/contract.js'

export interface SentencingReading {
  /** 1–4, or null below the lowest indicative quantity. */
  readonly category: number | null
  readonly text: string
}

/** One cell of the sensitivity grid: both drugs together, in milligrams and pence as the analysis sums them. */
export interface QuantityGridCell {
  readonly column: 'low' | 'central' | 'high'
  readonly totalMg: number
  readonly totalPence: number
  readonly heroin: { readonly mg: number; readonly sentencing: SentencingReading }
  readonly crack: { readonly mg: number; readonly sentencing: SentencingReading }
}

/** One row: a model and basis (police-mean, police-median, IDMU-potential, IDMU-confirmed). */
export interface QuantityGridRow {
  readonly row: string
  readonly label: string
  readonly formula: string
  readonly cells: readonly QuantityGridCell[]
}

/** What the documents read from the `quantity` analysis result (both models, §3.5). */
export interface QuantityFigures {
  readonly line: string
  readonly grid: readonly QuantityGridRow[]
  readonly sentencingTable: {
    readonly id: string
    readonly version: string
    readonly source: string
    readonly note: string
  }
  readonly factorsHigher: readonly string[]
  readonly factorsLower: readonly string[]
  readonly caveats: readonly string[]
}

const sentencing = shape({ category: nullable(num), text })
const drug = shape({ mg: num, sentencing })

export const readQuantity: Reader<QuantityFigures> = shape({
  line: text,
  grid: list(
    shape({
      row: text,
      label: text,
      formula: text,
      cells: list(
        shape({
          column: oneOf('low', 'central', 'high'),
          totalMg: num,
          totalPence: num,
          heroin: drug,
          crack: drug,
        }),
      ),
    }),
  ),
  sentencingTable: shape({ id: text, version: text, source: text, note: text }),
  factorsHigher: list(text),
  factorsLower: list(text),
  caveats: list(text),
})
