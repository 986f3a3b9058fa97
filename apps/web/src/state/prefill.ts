import type { AnalysisInfo } from '../api/types.js'

const NUMBER_PARAM = /^(target|number|msisdn|line|lineNumber|line_number|targetNumber)$/i
const NUMBERS_PARAM = /^(targets|numbers|lines|msisdns)$/i

/**
 * Parameter values taken from the workspace: a number parameter gets the focused (or first selected) number, a
 * list of numbers gets the selection, `from`/`to` get the time filter. Everything else keeps its default.
 */
export function prefill(
  analysis: AnalysisInfo,
  numbers: readonly string[],
  focus: string | null,
  from: string | null,
  to: string | null,
): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [k, spec] of Object.entries(analysis.params)) {
    if (spec.type === 'string' && NUMBER_PARAM.test(k) && (focus ?? numbers[0]) !== undefined)
      out[k] = focus ?? numbers[0]
    if (spec.type === 'string-list' && NUMBERS_PARAM.test(k) && numbers.length > 0) out[k] = [...numbers]
    if (spec.type === 'string' && k === 'from' && from !== null) out[k] = from
    if (spec.type === 'string' && k === 'to' && to !== null) out[k] = to
  }
  return out
}

/**
 * The number parameters without a default that a prefill leaves unset. (A null default means "unset" to the
 * schema: optional bounds like `from` stay null; a number to read cannot.)
 */
export const missingRequired = (
  analysis: AnalysisInfo,
  params: Readonly<Record<string, unknown>>,
): string[] =>
  Object.entries(analysis.params)
    .filter(
      ([k, spec]) =>
        spec.type === 'string' &&
        spec.default === null &&
        NUMBER_PARAM.test(k) &&
        (params[k] === undefined || params[k] === null),
    )
    .map(([k]) => k)
