import { lineNumbersOf, type GroundTruth, type TargetRole } from '@linesight/generator'

/** The numbers and inputs the benchmarks feed to analyses, all taken from a scenario's ground truth. */
export interface ScenarioNumbers {
  /** Every deal-line number (each generation of each line), in truth order. */
  readonly lineNumbers: readonly string[]
  /** Numbers with records in the case, taken in turn from each role so every kind of number is represented. */
  readonly targets: readonly string[]
  /** The first line's first number and its holder's personal number: two ends a contact chain can join. */
  readonly pair: readonly [string, string]
}

const ROLE_ORDER: readonly TargetRole[] = [
  'deal',
  'runner',
  'customer',
  'holder',
  'tasking',
  'background',
  'decoy',
]

/** Round robin over the roles, so a list of 50 holds deal lines, runners, customers, holders and the rest. */
function mixedTargets(truth: GroundTruth): string[] {
  const byRole = ROLE_ORDER.map((role) => truth.targets.filter((t) => t.role === role).map((t) => t.msisdn))
  const out: string[] = []
  for (let i = 0; out.length < truth.targets.length; i++)
    for (const list of byRole) {
      const n = list[i]
      if (n !== undefined) out.push(n)
    }
  return out
}

export function scenarioNumbers(truth: GroundTruth): ScenarioNumbers {
  const lineNumbers = lineNumbersOf(truth)
  const first = truth.lines[0]
  const line = first?.generations[0]?.msisdn
  if (first === undefined || line === undefined) throw new Error('the scenario has no deal line')
  return { lineNumbers, targets: mixedTargets(truth), pair: [line, first.holder.personalMsisdn] }
}

/** Transactions' call-back window (no default by design): the 60 minutes the scenario's own counts use. */
export const TRANSACTION_INPUTS = { callbackWindowMinutes: 60 } as const

/**
 * The quantity analysis's analyst inputs (no defaults by design): stated bench figures, not evidence. Any
 * values exercise the same SQL; these are in the range the method statement discusses.
 */
export const QUANTITY_INPUTS = {
  ...TRANSACTION_INPUTS,
  heroinSharePercent: 60,
  crackSharePercent: 70,
  meanHeroinMgPerDay: 150,
  meanCrackMgPerDay: 100,
  meanCitation: 'Benchmark input (synthetic case; not a cited figure)',
  heroinWrapsPerTransaction: 1,
  crackWrapsPerTransaction: 1,
} as const
