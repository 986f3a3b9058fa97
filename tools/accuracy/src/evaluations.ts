import type { QuerySpec } from '@linesight/store'
import { dailyCountsEvaluation, dealLinesEvaluation } from './evaluations-lines.js'
import { lineNetworkEvaluation } from './evaluations-network.js'
import type { Evaluation } from './evaluations-types.js'

const importAccounting: QuerySpec<{ read: number; imported: number; rejected: number }> = {
  id: 'accuracy-import-accounting',
  sql: {
    duckdb: `SELECT sum(rows_read) AS read, sum(rows_imported) AS imported, sum(rows_rejected) AS rejected FROM source_files`,
  },
  params: [],
  row: (r) => ({ read: Number(r['read']), imported: Number(r['imported']), rejected: Number(r['rejected']) }),
}

/** Import: every delivered row is accounted for, and only the planted dirt is rejected. */
export const importEvaluation: Evaluation = async (session, _truth, seed) => {
  const [a] = await session.store.run(importAccounting, {})
  const accounted = a !== undefined && a.read === a.imported + a.rejected
  return [
    {
      analysis: 'import',
      measure: 'rows accounted (read = imported + rejected)',
      seed,
      value: accounted ? 1 : 0,
      goal: '= 1',
      met: accounted,
      detail: `read ${a?.read} imported ${a?.imported} rejected ${a?.rejected}`,
    },
    {
      analysis: 'import',
      measure: 'rows rejected (the generator plants 1 malformed date)',
      seed,
      value: a?.rejected ?? -1,
      goal: '= 1',
      met: a?.rejected === 1,
      detail: '',
    },
  ]
}

/** Every evaluation, in table order. Each analysis with ground truth adds its own here. */
export const EVALUATIONS: readonly Evaluation[] = [
  importEvaluation,
  dealLinesEvaluation,
  dailyCountsEvaluation,
  lineNetworkEvaluation,
]
