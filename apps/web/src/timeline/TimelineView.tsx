import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import * as vis from 'vis-timeline/standalone'
import type { TimelineOptions } from 'vis-timeline'
import {
  bucketOf,
  eventRange,
  eventTimes,
  formatInZone,
  timeBuckets,
  timeExtent,
  timelineModel,
  zoneNames,
  zoneOffsetMinutes,
  type TimelineItem,
} from '@linesight/viz'
import { ErrorNote, Loading, Note } from '../components/notes.js'
import { useEvents } from '../state/case-data.js'
import { useWorkspace } from '../state/workspace.js'
import { TimeFilter } from '../chart/ChartView.js'

// The standalone build bundles its own DataSet and moment; its type declarations do not list them.
const { Timeline } = vis
const { DataSet, moment } = vis as unknown as {
  DataSet: new <T>(items: T[]) => unknown
  moment: (date: unknown) => { valueOf: () => number; utcOffset: (minutes: number) => unknown }
}
type Timeline = vis.Timeline

const MAX_VISIBLE = 1500
/** Below this many events in view, each carries a text label. */
const LABELLED = 150
const ZOOMS: readonly [string, number][] = [
  ['Months', 120 * 86400_000],
  ['Week', 7 * 86400_000],
  ['Day', 86400_000],
  ['Hour', 3600_000],
  ['Minute', 60_000],
]

/**
 * The selected numbers' events in lanes, zoomable from months to seconds. Selecting an event selects it on the map
 * and chart; a cell chosen on the map selects that cell's events here. The axis and tooltips are in the case's
 * declared zone (its clock changes included), and the toolbar says which. Zoomed out, each lane shows its events
 * counted per day of that zone; zoomed in to a few thousand events, each is drawn.
 */
