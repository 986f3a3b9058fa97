import { useEffect, useRef, useState, type ReactNode } from 'react'
import { columnsOf, evidenceSummary, isEvidence } from '@linesight/viz'
import { api } from '../api/client.js'
import type { EvidenceResponse } from '../api/types.js'
import { useWorkspace } from '../state/workspace.js'
import { DataTable } from './DataTable.js'
import { EvidenceParts } from './EvidenceParts.js'
import { ErrorNote, Loading, Note } from './notes.js'

/**
 * The rows behind a figure, with their source file, sheet, row and line: opened from any evidence button. Evidence of
 * several parts (a list, or named parts such as a pair's `{ records, seenInBoth }`) is sent whole; the server checks
 * each part's count and sends each row once, naming the parts that hold it.
 */
export function EvidenceDrawer(): ReactNode {
  const { state, dispatch } = useWorkspace()
  const open = state.evidence
  const [answer, setAnswer] = useState<{ data: EvidenceResponse | null; error: Error | null }>({
    data: null,
    error: null,
  })
  const dialog = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    if (open === null) return
    setAnswer({ data: null, error: null })
    let live = true
    api.evidence(state.caseId, open.evidence).then(
      (data) => live && setAnswer({ data, error: null }),
      (error: unknown) => live && setAnswer({ data: null, error: error as Error }),
    )
    return () => {
      live = false
    }
  }, [open, state.caseId])
  useEffect(() => {
    const d = dialog.current
    if (d === null) return
    if (open !== null && !d.open) d.showModal()
    if (open === null && d.open) d.close()
  }, [open])
  return (
    <dialog
      ref={dialog}
      className="evidence-drawer"
      onClose={() => dispatch({ type: 'close-evidence' })}
      aria-label="Evidence rows"
    >
      {open === null ? null : (
        <>
          <header>
            <h2>Evidence: {open.title}</h2>
            <button
              type="button"
              onClick={() => dispatch({ type: 'close-evidence' })}
              aria-label="Close evidence"
            >
              Close (Esc)
            </button>
          </header>
          {isEvidence(open.evidence) ? (
            <p className="muted">
              Filter: numbers {open.evidence.targets.join(', ')}
              {typeof open.evidence['from'] === 'string' ? `, from ${open.evidence['from']}` : ''}
              {typeof open.evidence['to'] === 'string' ? `, to ${open.evidence['to']}` : ''} — the figure
              counts {open.evidence.count.toLocaleString('en-GB')} rows.
            </p>
          ) : (
            <p className="muted">
              The figure rests on {several(open.evidence)}: each is checked against its count, and a row held
              by several parts is shown once.
            </p>
          )}
          <ErrorNote error={answer.error} />
          {answer.data === null && answer.error === null ? <Loading what="the source rows" /> : null}
          {answer.data?.warning === undefined ? null : <Note kind="warn">{answer.data.warning}</Note>}
          {answer.data === null || isEvidence(open.evidence) ? null : <EvidenceParts answer={answer.data} />}
          {answer.data === null ? null : (
            <DataTable
              title={`Evidence ${open.title}`}
              columns={columnsOf(answer.data.rows as unknown as Record<string, unknown>[])}
              rows={answer.data.rows as unknown as Record<string, unknown>[]}
              zone={state.zone}
              compact
            />
          )}
        </>
      )}
    </dialog>
  )
}

/** `3 evidence parts counting 412 rows` (the parts' counts added up). */
function several(evidence: unknown): string {
  const s = evidenceSummary(evidence)
  return s === null
    ? 'no evidence object'
    : `${s.parts} evidence ${s.parts === 1 ? 'part' : 'parts'} counting ${s.count.toLocaleString('en-GB')} rows`
}
