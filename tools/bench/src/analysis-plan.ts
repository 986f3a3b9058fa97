import type { AnalysisDefinition, ParamSpec } from '@linesight/analysis'
import { QUANTITY_INPUTS, TRANSACTION_INPUTS, type ScenarioNumbers } from './scenario-numbers.js'

/** Goals of issue 5: an analysis of one number under 300 ms, one over many numbers or the whole case under 5 s. */
export const SINGLE_GOAL_MS = 300
export const CASE_GOAL_MS = 5000

export type Shape = 'one number' | 'pair' | 'list' | 'case'

/**
 * One measurement: `once` runs the analysis with one parameter set (median of warm runs); `loop` runs it once per
 * parameter set, one number after another, and reports the per-number median and the total.
 */
export interface PlannedRun {
  readonly label: string
  readonly mode: 'once' | 'loop'
  readonly goalMs: number
  readonly params: readonly Readonly<Record<string, unknown>>[]
}

export interface AnalysisPlan {
  readonly id: string
  readonly shape: Shape
  /** The parameter the numbers go into, e.g. `target` or `lines`. */
  readonly numbersParam: string | null
  readonly runs: readonly PlannedRun[]
}

/** Inputs an analysis needs besides numbers, from the scenario case. */
export interface CaseInputs {
  readonly numbers: ScenarioNumbers
  /** Ten places and times for common-numbers, `label=CGI@FROM/TO`. */
  readonly dumps: readonly string[]
  /** A location of interest's id, for analyses that measure to a place. */
  readonly place: string | null
}

const SINGLE_PARAMS = ['target', 'line', 'number']
const LIST_PARAMS = ['numbers', 'targets', 'senders', 'lines']
/** Parameters that name deal lines get deal-line numbers; everything else gets a mix of the case's numbers. */
const LINE_PARAMS = ['line', 'lines', 'number']

/** Parameters an analysis requires besides its numbers, by analysis id. */
function extraParams(id: string, inputs: CaseInputs): Readonly<Record<string, unknown>> {
  switch (id) {
    case 'transactions':
      return TRANSACTION_INPUTS
    case 'quantity':
    case 'line-figures':
      return QUANTITY_INPUTS
    case 'event-sequence':
      return inputs.place === null ? {} : { place: inputs.place }
    default:
      return {}
  }
}

const takeFrom = (list: readonly string[], n: number): string[] => {
  if (list.length < n)
    throw new Error(`the scenario has ${list.length} numbers of this kind; ${n} are needed`)
  return list.slice(0, n)
}

/** The least and most numbers a list parameter takes, read from its description ("at least two", "two to ten"). */
function listBounds(spec: ParamSpec): { min: number; max: number } {
  const d = spec.description
  if (/two to ten/i.test(d)) return { min: 2, max: 10 }
  if (/at least two|two or more/i.test(d)) return { min: 2, max: Infinity }
  return { min: 1, max: Infinity }
}

/** True when an empty list means "every number in the case": the analysis then also has a whole-case run. */
const emptyMeansAll = (spec: ParamSpec): boolean =>
  /\b(every|all)\b[^.;]*\bwhen empty\b/i.test(spec.description)

/**
 * Decides how to measure an analysis from its declared parameters: a `target`/`line`/`number` parameter makes it a
 * one-number analysis (one number, then a loop over 50), `numberA`+`numberB` a pair, a list parameter a list
 * analysis (1 and 50 numbers, and the whole case when an empty list means every number), anything else case-wide.
 */
export function planAnalysis(
  definition: AnalysisDefinition<unknown>,
  inputs: CaseInputs,
  many: number,
): AnalysisPlan {
  const { id, params: schema } = definition
  const extra = extraParams(id, inputs)
  const pool = (name: string): readonly string[] =>
    LINE_PARAMS.includes(name) ? inputs.numbers.lineNumbers : inputs.numbers.targets
  const names = Object.keys(schema)
  const single = SINGLE_PARAMS.find((n) => schema[n]?.type === 'string')
  if (single !== undefined) {
    const numbers = takeFrom(pool(single), many)
    return {
      id,
      shape: 'one number',
      numbersParam: single,
      runs: [
        {
          label: '1 number',
          mode: 'once',
          goalMs: SINGLE_GOAL_MS,
          params: [{ ...extra, [single]: numbers[0] }],
        },
        {
          label: `${many} numbers, one at a time`,
          mode: 'loop',
          goalMs: SINGLE_GOAL_MS,
          params: numbers.map((n) => ({ ...extra, [single]: n })),
        },
      ],
    }
  }
  if (names.includes('numberA') && names.includes('numberB')) {
    const numbers = takeFrom(inputs.numbers.targets, many)
    const [a, b] = inputs.numbers.pair
    return {
      id,
      shape: 'pair',
      numbersParam: 'numberA,numberB',
      runs: [
        {
          label: '1 pair',
          mode: 'once',
          goalMs: SINGLE_GOAL_MS,
          params: [{ ...extra, numberA: a, numberB: b }],
        },
        {
          label: `${many} pairs, one at a time`,
          mode: 'loop',
          goalMs: SINGLE_GOAL_MS,
          params: numbers.map((n, i) => ({
            ...extra,
            numberA: n,
            numberB: numbers[(i + 1) % numbers.length],
          })),
        },
      ],
    }
  }
  const list = LIST_PARAMS.find((n) => schema[n]?.type === 'string-list')
  const listSpec = list === undefined ? undefined : schema[list]
  if (list !== undefined && listSpec !== undefined) {
    const { min, max } = listBounds(listSpec)
    const few = Math.max(1, min)
    const lots = Math.min(many, max)
    const runs: PlannedRun[] = [
      {
        label: few === 1 ? '1 number' : `${few} numbers`,
        mode: 'once',
        goalMs: SINGLE_GOAL_MS,
        params: [{ ...extra, [list]: takeFrom(pool(list), few) }],
      },
      {
        label: `${lots} numbers`,
        mode: 'once',
        goalMs: CASE_GOAL_MS,
        params: [{ ...extra, [list]: takeFrom(pool(list), lots) }],
      },
    ]
    if (emptyMeansAll(listSpec))
      runs.push({
        label: 'whole case',
        mode: 'once',
        goalMs: CASE_GOAL_MS,
        params: [{ ...extra, [list]: [] }],
      })
    return { id, shape: 'list', numbersParam: list, runs }
  }
  const caseParams = id === 'common-numbers' ? { ...extra, dumps: inputs.dumps } : extra
  return {
    id,
    shape: 'case',
    numbersParam: null,
    runs: [{ label: 'whole case', mode: 'once', goalMs: CASE_GOAL_MS, params: [caseParams] }],
  }
}
