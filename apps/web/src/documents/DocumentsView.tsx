import { useState, type FormEvent, type ReactNode } from 'react'
import { api, ApiError } from '../api/client.js'
import { download } from '../components/download.js'
import { ErrorNote, Loading } from '../components/notes.js'
import { hrefOf } from '../state/route.js'
import { useAsync } from '../state/use-async.js'
import { useWorkspace } from '../state/workspace.js'
import { OptionField } from './OptionField.js'
import { ProducedList } from './ProducedList.js'
import type { DocumentFormat, DocumentKindInfo, ProducedDocument } from './types.js'
import { useLineChoices } from './use-lines.js'

/** A link to the Documents view with a kind and a line chosen (the board's shortcut). */
export const documentsHref = (caseId: string, kind: string, line: string): string =>
  `${hrefOf({ page: 'case', caseId, view: 'documents' })}?${new URLSearchParams({ kind, line }).toString()}`

/** `?kind=…&line=…` after the view in the address, as `documentsHref` writes it. */
function askedInAddress(): { kind: string | null; line: string | null } {
  const q = new URLSearchParams(window.location.hash.split('?')[1] ?? '')
  return { kind: q.get('kind'), line: q.get('line') }
}

/**
 * Every document `linesight report` writes, from the browser: pick the kind, state its options (the server lists
 * them per kind), and the server produces the PDF, or its tables as XLSX, which downloads.
 */
export function DocumentsView(): ReactNode {
  const kinds = useAsync('report-kinds||', () => api.reportKinds())
  if (kinds.data === null)
    return kinds.error === null ? <Loading what="document kinds" /> : <ErrorNote error={kinds.error} />
  return <Documents kinds={kinds.data.kinds} />
}

function Documents(props: { readonly kinds: readonly DocumentKindInfo[] }): ReactNode {
  const { state } = useWorkspace()
  const [asked] = useState(askedInAddress)
  const [chosen, setChosen] = useState<string | null>(asked.kind)
  const [values, setValues] = useState<Record<string, string>>(() => ({
    numbers: state.numbers.join(', '),
    ...(asked.line === null ? {} : { line: asked.line }),
  }))
  const [busy, setBusy] = useState<DocumentFormat | null>(null)
  const [error, setError] = useState<Error | null>(null)
  const [produced, setProduced] = useState<ProducedDocument[]>([])
  const lines = useLineChoices(state.caseId)
  const current = props.kinds.find((k) => k.kind === chosen) ?? props.kinds[0]
  if (current === undefined) return <ErrorNote error="The server lists no document kinds." />
  // Until the analyst picks one, a line document is about the first of the board's lines.
  const valueOf = (name: string): string =>
    name === 'line' ? (values['line'] ?? lines.choices[0]?.number ?? '') : (values[name] ?? '')
  const errorPath = error instanceof ApiError ? (error.path ?? null) : null

  const produce = async (format: DocumentFormat): Promise<void> => {
    setBusy(format)
    setError(null)
    try {
      const body: Record<string, unknown> = { kind: current.kind, format }
      for (const o of current.options) {
        const v = valueOf(o.name).trim()
        if (v === '') continue
        if (o.type !== 'exhibits') body[o.name] = v
        else
          try {
            body[o.name] = JSON.parse(v) as unknown
          } catch (e) {
            throw new ApiError(400, `${o.label} is not JSON: ${(e as Error).message}`, o.name)
          }
      }
      const { blob, produced: made } = await api.produceReport(state.caseId, body)
      download(blob, made.fileName)
      setProduced((list) => [made, ...list])
    } catch (e) {
      setError(e as Error)
    } finally {
      setBusy(null)
    }
  }
  const submit = (e: FormEvent<HTMLFormElement>): void => {
    e.preventDefault()
    const submitter = (e.nativeEvent as SubmitEvent).submitter
    void produce(submitter?.getAttribute('value') === 'xlsx' ? 'xlsx' : 'pdf')
  }
  const field = (o: DocumentKindInfo['options'][number]): ReactNode => (
    <OptionField
      key={o.name}
      option={o}
      value={valueOf(o.name)}
      onChange={(v) => setValues((s) => ({ ...s, [o.name]: v }))}
      zone={state.zone}
      lines={lines.choices}
      linesLoading={lines.loading}
      invalid={errorPath !== null && (errorPath === o.name || errorPath.startsWith(`${o.name}[`))}
    />
  )
  const advanced = current.options.filter((o) => o.advanced)
  return (
    <div className="documents-view">
      <h1>Documents</h1>
      <p className="muted">
        The same documents as <code>linesight report</code>: a PDF, and its tables as XLSX. Each export is
        recorded in the case&apos;s audit log.
      </p>
      <div className="analysis-picker" role="radiogroup" aria-label="Document">
        {props.kinds.map((k) => (
          <label key={k.kind} className={k.kind === current.kind ? 'chosen' : ''}>
            <input
              type="radio"
              name="document-kind"
              value={k.kind}
              checked={k.kind === current.kind}
              onChange={() => {
                setChosen(k.kind)
                setError(null)
              }}
            />
            {k.title}{' '}
            <small className="muted">
              {k.kind} v{k.version}
            </small>
          </label>
        ))}
      </div>
      <form className="params-form documents-form" data-testid="documents-form" onSubmit={submit}>
        {current.options.filter((o) => !o.advanced).map(field)}
        {advanced.length === 0 ? null : (
          <details className="documents-advanced">
            <summary>More options</summary>
            {advanced.map(field)}
          </details>
        )}
        <div className="documents-actions">
          <button type="submit" value="pdf" disabled={busy !== null}>
            {busy === 'pdf' ? 'Producing the PDF …' : 'Produce PDF'}
          </button>
          <button type="submit" value="xlsx" disabled={busy !== null}>
            {busy === 'xlsx' ? 'Producing the XLSX …' : 'Produce XLSX (tables)'}
          </button>
        </div>
      </form>
      {busy === null ? null : <Loading what={`the ${current.title.toLowerCase()} (this can take a while)`} />}
      <ErrorNote error={error} title="The document was not produced" />
      <ProducedList produced={produced} />
    </div>
  )
}
