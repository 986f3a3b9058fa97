import { createHash } from 'node:crypto'
import type { CaseStore } from '@linesight/store'
import type { AnalysisContext } from '../../core/context.js'
import { canonicalJson, memoized } from '../../core/memo.js'
import type { Params } from '../../core/params.js'
import { inputSources } from '../../core/run-analysis.js'
import { flareQueryParams, num, type FlareQueryParams } from '../common/params.js'
import { continuityGraphQuery, type NodeRow, type PairRow } from './line-continuity.sql.js'

/** The name the continuity graph is kept under in the case's analysis indexes. */
export const CONTINUITY_GRAPH_INDEX = 'line-continuity-graph'

/** The continuity graph: numbers (in order of first activity) and scored-to-be pairs (in order of A, B). */
export interface ContinuityGraph {
  readonly nodes: readonly NodeRow[]
  readonly pairs: readonly PairRow[]
}

/** The graph query's parameters but the numbers: the only parameters the graph itself depends on. */
const graphRuleArgs = (rules: Params): FlareQueryParams & { windowSeconds: number; gapSeconds: number } => ({
  ...flareQueryParams(rules),
  windowSeconds: num(rules, 'continuityWindowDays') * 86_400,
  gapSeconds: num(rules, 'handoverMaxGapDays') * 86_400,
})

/** The continuity graph of the given numbers and every number that flared in its own records, from the engine. */
export async function queryGraph(
  store: CaseStore,
  numbers: readonly string[],
  rules: Params,
): Promise<ContinuityGraph> {
  const rows = await store.run(continuityGraphQuery, { numbers, ...graphRuleArgs(rules) })
  const nodes: NodeRow[] = []
  const pairs: PairRow[] = []
  for (const row of rows)
    if (row.kind === 'node') nodes.push(row)
    else pairs.push(row)
  return { nodes, pairs }
}

/** What an index is valid for: the case's source files, the graph's rule parameters and the query text. */
const indexKey = (sources: string, rules: Params): string =>
  createHash('sha256')
    .update(canonicalJson({ query: continuityGraphQuery.sql.duckdb, rules: graphRuleArgs(rules), sources }))
    .digest('hex')

/**
 * Builds the whole-case continuity graph (no number given: every number that flared) under `rules` and keeps it
 * in the case's analysis indexes, unless the one kept is already for these files and rules. True when it was built.
 */
export async function writeGraphIndex(store: CaseStore, rules: Params): Promise<boolean> {
  const key = indexKey(await inputSources(store, undefined), rules)
  if ((await store.readIndex(CONTINUITY_GRAPH_INDEX))?.key === key) return false
  const graph = await queryGraph(store, [], rules)
  await store.writeIndex(CONTINUITY_GRAPH_INDEX, { key, payload: JSON.stringify(graph) })
  return true
}

/**
 * The continuity graph of `numbers` from the case's index when the index was built from the case's present files
 * under the same rule parameters and holds every given number (each a number that flared, so the graph over them
 * is the whole-case graph, only marking them as given); otherwise null, and the caller queries the engine.
 */
export async function indexedGraph(
  store: CaseStore,
  numbers: readonly string[],
  rules: Params,
  ctx: AnalysisContext | undefined,
): Promise<ContinuityGraph | null> {
  const key = indexKey(await inputSources(store, ctx), rules)
  const whole = await memoized(ctx, 'line-continuity-index', { key }, async () => {
    const index = await store.readIndex(CONTINUITY_GRAPH_INDEX)
    return index?.key === key ? (JSON.parse(index.payload) as ContinuityGraph) : null
  })
  if (whole === null) return null
  const given = new Set(numbers)
  const known = new Set(whole.nodes.map((n) => n.msisdn))
  if (![...given].every((n) => known.has(n))) return null
  return { nodes: whole.nodes.map((n) => ({ ...n, given: given.has(n.msisdn) })), pairs: whole.pairs }
}
