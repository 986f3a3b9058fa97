import { useMemo, useState, type ReactNode } from 'react'
import {
  buildLinkGraph,
  edgeInWindow,
  pathEdgeIds,
  shortestPath,
  unitHash,
  type ContactLink,
  type LinkGraphModel,
} from '@linesight/viz'
import { ErrorNote, Loading, Note } from '../components/notes.js'
import { useAnalyses, useLinks, useTargets } from '../state/case-data.js'
import { useWorkspace } from '../state/workspace.js'
import { useRoles } from './roles.js'
import { SigmaCanvas } from './SigmaCanvas.js'

const LIMITS = [2_000, 10_000, 50_000] as const

/** A synthetic graph of `n` nodes for checking the chart at scale (`?stress=10000`). */
function stressModel(n: number): LinkGraphModel {
  const targets = Array.from(
    { length: Math.max(1, Math.round(n / 100)) },
    (_, i) => `+4470000${String(i).padStart(5, '0')}`,
  )
  const contacts: ContactLink[] = []
  for (let i = 0; i < n - targets.length; i++) {
    const other = `+4479${String(i).padStart(8, '0')}`
    const a = targets[Math.floor(unitHash(other) * targets.length)] ?? targets[0] ?? ''
    contacts.push({
      a,
      b: other,
      events: 1 + Math.floor(unitHash(`${other}e`) * 40),
      seconds: 0,
      firstUtc: '2024-01-01T00:00:00Z',
      lastUtc: '2024-02-01T00:00:00Z',
    })
  }
  // The targets form a chain, so a path can be asked for across the whole graph.
  targets.slice(1).forEach((t, i) =>
    contacts.push({
      a: targets[i] ?? t,
      b: t,
      events: 1,
      seconds: 0,
      firstUtc: '2024-01-01T00:00:00Z',
      lastUtc: '2024-01-01T00:00:00Z',
    }),
  )
  return buildLinkGraph({ targets, contacts, identities: [] })
}

/**
 * Numbers, SIMs, handsets and people (subscriber records) as nodes; contacts, identity and subscriber links as
 * edges; sized by volume, coloured by role. Click a node to select it everywhere, double-click (or Expand) to
 * bring in its own contacts, filter by time, and find the shortest chain between two nodes.
 */
