import { lazy, Suspense, useEffect, useRef, type ReactNode } from 'react'
import { EvidenceDrawer } from './components/EvidenceDrawer.js'
import { ErrorNote, Loading } from './components/notes.js'
import { useCaseInfo, useTargets } from './state/case-data.js'
import { hrefOf, navigate, useRoute, VIEW_LABELS, VIEWS, type View } from './state/route.js'
import { useWorkspace, WorkspaceProvider } from './state/workspace.js'
import { BoardView } from './board/BoardView.js'
import { DocumentsView } from './documents/DocumentsView.js'
import { ImportView } from './import/ImportView.js'
import { CasesView } from './views/CasesView.js'
import { OverviewView } from './views/OverviewView.js'
import { TablesView } from './views/TablesView.js'

// The map, chart and timeline (maplibre, deck.gl, sigma, vis-timeline) load when first shown, not in the first view.
const MapView = lazy(() => import('./map/MapView.js').then((m) => ({ default: m.MapView })))
const ChartView = lazy(() => import('./chart/ChartView.js').then((m) => ({ default: m.ChartView })))
const TimelineView = lazy(() =>
  import('./timeline/TimelineView.js').then((m) => ({ default: m.TimelineView })),
)
const WorkspaceView = lazy(() =>
  import('./views/WorkspaceView.js').then((m) => ({ default: m.WorkspaceView })),
)

export function App(): ReactNode {
  const route = useRoute()
  return (
    <div className="app">
      <header className="top">
        <a className="brand" href="#/">
          Linesight
        </a>
        {route.page === 'case' ? (
          <nav aria-label="Views" className="tabs">
            {VIEWS.map((v, i) => (
              <a
                key={v}
                href={hrefOf({ page: 'case', caseId: route.caseId, view: v })}
                aria-current={route.view === v ? 'page' : undefined}
                title={`${VIEW_LABELS[v]} (Alt+${i + 1})`}
              >
                {VIEW_LABELS[v]}
              </a>
            ))}
          </nav>
        ) : null}
        <span className="offline" title="Nothing is loaded from the internet; all data stays on this machine">
          offline · local
        </span>
      </header>
      <main>
        {route.page === 'cases' ? (
          <CasesView />
        ) : (
          <CaseShell key={route.caseId} caseId={route.caseId} view={route.view} />
        )}
      </main>
    </div>
  )
}

function CaseShell(props: { readonly caseId: string; readonly view: View }): ReactNode {
  const info = useCaseInfo(props.caseId)
  // Asked for alongside the case info, so the first view waits for one round trip, not two.
  useTargets(props.caseId)
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return
      const i = Number(e.key) - 1
      const view = VIEWS[i]
      if (view !== undefined) {
        e.preventDefault()
        navigate({ page: 'case', caseId: props.caseId, view })
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [props.caseId])
  if (info.error !== null) return <ErrorNote error={info.error} title={`Case ${props.caseId}`} />
  if (info.data === null) return <Loading what={`case ${props.caseId}`} />
  return (
    <WorkspaceProvider caseId={props.caseId} zone={info.data.case.defaultTimeZone}>
      <DefaultSelection />
      <section className={`view view-${props.view}`} aria-label={VIEW_LABELS[props.view]}>
        <Suspense fallback={<Loading what={VIEW_LABELS[props.view]} />}>
          <CaseView view={props.view} />
        </Suspense>
      </section>
      <EvidenceDrawer />
    </WorkspaceProvider>
  )
}

/** Until the analyst chooses, the three busiest numbers are on the map, timeline and chart. */
function DefaultSelection(): null {
  const { state, dispatch } = useWorkspace()
  const targets = useTargets(state.caseId)
  const done = useRef(false)
  useEffect(() => {
    if (done.current || targets.data === null) return
    done.current = true
    if (state.numbers.length === 0)
      dispatch({ type: 'numbers', numbers: targets.data.targets.slice(0, 3).map((t) => t.number) })
  }, [targets.data, state.numbers.length, dispatch])
  return null
}

function CaseView(props: { readonly view: View }): ReactNode {
  switch (props.view) {
    case 'overview':
      return <OverviewView />
    case 'board':
      return <BoardView />
    case 'map':
      return <MapView />
    case 'chart':
      return <ChartView />
    case 'timeline':
      return <TimelineView />
    case 'workspace':
      return <WorkspaceView />
    case 'tables':
      return <TablesView />
    case 'import':
      return <ImportView />
    case 'documents':
      return <DocumentsView />
  }
}
