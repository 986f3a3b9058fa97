import { createHash } from 'node:crypto'
import type { CaseStore, QuerySpec } from '@linesight/store'
import type { AnalysisContext } from './context.js'
import type { AnalysisDefinition } from './definition.js'
import { memoized } from './memo.js'
import { canonicalParams, resolveParams } from './params.js'
import type { AnalysisResult } from './result.js'

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex')

const sources: QuerySpec<{ list: string }> = {
  id: 'input-digest',
  sql: { duckdb: `SELECT coalesce(string_agg(sha256, ',' ORDER BY sha256), '') AS list FROM source_files` },
  params: [],
  row: (r) => ({ list: String(r['list']) }),
}

/** Runs one analysis with validated parameters and wraps the result with its provenance. */
export async function runAnalysis<R>(
  definition: AnalysisDefinition<R>,
  store: CaseStore,
  given: Readonly<Record<string, unknown>>,
  ctx: AnalysisContext,
): Promise<AnalysisResult<R>> {
  const parameters = resolveParams(definition.params, given, `${definition.id}.params`)
  // The case's files do not change during a run, so a run's memo reads them once.
  const [digest] = await memoized(ctx, 'input-digest', {}, () => store.run(sources, {}))
  const result = await definition.run(store, parameters, ctx)
  return {
    analysis: { id: definition.id, version: definition.version, title: definition.title },
    parameters,
    parametersDigest: sha256(canonicalParams(parameters)),
    inputDigest: sha256(digest?.list ?? ''),
    generatedAt: ctx.now.toISOString(),
    result,
  }
}
