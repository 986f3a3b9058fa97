import { destinationPoint, sectorPolygon } from '@linesight/geo'
import type { WedgeMap } from '../core/document.js'

const PALETTE = ['#1f5fa8', '#b5482a', '#2f7d32', '#7b3fa0', '#a07a16', '#1b7f86', '#9c2f6b', '#4d5b6a']

export const xml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

const f = (n: number): string => n.toFixed(1)

const NICE = [50, 100, 200, 500, 1000, 2000, 5000, 10_000, 20_000, 50_000, 100_000]

/**
 * Draws cells as approximate sector wedges in plain SVG (no basemap, no network access): each wedge from the
 * mast's position, azimuth and beamwidth with an assumed radius, shaded in three fading rings so no edge looks
 * like a boundary; an omni cell (no azimuth or beamwidth) is a circle. Masts are marked with a cross and labelled;
 * nothing is drawn as a point position of a phone. A scale bar and north arrow are included.
 */
export function wedgeMapSvg(map: WedgeMap, width: number, height: number): string {
  const pad = 18
  const rings = map.cells.map((c) =>
    [1, 0.75, 0.5].map((k) =>
      sectorPolygon({
        lat: c.lat,
        lon: c.lon,
        azimuth: c.azimuth,
        beamwidth: c.beamwidth,
        radiusMetres: c.radiusMetres * k,
        steps: 24,
      }),
    ),
  )
  const points = rings.flatMap((r) => r[0] ?? [])
  const lats = points.map((p) => p[1])
  const lons = points.map((p) => p[0])
  const lat0 = (Math.min(...lats) + Math.max(...lats)) / 2
  const kx = Math.cos((lat0 * Math.PI) / 180)
  const minX = Math.min(...lons) * kx
  const maxX = Math.max(...lons) * kx
  const minY = Math.min(...lats)
  const maxY = Math.max(...lats)
  // Drawing area: inside the padding, below the caption line.
  const top = pad + 14
  const areaW = width - 2 * pad
  const areaH = height - top - pad
  const scale = Math.min(areaW / Math.max(maxX - minX, 1e-9), areaH / Math.max(maxY - minY, 1e-9))
  const ox = pad + (areaW - (maxX - minX) * scale) / 2
  const oy = top + (areaH - (maxY - minY) * scale) / 2
  const px = (lon: number): number => ox + (lon * kx - minX) * scale
  const py = (lat: number): number => oy + (maxY - lat) * scale
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect x="0.5" y="0.5" width="${width - 1}" height="${height - 1}" fill="#ffffff" stroke="#888888" stroke-width="0.5"/>`,
  ]
  map.cells.forEach((c, i) => {
    const colour = PALETTE[i % PALETTE.length]!
    for (const ring of rings[i] ?? [])
      out.push(
        `<path d="M${ring.map(([lon, lat]) => `${f(px(lon))} ${f(py(lat))}`).join(' L')} Z" fill="${colour}" fill-opacity="0.09" stroke="none"/>`,
      )
    const outer = rings[i]?.[0] ?? []
    out.push(
      `<path d="M${outer.map(([lon, lat]) => `${f(px(lon))} ${f(py(lat))}`).join(' L')} Z" fill="none" stroke="${colour}" stroke-opacity="0.7" stroke-width="0.6" stroke-dasharray="3 2"/>`,
    )
  })
  // Masts and labels last, so they sit above every wedge. A wedge's label goes inside it, along its azimuth, so
  // cells sharing a mast stay apart; an omni cell's label sits by its mast.
  const masts = new Set<string>()
  map.cells.forEach((c, i) => {
    const x = px(c.lon)
    const y = py(c.lat)
    const key = `${f(x)},${f(y)}`
    if (!masts.has(key))
      out.push(
        `<path d="M${f(x - 3)} ${f(y)} L${f(x + 3)} ${f(y)} M${f(x)} ${f(y - 3)} L${f(x)} ${f(y + 3)}" stroke="#222222" stroke-width="0.8"/>`,
      )
    masts.add(key)
    const wedge = c.azimuth !== null && c.beamwidth !== null && c.beamwidth < 360
    const at = wedge ? destinationPoint(c.lat, c.lon, c.azimuth!, c.radiusMetres * 0.6) : null
    out.push(
      at === null
        ? `<text x="${f(x + 4)}" y="${f(y - 3)}" font-family="Helvetica" font-size="6.5" fill="${PALETTE[i % PALETTE.length]!}">${xml(c.label)}</text>`
        : `<text x="${f(px(at.lon))}" y="${f(py(at.lat))}" font-family="Helvetica" font-size="6.5" text-anchor="middle" fill="${PALETTE[i % PALETTE.length]!}">${xml(c.label)}</text>`,
    )
  })
  const metresPerPx = 111_320 / scale
  const target = (width / 4) * metresPerPx
  const nice = [...NICE].reverse().find((n) => n <= target) ?? NICE[0]!
  const bar = nice / metresPerPx
  const by = height - 10
  out.push(
    `<path d="M10 ${by} L${f(10 + bar)} ${by} M10 ${by - 3} L10 ${by} M${f(10 + bar)} ${by - 3} L${f(10 + bar)} ${by}" stroke="#222222" stroke-width="0.8" fill="none"/>`,
    `<text x="${f(12 + bar)}" y="${by}" font-family="Helvetica" font-size="6.5" fill="#222222">${nice >= 1000 ? `${nice / 1000} km` : `${nice} m`}</text>`,
    `<path d="M${width - 14} 30 L${width - 14} 16 M${width - 17} 20 L${width - 14} 16 L${width - 11} 20" stroke="#222222" stroke-width="0.8" fill="none"/>`,
    `<text x="${width - 17}" y="40" font-family="Helvetica" font-size="7" fill="#222222">N</text>`,
    `<text x="8" y="12" font-family="Helvetica" font-size="7" fill="#9a1c1c">APPROXIMATE: wedges are drawings from azimuth and beamwidth with an assumed radius, not coverage</text>`,
    '</svg>',
  )
  return out.join('')
}
