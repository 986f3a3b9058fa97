import { useEffect, useMemo, useState, type ReactNode } from 'react'
import { headlineColumns, numberField, resultTables, type Row, type TableModel } from '@linesight/viz'
import { api } from '../api/client.js'
import type { AnalysisInfo, AnalysisResult } from '../api/types.js'
import { DataTable } from '../components/DataTable.js'
import { documentsHref } from '../documents/DocumentsView.js'
import { ErrorNote, Loading, Note } from '../components/notes.js'
import { Provenance, ResultView } from '../components/ResultView.js'
import { useAnalyses, useTargets } from '../state/case-data.js'
import { missingRequired, prefill } from '../state/prefill.js'
import { useAsync } from '../state/use-async.js'
import { useWorkspace } from '../state/workspace.js'
import { BOARD_SECTIONS, LINES_ANALYSIS, type BoardSection } from './sections.js'

/**
 * The drug-lines board: the lines (deal-lines), then for the chosen line its history, daily customers, roles and
 * live picture, and the case-wide cuckooing leads and safeguarding worklist. Each part calls its analysis by id and
 * says plainly when that analysis is not in this build yet.
 */
export function BoardView(): ReactNode {
  const analyses = useAnalyses()
  if (analyses.data === null)
    return analyses.error === null ? <Loading what="analyses" /> : <ErrorNote error={analyses.error} />
  return <Board registry={analyses.data.analyses} />
}

function Board(props: { readonly registry: readonly AnalysisInfo[] }): ReactNode {
  const { state } = useWorkspace()
  const registry = props.registry
  // The line shown below the list: the one chosen, else the top-scoring line, else the busiest number.
  const [first, setFirst] = useState<string | null>(null)
  const line = state.focus.number ?? first ?? state.numbers[0] ?? null
  return (
    <div className="board">
      <h1>Drug lines</h1>
      <Lines registry={registry} onFirst={setFirst} />
      <h2 className="board-line-title">{line === null ? 'Choose a line above' : `Line ${line}`}</h2>
      {line === null ? null : (
        <p className="board-documents">
          Produce: <a href={documentsHref(state.caseId, 'line-profile', line)}>line profile</a> ·{' '}
          <a href={documentsHref(state.caseId, 'ddtro-pack', line)}>DDTRO evidence pack</a>
        </p>
      )}
      <div className="board-grid">
        {BOARD_SECTIONS.filter((s) => s.scope === 'line').map((s) => (
          <Section key={s.id} section={s} registry={registry} line={line} />
        ))}
      </div>
      <h2>Across the case</h2>
      <div className="board-grid">
        {BOARD_SECTIONS.filter((s) => s.scope === 'case').map((s) => (
          <Section key={s.id} section={s} registry={registry} line={null} />
        ))}
      </div>
    </div>
  )
}

const notRegistered = (id: string, registry: readonly AnalysisInfo[]): string =>
  `The "${id}" analysis is not registered in this build yet, so this part is empty (registered: ${registry.map((a) => a.id).join(', ') || 'none'}).`

function useRun(
  analysis: AnalysisInfo | undefined,
  params: Record<string, unknown> | null,
): {
  data: AnalysisResult | null
  error: Error | null
  loading: boolean
} {
  const { state } = useWorkspace()
  return useAsync(
    analysis === undefined || params === null
      ? null
      : `run|${state.caseId}|${analysis.id}|${JSON.stringify(params)}`,
    (s) =>
      analysis === undefined || params === null
        ? Promise.reject(new Error('nothing to run'))
        : api.run(state.caseId, analysis.id, params, s),
  )
}

