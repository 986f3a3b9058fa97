import type { Params } from './params.js'

/**
 * Every analysis result travels in this envelope: what ran (id and version), with what (parameters and their
 * digest), on what (a digest of the case's source files), and when. Re-running on the same case with the same
 * parameters gives the same `result`, byte for byte.
 */
export interface AnalysisResult<R> {
  readonly analysis: { readonly id: string; readonly version: string; readonly title: string }
  readonly parameters: Params
  readonly parametersDigest: string
  readonly inputDigest: string
  readonly generatedAt: string
  /** Numbers the parameters name that no record of the case names (the result says nothing about them). */
  readonly numbersNotInCase: readonly string[]
  readonly result: R
}
