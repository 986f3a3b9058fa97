import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import type { StyleSpecification } from 'maplibre-gl'
import {
  cellBounds,
  cellSectors,
  eventTimes,
  formatInZone,
  playbackFrame,
  seriesColor,
  timeExtent,
  toCss,
  sectorLookup,
  type SectorShape,
} from '@linesight/viz'
import { api } from '../api/client.js'
import { ErrorNote, Loading, Note } from '../components/notes.js'
import { useCells, useEvents } from '../state/case-data.js'
import { useAsync } from '../state/use-async.js'
import { useWorkspace } from '../state/workspace.js'
import { basemapStyle } from './basemap.js'
import { mapLayers } from './layers.js'
import { MapCanvas } from './MapCanvas.js'

const WINDOWS: readonly [string, number][] = [
  ['1 hour', 3600_000],
  ['6 hours', 6 * 3600_000],
  ['1 day', 86400_000],
  ['1 week', 7 * 86400_000],
]
const PLAY_SECONDS = 40

/**
 * Cells as soft approximate wedges, the selected numbers' events over time, and a play button that steps through
 * the timeline. The map shows which serving areas the records name; it is not a record of where anyone was.
 */
export function MapView(props: { readonly compact?: boolean }): ReactNode {
  const { state, dispatch } = useWorkspace()
  const config = useAsync('config||', () => api.config())
  const style = useAsync<StyleSpecification>(
    config.data === null ? null : `style||${config.data.basemap.kind}`,
    () =>
      config.data === null
        ? Promise.reject(new Error('no server config'))
        : basemapStyle(config.data.basemap),
  )
  const cells = useCells(state.caseId)
  const events = useEvents(state.caseId, state.numbers, state.from, state.to)
  const shapes = useMemo(() => (cells.data === null ? [] : cellSectors(cells.data.cells)), [cells.data])
  const find = useMemo(() => sectorLookup(shapes), [shapes])
  const list = useMemo(() => events.data?.events ?? [], [events.data])
  const times = useMemo(() => eventTimes(list), [list])
  const extent = useMemo(() => timeExtent(list), [list])
  const [at, setAt] = useState<number | null>(null)
  const [playing, setPlaying] = useState(false)
  const [windowMs, setWindowMs] = useState(6 * 3600_000)
  const now = at ?? extent?.[1] ?? 0

  // A selection elsewhere (timeline, table) moves the playback to that event.
  useEffect(() => {
    if (state.focus.source === 'map' || state.focus.eventId === null) return
    const i = list.findIndex((e) => e.id === state.focus.eventId)
    if (i >= 0) setAt(times[i] ?? null)
  }, [state.focus, list, times])

  const frame = useRef(0)
  useEffect(() => {
    if (!playing || extent === null) return
    let last = performance.now()
    const step = (t: number): void => {
      const dt = t - last
      last = t
      setAt((prev) => {
        const next = (prev ?? extent[0]) + ((extent[1] - extent[0]) / (PLAY_SECONDS * 1000)) * dt
        if (next >= extent[1]) {
          setPlaying(false)
          return extent[1]
        }
        return next
      })
      frame.current = requestAnimationFrame(step)
    }
    frame.current = requestAnimationFrame(step)
    return () => cancelAnimationFrame(frame.current)
  }, [playing, extent])

  const marks = useMemo(() => playbackFrame(list, times, now, windowMs), [list, times, now, windowMs])
  const numberCells = useMemo(() => {
    if (state.focus.number === null) return []
    const used = new Set(
      list.flatMap((e) => (e.target === state.focus.number && e.cgi !== null ? [e.cgi] : [])),
    )
    return [...used].map((c) => find(c)).filter((s): s is SectorShape => s !== undefined)
  }, [state.focus.number, list, find])
  const layers = useMemo(
    () =>
      mapLayers({
        shapes,
        find,
        marks,
        numbers: state.numbers,
        focusCgi: state.focus.cgi,
        numberCells,
        focusColor: seriesColor(Math.max(0, state.numbers.indexOf(state.focus.number ?? ''))),
      }),
    [shapes, find, marks, state.numbers, state.focus.cgi, state.focus.number, numberCells],
  )
  const bounds = useMemo(() => {
    if (cells.data === null) return null
    const used = new Set(list.map((e) => e.cgi))
    const mine = cells.data.cells.filter((c) => used.has(c.cgi))
    return cellBounds(mine.length > 0 ? mine : cells.data.cells)
  }, [cells.data, list])

  const publicCount = cells.data?.cells.filter((c) => c.sourceKind !== 'network').length ?? 0
  const error = config.error ?? style.error ?? cells.error ?? events.error
  return (
    <div className={`map-view${props.compact === true ? ' compact' : ''}`}>
      <div className="map-tools">
        <button
          type="button"
          onClick={() => {
            if (extent === null) return
            if (!playing && (at === null || at >= extent[1])) setAt(extent[0])
            setPlaying(!playing)
          }}
          disabled={extent === null}
          aria-pressed={playing}
          data-testid="play"
        >
          {playing ? '❚❚ Pause' : '▶ Play'}
        </button>
        <input
          type="range"
          aria-label="Playback time"
          min={extent?.[0] ?? 0}
          max={extent?.[1] ?? 1}
          step={60_000}
          value={now}
          disabled={extent === null}
          onChange={(e) => {
            setPlaying(false)
            setAt(Number(e.target.value))
          }}
        />
        <output className="playback-time" aria-live="off">
          {extent === null ? '—' : formatInZone(new Date(now).toISOString(), state.zone)}
        </output>
        <label>
          shows the last{' '}
          <select value={windowMs} onChange={(e) => setWindowMs(Number(e.target.value))}>
            {WINDOWS.map(([label, ms]) => (
              <option key={ms} value={ms}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <output className="map-selection" data-testid="map-selection">
          {state.focus.cgi === null
            ? ''
            : `Selected cell: ${find(state.focus.cgi)?.label ?? `${state.focus.cgi} (not in the cell lists: not drawn)`}`}
        </output>
        <span className="legend">
          {state.numbers.map((n, i) => (
            <span key={n} className="legend-item">
              <span className="swatch" style={{ background: toCss(seriesColor(i)) }} /> {n}
            </span>
          ))}
        </span>
      </div>
      <ErrorNote error={error} />
      {events.data?.truncated === true ? (
        <Note kind="warn">
          Only the first 50,000 events are drawn; narrow the time filter or the numbers.
        </Note>
      ) : null}
      <div className="map-frame">
        {style.data === null || cells.data === null ? (
          error === null ? (
            <Loading what="the map" />
          ) : null
        ) : (
          <MapCanvas
            style={style.data}
            layers={layers}
            bounds={bounds}
            centre={
              state.focus.source === 'map' || state.focus.cgi === null
                ? null
                : ((find(state.focus.cgi)?.labelAt as [number, number] | undefined) ?? null)
            }
            onPick={(info) => {
              const d = info.object as { shape?: SectorShape } | undefined
              if (d?.shape !== undefined)
                dispatch({ type: 'focus', focus: { cgi: d.shape.cgi, source: 'map' } })
            }}
            tooltip={(info) => {
              const d = info.object as { shape?: SectorShape } | undefined
              return d?.shape === undefined ? null : d.shape.label
            }}
          />
        )}
      </div>
      <p className="map-caption muted">
        Wedges are approximate serving areas drawn from azimuth and beamwidth (radius assumed where the cell
        list gives none), faded at the edge because coverage has no hard edge. A coloured wedge means the
        number’s record names that cell; it does not place the phone at any point.{' '}
        {publicCount > 0 ? `${publicCount} grey cells come from public data and are not evidential.` : ''}
        {marks.length > 0 ? ` ${marks.length} cell uses in the window.` : ''}
      </p>
    </div>
  )
}
