import type { ReactNode } from 'react'
import { Note } from '../components/notes.js'
import type { ProducedDocument } from './types.js'

const size = (bytes: number): string =>
  bytes < 1024
    ? `${bytes} bytes`
    : `${(bytes / 1024).toLocaleString('en-GB', { maximumFractionDigits: 1 })} KB`

/** What was produced in this session, newest first: file, size, SHA-256, and what the document says is missing. */
export function ProducedList(props: { readonly produced: readonly ProducedDocument[] }): ReactNode {
  if (props.produced.length === 0) return null
  return (
    <section className="documents-produced" aria-label="Produced documents">
      <h2>Produced</h2>
      <ul>
        {props.produced.map((d, i) => (
          <li key={`${d.sha256}|${i}`} data-testid="produced-document" data-file={d.fileName}>
            <strong>{d.fileName}</strong> <span className="muted">{size(d.bytes)}</span>
            <div>
              {d.title} {d.ref}
              {d.reviewer === null ? <span className="muted"> · draft (no reviewer named)</span> : null}
            </div>
            <div className="sha">
              SHA-256 <code>{d.sha256}</code>
            </div>
            {d.complete ? null : (
              <Note kind="warn">
                Incomplete; the document says so in its text.
                {d.missing.map((m) => (
                  <span key={m.id} className="block">
                    Not available: {m.id} ({m.purpose}): {m.reason}
                  </span>
                ))}
                {d.refusals.map((r) => (
                  <span key={r} className="block">
                    Refused: {r}
                  </span>
                ))}
              </Note>
            )}
          </li>
        ))}
      </ul>
    </section>
  )
}
