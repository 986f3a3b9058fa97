import { createHash } from 'node:crypto'
import { ValidationError, isTimeZoneName, timeZoneProblem } from '@linesight/model'
import type { CaseStore, QuerySpec } from '@linesight/store'
import type { AnalysisContext } from './context.js'
import type { AnalysisDefinition } from './definition.js'
import { createAnalysisMemo, memoized } from './memo.js'
import { numbersNamed, numbersNotInCase } from './numbers-not-in-case.js'
import { canonicalParams, resolveParams } from './params.js'
import type { AnalysisResult } from './result.js'

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex')

const sources: QuerySpec<{ list: string }> = {
  id: 'input-digest',
  sql: { duckdb: `SELECT coalesce(string_agg(sha256, ',' ORDER BY sha256), '') AS list FROM source_files` },
  params: [],
  row: (r) => ({ list: String(r['list']) }),
}

/**
 * The case's source files as one text (their SHA-256s in order), read once per run through the memo: what an
 * analysis result's `inputDigest` is computed from, and what analysis indexes are keyed on.
 */
export async function inputSources(store: CaseStore, ctx: AnalysisContext | undefined): Promise<string> {
  const [digest] = await memoized(ctx, 'input-digest', {}, () => store.run(sources, {}))
  return digest?.list ?? ''
}

/** Runs one analysis with validated parameters and wraps the result with its provenance. */
export async function runAnalysis<R>(
  definition: AnalysisDefinition<R>,
  store: CaseStore,
  given: Readonly<Record<string, unknown>>,
  ctx: AnalysisContext,
): Promise<AnalysisResult<R>> {
  const parameters = resolveParams(definition.params, given, `${definition.id}.params`)
  if (!isTimeZoneName(ctx.zone)) throw new ValidationError(`${definition.id}.zone`, timeZoneProblem(ctx.zone))
  // One analysis is a run over an unchanged case too: without the caller's memo it gets its own.
  const run = ctx.memo === undefined ? { ...ctx, memo: createAnalysisMemo() } : ctx
  // The case's files do not change during a run, so a run's memo reads them once.
  const digest = await inputSources(store, run)
  const result = await definition.run(store, parameters, run)
  return {
    analysis: { id: definition.id, version: definition.version, title: definition.title },
    parameters,
    parametersDigest: sha256(canonicalParams(parameters)),
    inputDigest: sha256(digest),
    generatedAt: ctx.now.toISOString(),
    numbersNotInCase: await numbersNotInCase(store, numbersNamed(definition.params, parameters)),
    result,
  }
}
