import { useEffect, useMemo, useState, type ReactNode } from 'react'
import { columnsOf, formatInZone, seriesColor, toCss } from '@linesight/viz'
import { api } from '../api/client.js'
import type { RejectsResponse } from '../api/types.js'
import { DataTable } from '../components/DataTable.js'
import { ErrorNote, Loading } from '../components/notes.js'
import { useCaseInfo, useTargets } from '../state/case-data.js'
import { useWorkspace } from '../state/workspace.js'

/** What the case holds: counts, period, sources, rejects, and the numbers to put on the map and timeline. */
export function OverviewView(): ReactNode {
  const { state } = useWorkspace()
  const info = useCaseInfo(state.caseId)
  useEffect(() => {
    if (info.data !== null && document.body.dataset['firstView'] === undefined) {
      document.body.dataset['firstView'] = String(Math.round(performance.now()))
    }
  }, [info.data])
  if (info.data === null) return <ErrorNote error={info.error} />
  const d = info.data
  const fmt = (iso: string | null): string => (iso === null ? '—' : formatInZone(iso, state.zone))
  return (
    <div className="overview">
      <h1>{d.case.name}</h1>
      <p className="muted">
        Case {d.case.id} · declared zone {d.case.defaultTimeZone} · schema v{d.schemaVersion} · {d.case.root}
      </p>
      <dl className="facts" data-testid="case-facts">
        <Fact
          label="Events"
          value={d.counts.cdr}
          note={`${d.counts.duplicates.toLocaleString('en-GB')} flagged duplicates`}
        />
        <Fact label="Target numbers" value={d.period?.targets ?? 0} />
        <Fact label="Cells" value={d.counts.cells} />
        <Fact label="Subscriber records" value={d.counts.subscribers} />
        <Fact label="Source files" value={d.counts.sources} />
        <Fact label="Rejected rows" value={d.counts.rejects} />
      </dl>
      <p>
        Period {fmt(d.period?.first ?? null)} to {fmt(d.period?.last ?? null)}
      </p>
      <Targets />
      <h2>Sources</h2>
      <DataTable
        title="Sources"
        columns={columnsOf(d.sources as unknown as Record<string, unknown>[])}
        rows={d.sources as unknown as Record<string, unknown>[]}
        zone={state.zone}
        compact
      />
      <Rejects total={d.counts.rejects} />
    </div>
  )
}

function Fact(props: { readonly label: string; readonly value: number; readonly note?: string }): ReactNode {
  return (
    <div className="fact">
      <dt>{props.label}</dt>
      <dd>
        {props.value.toLocaleString('en-GB')}
        {props.note === undefined ? null : <small className="muted"> {props.note}</small>}
      </dd>
    </div>
  )
}

/** Numbers with records in the case; ticking one puts it on the map, timeline and chart (up to eight). */
export function Targets(props: { readonly compact?: boolean }): ReactNode {
  const { state, dispatch } = useWorkspace()
  const targets = useTargets(state.caseId)
  const [filter, setFilter] = useState('')
  const list = useMemo(
    () =>
      (targets.data?.targets ?? []).filter(
        (t) =>
          filter === '' ||
          t.number.includes(filter) ||
          (t.subscriber ?? '').toLowerCase().includes(filter.toLowerCase()),
      ),
    [targets.data, filter],
  )
  if (targets.data === null)
    return targets.error === null ? <Loading what="numbers" /> : <ErrorNote error={targets.error} />
  return (
    <div className={`targets${props.compact === true ? ' compact' : ''}`}>
      <h2>Numbers with records ({targets.data.targets.length})</h2>
      <input
        type="search"
        placeholder="Find a number or subscriber"
        aria-label="Find a number"
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
      />
      <ul className="target-list">
        {list.map((t) => {
          const i = state.numbers.indexOf(t.number)
          return (
            <li key={t.number}>
              <label>
                <input
                  type="checkbox"
                  checked={i >= 0}
                  onChange={() => dispatch({ type: 'toggle-number', number: t.number })}
                />
                <span
                  className="swatch"
                  style={{ background: i >= 0 ? toCss(seriesColor(i)) : 'transparent' }}
                />
                <span className="number">{t.number}</span>
                <span className="muted">
                  {t.events.toLocaleString('en-GB')} events · {t.contacts} contacts ·{' '}
                  {t.network ?? 'network unknown'}
                  {t.subscriber === null ? '' : ` · ${t.subscriber}`}
                </span>
              </label>
            </li>
          )
        })}
      </ul>
    </div>
  )
}

function Rejects(props: { readonly total: number }): ReactNode {
  const { state } = useWorkspace()
  const [open, setOpen] = useState(false)
  const [data, setData] = useState<RejectsResponse | null>(null)
  const [error, setError] = useState<Error | null>(null)
  useEffect(() => {
    if (!open || data !== null) return
    api.rejects(state.caseId).then(setData, (e: unknown) => setError(e as Error))
  }, [open, data, state.caseId])
  return (
    <section>
      <h2>Rejected rows ({props.total.toLocaleString('en-GB')})</h2>
      {props.total === 0 ? (
        <p className="muted">Every row of every source was accepted.</p>
      ) : (
        <button type="button" onClick={() => setOpen(!open)} aria-expanded={open}>
          {open ? 'Hide' : 'Show'} rejected rows with their reasons
        </button>
      )}
      <ErrorNote error={error} />
      {open && data !== null ? (
        <DataTable
          title="Rejected rows"
          columns={columnsOf(data.rejects)}
          rows={data.rejects}
          zone={state.zone}
          compact
        />
      ) : null}
    </section>
  )
}
