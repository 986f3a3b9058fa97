import type { ReactNode } from 'react'
import { formatInZone, seriesColor, toCss, type Row } from '@linesight/viz'

/**
 * Bars per day for up to four numeric series (e.g. daily customers and transactions), drawn as SVG. Each bar is a
 * button when `onBar` is set, so a figure opens its rows.
 */
export function DailyBars(props: {
  readonly rows: readonly Row[]
  readonly dateKey: string
  readonly valueKeys: readonly string[]
  readonly title: string
  readonly onBar?: (row: Row, key: string) => void
}): ReactNode {
  const rows = [...props.rows].sort((a, b) =>
    String(a[props.dateKey]).localeCompare(String(b[props.dateKey])),
  )
  const max = Math.max(1, ...rows.flatMap((r) => props.valueKeys.map((k) => Number(r[k]) || 0)))
  const width = 900
  const height = 180
  const pad = 28
  const slot = (width - pad) / Math.max(1, rows.length)
  const bar = Math.max(1, (slot * 0.8) / props.valueKeys.length)
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${width} ${height + 24}`} role="img" aria-label={props.title}>
        <line x1={pad} x2={width} y1={height} y2={height} stroke="#999" />
        <text x={0} y={12} className="axis">
          {max}
        </text>
        {rows.map((r, i) =>
          props.valueKeys.map((k, j) => {
            const v = Number(r[k]) || 0
            const h = (v / max) * (height - 16)
            return (
              <rect
                key={`${i}-${k}`}
                x={pad + i * slot + j * bar}
                y={height - h}
                width={bar}
                height={h}
                fill={toCss(seriesColor(j))}
                onClick={props.onBar === undefined ? undefined : () => props.onBar?.(r, k)}
                className={props.onBar === undefined ? '' : 'clickable'}
              >
                <title>{`${String(r[props.dateKey])} ${k}: ${v}`}</title>
              </rect>
            )
          }),
        )}
        {rows.length > 0 ? (
          <>
            <text x={pad} y={height + 16} className="axis">
              {String(rows[0]?.[props.dateKey]).slice(0, 10)}
            </text>
            <text x={width} y={height + 16} className="axis" textAnchor="end">
              {String(rows.at(-1)?.[props.dateKey]).slice(0, 10)}
            </text>
          </>
        ) : null}
      </svg>
      <figcaption>
        {props.valueKeys.map((k, j) => (
          <span key={k} className="legend">
            <span className="swatch" style={{ background: toCss(seriesColor(j)) }} /> {k}
          </span>
        ))}
      </figcaption>
    </figure>
  )
}

/** Spans on a time axis (a line's numbers, SIMs and handsets over time), one row per label. */
export function SpanChart(props: {
  readonly rows: readonly Row[]
  readonly fromKey: string
  readonly toKey: string
  readonly labelKey: string | null
  readonly zone: string
  readonly title: string
}): ReactNode {
  const spans = props.rows
    .map((r) => ({
      label: props.labelKey === null ? '' : String(r[props.labelKey] ?? ''),
      from: Date.parse(String(r[props.fromKey])),
      to: Date.parse(String(r[props.toKey] ?? r[props.fromKey])),
      row: r,
    }))
    .filter((s) => Number.isFinite(s.from))
  if (spans.length === 0) return null
  const lo = Math.min(...spans.map((s) => s.from))
  const hi = Math.max(...spans.map((s) => (Number.isFinite(s.to) ? s.to : s.from)), lo + 1)
  const labels = [...new Set(spans.map((s) => s.label))]
  const width = 900
  const left = 200
  const rowH = 18
  const x = (t: number): number => left + ((t - lo) / (hi - lo)) * (width - left - 10)
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${width} ${labels.length * rowH + 30}`} role="img" aria-label={props.title}>
        {labels.map((l, i) => (
          <text key={l} x={left - 6} y={i * rowH + 13} textAnchor="end" className="axis">
            {l.length > 28 ? `${l.slice(0, 27)}…` : l}
          </text>
        ))}
        {spans.map((s, i) => {
          const row = labels.indexOf(s.label)
          const x0 = x(s.from)
          const x1 = Math.max(x0 + 2, x(Number.isFinite(s.to) ? s.to : s.from))
          return (
            <rect
              key={i}
              x={x0}
              y={row * rowH + 3}
              width={x1 - x0}
              height={rowH - 6}
              fill={toCss(seriesColor(row))}
              rx={3}
            >
              <title>{`${s.label}: ${formatInZone(new Date(s.from).toISOString(), props.zone)} – ${Number.isFinite(s.to) ? formatInZone(new Date(s.to).toISOString(), props.zone) : 'open'}`}</title>
            </rect>
          )
        })}
        <text x={left} y={labels.length * rowH + 22} className="axis">
          {formatInZone(new Date(lo).toISOString(), props.zone).slice(0, 10)}
        </text>
        <text x={width - 10} y={labels.length * rowH + 22} className="axis" textAnchor="end">
          {formatInZone(new Date(hi).toISOString(), props.zone).slice(0, 10)}
        </text>
      </svg>
    </figure>
  )
}
