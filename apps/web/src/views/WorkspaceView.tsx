import type { ReactNode } from 'react'
import { useWorkspace } from '../state/workspace.js'
import { ChartView } from '../chart/ChartView.js'
import { MapView } from '../map/MapView.js'
import { TimelineView } from '../timeline/TimelineView.js'
import { Targets } from './OverviewView.js'

/** Map, link chart and timeline side by side: select in one, highlight in all. */
export function WorkspaceView(): ReactNode {
  const { state, dispatch } = useWorkspace()
  const f = state.focus
  return (
    <div className="workspace-grid">
      <aside className="workspace-numbers">
        <p className="selection">
          Selected: {f.number ?? f.cgi ?? 'nothing'}{' '}
          <button
            type="button"
            onClick={() => dispatch({ type: 'focus', focus: {} })}
            disabled={f.number === null && f.cgi === null && f.eventId === null}
          >
            Clear selection
          </button>
        </p>
        <Targets compact />
      </aside>
      <div className="workspace-map">
        <MapView compact />
      </div>
      <div className="workspace-chart">
        <ChartView compact />
      </div>
      <div className="workspace-timeline">
        <TimelineView compact />
      </div>
    </div>
  )
}
