import { useRef, useState, type DragEvent, type ReactNode } from 'react'
import { api, type DetectedFile } from '../api/client.js'
import { ErrorNote, Note } from '../components/notes.js'
import { forgetCase } from '../state/use-async.js'
import { useWorkspace } from '../state/workspace.js'
import { ImportReport, type FileOutcome } from './ImportReport.js'

type Phase = 'idle' | 'uploading' | 'detected' | 'importing' | 'done'

interface Progress {
  readonly file: string
  readonly phase: string
  readonly rows: number
  readonly percent: number
}

const OPTION_FIELDS = [
  ['zone', 'Time zone of the times (when the file does not say)', 'Europe/London'],
  ['dateOrder', 'Date order (dmy or mdy) when the dates never show a day above 12', 'dmy'],
  ['kind', 'What the files are (cdr, cells or subscribers)', 'cdr'],
  ['target', 'Target number, when the file does not name it', '+447…'],
] as const

/**
 * Import by drag and drop: the files are uploaded, detection shows what each file is (layout, columns, zone) for the
 * analyst to confirm, then the import runs with live progress and ends with the report and every rejected row.
 */
export function ImportView(): ReactNode {
  const { state } = useWorkspace()
  const [files, setFiles] = useState<readonly File[]>([])
  const [phase, setPhase] = useState<Phase>('idle')
  const [uploadId, setUploadId] = useState<string | null>(null)
  const [uploaded, setUploaded] = useState(0)
  const [detected, setDetected] = useState<readonly DetectedFile[]>([])
  const [options, setOptions] = useState<Record<string, string>>({})
  const [progress, setProgress] = useState<Progress | null>(null)
  const [outcomes, setOutcomes] = useState<readonly FileOutcome[]>([])
  const [summary, setSummary] = useState<{ elapsedMs: number; imported: number; failed: number } | null>(null)
  const [error, setError] = useState<Error | null>(null)
  const [over, setOver] = useState(false)
  const input = useRef<HTMLInputElement>(null)

  const reset = (): void => {
    setPhase('idle')
    setUploadId(null)
    setUploaded(0)
    setDetected([])
    setProgress(null)
    setOutcomes([])
    setSummary(null)
    setError(null)
  }

  const start = async (chosen: readonly File[]): Promise<void> => {
    reset()
    setFiles(chosen)
    if (chosen.length === 0) return
    setPhase('uploading')
    try {
      const { uploadId: id } = await api.startUpload(state.caseId)
      setUploadId(id)
      for (const f of chosen) {
        await api.uploadFile(state.caseId, id, f)
        setUploaded((n) => n + 1)
      }
      const answer = await api.detect(state.caseId, { uploadId: id, ...options })
      setDetected(answer.files)
      setPhase('detected')
    } catch (e) {
      setError(e as Error)
      setPhase('idle')
    }
  }

  const detectAgain = async (): Promise<void> => {
    if (uploadId === null) return
    setError(null)
    try {
      setDetected((await api.detect(state.caseId, { uploadId, ...options })).files)
    } catch (e) {
      setError(e as Error)
    }
  }

  const runImport = async (): Promise<void> => {
    if (uploadId === null) return
    setPhase('importing')
    setError(null)
    try {
      await api.importStream(state.caseId, { uploadId, ...options }, ({ event, data }) => {
        if (event === 'progress') setProgress(data as Progress)
        if (event === 'file-start')
          setProgress({ file: (data as { file: string }).file, phase: 'starting', rows: 0, percent: -1 })
        if (event === 'file') setOutcomes((o) => [...o, data as FileOutcome])
        if (event === 'done') setSummary(data as { elapsedMs: number; imported: number; failed: number })
        if (event === 'error') setError(new Error((data as { message: string }).message))
      })
      forgetCase(state.caseId)
      setPhase('done')
    } catch (e) {
      setError(e as Error)
      setPhase('detected')
    }
  }

  const onDrop = (e: DragEvent<HTMLDivElement>): void => {
    e.preventDefault()
    setOver(false)
    void start([...e.dataTransfer.files])
  }
  const openQuestions = detected.some((f) => f.status === 'failed' || f.detections.some((d) => !d.ready))

  return (
    <div className="import-view">
      <h1>Import files</h1>
      <div
        className={`drop-zone${over ? ' over' : ''}`}
        data-testid="drop-zone"
        onDragOver={(e) => {
          e.preventDefault()
          setOver(true)
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <p>
          Drop CDRs, cell lists or subscriber files here (CSV, TXT, XLSX, ETSI XML), or{' '}
          <button type="button" onClick={() => input.current?.click()}>
            choose files
          </button>
        </p>
        <input
          ref={input}
          type="file"
          multiple
          hidden
          onChange={(e) => void start([...(e.target.files ?? [])])}
        />
        <p className="muted">
          Originals are kept unaltered and hashed; a file already in the case is skipped.
        </p>
      </div>
      <ErrorNote error={error} />
      {phase === 'uploading' ? (
        <p role="status">
          Uploading {uploaded} of {files.length} files …
        </p>
      ) : null}
      {detected.length > 0 && phase !== 'done' ? (
        <section className="detections" data-testid="detections">
          <h2>What was detected</h2>
          {detected.map((f) => (
            <DetectedCard key={f.file} file={f} />
          ))}
          {openQuestions ? (
            <div className="import-options">
              <Note kind="warn">
                Some files need an answer before they can be imported. Give it here and detect again.
              </Note>
              {OPTION_FIELDS.map(([key, label, placeholder]) => (
                <label key={key}>
                  {label}
                  <input
                    value={options[key] ?? ''}
                    placeholder={placeholder}
                    onChange={(e) => setOptions({ ...options, [key]: e.target.value })}
                  />
                </label>
              ))}
              <button type="button" onClick={() => void detectAgain()}>
                Detect again
              </button>
            </div>
          ) : null}
          <div className="import-actions">
            <button
              type="button"
              className="primary"
              disabled={phase === 'importing'}
              onClick={() => void runImport()}
            >
              Import {detected.length} {detected.length === 1 ? 'file' : 'files'}
            </button>
            <button
              type="button"
              disabled={phase === 'importing'}
              onClick={() => {
                if (uploadId !== null) void api.cancelUpload(state.caseId, uploadId)
                reset()
                setFiles([])
              }}
            >
              Cancel
            </button>
          </div>
        </section>
      ) : null}
      {phase === 'importing' && progress !== null ? (
        <div className="progress" role="status" aria-live="polite" data-testid="import-progress">
          Importing {progress.file}: {progress.phase}, {progress.rows.toLocaleString('en-GB')} rows
          {progress.percent >= 0 ? ` (${progress.percent}%)` : ''}
          <progress max={100} value={progress.percent >= 0 ? progress.percent : undefined} />
        </div>
      ) : null}
      {outcomes.length > 0 ? <ImportReport outcomes={outcomes} summary={summary} /> : null}
      {phase === 'done' ? (
        <p>
          <a href={`#/case/${encodeURIComponent(state.caseId)}/overview`}>Back to the case overview</a> ·{' '}
          <button
            type="button"
            onClick={() => {
              reset()
              setFiles([])
            }}
          >
            Import more
          </button>
        </p>
      ) : null}
    </div>
  )
}

function DetectedCard(props: { readonly file: DetectedFile }): ReactNode {
  const f = props.file
  return (
    <article className="detected" data-file={f.file}>
      <h3>
        {f.file} <small className="muted">{(f.size / 1024).toFixed(1)} KB</small>
        {f.alreadyInCase ? <span className="badge">already in the case: will be skipped</span> : null}
      </h3>
      {f.status === 'failed' ? (
        <ErrorNote error={f.error} />
      ) : (
        f.detections.map((d, i) => (
          <div key={i} className="detection">
            <p>
              <strong>{d.profile.title}</strong> ({d.profile.id} v{d.profile.version}, confidence{' '}
              {Math.round(d.confidence * 100)}%) · {d.kind} · {d.encoding} · delimiter{' '}
              {JSON.stringify(d.delimiter)}
              {d.sheet === null ? '' : ` · sheet ${d.sheet}`} · times{' '}
              {d.timeZone === null ? 'n/a' : `${d.timeZone.zone} (${d.timeZone.source})`}
            </p>
            <table className="columns">
              <thead>
                <tr>
                  <th scope="col">Column</th>
                  <th scope="col">Read as</th>
                  <th scope="col">Sample</th>
                </tr>
              </thead>
              <tbody>
                {d.columns.map((c) => (
                  <tr key={c.name} className={c.role === null ? 'unused' : ''}>
                    <td>{c.name}</td>
                    <td>
                      {c.role ?? 'not used'}
                      {c.note === null ? '' : ` (${c.note})`}
                    </td>
                    <td className="muted">{c.sample.join(' · ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {d.questions.map((q, j) => (
              <Note key={j} kind="warn">
                {q.message}
              </Note>
            ))}
            {d.warnings.map((w, j) => (
              <p key={j} className="muted">
                ⚠ {w.message}
              </p>
            ))}
          </div>
        ))
      )}
    </article>
  )
}
