import { LineLayer, ScatterplotLayer, TextLayer } from '@deck.gl/layers'
import type { Layer } from '@deck.gl/core'
import {
  journeyInWindow,
  seriesColor,
  withAlpha,
  type ColocationMark,
  type JourneyLine,
  type PlaceMark,
  type Rgba,
} from '@linesight/viz'

type Color = [number, number, number, number]
const rgba = (c: Rgba): Color => [c[0], c[1], c[2], c[3]]

/** Co-locations are drawn in one colour of their own, apart from the numbers' colours. */
export const COLOCATION_COLOR: Rgba = [170, 51, 119, 255]
/** Places by kind: scenes red, homes dark blue, alibis green, others grey. */
export const PLACE_COLORS: Readonly<Record<string, Rgba>> = {
  scene: [200, 30, 30, 255],
  home: [30, 60, 140, 255],
  alibi: [20, 130, 60, 255],
  other: [90, 90, 90, 255],
}
export const placeColor = (kind: string): Rgba => PLACE_COLORS[kind] ?? PLACE_COLORS['other']!

/**
 * Deck layers for analysis results on the map: journeys as straight lines between the departure and arrival sites
 * (not the route), in the number's colour, the arrival end dotted, those under way in the playback window bold;
 * co-location periods as rings sized by their instances; locations of interest at their declared radius, labelled.
 */
export function overlayLayers(input: {
  readonly journeys: readonly JourneyLine[] | null
  readonly colocations: readonly ColocationMark[] | null
  readonly places: readonly PlaceMark[] | null
  readonly numbers: readonly string[]
  readonly picked: string | null
  /** The playback window when the analyst plays or moves the time; journeys under way in it stand out. */
  readonly playback: { readonly at: number; readonly windowMs: number } | null
}): Layer[] {
  const pb = input.playback
  const strong = (d: JourneyLine): boolean =>
    d.id === input.picked || pb === null || journeyInWindow(d, pb.at, pb.windowMs)
  const colourOf = (target: string): Rgba => seriesColor(Math.max(0, input.numbers.indexOf(target)))
  const layers: Layer[] = []
  if (input.places !== null)
    layers.push(
      new ScatterplotLayer<PlaceMark>({
        id: 'places',
        data: input.places,
        getPosition: (d) => [d.at[0], d.at[1]],
        getRadius: (d) => d.radiusMetres,
        radiusUnits: 'meters',
        radiusMinPixels: 7,
        getFillColor: (d) => rgba(withAlpha(placeColor(d.place.kind), 60)),
        getLineColor: (d) => rgba(placeColor(d.place.kind)),
        getLineWidth: (d) => (d.id === input.picked ? 4 : 2),
        lineWidthUnits: 'pixels',
        stroked: true,
        filled: true,
        pickable: true,
        updateTriggers: { getLineWidth: [input.picked] },
      }),
      new TextLayer<PlaceMark>({
        id: 'place-labels',
        data: input.places,
        getPosition: (d) => [d.at[0], d.at[1]],
        getText: (d) => `${d.place.id} ${d.place.name}`,
        getSize: 12,
        getColor: (d) => rgba(placeColor(d.place.kind)),
        getPixelOffset: [0, -16],
        background: true,
        getBackgroundColor: [255, 255, 255, 200],
        backgroundPadding: [3, 1],
      }),
    )
  if (input.journeys !== null)
    layers.push(
      new LineLayer<JourneyLine>({
        id: 'journeys',
        data: input.journeys,
        getSourcePosition: (d) => [d.from[0], d.from[1]],
        getTargetPosition: (d) => [d.to[0], d.to[1]],
        getColor: (d) =>
          rgba(withAlpha(colourOf(d.target), d.id === input.picked ? 255 : strong(d) ? 200 : 45)),
        getWidth: (d) => (d.id === input.picked ? 6 : strong(d) && pb !== null ? 5 : 3),
        widthUnits: 'pixels',
        pickable: true,
        updateTriggers: { getColor: [input.picked, input.numbers, pb], getWidth: [input.picked, pb] },
      }),
      new ScatterplotLayer<JourneyLine>({
        id: 'journey-ends',
        data: input.journeys,
        getPosition: (d) => [d.to[0], d.to[1]],
        getRadius: 5,
        radiusUnits: 'pixels',
        getFillColor: (d) => rgba(withAlpha(colourOf(d.target), strong(d) ? 255 : 60)),
        getLineColor: [255, 255, 255, 255],
        getLineWidth: 1,
        lineWidthUnits: 'pixels',
        stroked: true,
        pickable: true,
        updateTriggers: { getFillColor: [input.numbers, pb] },
      }),
    )
  if (input.colocations !== null)
    layers.push(
      new ScatterplotLayer<ColocationMark>({
        id: 'colocations',
        data: input.colocations,
        getPosition: (d) => [d.at[0], d.at[1]],
        getRadius: (d) => 6 + Math.min(14, Math.sqrt(d.period.instances) * 2),
        radiusUnits: 'pixels',
        getFillColor: rgba(withAlpha(COLOCATION_COLOR, 90)),
        getLineColor: (d) => rgba(withAlpha(COLOCATION_COLOR, d.id === input.picked ? 255 : 220)),
        getLineWidth: (d) => (d.id === input.picked ? 4 : 2),
        lineWidthUnits: 'pixels',
        stroked: true,
        filled: true,
        pickable: true,
        updateTriggers: { getLineColor: [input.picked], getLineWidth: [input.picked] },
      }),
    )
  return layers
}
