import { useState, type FormEvent, type ReactNode } from 'react'
import { toCss, type PlaceMark } from '@linesight/viz'
import { api } from '../api/client.js'
import type { NewPlace } from '../api/types.js'
import { ErrorNote } from '../components/notes.js'
import type { AsyncState } from '../state/use-async.js'
import { COLOCATION_COLOR, PLACE_COLORS } from './overlay-layers.js'

export interface OverlayToggles {
  readonly journeys: boolean
  readonly colocations: boolean
  readonly places: boolean
}

export interface OverlayCounts {
  readonly journeys: AsyncState<unknown> & { readonly count: number | null }
  readonly colocations: AsyncState<unknown> & { readonly count: number | null; readonly undrawn: number }
  readonly places: AsyncState<unknown> & { readonly count: number | null }
}

const status = (s: AsyncState<unknown> & { readonly count: number | null }, idle: string): string =>
  s.error !== null ? 'failed' : s.loading ? '…' : s.count === null ? idle : s.count.toLocaleString('en-GB')

/**
 * Toggles and legend for the analysis layers, each with its count (what the analysis found, or why nothing is
 * drawn), and a form to add a location of interest to the case.
 */
export function OverlayLegend(props: {
  readonly caseId: string
  readonly show: OverlayToggles
  readonly onShow: (show: OverlayToggles) => void
  readonly counts: OverlayCounts
  readonly numbers: number
  readonly onPlaceAdded: () => void
  readonly places: readonly PlaceMark[] | null
  readonly onChoosePlace: (place: PlaceMark) => void
}): ReactNode {
  const { show, counts } = props
  const toggle = (key: keyof OverlayToggles) => () => props.onShow({ ...show, [key]: !show[key] })
  const error = counts.journeys.error ?? counts.colocations.error ?? counts.places.error
  return (
    <div className="map-overlays" role="group" aria-label="Analysis layers" data-testid="map-overlays">
      <label data-testid="overlay-journeys" data-count={counts.journeys.count ?? ''}>
        <input type="checkbox" checked={show.journeys} onChange={toggle('journeys')} />
        <span className="swatch line" /> Journeys{' '}
        <output>{status(counts.journeys, props.numbers === 0 ? 'no numbers' : 'off')}</output>
      </label>
      <label data-testid="overlay-colocations" data-count={counts.colocations.count ?? ''}>
        <input type="checkbox" checked={show.colocations} onChange={toggle('colocations')} />
        <span className="swatch ring" style={{ borderColor: toCss(COLOCATION_COLOR) }} /> Co-locations{' '}
        <output>
          {status(counts.colocations, props.numbers < 2 ? 'needs two numbers' : 'off')}
          {counts.colocations.undrawn > 0
            ? ` (${counts.colocations.undrawn} not placed: events not loaded)`
            : ''}
        </output>
      </label>
      <label data-testid="overlay-places" data-count={counts.places.count ?? ''}>
        <input type="checkbox" checked={show.places} onChange={toggle('places')} />
        {Object.entries(PLACE_COLORS).map(([kind, c]) => (
          <span key={kind} className="swatch ring" title={kind} style={{ borderColor: toCss(c) }} />
        ))}{' '}
        Places <output>{status(counts.places, 'off')}</output>
      </label>
      {props.places === null || props.places.length === 0 ? null : (
        <select
          aria-label="Show a place"
          value=""
          onChange={(e) => {
            const chosen = props.places?.find((p) => p.id === e.target.value)
            if (chosen !== undefined) props.onChoosePlace(chosen)
          }}
        >
          <option value="">show a place …</option>
          {props.places.map((p) => (
            <option key={p.id} value={p.id}>
              {p.place.id} {p.place.name}
            </option>
          ))}
        </select>
      )}
      <span className="muted">Cells: serving area, not position.</span>
      <AddPlace caseId={props.caseId} onAdded={props.onPlaceAdded} />
      <ErrorNote error={error} />
    </div>
  )
}

const KINDS: readonly NewPlace['kind'][] = ['scene', 'home', 'alibi', 'other']

/** Adds a place (scene, home, alibi) to the case; the server records who added it in the audit log. */
function AddPlace(props: { readonly caseId: string; readonly onAdded: () => void }): ReactNode {
  const [error, setError] = useState<Error | null>(null)
  const submit = (e: FormEvent<HTMLFormElement>): void => {
    e.preventDefault()
    const form = e.currentTarget
    const f = new FormData(form)
    const text = (k: string): string => String(f.get(k) ?? '').trim()
    const radius = text('radiusM')
    const address = text('address')
    const place: NewPlace = {
      name: text('name'),
      kind: text('kind') as NewPlace['kind'],
      lat: Number(text('lat')),
      lon: Number(text('lon')),
      ...(address === '' ? {} : { address }),
      ...(radius === '' ? {} : { radiusM: Number(radius) }),
    }
    api.addPlace(props.caseId, place).then(
      () => {
        setError(null)
        form.reset()
        props.onAdded()
      },
      (err: unknown) => setError(err instanceof Error ? err : new Error(String(err))),
    )
  }
  return (
    <details className="add-place">
      <summary>Add a place</summary>
      <form onSubmit={submit}>
        <input name="name" aria-label="Place name" placeholder="name" required />
        <select name="kind" aria-label="Place kind" defaultValue="scene">
          {KINDS.map((k) => (
            <option key={k}>{k}</option>
          ))}
        </select>
        <input name="lat" aria-label="Latitude" placeholder="lat (WGS84)" inputMode="decimal" required />
        <input name="lon" aria-label="Longitude" placeholder="lon" inputMode="decimal" required />
        <input name="radiusM" aria-label="Radius in metres" placeholder="radius m" inputMode="decimal" />
        <input name="address" aria-label="Address" placeholder="address" />
        <button type="submit">Add</button>
        <ErrorNote error={error} />
      </form>
    </details>
  )
}
