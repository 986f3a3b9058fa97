import { MapboxOverlay } from '@deck.gl/mapbox'
import type { Layer, PickingInfo } from '@deck.gl/core'
import * as maplibregl from 'maplibre-gl'
import { useEffect, useRef, useState, type ReactNode } from 'react'
import type { StyleSpecification } from 'maplibre-gl'
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url'

// maplibre-gl 6 loads its worker from a separate file, served by this app (never a CDN). Set here, with the map's
// own code, so the first view does not load the map library.
maplibregl.setWorkerUrl(workerUrl)

/**
 * A MapLibre map with a deck.gl overlay (MapboxOverlay). The style is local; layers and bounds are props, and a
 * click on a picked shape calls `onPick`.
 */
export function MapCanvas(props: {
  readonly style: StyleSpecification
  readonly layers: readonly Layer[]
  readonly bounds: readonly [number, number, number, number] | null
  /** A point to bring into view (a cell selected in another view), keeping the zoom. */
  readonly centre: readonly [number, number] | null
  readonly onPick: (info: PickingInfo) => void
  readonly tooltip: (info: PickingInfo) => string | null
}): ReactNode {
  const container = useRef<HTMLDivElement>(null)
  const overlay = useRef<MapboxOverlay | null>(null)
  const map = useRef<maplibregl.Map | null>(null)
  const [ready, setReady] = useState(false)
  const pick = useRef(props.onPick)
  const tip = useRef(props.tooltip)
  pick.current = props.onPick
  tip.current = props.tooltip

  useEffect(() => {
    if (container.current === null) return
    const m = new maplibregl.Map({
      container: container.current,
      style: props.style,
      center: [-1.5, 52.5],
      zoom: 5,
      attributionControl: {
        compact: true,
        customAttribution: 'Basemap: Natural Earth via world-atlas (offline)',
      },
      canvasContextAttributes: { preserveDrawingBuffer: true },
    })
    const o = new MapboxOverlay({
      interleaved: false,
      layers: [],
      onClick: (info) => pick.current(info),
      getTooltip: (info) => {
        const text = tip.current(info)
        return text === null ? null : { text }
      },
    })
    m.addControl(o)
    m.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right')
    m.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left')
    m.once('load', () => setReady(true))
    map.current = m
    overlay.current = o
    return () => {
      overlay.current = null
      map.current = null
      m.remove()
    }
  }, [props.style])

  useEffect(() => {
    overlay.current?.setProps({ layers: [...props.layers] })
  }, [props.layers, ready])

  const boundsKey = props.bounds?.join(',') ?? ''
  useEffect(() => {
    const b = props.bounds
    if (map.current === null || b === null) return
    map.current.fitBounds(
      [
        [b[0], b[1]],
        [b[2], b[3]],
      ],
      { padding: 40, duration: 0, maxZoom: 14 },
    )
    // Refit only when the box changes, not on every render.
  }, [boundsKey, ready])

  const centreKey = props.centre?.join(',') ?? ''
  useEffect(() => {
    const c = props.centre
    if (map.current === null || c === null) return
    map.current.panTo([c[0], c[1]], { duration: 0 })
  }, [centreKey, ready])

  return (
    <div
      ref={container}
      className="map-canvas"
      data-ready={ready ? 'true' : 'false'}
      role="region"
      aria-label="Map"
    />
  )
}
