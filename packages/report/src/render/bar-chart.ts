import type { BarChart } from '../core/document.js'
import { xml } from './wedge-map.js'

const niceMax = (v: number): number => {
  if (v <= 5) return 5
  const p = 10 ** Math.floor(Math.log10(v))
  return [1, 2, 2.5, 5, 10].map((k) => k * p).find((n) => n >= v) ?? 10 * p
}

/** A plain vertical bar chart in SVG (one bar per label, e.g. customers per day), with a value axis and labels. */
export function barChartSvg(chart: BarChart, width: number, height: number): string {
  const left = 34
  const bottom = 16
  const top = 12
  const areaW = width - left - 8
  const areaH = height - top - bottom
  const n = Math.max(chart.bars.length, 1)
  const max = niceMax(Math.max(0, ...chart.bars.map((b) => b.value)))
  const slot = areaW / n
  // Labels stay horizontal (a rotated label reads badly and extracts as noise); crowded ones are thinned out.
  const every = Math.ceil(n / Math.max(1, Math.floor(areaW / 34)))
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
  ]
  for (let i = 0; i <= 4; i++) {
    const v = (max * i) / 4
    const y = top + areaH - (areaH * i) / 4
    out.push(
      `<path d="M${left} ${y.toFixed(1)} L${left + areaW} ${y.toFixed(1)}" stroke="#dddddd" stroke-width="0.5"/>`,
      `<text x="${left - 3}" y="${(y + 2).toFixed(1)}" font-family="Helvetica" font-size="6.5" text-anchor="end" fill="#333333">${Number.isInteger(v) ? v : v.toFixed(1)}</text>`,
    )
  }
  chart.bars.forEach((b, i) => {
    const h = (areaH * b.value) / max
    const x = left + i * slot + slot * 0.15
    out.push(
      `<rect x="${x.toFixed(1)}" y="${(top + areaH - h).toFixed(1)}" width="${(slot * 0.7).toFixed(1)}" height="${h.toFixed(1)}" fill="#3e6690"/>`,
    )
    if (i % every === 0) {
      const cx = left + i * slot + slot / 2
      out.push(
        `<text x="${cx.toFixed(1)}" y="${(top + areaH + 9).toFixed(1)}" font-family="Helvetica" font-size="6" fill="#333333" text-anchor="middle">${xml(b.label)}</text>`,
      )
    }
  })
  out.push(
    `<path d="M${left} ${top} L${left} ${top + areaH} L${left + areaW} ${top + areaH}" stroke="#333333" stroke-width="0.6" fill="none"/>`,
    `<text x="${left}" y="8" font-family="Helvetica" font-size="6.5" fill="#333333">${xml(chart.valueLabel)}</text>`,
    '</svg>',
  )
  return out.join('')
}