export function ChartView(props: { readonly compact?: boolean }): ReactNode {
  const { state, dispatch } = useWorkspace()
  const stress = Number(new URLSearchParams(window.location.search).get('stress') ?? 0)
  const [scope, setScope] = useState<'case' | 'selection'>('case')
  const [expanded, setExpanded] = useState<readonly string[]>([])
  const [limit, setLimit] = useState<number>(10_000)
  const [pathEnds, setPathEnds] = useState<[string, string]>(['', ''])
  const [path, setPath] = useState<string[] | null | 'none'>(null)
  const [renderMs, setRenderMs] = useState<number | null>(null)
  const numbers = scope === 'case' ? [] : [...new Set([...state.numbers, ...expanded])]
  const links = useLinks(state.caseId, numbers, state.from, state.to, limit)
  const targets = useTargets(state.caseId)
  const analyses = useAnalyses()
  const roles = useRoles(state.caseId, analyses.data?.analyses ?? null)
  const model = useMemo(() => {
    if (stress > 0) return stressModel(stress)
    if (links.data === null || targets.data === null) return null
    return buildLinkGraph({
      contacts: links.data.contacts,
      identities: links.data.identities,
      subscribers: links.data.subscribers,
      targets: targets.data.targets.map((t) => t.number),
      roles: roles.data ?? new Map(),
    })
  }, [stress, links.data, targets.data, roles.data])
  const highlight = useMemo(() => {
    const nodes = new Set<string>()
    let edges = new Set<string>()
    if (Array.isArray(path) && model !== null) {
      for (const n of path) nodes.add(n)
      edges = pathEdgeIds(model, path)
    } else if (state.focus.number !== null) nodes.add(state.focus.number)
    return { nodes, edges }
  }, [path, model, state.focus.number])

  const findPath = (): void => {
    if (model === null) return
    const [a, b] = [pathEnds[0].trim(), pathEnds[1].trim()]
    const found = shortestPath(model, a, b, (e) => edgeInWindow(e, state.from, state.to))
    setPath(found ?? 'none')
  }
  const focusNode = state.focus.number
  return (
    <div className={`chart-view${props.compact === true ? ' compact' : ''}`}>
      <div className="chart-tools">
        <label>
          Show{' '}
          <select value={scope} onChange={(e) => setScope(e.target.value as 'case' | 'selection')}>
            <option value="case">every number with records</option>
            <option value="selection">selected and expanded numbers</option>
          </select>
        </label>
        <label>
          up to{' '}
          <select value={limit} onChange={(e) => setLimit(Number(e.target.value))}>
            {LIMITS.map((l) => (
              <option key={l} value={l}>
                {l.toLocaleString('en-GB')} links
              </option>
            ))}
          </select>
        </label>
        <TimeFilter />
        <button
          type="button"
          disabled={focusNode === null}
          onClick={() => {
            if (focusNode === null) return
            setExpanded([...expanded, focusNode])
            setScope('selection')
          }}
        >
          Expand {focusNode ?? 'selected node'}
        </button>
        <span className="path-finder">
          <input
            aria-label="Path from"
            placeholder="from number"
            value={pathEnds[0]}
            onChange={(e) => setPathEnds([e.target.value, pathEnds[1]])}
            list="chart-nodes"
          />
          <input
            aria-label="Path to"
            placeholder="to number"
            value={pathEnds[1]}
            onChange={(e) => setPathEnds([pathEnds[0], e.target.value])}
            list="chart-nodes"
          />
          <button type="button" onClick={findPath}>
            Find path
          </button>
          {path === null ? null : (
            <button type="button" onClick={() => setPath(null)}>
              Clear
            </button>
          )}
        </span>
      </div>
      <datalist id="chart-nodes">
        {(targets.data?.targets ?? []).map((t) => (
          <option key={t.number} value={t.number} />
        ))}
      </datalist>
      {path === 'none' ? (
        <Note kind="warn">No chain of links joins those two in the loaded graph and time filter.</Note>
      ) : null}
      {Array.isArray(path) ? (
        <Note>
          Path ({path.length - 1} links): {path.join(' → ')}
        </Note>
      ) : null}
      <ErrorNote error={links.error ?? targets.error} />
      {links.data?.truncated === true && stress === 0 ? (
        <Note kind="warn">
          Showing the {limit.toLocaleString('en-GB')} busiest links; raise the limit or narrow the time
          filter.
        </Note>
      ) : null}
      <div
        className="chart-frame"
        data-nodes={model?.nodes.length ?? 0}
        data-edges={model?.edges.length ?? 0}
        data-render-ms={renderMs ?? ''}
      >
        {model === null ? (
          <Loading what="the link chart" />
        ) : (
          <SigmaCanvas
            model={model}
            highlightNodes={highlight.nodes}
            highlightEdges={highlight.edges}
            layoutMs={stress > 0 ? 0 : 1500}
            onNode={(id) => {
              if (!id.startsWith('imei:') && !id.startsWith('imsi:') && !id.startsWith('person:'))
                dispatch({ type: 'focus', focus: { number: id, source: 'chart' } })
              setPathEnds(
                pathEnds[0] === '' ? [id, pathEnds[1]] : pathEnds[1] === '' ? [pathEnds[0], id] : pathEnds,
              )
            }}
            onNodeDouble={(id) => {
              // A person expands to the numbers registered to them.
              const more = id.startsWith('person:')
                ? model.edges
                    .filter((e) => e.kind === 'subscriber' && (e.source === id || e.target === id))
                    .map((e) => (e.source === id ? e.target : e.source))
                : [id]
              setExpanded([...expanded, ...more])
              setScope('selection')
            }}
            onRendered={setRenderMs}
          />
        )}
      </div>
      <p className="muted chart-caption">
        {model === null
          ? ''
          : `${model.nodes.length.toLocaleString('en-GB')} nodes, ${model.edges.length.toLocaleString('en-GB')} links. `}
        Node size follows the number of records; colour follows role (orange deal line, pink holder, amber
        runner, green number with records, grey other, purple handset, light blue SIM, black person). Purple
        links join a number, SIM and handset seen in the same records; black links join a number to the person
        its subscriber record names (as registered with the network, not verified).
      </p>
    </div>
  )
}

/** The shared time filter (local dates in the case zone are entered as UTC days for simplicity of the bound). */
export function TimeFilter(): ReactNode {
  const { state, dispatch } = useWorkspace()
  return (
    <span className="time-filter">
      <label>
        from{' '}
        <input
          type="date"
          value={state.from?.slice(0, 10) ?? ''}
          onChange={(e) =>
            dispatch({
              type: 'window',
              from: e.target.value === '' ? null : `${e.target.value}T00:00:00Z`,
              to: state.to,
            })
          }
        />
      </label>
      <label>
        to{' '}
        <input
          type="date"
          value={state.to?.slice(0, 10) ?? ''}
          onChange={(e) =>
            dispatch({
              type: 'window',
              from: state.from,
              to: e.target.value === '' ? null : `${e.target.value}T23:59:59Z`,
            })
          }
        />
      </label>
      <small className="muted">(UTC days)</small>
    </span>
  )
}
