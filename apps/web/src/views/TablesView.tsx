import { useState, type ReactNode } from 'react'
import { api } from '../api/client.js'
import type { AnalysisResult } from '../api/types.js'
import { ErrorNote, Loading } from '../components/notes.js'
import { ParamsForm } from '../components/ParamsForm.js'
import { ResultView } from '../components/ResultView.js'
import { useAnalyses } from '../state/case-data.js'
import { prefill } from '../state/prefill.js'
import { useWorkspace } from '../state/workspace.js'

/** Every registered analysis: pick one, set its parameters, and read its result as tables. */
export function TablesView(): ReactNode {
  const { state } = useWorkspace()
  const analyses = useAnalyses()
  const [chosen, setChosen] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<AnalysisResult | null>(null)
  const [error, setError] = useState<Error | null>(null)
  if (analyses.data === null)
    return analyses.error === null ? <Loading what="analyses" /> : <ErrorNote error={analyses.error} />
  const list = analyses.data.analyses
  const current = list.find((a) => a.id === chosen) ?? list[0]
  const run = async (params: Record<string, unknown>): Promise<void> => {
    if (current === undefined) return
    setBusy(true)
    setError(null)
    try {
      setResult(await api.run(state.caseId, current.id, params))
    } catch (e) {
      setError(e as Error)
      setResult(null)
    } finally {
      setBusy(false)
    }
  }
  return (
    <div className="tables-view">
      <h1>Analyses</h1>
      <div className="analysis-picker" role="radiogroup" aria-label="Analysis">
        {list.map((a) => (
          <label key={a.id} className={a.id === current?.id ? 'chosen' : ''}>
            <input
              type="radio"
              name="analysis"
              checked={a.id === current?.id}
              onChange={() => {
                setChosen(a.id)
                setResult(null)
                setError(null)
              }}
            />
            {a.title}{' '}
            <small className="muted">
              {a.id} v{a.version}
            </small>
          </label>
        ))}
      </div>
      {current === undefined ? null : (
        <>
          <p className="description">{current.description}</p>
          <ParamsForm
            key={`${current.id}|${state.numbers.join(',')}|${state.focus.number}`}
            analysis={current}
            initial={prefill(current, state.numbers, state.focus.number, state.from, state.to)}
            busy={busy}
            onRun={(p) => void run(p)}
          />
        </>
      )}
      <ErrorNote error={error} title="The analysis did not run" />
      {result === null ? null : <ResultView result={result} />}
    </div>
  )
}
