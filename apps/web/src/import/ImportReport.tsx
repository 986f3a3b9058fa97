import type { ReactNode } from 'react'
import { columnsOf, type Row } from '@linesight/viz'
import { DataTable } from '../components/DataTable.js'
import { useWorkspace } from '../state/workspace.js'

interface Report {
  readonly file: string
  readonly sheet: string | null
  readonly kind: string
  readonly profile: { readonly id: string; readonly version: string; readonly confidence: number }
  readonly timeZone: { readonly zone: string; readonly source: string }
  readonly read: number
  readonly imported: number
  readonly rejected: number
  readonly duplicates: number
  readonly rejectSample: readonly Row[]
  readonly rejectReasons: readonly { readonly reason: string; readonly count: number }[]
  readonly warnings: readonly { readonly message: string }[]
}

export type FileOutcome =
  | {
      readonly status: 'imported' | 'already-imported'
      readonly file: string
      readonly reports: readonly Report[]
    }
  | { readonly status: 'failed'; readonly file: string; readonly error: string }

/** The import report: per file and sheet, read = imported + rejected, duplicates flagged, every reject reason. */
export function ImportReport(props: {
  readonly outcomes: readonly FileOutcome[]
  readonly summary: { readonly elapsedMs: number; readonly imported: number; readonly failed: number } | null
}): ReactNode {
  const { state } = useWorkspace()
  const rejects = props.outcomes.flatMap((o) =>
    o.status === 'failed'
      ? []
      : o.reports.flatMap((r) => r.rejectSample.map((s) => ({ file: r.file, ...s }))),
  )
  return (
    <section className="import-report" data-testid="import-report">
      <h2>Import report</h2>
      {props.summary === null ? null : (
        <p>
          {props.summary.imported} imported, {props.summary.failed} failed, in{' '}
          {(props.summary.elapsedMs / 1000).toFixed(1)} s.
        </p>
      )}
      <table>
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">Status</th>
            <th scope="col">Layout</th>
            <th scope="col">Zone</th>
            <th scope="col" className="num">
              Read
            </th>
            <th scope="col" className="num">
              Imported
            </th>
            <th scope="col" className="num">
              Rejected
            </th>
            <th scope="col" className="num">
              Duplicates
            </th>
          </tr>
        </thead>
        <tbody>
          {props.outcomes.flatMap((o) =>
            o.status === 'failed'
              ? [
                  <tr key={o.file} className="failed">
                    <td>{o.file}</td>
                    <td colSpan={7}>failed: {o.error}</td>
                  </tr>,
                ]
              : o.reports.length === 0
                ? [
                    <tr key={o.file}>
                      <td>{o.file}</td>
                      <td colSpan={7}>
                        {o.status === 'already-imported' ? 'already in the case: nothing changed' : o.status}
                      </td>
                    </tr>,
                  ]
                : o.reports.map((r, i) => (
                    <tr key={`${o.file}-${i}`}>
                      <td>
                        {r.file}
                        {r.sheet === null ? '' : ` [${r.sheet}]`}
                      </td>
                      <td>{o.status}</td>
                      <td>
                        {r.kind} · {r.profile.id} v{r.profile.version}
                      </td>
                      <td>
                        {r.timeZone.zone} <small className="muted">({r.timeZone.source})</small>
                      </td>
                      <td className="num">{r.read.toLocaleString('en-GB')}</td>
                      <td className="num">{r.imported.toLocaleString('en-GB')}</td>
                      <td className="num">{r.rejected.toLocaleString('en-GB')}</td>
                      <td className="num">{r.duplicates.toLocaleString('en-GB')}</td>
                    </tr>
                  )),
          )}
        </tbody>
      </table>
      {props.outcomes.flatMap((o) =>
        o.status === 'failed'
          ? []
          : o.reports.flatMap((r) => [
              ...r.rejectReasons.map((x) => (
                <p key={`${r.file}-${x.reason}`} className="muted">
                  {r.file}: {x.count} rejected — {x.reason}
                </p>
              )),
              ...r.warnings.map((w, i) => (
                <p key={`${r.file}-w${i}`} className="muted">
                  ⚠ {r.file}: {w.message}
                </p>
              )),
            ]),
      )}
      {rejects.length === 0 ? null : (
        <>
          <h3>Rejected rows (sample; the Overview lists them all)</h3>
          <DataTable
            title="Rejected rows"
            columns={columnsOf(rejects)}
            rows={rejects}
            zone={state.zone}
            compact
          />
        </>
      )}
    </section>
  )
}
