import { useMemo } from 'react'
import { numberField, resultTables } from '@linesight/viz'
import { api } from '../api/client.js'
import { LINES_ANALYSIS } from '../board/sections.js'
import { useAnalyses, useTargets } from '../state/case-data.js'
import { prefill } from '../state/prefill.js'
import { useAsync } from '../state/use-async.js'

export interface LineChoice {
  readonly number: string
  readonly label: string
}

/**
 * The numbers a line document can be about: the board's lines first (the same deal-lines run, so the board's
 * answer is reused), then every other number with records in the case.
 */
export function useLineChoices(caseId: string): { choices: LineChoice[]; loading: boolean } {
  const analyses = useAnalyses()
  const targets = useTargets(caseId)
  const analysis = analyses.data?.analyses.find((a) => a.id === LINES_ANALYSIS)
  const params = analysis === undefined ? null : prefill(analysis, [], null, null, null)
  // The key is the board's, so a run it already made is read from the cache.
  const run = useAsync(
    params === null ? null : `run|${caseId}|${LINES_ANALYSIS}|${JSON.stringify(params)}`,
    (s) => api.run(caseId, LINES_ANALYSIS, params ?? {}, s),
  )
  const choices = useMemo(() => {
    const out: LineChoice[] = []
    const seen = new Set<string>()
    const table =
      run.data === null ? undefined : resultTables(run.data.result).find((t) => numberField(t.rows) !== null)
    const key = table === undefined ? null : numberField(table.rows)
    for (const row of table?.rows ?? []) {
      const n = key === null ? undefined : row[key]
      if (typeof n !== 'string' || seen.has(n)) continue
      seen.add(n)
      const verdict = row['verdict']
      out.push({ number: n, label: typeof verdict === 'string' ? `${n} (${verdict})` : n })
    }
    for (const t of targets.data?.targets ?? [])
      if (!seen.has(t.number)) {
        seen.add(t.number)
        out.push({ number: t.number, label: `${t.number} (${t.events.toLocaleString('en-GB')} events)` })
      }
    return out
  }, [run.data, targets.data])
  const loading = run.loading || targets.loading || analyses.loading
  // Nothing until both lists are in, so the default line does not change under the analyst's hand.
  return { choices: loading ? [] : choices, loading }
}
