import type { ReactNode } from 'react'
import {
  isEvidenceValue,
  resultFacts,
  resultRecordTables,
  resultTables,
  seriesShape,
  spanShape,
  type EvidenceValue,
  type TableModel,
} from '@linesight/viz'
import type { AnalysisResult } from '../api/types.js'
import { useWorkspace } from '../state/workspace.js'
import { DailyBars, SpanChart } from './charts.js'
import { DataTable } from './DataTable.js'
import { Note } from './notes.js'

/** Where a result came from: analysis and version, parameters, digests and run time. */
export function Provenance(props: { readonly result: AnalysisResult }): ReactNode {
  const r = props.result
  return (
    <p className="provenance muted">
      {r.analysis.title} ({r.analysis.id} v{r.analysis.version}) · parameters{' '}
      {r.parametersDigest.slice(0, 12)} · input {r.inputDigest.slice(0, 12)} · run {r.generatedAt}
    </p>
  )
}

/**
 * Any analysis result: its scalar facts, its top-level records that are figures as one-row tables, then every list
 * of records in it as a table (lists inside rows' records too), with a bar chart for day-by-day series and a
 * time-axis chart for from–to histories. Evidence cells open their rows.
 */
export function ResultView(props: {
  readonly result: AnalysisResult
  readonly only?: (t: TableModel) => boolean
}): ReactNode {
  const { state, dispatch } = useWorkspace()
  // Records that are figures (top-cells' `home`) first, as one-row tables, so their evidence opens too.
  const tables = [...resultRecordTables(props.result.result), ...resultTables(props.result.result)].filter(
    props.only ?? (() => true),
  )
  const facts = resultFacts(props.result.result)
  const open = (title: string) => (evidence: EvidenceValue) => dispatch({ type: 'evidence', title, evidence })
  return (
    <div className="result">
      <Provenance result={props.result} />
      {props.result.numbersNotInCase.length === 0 ? null : (
        <Note kind="warn">
          No record in this case names {props.result.numbersNotInCase.join(', ')}: the result says nothing
          about {props.result.numbersNotInCase.length === 1 ? 'it' : 'them'}.
        </Note>
      )}
      {facts.length === 0 ? null : (
        <dl className="inline-facts">
          {facts.map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
      )}
      {tables.length === 0 ? <p className="muted">The result holds no rows.</p> : null}
      {tables.map((t) => {
        const series = seriesShape(t.columns)
        const spans = spanShape(t.columns)
        const evidenceKey = t.columns.find((c) => c.kind === 'evidence')?.key
        const title = `${props.result.analysis.title}: ${t.path}`
        return (
          <section key={t.path} className="result-table">
            <h3>{t.path}</h3>
            {series === null ? null : (
              <DailyBars
                rows={t.rows}
                dateKey={series.dateKey}
                valueKeys={series.valueKeys}
                title={title}
                {...(evidenceKey === undefined
                  ? {}
                  : {
                      onBar: (row) => {
                        const ev = row[evidenceKey]
                        if (isEvidenceValue(ev)) open(`${title} ${String(row[series.dateKey])}`)(ev)
                      },
                    })}
              />
            )}
            {spans === null ? null : (
              <SpanChart
                rows={t.rows}
                fromKey={spans.fromKey}
                toKey={spans.toKey}
                labelKey={spans.labelKey}
                zone={state.zone}
                title={title}
              />
            )}
            <DataTable
              title={title}
              columns={t.columns}
              rows={t.rows}
              zone={state.zone}
              onEvidence={open(title)}
              compact
            />
          </section>
        )
      })}
    </div>
  )
}
