import type { CaseStore } from '@linesight/store'
import { resolveParams } from './core/params.js'
import { CONTINUITY_GRAPH_INDEX, writeGraphIndex } from './continuity/line-continuity/graph-index.js'
import { CONTINUITY_PARAMS } from './continuity/line-continuity/line-continuity.js'
import { NUMBER_BASE_INDEX_NAME, writeNumberBaseIndex } from './continuity/common/line-base.js'
import { FLARE_PARAMS } from './continuity/common/params.js'
import { BEHAVIOUR_INDEX_NAME, dealLines, writeBehaviourIndex } from './lines/deal-lines/deal-lines.js'

/**
 * Builds the case's analysis indexes after an import, at the default parameters and in the case's time zone: every
 * target's behaviour, which deal-line screening reads; every number's customer base, which line roles, cuckooing
 * and continuity read; and the whole-case line continuity graph, which every line-network analysis of even one
 * number would otherwise compute. An index no longer matching the case's files or the parameters asked for is never
 * read, so a failed or skipped build costs speed only. Gives the names of the indexes it built (none when every
 * index was already current).
 */
export async function buildAnalysisIndexes(store: CaseStore, zone: string): Promise<readonly string[]> {
  const built: string[] = []
  if (await writeBehaviourIndex(store, resolveParams(dealLines.params, {}, 'analysis-indexes'), zone))
    built.push(BEHAVIOUR_INDEX_NAME)
  if (await writeNumberBaseIndex(store, resolveParams(FLARE_PARAMS, {}, 'analysis-indexes')))
    built.push(NUMBER_BASE_INDEX_NAME)
  if (await writeGraphIndex(store, resolveParams(CONTINUITY_PARAMS, {}, 'analysis-indexes')))
    built.push(CONTINUITY_GRAPH_INDEX)
  return built
}
