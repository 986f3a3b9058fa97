import { PolygonLayer, TextLayer } from '@deck.gl/layers'
import type { Layer } from '@deck.gl/core'
import {
  seriesColor,
  withAlpha,
  type LonLat,
  type PlaybackMark,
  type Rgba,
  type SectorShape,
} from '@linesight/viz'

interface RingDatum {
  readonly shape: SectorShape
  readonly ring: readonly LonLat[]
  readonly outer: boolean
}

const ringsOf = (shapes: readonly SectorShape[]): RingDatum[] =>
  shapes.flatMap((shape) => shape.rings.map((ring, i) => ({ shape, ring, outer: i === 0 })))

/**
 * Deck layers for the map: every cell as a soft approximate wedge; cells named by the selected numbers' events at
 * the playback moment, in each number's colour (fainter when older); the focused cell outlined and labelled.
 */
export function mapLayers(input: {
  readonly shapes: readonly SectorShape[]
  readonly find: (cgi: string) => SectorShape | undefined
  readonly marks: readonly PlaybackMark[]
  readonly numbers: readonly string[]
  readonly focusCgi: string | null
  readonly numberCells: readonly SectorShape[]
  readonly focusColor: Rgba
}): Layer[] {
  const colourOf = (target: string): Rgba => seriesColor(Math.max(0, input.numbers.indexOf(target)))
  const markRings = input.marks.flatMap((m) => {
    const shape = input.find(m.cgi)
    if (shape === undefined) return []
    return shape.rings.map((ring) => ({
      ring,
      color: withAlpha(colourOf(m.target), 70 * (1 - m.age) + 15),
      mark: m,
    }))
  })
  const focus = input.focusCgi === null ? undefined : input.find(input.focusCgi)
  return [
    new PolygonLayer<RingDatum>({
      id: 'sectors',
      data: ringsOf(input.shapes),
      getPolygon: (d) => d.ring as LonLat[],
      getFillColor: (d) => d.shape.fill as Rgba & [number, number, number, number],
      getLineColor: (d) => d.shape.line as [number, number, number, number],
      getLineWidth: (d) => (d.outer ? 1 : 0),
      lineWidthUnits: 'pixels',
      stroked: true,
      filled: true,
      pickable: true,
      autoHighlight: true,
      highlightColor: [255, 200, 0, 90],
    }),
    new PolygonLayer<{ ring: readonly LonLat[] }>({
      id: 'number-cells',
      data: input.numberCells.map((s) => ({ ring: s.rings[0]! })),
      getPolygon: (d) => d.ring as LonLat[],
      getLineColor: [...input.focusColor.slice(0, 3), 220] as [number, number, number, number],
      getLineWidth: 2,
      lineWidthUnits: 'pixels',
      stroked: true,
      filled: false,
    }),
    new PolygonLayer<(typeof markRings)[number]>({
      id: 'playback',
      data: markRings,
      getPolygon: (d) => d.ring as LonLat[],
      getFillColor: (d) => d.color as [number, number, number, number],
      stroked: false,
      filled: true,
      updateTriggers: { getFillColor: [input.marks] },
    }),
    ...(focus === undefined
      ? []
      : [
          new PolygonLayer<SectorShape>({
            id: 'focus',
            data: [focus],
            getPolygon: (d) => d.rings[0] as LonLat[],
            getFillColor: [255, 200, 0, 60],
            getLineColor: [40, 40, 40, 255],
            getLineWidth: 3,
            lineWidthUnits: 'pixels',
            stroked: true,
            filled: true,
          }),
          new TextLayer<SectorShape>({
            id: 'focus-label',
            data: [focus],
            getPosition: (d) => d.labelAt as [number, number],
            getText: (d) => d.label,
            getSize: 13,
            getColor: [20, 20, 20, 255],
            background: true,
            getBackgroundColor: [255, 255, 255, 220],
            backgroundPadding: [4, 2],
            getTextAnchor: 'middle',
          }),
        ]),
  ]
}
