import { useState, type FormEvent, type ReactNode } from 'react'
import { formatInZone } from '@linesight/viz'
import { api } from '../api/client.js'
import type { CaseSummary } from '../api/types.js'
import { ErrorNote, Loading, Note } from '../components/notes.js'
import { hrefOf, navigate } from '../state/route.js'
import { useAsync } from '../state/use-async.js'

/** Every case the server offers, and a form to start a new one. */
export function CasesView(): ReactNode {
  const [version, setVersion] = useState(0)
  const cases = useAsync(`cases||${version}`, () => api.cases())
  return (
    <section className="view view-cases" aria-label="Cases">
      <h1>Cases</h1>
      <ErrorNote error={cases.error} />
      {cases.data === null ? (
        cases.error === null ? (
          <Loading what="cases" />
        ) : null
      ) : cases.data.cases.length === 0 ? (
        <Note>No cases yet. Create one below, or run "npm start" for the synthetic demo case.</Note>
      ) : (
        <ul className="case-list">
          {cases.data.cases.map((c) => (
            <CaseCard key={c.id} summary={c} />
          ))}
        </ul>
      )}
      <NewCase onCreated={() => setVersion((v) => v + 1)} />
    </section>
  )
}

function CaseCard(props: { readonly summary: CaseSummary }): ReactNode {
  const c = props.summary
  return (
    <li className="case-card">
      <a href={hrefOf({ page: 'case', caseId: c.id, view: 'overview' })} className="case-link">
        <strong>{c.name}</strong>
        <span className="muted">{c.id}</span>
      </a>
      <div className="muted">
        Created {formatInZone(c.createdAt, c.defaultTimeZone)} by {c.createdBy}; days and times in{' '}
        {c.defaultTimeZone}
      </div>
      {c.purpose === null ? null : <div>{c.purpose}</div>}
      <div className="case-actions">
        <a href={hrefOf({ page: 'case', caseId: c.id, view: 'board' })}>Drug lines</a>
        <a href={hrefOf({ page: 'case', caseId: c.id, view: 'map' })}>Map</a>
        <a href={hrefOf({ page: 'case', caseId: c.id, view: 'import' })}>Import files</a>
      </div>
    </li>
  )
}

function NewCase(props: { readonly onCreated: () => void }): ReactNode {
  const [id, setId] = useState('')
  const [name, setName] = useState('')
  const [zone, setZone] = useState('Europe/London')
  const [error, setError] = useState<Error | null>(null)
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault()
    setError(null)
    try {
      await api.createCase({ id, ...(name === '' ? {} : { name }), zone })
      props.onCreated()
      navigate({ page: 'case', caseId: id, view: 'import' })
    } catch (err) {
      setError(err as Error)
    }
  }
  return (
    <form className="new-case" onSubmit={(e) => void submit(e)}>
      <h2>New case</h2>
      <label>
        Case id
        <input
          required
          pattern="[A-Za-z0-9][A-Za-z0-9_-]{0,63}"
          value={id}
          onChange={(e) => setId(e.target.value)}
          placeholder="op-kestrel"
        />
      </label>
      <label>
        Name
        <input value={name} onChange={(e) => setName(e.target.value)} placeholder="Operation Kestrel" />
      </label>
      <label>
        Declared time zone
        <input value={zone} onChange={(e) => setZone(e.target.value)} />
      </label>
      <button type="submit">Create case</button>
      <ErrorNote error={error} />
    </form>
  )
}