/** The lines table: the first list of records with a number field in the deal-lines result. */
function Lines(props: {
  readonly registry: readonly AnalysisInfo[]
  readonly onFirst: (n: string | null) => void
}): ReactNode {
  const { state, dispatch } = useWorkspace()
  const analysis = props.registry.find((a) => a.id === LINES_ANALYSIS)
  const params = useMemo(
    () => (analysis === undefined ? null : prefill(analysis, [], null, state.from, state.to)),
    [analysis, state.from, state.to],
  )
  const run = useRun(analysis, params)
  const targets = useTargets(state.caseId)
  const table: TableModel | undefined = useMemo(
    () =>
      run.data === null ? undefined : resultTables(run.data.result).find((t) => numberField(t.rows) !== null),
    [run.data],
  )
  const firstLine = useMemo(() => {
    const key = table === undefined ? null : numberField(table.rows)
    const v = key === null ? undefined : table?.rows[0]?.[key]
    return typeof v === 'string' ? v : null
  }, [table])
  const { onFirst } = props
  useEffect(() => onFirst(firstLine), [firstLine, onFirst])
  const select = (key: string | null) => (row: Row) => {
    const n = key === null ? null : row[key]
    if (typeof n !== 'string') return
    if (!state.numbers.includes(n)) dispatch({ type: 'toggle-number', number: n })
    dispatch({ type: 'focus', focus: { number: n, source: 'board' } })
  }
  if (analysis === undefined)
    return (
      <section className="board-lines" data-testid="board-lines" data-state="not-registered">
        <Note kind="warn">
          {notRegistered(LINES_ANALYSIS, props.registry)} Numbers with records are listed instead; choose one
          to see its parts.
        </Note>
        {targets.data === null ? null : (
          <DataTable
            title="Numbers with records"
            columns={[
              { key: 'number', label: 'Number', kind: 'text' },
              { key: 'events', label: 'Events', kind: 'number' },
              { key: 'contacts', label: 'Contacts', kind: 'number' },
              { key: 'network', label: 'Network', kind: 'text' },
              { key: 'firstUtc', label: 'First', kind: 'time' },
              { key: 'lastUtc', label: 'Last', kind: 'time' },
            ]}
            rows={targets.data.targets as unknown as Row[]}
            zone={state.zone}
            onRow={select('number')}
            selectedKey={(r) => r['number'] === state.focus.number}
            compact
          />
        )}
      </section>
    )
  if (run.error !== null) return <ErrorNote error={run.error} title="Lines" />
  if (run.data === null) return <Loading what="the lines" />
  if (table === undefined)
    return (
      <section className="board-lines" data-testid="board-lines">
        <Note>The deal-lines result lists no lines.</Note>
        <ResultView result={run.data} />
      </section>
    )
  const key = numberField(table.rows)
  const first = headlineColumns(table.columns)
  const columns = [
    ...table.columns.filter((c) => c.key === key),
    ...first.filter((c) => c.key !== key),
    ...table.columns.filter((c) => c.key !== key && !first.includes(c)),
  ]
  return (
    <section
      className="board-lines"
      data-testid="board-lines"
      data-state="ready"
      data-lines={table.rows.length}
    >
      <Provenance result={run.data} />
      <DataTable
        title="Lines"
        columns={columns}
        rows={table.rows}
        zone={state.zone}
        onRow={select(key)}
        selectedKey={(r) => key !== null && r[key] === state.focus.number}
        onEvidence={(evidence, row) =>
          dispatch({ type: 'evidence', title: `Line ${String(row[key ?? ''] ?? '')}`, evidence })
        }
      />
    </section>
  )
}

function Section(props: {
  readonly section: BoardSection
  readonly registry: readonly AnalysisInfo[]
  readonly line: string | null
}): ReactNode {
  const { state } = useWorkspace()
  const { section, line } = props
  const analysis = [section.id, ...(section.fallbacks ?? [])]
    .map((id) => props.registry.find((a) => a.id === id))
    .find((a) => a !== undefined)
  const params = useMemo(() => {
    if (analysis === undefined) return null
    if (section.scope === 'line')
      return line === null ? null : prefill(analysis, [line], line, state.from, state.to)
    return prefill(analysis, [], null, state.from, state.to)
  }, [analysis, section.scope, line, state.from, state.to])
  const missing = analysis === undefined || params === null ? [] : missingRequired(analysis, params)
  const run = useRun(analysis, missing.length === 0 ? params : null)
  return (
    <section className="board-card" data-analysis={section.id} aria-label={section.title}>
      <h3>{section.title}</h3>
      {analysis === undefined ? (
        <Note kind="warn">{notRegistered(section.id, props.registry)}</Note>
      ) : params === null ? (
        <p className="muted">Choose a line to see {section.explains}.</p>
      ) : missing.length > 0 ? (
        <Note kind="warn">
          {analysis.title} needs {missing.join(', ')}; run it from Tables with those parameters.
        </Note>
      ) : run.error !== null ? (
        <ErrorNote error={run.error} />
      ) : run.data === null ? (
        <Loading what={section.title.toLowerCase()} />
      ) : (
        <>
          {analysis.id === section.id ? null : (
            <p className="muted">
              "{section.id}" is not registered yet; showing {analysis.title} ({analysis.id}) instead.
            </p>
          )}
          <ResultView result={run.data} />
        </>
      )}
    </section>
  )
}
