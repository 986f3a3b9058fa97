import type { CaseStore } from '@linesight/store'
import type { AnalysisContext } from './context.js'
import type { ParamSchema, Params } from './params.js'

/**
 * An analysis: SQL in the engine through `store.run`, a typed result, every threshold a declared parameter.
 * `run` is a pure function of (store, params, ctx): no clock, no randomness, no files.
 */
export interface AnalysisDefinition<R> {
  readonly id: string
  readonly version: string
  readonly title: string
  /** One paragraph for a court reader: what it computes and what it does not show. */
  readonly description: string
  readonly params: ParamSchema
  readonly run: (store: CaseStore, params: Params, ctx: AnalysisContext) => Promise<R>
}
