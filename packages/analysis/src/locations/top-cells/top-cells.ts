import { ValidationError } from '@linesight/model'
import type { AnalysisDefinition } from '../../core/definition.js'
import type { EventEvidence } from '../../core/evidence.js'
import {
  CLOCK_PATTERN,
  groupEvidence,
  idsEvidence,
  isEvidential,
  positionSource,
  positionSources,
  siteDecimalsParam,
  targetParam,
  text,
  windowOf,
  windowParams,
  type CellPositionSource,
} from '../common/location-figures.js'
import { topCellsQuery, type CellUseRow } from './top-cells.sql.js'

/** A cell as the number used it: its serving-area description, never a position of the phone. */
export interface CellFigure {
  /** The cell's global id as the cell list gives it (or as the record gives it, when the position came from it). */
  readonly cell: string
  readonly site: string
  readonly site_name: string | null
  /** Mast position (WGS84) of the cell's serving area, not of the phone. */
  readonly lat: number
  readonly lon: number
  readonly azimuth: number | null
  readonly beamwidth: number | null
  readonly position_source: CellPositionSource
  /** False when the position comes from a public database: orientation only, never for an exhibit. */
  readonly evidential: boolean
}

/** A site: the cells sharing a site id, or (without one) a rounded position. */
export interface SiteFigure {
  readonly site: string
  readonly site_name: string | null
  /** Mean of the site's cell positions. */
  readonly lat: number
  readonly lon: number
  readonly cells: readonly string[]
  readonly position_sources: readonly CellPositionSource[]
  readonly evidential: boolean
}

export interface Use {
  readonly events: number
  readonly active_days: number
  readonly first_utc: string
  readonly last_utc: string
  readonly evidence: EventEvidence
}

export interface NightUse {
  /** Nights with at least one event on the cell; a night is named by the local date its window ends on. */
  readonly nights: number
  readonly events: number
  readonly evidence: EventEvidence
}

export interface DayUse {
  readonly days: number
  readonly events: number
  readonly evidence: EventEvidence
}

export interface TopCellsResult {
  readonly target: string
  readonly zone: string
  /** Events whose start cell has a position valid at the event time. */
  readonly with_position: { readonly events: number; readonly evidence: EventEvidence | null }
  /** Events whose start cell has no position valid at the event time (no cell-list row and none in the record). */
  readonly without_position: {
    readonly events: number
    readonly cells: readonly string[]
    readonly evidence: EventEvidence | null
  }
  readonly cells: readonly (CellFigure & Use)[]
  readonly sites: readonly (SiteFigure & Use)[]
  /** Overnight use (`nightStart`–`nightEnd` local time): a home-cell indicator, not an address. */
  readonly home: {
    readonly window: string
    /** Nights with at least one event, and those events. */
    readonly nights: number
    readonly evidence: EventEvidence | null
    readonly cells: readonly (CellFigure & NightUse)[]
    readonly sites: readonly (SiteFigure & NightUse)[]
  }
  readonly daytime: {
    readonly window: string
    readonly days: number
    readonly evidence: EventEvidence | null
    readonly cells: readonly (CellFigure & DayUse)[]
    readonly sites: readonly (SiteFigure & DayUse)[]
  }
}

const cellFigure = (r: CellUseRow): CellFigure => {
  const source = positionSource(r.sources[0])
  return {
    cell: r.cell ?? '',
    site: r.site ?? '',
    site_name: r.site_name,
    lat: r.lat ?? 0,
    lon: r.lon ?? 0,
    azimuth: r.azimuth,
    beamwidth: r.beamwidth,
    position_source: source,
    evidential: isEvidential([source]),
  }
}

const siteFigure = (r: CellUseRow): SiteFigure => {
  const sources = positionSources(r.sources)
  return {
    site: r.site ?? '',
    site_name: r.site_name,
    lat: r.lat ?? 0,
    lon: r.lon ?? 0,
    cells: r.cells,
    position_sources: sources,
    evidential: isEvidential(sources),
  }
}

const byKey = (a: CellUseRow, b: CellUseRow): number => (a.gid < b.gid ? -1 : a.gid > b.gid ? 1 : 0)

/**
 * Most-used cells and sites of one number, overall, overnight (home-cell indicator) and in the daytime, each from
 * the cell position valid at the event time.
 */