export function TimelineView(props: { readonly compact?: boolean }): ReactNode {
  const { state, dispatch } = useWorkspace()
  const events = useEvents(state.caseId, state.numbers, state.from, state.to)
  const container = useRef<HTMLDivElement>(null)
  const timeline = useRef<Timeline | null>(null)
  const refresh = useRef<() => void>(() => undefined)
  const [shown, setShown] = useState<{ mode: 'events' | 'days' | 'hours'; count: number }>({
    mode: 'days',
    count: 0,
  })
  const list = useMemo(() => events.data?.events ?? [], [events.data])
  const times = useMemo(() => eventTimes(list), [list])
  const byId = useMemo(() => new Map(list.map((e) => [e.id, e])), [list])
  const days = useMemo(
    () => timeBuckets(list, state.numbers, 86400_000, state.zone),
    [list, state.numbers, state.zone],
  )
  const fmt = useMemo(() => (iso: string) => formatInZone(iso, state.zone), [state.zone])
  const clock = useMemo(() => {
    const e = timeExtent(list)
    return e === null ? zoneNames(state.zone, Date.now(), Date.now()) : zoneNames(state.zone, e[0], e[1])
  }, [list, state.zone])
  const select = useRef((id: string): void => void id)
  select.current = (id: string) => {
    const t = timeline.current
    const bucket = bucketOf(id)
    if (bucket !== null) {
      // A bucket's count: zoom into that day or hour to see its events.
      t?.setWindow(bucket[0], bucket[1], { animation: false })
      return
    }
    const e = byId.get(id)
    if (e !== undefined)
      dispatch({ type: 'focus', focus: { eventId: e.id, number: e.target, cgi: e.cgi, source: 'timeline' } })
  }

  useEffect(() => {
    if (container.current === null || state.numbers.length === 0) return
    const items = new DataSet<TimelineItem>([])
    const groups = new DataSet(
      state.numbers.map((n, i) => ({ id: n, content: n, className: `lane-${i % 8}`, order: i })),
    )
    const extent = timeExtent(list)
    const options: TimelineOptions = {
      stack: false,
      zoomMin: 1000,
      zoomMax: 2 * 365 * 86400_000,
      showCurrentTime: false,
      selectable: true,
      multiselect: true,
      groupOrder: 'order',
      orientation: 'top',
      height: '100%',
      margin: { item: 2, axis: 4 },
      tooltip: { followMouse: true, overflowMethod: 'cap' },
      // The axis reads the case's clock, not the browser's: each instant at the zone's offset then.
      moment: (date: unknown) => {
        const m = moment(date)
        return m.utcOffset(zoneOffsetMinutes(state.zone, m.valueOf()))
      },
      ...(extent === null ? {} : { start: extent[0] - 3600_000, end: extent[1] + 3600_000 }),
    } as TimelineOptions
    const t = new Timeline(container.current, items as never, groups as never, options)
    let key = ''
    // Draw every event when the window holds few enough; otherwise counts per number and day (or hour, when the
    // window is under three days).
    const draw = (): void => {
      const w = t.getWindow()
      const [from, to] = [w.start.valueOf(), w.end.valueOf()]
      const [lo, hi] = eventRange(times, from, to)
      const mode = hi - lo <= MAX_VISIBLE ? 'events' : to - from < 3 * 86400_000 ? 'hours' : 'days'
      const next =
        mode === 'events' ? `e:${lo}:${hi}` : mode === 'hours' ? `h:${Math.floor(from / 86400_000)}` : 'days'
      if (next === key) return
      key = next
      const wanted =
        mode === 'events'
          ? timelineModel(list.slice(lo, hi), state.numbers, fmt, hi - lo <= LABELLED).items
          : mode === 'hours'
            ? timeBuckets(
                list.slice(...eventRange(times, from - 86400_000, to + 86400_000)),
                state.numbers,
                3600_000,
                state.zone,
              )
            : days
      const selected = t.getSelection()
      ;(items as unknown as { clear: () => void; add: (x: readonly TimelineItem[]) => void }).clear()
      ;(items as unknown as { add: (x: readonly TimelineItem[]) => void }).add(wanted)
      if (selected.length > 0) t.setSelection(selected)
      setShown({ mode, count: wanted.length })
    }
    refresh.current = draw
    let timer: ReturnType<typeof setTimeout> | undefined
    t.on('rangechanged', () => {
      clearTimeout(timer)
      timer = setTimeout(draw, 60)
    })
    t.on('select', (p: { items: (string | number)[] }) => {
      const first = p.items[0]
      if (first !== undefined) select.current(String(first))
    })
    draw()
    timeline.current = t
    return () => {
      clearTimeout(timer)
      t.destroy()
      timeline.current = null
      refresh.current = () => undefined
    }
  }, [list, times, days, state.numbers, fmt, state.zone])

  // Selections made elsewhere: an event (shown in its hour), or a cell (every drawn item on that cell).
  useEffect(() => {
    const t = timeline.current
    if (t === null || state.focus.source === 'timeline') return
    const e = state.focus.eventId === null ? undefined : byId.get(state.focus.eventId)
    if (e !== undefined) {
      const at = Date.parse(e.startUtc)
      t.setWindow(at - 1800_000, at + 1800_000, { animation: false })
      refresh.current()
      t.setSelection([e.id])
    } else if (state.focus.cgi !== null) {
      const ids = list.filter((x) => x.cgi === state.focus.cgi).map((x) => x.id)
      t.setSelection(ids.slice(0, 500))
    } else if (state.focus.number !== null) t.setSelection([])
  }, [state.focus, list, byId])

  const zoom = (span: number): void => {
    const t = timeline.current
    if (t === null) return
    const w = t.getWindow()
    const selected = state.focus.eventId === null ? undefined : byId.get(state.focus.eventId)
    // Zoom about the selected event when there is one, else about the middle of the view.
    const centre =
      selected === undefined ? (w.start.valueOf() + w.end.valueOf()) / 2 : Date.parse(selected.startUtc)
    t.setWindow(centre - span / 2, centre + span / 2, { animation: false })
  }
  const focused = state.focus.eventId === null ? undefined : byId.get(state.focus.eventId)
  return (
    <div className={`timeline-view${props.compact === true ? ' compact' : ''}`}>
      <div className="timeline-tools">
        <span role="group" aria-label="Zoom">
          {ZOOMS.map(([label, span]) => (
            <button key={label} type="button" onClick={() => zoom(span)}>
              {label}
            </button>
          ))}
          <button type="button" onClick={() => timeline.current?.fit({ animation: false })}>
            Fit
          </button>
        </span>
        <TimeFilter />
        <span className="muted">
          <span data-testid="timeline-zone">
            Axis in {state.zone} ({clock})
          </span>{' '}
          · {list.length.toLocaleString('en-GB')} events ·{' '}
          {shown.mode === 'events'
            ? 'each event drawn'
            : `counts per ${shown.mode === 'days' ? 'day' : 'hour'}: zoom in (or click a count) to see each event`}
        </span>
      </div>
      <ErrorNote error={events.error} />
      {state.numbers.length === 0 ? (
        <Note>Choose numbers on the Overview (or click one on the chart) to see their events.</Note>
      ) : null}
      {events.data?.truncated === true ? (
        <Note kind="warn">Only the first 50,000 events are loaded; narrow the time filter.</Note>
      ) : null}
      {events.loading && events.data === null ? <Loading what="events" /> : null}
      <div
        ref={container}
        className="timeline-frame"
        data-items={shown.count}
        data-mode={shown.mode}
        data-events={list.length}
      />
      {focused === undefined ? null : (
        <p className="selected-event">
          Selected: {formatInZone(focused.startUtc, state.zone)} · {focused.target} {focused.direction}{' '}
          {focused.type} {focused.other ?? ''} {focused.durationS === null ? '' : `${focused.durationS} s`} ·
          cell {focused.cgi ?? 'none'} ·{' '}
          {focused.timeSemantics === 'at'
            ? 'cell at the time'
            : `cell ${focused.timeSemantics.replace(/-/g, ' ')} time`}
        </p>
      )}
    </div>
  )
}
