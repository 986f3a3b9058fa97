import { createHash } from 'node:crypto'
import type { CaseStore, ParamValue, QuerySpec } from '@linesight/store'
import type { AnalysisContext } from './context.js'
import { canonicalJson, memoized } from './memo.js'
import { inputSources } from './run-analysis.js'

/**
 * A query whose whole-case rows the case keeps in its analysis indexes. Its rows must each depend only on the
 * records of the value `keyOf` gives, so that the rows for some values are the whole-case rows of those values:
 * `filter` is the list parameter that selects them (empty: every row), and nothing else the query does may depend
 * on it.
 */
export interface RowIndex<R, P extends string> {
  readonly name: string
  readonly query: QuerySpec<R, P>
  readonly filter: P
  readonly keyOf: (row: R) => string
}

type QueryParams<P extends string> = Readonly<Record<P, ParamValue>>

/** What a kept set of rows is valid for: the query text, its parameters but the filter, and the case's files. */
function indexKey<R, P extends string>(
  index: RowIndex<R, P>,
  params: QueryParams<P>,
  sources: string,
): string {
  const rest = Object.fromEntries(Object.entries(params).filter(([name]) => name !== index.filter))
  return createHash('sha256')
    .update(canonicalJson({ query: index.query.sql.duckdb, params: rest, sources }))
    .digest('hex')
}

/**
 * Runs the query for every value (the filter left empty) and keeps its rows, unless the rows kept are already for
 * these parameters and the case's present files. True when it ran.
 */
export async function writeRowIndex<R, P extends string>(
  store: CaseStore,
  index: RowIndex<R, P>,
  params: QueryParams<P>,
): Promise<boolean> {
  const key = indexKey(index, params, await inputSources(store, undefined))
  if ((await store.readIndex(index.name))?.key === key) return false
  const rows = await store.run(index.query, { ...params, [index.filter]: [] })
  await store.writeIndex(index.name, { key, payload: JSON.stringify(rows) })
  return true
}

/**
 * The query's rows: from the case's index when it was kept for these parameters and the present files (the rows of
 * the filter's values, in the query's order), else from the engine.
 */
export async function runIndexed<R, P extends string>(
  store: CaseStore,
  index: RowIndex<R, P>,
  params: QueryParams<P>,
  ctx: AnalysisContext | undefined,
): Promise<readonly R[]> {
  const key = indexKey(index, params, await inputSources(store, ctx))
  const whole = await memoized(ctx, `row-index:${index.name}`, { key }, async () => {
    const kept = await store.readIndex(index.name)
    return kept?.key === key ? (JSON.parse(kept.payload) as readonly R[]) : null
  })
  if (whole === null) return store.run(index.query, params)
  const wanted = params[index.filter]
  if (!Array.isArray(wanted) || wanted.length === 0) return whole
  const selected = new Set<string>(wanted as readonly string[])
  return whole.filter((row) => selected.has(index.keyOf(row)))
}