export const topCells: AnalysisDefinition<TopCellsResult> = {
  id: 'top-cells',
  version: '1',
  title: 'Top cells and sites (overall, overnight, daytime)',
  description:
    "Ranks the cells and sites one number's own records used: overall (by events), overnight (by the number of nights with use between nightStart and nightEnd, local time in the analysis zone) and in the daytime (by days with use between dayStart and dayEnd). Each cell's position is the one valid at the event time: the network cell list first, else the position printed in the record, else a public cell database, which is labelled and not evidential. A site is the cell list's site id, else cells at the same rounded position. A cell used at night is consistent with the phone being within that cell's serving area overnight; it does not give an address, and the records show only when the phone communicated. Data sessions are counted with the cell the record gives, which was used at or before the time shown.",
  params: {
    target: targetParam,
    ...windowParams,
    nightStart: {
      type: 'string',
      default: '00:00',
      pattern: CLOCK_PATTERN,
      description: 'Start of the overnight window, local time (HH:MM)',
    },
    nightEnd: {
      type: 'string',
      default: '06:00',
      pattern: CLOCK_PATTERN,
      description:
        'End of the overnight window, local time (HH:MM), exclusive; before nightStart runs over midnight',
    },
    dayStart: {
      type: 'string',
      default: '09:00',
      pattern: CLOCK_PATTERN,
      description: 'Start of the daytime window, local time (HH:MM)',
    },
    dayEnd: {
      type: 'string',
      default: '17:00',
      pattern: CLOCK_PATTERN,
      description: 'End of the daytime window, local time (HH:MM), exclusive',
    },
    siteDecimals: siteDecimalsParam,
    limit: {
      type: 'integer',
      default: 20,
      min: 1,
      max: 10_000,
      description: 'How many cells and sites per list',
    },
  },
  run: async (store, params, ctx) => {
    const target = String(params['target'])
    const clock = {
      nightStart: text(params, 'nightStart') ?? '00:00',
      nightEnd: text(params, 'nightEnd') ?? '06:00',
      dayStart: text(params, 'dayStart') ?? '09:00',
      dayEnd: text(params, 'dayEnd') ?? '17:00',
    }
    if (clock.nightStart === clock.nightEnd)
      throw new ValidationError('top-cells.params.nightEnd', 'must differ from nightStart')
    if (clock.dayStart === clock.dayEnd)
      throw new ValidationError('top-cells.params.dayEnd', 'must differ from dayStart')
    const limit = Number(params['limit'])
    const rows = await store.run(topCellsQuery, {
      targets: [target],
      ...windowOf(params),
      siteDecimals: Number(params['siteDecimals']),
      zone: ctx.zone,
      ...clock,
    })
    const cells = rows.filter((r) => r.level === 'cell')
    const sites = rows.filter((r) => r.level === 'site')
    const noPosition = rows.find((r) => r.level === 'no-position')
    const use = (r: CellUseRow): Use => ({
      events: r.events,
      active_days: r.active_days,
      first_utc: r.first_utc,
      last_utc: r.last_utc,
      evidence: groupEvidence({ ...r, target, count: r.events }),
    })
    const night = (r: CellUseRow): NightUse => ({
      nights: r.nights,
      events: r.night_events,
      evidence: idsEvidence([target], r.night_ids),
    })
    const day = (r: CellUseRow): DayUse => ({
      days: r.days,
      events: r.day_events,
      evidence: idsEvidence([target], r.day_ids),
    })
    const overall = (a: CellUseRow, b: CellUseRow): number =>
      b.events - a.events || b.active_days - a.active_days || byKey(a, b)
    const overnight = (a: CellUseRow, b: CellUseRow): number =>
      b.nights - a.nights || b.night_events - a.night_events || byKey(a, b)
    const daytime = (a: CellUseRow, b: CellUseRow): number =>
      b.days - a.days || b.day_events - a.day_events || byKey(a, b)
    const top = (xs: readonly CellUseRow[], order: typeof overall, keep: (r: CellUseRow) => boolean) =>
      xs.filter(keep).sort(order).slice(0, limit)
    const total = rows.find((r) => r.level === 'total')
    return {
      target,
      zone: ctx.zone,
      with_position:
        total === undefined
          ? { events: 0, evidence: null }
          : { events: total.events, evidence: groupEvidence({ ...total, target, count: total.events }) },
      without_position:
        noPosition === undefined
          ? { events: 0, cells: [], evidence: null }
          : {
              events: noPosition.events,
              cells: noPosition.cgis,
              evidence: groupEvidence({ ...noPosition, target, count: noPosition.events }),
            },
      cells: top(cells, overall, () => true).map((r) => ({ ...cellFigure(r), ...use(r) })),
      sites: top(sites, overall, () => true).map((r) => ({ ...siteFigure(r), ...use(r) })),
      home: {
        window: `${clock.nightStart}–${clock.nightEnd} ${ctx.zone}`,
        nights: total?.nights ?? 0,
        evidence:
          total === undefined || total.night_ids.length === 0 ? null : idsEvidence([target], total.night_ids),
        cells: top(cells, overnight, (r) => r.night_events > 0).map((r) => ({
          ...cellFigure(r),
          ...night(r),
        })),
        sites: top(sites, overnight, (r) => r.night_events > 0).map((r) => ({
          ...siteFigure(r),
          ...night(r),
        })),
      },
      daytime: {
        window: `${clock.dayStart}–${clock.dayEnd} ${ctx.zone}`,
        days: total?.days ?? 0,
        evidence:
          total === undefined || total.day_ids.length === 0 ? null : idsEvidence([target], total.day_ids),
        cells: top(cells, daytime, (r) => r.day_events > 0).map((r) => ({ ...cellFigure(r), ...day(r) })),
        sites: top(sites, daytime, (r) => r.day_events > 0).map((r) => ({ ...siteFigure(r), ...day(r) })),
      },
    }
  },
}
