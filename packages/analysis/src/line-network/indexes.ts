import type { CaseStore } from '@linesight/store'
import { resolveParams } from '../core/params.js'
import { writeGraphIndex } from '../continuity/line-continuity/graph-index.js'
import { CONTINUITY_PARAMS } from '../continuity/line-continuity/line-continuity.js'

/**
 * Builds the case's analysis indexes after an import: the whole-case line continuity graph at the default linking
 * rule, which every line-network analysis of even one number would otherwise compute. An index no longer matching
 * the case's files is never read, so a failed or skipped build costs speed only.
 */
export async function buildAnalysisIndexes(store: CaseStore): Promise<void> {
  await writeGraphIndex(store, resolveParams(CONTINUITY_PARAMS, {}, 'analysis-indexes'))
}
