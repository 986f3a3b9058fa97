import { destinationPoint, sectorPolygon, type LonLat } from '@linesight/geo'
import { withAlpha, type Rgba } from '../colors.js'
import type { CellSite } from '../data.js'

/** A cell drawn as an approximate serving area: nested rings that fade outward, never a point. */
export interface SectorShape {
  readonly cgi: string
  /** Outer ring first; each ring is closed. Drawn on top of one another they give a soft edge. */
  readonly rings: readonly (readonly LonLat[])[]
  /** Where the label sits: half-way along the azimuth (the mast for a circle). A label anchor, not a position. */
  readonly labelAt: LonLat
  readonly label: string
  /** False for public-fallback cells: orientation only, never evidence. */
  readonly evidential: boolean
  /** True when the radius was assumed because the cell list gives none. */
  readonly radiusAssumed: boolean
  readonly radiusMetres: number
  readonly fill: Rgba
  readonly line: Rgba
}

export interface SectorOptions {
  /** Radius used when the cell list gives none, in metres (stated on every such shape). */
  readonly assumedRadiusMetres?: number
  /** How many fading rings; 3 unless set. */
  readonly rings?: number
  readonly color?: Rgba
}

export const DEFAULT_ASSUMED_RADIUS_METRES = 1500
const NETWORK_FILL: Rgba = [0, 114, 178, 255]
const PUBLIC_FILL: Rgba = [130, 130, 130, 255]

/**
 * Sector wedges for cells, as approximations: azimuth ± beamwidth/2 out to the listed range (or an assumed radius,
 * said so in the label), or a circle when azimuth or beamwidth is missing. The rings fade outward because a real
 * serving area has no hard edge. Cells without a finite position are skipped.
 *
 * @example
 * cellSectors([{ cgi: '234-30-1-2', lat: 51.5, lon: 0.1, azimuth: 90, beamwidth: 120, rangeMetres: null, ... }])
 * // [{ cgi: '234-30-1-2', rings: [outer, middle, inner], label: '234-30-1-2 (approximate, radius 1500 m assumed)', ... }]
 */
export function cellSectors(cells: readonly CellSite[], options: SectorOptions = {}): SectorShape[] {
  const assumed = options.assumedRadiusMetres ?? DEFAULT_ASSUMED_RADIUS_METRES
  const ringCount = options.rings ?? 3
  const out: SectorShape[] = []
  for (const cell of cells) {
    if (!Number.isFinite(cell.lat) || !Number.isFinite(cell.lon) || Math.abs(cell.lat) > 90) continue
    const radiusAssumed = !(cell.rangeMetres !== null && cell.rangeMetres > 0)
    const radius = radiusAssumed ? assumed : cell.rangeMetres!
    const evidential = cell.sourceKind === 'network'
    const base = options.color ?? (evidential ? NETWORK_FILL : PUBLIC_FILL)
    const beamwidth = cell.beamwidth !== null && cell.beamwidth > 0 ? cell.beamwidth : null
    const rings: LonLat[][] = []
    for (let i = 0; i < ringCount; i++) {
      const r = (radius * (ringCount - i)) / ringCount
      rings.push(
        sectorPolygon({
          lat: cell.lat,
          lon: cell.lon,
          azimuth: cell.azimuth,
          beamwidth,
          radiusMetres: r,
          steps: 16,
        }),
      )
    }
    const isWedge = cell.azimuth !== null && beamwidth !== null && beamwidth < 360
    const anchor = isWedge ? destinationPoint(cell.lat, cell.lon, cell.azimuth!, radius / 2) : cell
    const notes = [
      'approximate',
      ...(radiusAssumed ? [`radius ${Math.round(radius)} m assumed`] : []),
      ...(isWedge ? [] : ['no azimuth: circle']),
      ...(evidential ? [] : ['public data, not evidential']),
    ]
    out.push({
      cgi: cell.cgi,
      rings,
      labelAt: [anchor.lon, anchor.lat],
      label: `${cell.siteName ?? cell.cgi} (${notes.join(', ')})`,
      evidential,
      radiusAssumed,
      radiusMetres: radius,
      fill: withAlpha(base, evidential ? 28 : 18),
      line: withAlpha(base, evidential ? 90 : 60),
    })
  }
  return out
}

/** The bounding box [west, south, east, north] of cells, or null when there are none. */
export function cellBounds(cells: readonly CellSite[]): [number, number, number, number] | null {
  let w = Infinity
  let s = Infinity
  let e = -Infinity
  let n = -Infinity
  for (const c of cells) {
    if (!Number.isFinite(c.lat) || !Number.isFinite(c.lon)) continue
    w = Math.min(w, c.lon)
    e = Math.max(e, c.lon)
    s = Math.min(s, c.lat)
    n = Math.max(n, c.lat)
  }
  return Number.isFinite(w) ? [w, s, e, n] : null
}

/**
 * Finds the shape of an event's cell id. An exact match first; when the event's id has no LAC/TAC (`234-10--123`,
 * as some data records give), the cell with the same network and cell identity, if exactly one has it.
 */
export function sectorLookup(shapes: readonly SectorShape[]): (cgi: string) => SectorShape | undefined {
  const exact = new Map(shapes.map((s) => [s.cgi, s]))
  const byCell = new Map<string, SectorShape | null>()
  for (const s of shapes) {
    const [mcc, mnc, , ci] = s.cgi.split('-')
    const key = `${mcc}-${mnc}-${ci}`
    byCell.set(key, byCell.has(key) ? null : s)
  }
  return (cgi) => {
    const hit = exact.get(cgi)
    if (hit !== undefined) return hit
    const [mcc, mnc, lac, ci] = cgi.split('-')
    if (lac !== '' || ci === undefined) return undefined
    return byCell.get(`${mcc}-${mnc}-${ci}`) ?? undefined
  }
}
