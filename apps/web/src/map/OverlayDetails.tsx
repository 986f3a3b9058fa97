import type { ReactNode } from 'react'
import {
  formatInZone,
  isEvidence,
  type ColocationMark,
  type EvidenceRef,
  type JourneyLine,
  type PlaceMark,
} from '@linesight/viz'
import { ErrorNote, Loading } from '../components/notes.js'
import { useWorkspace } from '../state/workspace.js'
import { usePlaceReport } from './overlay-data.js'

/** What was clicked on the map among the analysis layers. */
export type Picked =
  | { readonly kind: 'journey'; readonly item: JourneyLine }
  | { readonly kind: 'colocation'; readonly item: ColocationMark }
  | { readonly kind: 'place'; readonly item: PlaceMark }

function EvidenceButton(props: { readonly title: string; readonly evidence: EvidenceRef }): ReactNode {
  const { dispatch } = useWorkspace()
  return (
    <button
      type="button"
      className="evidence-link"
      onClick={() => dispatch({ type: 'evidence', title: props.title, evidence: props.evidence })}
    >
      Show the {props.evidence.count.toLocaleString('en-GB')} source rows
    </button>
  )
}

const evidentialNote = (evidential: boolean): string =>
  evidential ? '' : ' Rests on public-database cell positions: orientation only, not evidential.'

/** The details of a picked journey, co-location or place, with its source rows a click away. */
export function OverlayDetails(props: { readonly picked: Picked; readonly onClose: () => void }): ReactNode {
  const { state } = useWorkspace()
  const t = (iso: string): string => formatInZone(iso, state.zone)
  const p = props.picked
  return (
    <aside className="overlay-details" data-testid="overlay-details" aria-label="Selected on the map">
      <button type="button" className="close" onClick={props.onClose} aria-label="Close details">
        ×
      </button>
      {p.kind === 'journey' ? (
        <>
          <h3>Journey of {p.item.target}</h3>
          <p>
            Last event in the origin’s area {t(p.item.journey.departure.utc)} (
            {p.item.journey.departure.site_name ?? p.item.journey.departure.site}); first in the destination’s{' '}
            {t(p.item.journey.arrival.utc)} ({p.item.journey.arrival.site_name ?? p.item.journey.arrival.site}
            ).
          </p>
          <p>
            {p.item.journey.distance_km} km in a straight line between the sites,{' '}
            {p.item.journey.elapsed_minutes} minutes
            {p.item.journey.implied_kmh === null ? '' : `, at least ${p.item.journey.implied_kmh} km/h`}.{' '}
            {p.item.journey.via.length} sites used on the way. The line is not the route: the records show
            only when the phone communicated, through serving areas, not positions.
            {evidentialNote(p.item.journey.evidential)}
          </p>
          <EvidenceButton title={`Journey of ${p.item.target}`} evidence={p.item.journey.evidence} />
        </>
      ) : p.kind === 'colocation' ? (
        <>
          <h3>
            Co-location of {p.item.a} and {p.item.b}
          </h3>
          <p>
            {t(p.item.period.first_utc)} to {t(p.item.period.last_utc)}: {p.item.period.instances} instances (
            {p.item.period.same_cell} same cell, {p.item.period.same_site} same site,{' '}
            {p.item.period.neighbouring} neighbouring sites), events at most {p.item.period.max_delay_s} s
            apart, on {p.item.masts} masts
            {p.item.period.site_names.length > 0 ? ` (${p.item.period.site_names.join(', ')})` : ''}.
          </p>
          <p className="muted">
            Drawn between the masts: consistent with both handsets being in the same serving area at about the
            same time, not with them being together.{evidentialNote(p.item.period.evidential)}
          </p>
          <EvidenceButton
            title={`Co-location of ${p.item.a} and ${p.item.b}`}
            evidence={p.item.period.evidence}
          />
        </>
      ) : (
        <PlaceDetails mark={p.item} />
      )}
    </aside>
  )
}

interface PlaceUserView {
  readonly number: string
  readonly events: number
  readonly first_utc: string
  readonly last_utc: string
  readonly evidence: unknown
}

function PlaceDetails(props: { readonly mark: PlaceMark }): ReactNode {
  const { state } = useWorkspace()
  const place = props.mark.place
  const report = usePlaceReport(state.caseId, place.id, state.numbers, state.from, state.to)
  const result = report.data?.result as
    { places: { cells: { cell: string }[]; users: PlaceUserView[] }[]; caution: string } | undefined
  const one = result?.places[0]
  return (
    <>
      <h3>
        {place.id} {place.name} ({place.kind})
      </h3>
      <p>
        {place.address ?? 'no address given'} · {place.lat.toFixed(5)}, {place.lon.toFixed(5)}
        {place.radius_m === null ? '' : ` · radius ${place.radius_m} m`}
        {place.notes === null ? '' : ` · ${place.notes}`}
      </p>
      <ErrorNote error={report.error} />
      {report.loading ? <Loading what="the cells that may serve it" /> : null}
      {one === undefined ? null : (
        <>
          <p>
            {one.cells.length} candidate cells by geometry;{' '}
            {one.users.length === 0
              ? `none used by ${state.numbers.length === 0 ? 'any number' : 'the selected numbers'} in the period.`
              : 'used by:'}
          </p>
          <ul className="place-users">
            {one.users.map((u) => (
              <li key={u.number}>
                {u.number}: {u.events} events, {formatInZone(u.first_utc, state.zone)} to{' '}
                {formatInZone(u.last_utc, state.zone)}{' '}
                {isEvidence(u.evidence) ? (
                  <EvidenceButton title={`${u.number} at ${place.name}`} evidence={u.evidence} />
                ) : null}
              </li>
            ))}
          </ul>
          <p className="muted">{result?.caution}</p>
        </>
      )}
    </>
  )
}
