import type { EventEvidence } from '../../core/evidence.js'
import type { ParamSpec, Params } from '../../core/params.js'
import { WINDOW_PARAMS } from '../../core/window-params.js'

/**
 * Where a position came from. `network`: the network's cell list, valid at the event time. `record`: the cell position
 * printed in the call record itself. `public-fallback`: a public cell database (OpenCelliD and the like): an
 * estimate for orientation only, never evidential (domain §5.5).
 */
export type CellPositionSource = 'network' | 'record' | 'public-fallback'

/** Plain words for each position source, for tables and report text. */
export const POSITION_SOURCE_LABEL: Readonly<Record<CellPositionSource, string>> = Object.freeze({
  network: 'network cell list',
  record: 'cell position given in the record',
  'public-fallback': 'public cell database: estimated position, not evidential',
})

/** Whether a figure resting on positions from these sources may go into an exhibit. */
export const isEvidential = (sources: readonly string[]): boolean => !sources.includes('public-fallback')

/** Reads a position source written by the located-events SQL. */
export const positionSource = (value: unknown): CellPositionSource => {
  const v = String(value)
  if (v === 'public-fallback' || v === 'record') return v
  return 'network'
}

/** Sorted, distinct position sources from a SQL list. */
export const positionSources = (value: unknown): readonly CellPositionSource[] =>
  [...new Set((Array.isArray(value) ? value : []).map(positionSource))].sort()

export const CLOCK_PATTERN = '^([01][0-9]|2[0-3]):[0-5][0-9]$'

/** Parameters most location analyses share. */
export const targetParam: ParamSpec = {
  type: 'string',
  default: null,
  required: true,
  phone: true,
  description: 'The number (E.164) whose records are read',
}
export const windowParams: Readonly<Record<'from' | 'to', ParamSpec>> = WINDOW_PARAMS
export const siteDecimalsParam: ParamSpec = {
  type: 'integer',
  default: 4,
  min: 0,
  max: 6,
  unit: 'decimal places',
  description:
    'Cells with no site id in the cell list belong to the same site when their positions agree to this many decimal places of a degree (4 ≈ 11 m north–south)',
}

export const text = (params: Params, name: string): string | null => {
  const v = params[name]
  return typeof v === 'string' ? v : null
}
export const num = (params: Params, name: string): number => Number(params[name])

/** The window parameters as the located-events SQL reads them. */
export const windowOf = (params: Params): { from: string | null; to: string | null } => ({
  from: text(params, 'from'),
  to: text(params, 'to'),
})

export const asStrings = (value: unknown): readonly string[] =>
  Array.isArray(value) ? value.map((v) => String(v)) : []

export const asNumber = (value: unknown): number | null =>
  value === null || value === undefined ? null : Number(value)

/**
 * Evidence for a group of one number's events: the filter "target, start cells, first to last" when it returns
 * exactly the group (`ids` null), else the group's event ids.
 */
export function groupEvidence(g: {
  readonly target: string
  readonly cgis: readonly string[]
  readonly first_utc: string
  readonly last_utc: string
  readonly ids: readonly string[] | null
  readonly count: number
}): EventEvidence {
  if (g.ids !== null) return { kind: 'events', targets: [g.target], ids: g.ids, count: g.count }
  return {
    kind: 'events',
    targets: [g.target],
    cells: g.cgis,
    from: g.first_utc,
    to: g.last_utc,
    count: g.count,
  }
}

/** Evidence resting on chosen events of some numbers. */
export const idsEvidence = (targets: readonly string[], ids: readonly string[]): EventEvidence => ({
  kind: 'events',
  targets: [...new Set(targets)].sort(),
  ids: [...ids].sort(),
  count: new Set(ids).size,
})

/** Rounds for display without pretending to precision the data lacks. */
export const round = (value: number, places: number): number => {
  const f = 10 ** places
  return Math.round(value * f) / f + 0
}
