import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import type { StyleSpecification } from 'maplibre-gl'
import {
  cellBounds,
  cellSectors,
  colocationMarks,
  eventTimes,
  formatInZone,
  journeyLines,
  placeMarks,
  playbackFrame,
  seriesColor,
  timeExtent,
  toCss,
  sectorLookup,
  type CellSite,
  type ColocationMark,
  type JourneyLine,
  type LonLat,
  type PlaceMark,
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
import { useColocation, useJourneys, usePlaces } from './overlay-data.js'
import { overlayLayers } from './overlay-layers.js'
import { OverlayDetails, type Picked } from './OverlayDetails.js'
import { OverlayLegend, type OverlayToggles } from './OverlayLegend.js'

const WINDOWS: readonly [string, number][] = [
  ['1 hour', 3600_000],
  ['6 hours', 6 * 3600_000],
  ['1 day', 86400_000],
  ['1 week', 7 * 86400_000],
]
const PLAY_SECONDS = 40
let mapOpenings = 0

/**
 * Cells as soft approximate wedges, the selected numbers' events over time, and a play button that steps through
 * the timeline; over them, the journeys and co-locations the analyses find for the selected numbers and the case's
 * locations of interest, each toggled and counted in the legend and clickable for its details and source rows. The
 * map shows which serving areas the records name; it is not a record of where anyone was.
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
  const [show, setShow] = useState<OverlayToggles>({ journeys: true, colocations: true, places: true })
  // Places are read afresh each time the map opens (another analyst may have added one), then on each add here.
  const [placesVersion, setPlacesVersion] = useState(() => ++mapOpenings)
  const [picked, setPicked] = useState<Picked | null>(null)
  // A place chosen from the legend is brought into view.
  const [placeCentre, setPlaceCentre] = useState<LonLat | null>(null)
  const journeys = useJourneys(state.caseId, state.numbers, state.from, state.to, show.journeys)
  const colocation = useColocation(state.caseId, state.numbers, state.from, state.to, show.colocations)
  const places = usePlaces(state.caseId, placesVersion, show.places)
  const cellByCgi = useMemo(
    () => new Map<string, CellSite>((cells.data?.cells ?? []).map((c) => [c.cgi, c])),
    [cells.data],
  )
  const journeyList = useMemo(
    () => (journeys.data === null ? null : journeyLines(journeys.data)),
    [journeys.data],
  )
  const colocations = useMemo(
    () =>
      colocation.data === null
        ? null
        : colocationMarks(colocation.data, list, (cgi) => {
            const shape = find(cgi)
            return shape === undefined ? undefined : cellByCgi.get(shape.cgi)
          }),
    [colocation.data, list, find, cellByCgi],
  )
  const placeList = useMemo(
    () => (places.data === null ? null : placeMarks(places.data.places)),
    [places.data],
  )
  const pickedId = picked === null ? null : picked.item.id

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
  const overlays = useMemo(
    () =>
      overlayLayers({
        journeys: show.journeys ? journeyList : null,
        colocations: show.colocations ? (colocations?.marks ?? null) : null,
        places: show.places ? placeList : null,
        numbers: state.numbers,
        picked: pickedId,
        playback: at === null ? null : { at, windowMs },
      }),
    [show, journeyList, colocations, placeList, state.numbers, pickedId, at, windowMs],
  )
  const allLayers = useMemo(() => [...layers, ...overlays], [layers, overlays])
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
      <OverlayLegend
        caseId={state.caseId}
        show={show}
        onShow={setShow}
        numbers={state.numbers.length}
        onPlaceAdded={() => setPlacesVersion((v) => v + 1)}
        places={show.places ? placeList : null}
        onChoosePlace={(item) => {
          setPicked({ kind: 'place', item })
          setPlaceCentre(item.at)
        }}
        counts={{
          journeys: { ...journeys, count: show.journeys ? (journeyList?.length ?? null) : null },
          colocations: {
            ...colocation,
            count: show.colocations ? (colocations?.marks.length ?? null) : null,
            undrawn: show.colocations ? (colocations?.undrawn ?? 0) : 0,
          },
          places: { ...places, count: show.places ? (placeList?.length ?? null) : null },
        }}
      />
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
            layers={allLayers}
            bounds={bounds}
            centre={
              state.focus.source === 'map' || state.focus.cgi === null
                ? placeCentre
                : ((find(state.focus.cgi)?.labelAt as [number, number] | undefined) ?? placeCentre)
            }
            onPick={(info) => {
              const layer = info.layer?.id ?? ''
              if (layer === 'journeys' || layer === 'journey-ends') {
                const item = info.object as JourneyLine
                setPicked({ kind: 'journey', item })
                const eventId = item.journey.departure.event_id
                dispatch({ type: 'focus', focus: { number: item.target, eventId, source: 'map' } })
                return
              }
              if (layer === 'colocations')
                return setPicked({ kind: 'colocation', item: info.object as ColocationMark })
              if (layer === 'places') return setPicked({ kind: 'place', item: info.object as PlaceMark })
              const d = info.object as { shape?: SectorShape } | undefined
              if (d?.shape !== undefined)
                dispatch({ type: 'focus', focus: { cgi: d.shape.cgi, source: 'map' } })
            }}
            tooltip={(info) => overlayTip(info.layer?.id ?? '', info.object, state.zone)}
          />
        )}
        {picked === null ? null : <OverlayDetails picked={picked} onClose={() => setPicked(null)} />}
      </div>
      <p className="map-caption muted">
        Wedges are approximate serving areas drawn from azimuth and beamwidth (radius assumed where the cell
        list gives none), faded at the edge because coverage has no hard edge. A coloured wedge means the
        number’s record names that cell; it does not place the phone at any point.{' '}
        {publicCount > 0 ? `${publicCount} grey cells come from public data and are not evidential.` : ''}
        {marks.length > 0 ? ` ${marks.length} cell uses in the window.` : ''} Journeys are straight lines
        between the sites of the last event in one area and the first in the next, not routes (playing or
        moving the time brings out those under way); co-locations sit between the masts both numbers used.
      </p>
    </div>
  )
}

/** The hover text of an analysis shape, or of a wedge (its label, which says it is approximate). */
function overlayTip(layer: string, object: unknown, zone: string): string | null {
  if (layer === 'journeys' || layer === 'journey-ends') {
    const d = object as JourneyLine
    return `Journey of ${d.target}: ${formatInZone(d.journey.departure.utc, zone)} → ${formatInZone(d.journey.arrival.utc, zone)}, ${d.journey.distance_km} km straight line (not the route)`
  }
  if (layer === 'colocations') {
    const d = object as ColocationMark
    return `Co-location of ${d.a} and ${d.b}: ${d.period.instances} instances from ${formatInZone(d.period.first_utc, zone)}`
  }
  if (layer === 'places') {
    const d = object as PlaceMark
    return `Place ${d.place.id} ${d.place.name} (${d.place.kind})`
  }
  const d = object as { shape?: SectorShape } | undefined
  return d?.shape === undefined ? null : d.shape.label
}
