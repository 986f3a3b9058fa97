import type { CaseStore } from '@linesight/store'
import { resolveParams } from '../core/params.js'
import { CONTINUITY_GRAPH_INDEX, writeGraphIndex } from '../continuity/line-continuity/graph-index.js'
import { CONTINUITY_PARAMS } from '../continuity/line-continuity/line-continuity.js'

/**
 * Builds the case's analysis indexes after an import: the whole-case line continuity graph at the default linking
 * rule, which every line-network analysis of even one number would otherwise compute. An index no longer matching
 * the case's files is never read, so a failed or skipped build costs speed only. Gives the names of the indexes it
 * built (none when every index was already current).
 */
export async function buildAnalysisIndexes(store: CaseStore): Promise<readonly string[]> {
  const built = await writeGraphIndex(store, resolveParams(CONTINUITY_PARAMS, {}, 'analysis-indexes'))
  return built ? [CONTINUITY_GRAPH_INDEX] : []
}
