import type { AnalysisDefinition } from '../../core/definition.js'
import type { EventEvidence } from '../../core/evidence.js'
import { idsEvidence, pairsEvidence } from '../../continuity/common/evidence.js'
import { groupQueryParams } from '../../continuity/common/line-groups.js'
import {
  CELL_PARAMS,
  GROUPING_PARAMS,
  LINES_PARAMS,
  bool,
  num,
  text,
} from '../../continuity/common/params.js'
import { CONTINUITY_PARAMS, groupLines } from '../../continuity/line-continuity/line-continuity.js'
import { hoursQuery, lastEventQuery, recentCellsQuery } from './live-picture.sql.js'
import { instantParam } from '../../core/window-params.js'

export type PositionSource = 'network' | 'public-fallback' | 'unknown'

const positionSource = (kind: string | null): PositionSource =>
  kind === null ? 'unknown' : kind === 'network' ? 'network' : 'public-fallback'

const positionText = (source: PositionSource): string =>
  source === 'network'
    ? 'position from the network cell list'
    : source === 'public-fallback'
      ? 'position from a public database (approximate, for orientation only, not evidential)'
      : 'no listed position for this cell'

/**
 * The sentence for one cell observation, worded from the event's time semantics (domain §5.3): "at" for calls and
 * texts, "at or before" the start (or, where the network gives it, the end) of a data session; and "serving area".
 */
export function cellSentence(o: {
  readonly number: string
  readonly cell: string
  readonly site: string | null
  readonly source: PositionSource
  readonly eventType: string
  readonly timeSemantics: string
  readonly startUtc: string
  readonly endUtc: string | null
}): string {
  const when =
    o.timeSemantics === 'at-or-before-end'
      ? `at or before ${o.endUtc ?? o.startUtc} (the end of a ${o.eventType} session; this network's records give the end time)`
      : o.timeSemantics === 'at-or-before-start'
        ? `at or before ${o.startUtc} (the start of a ${o.eventType} session)`
        : `at ${o.startUtc} (${o.eventType})`
  return `${o.number} used cell ${o.cell}${o.site === null ? '' : ` (site ${o.site})`} ${when}: the phone was within that cell's serving area; ${positionText(o.source)}.`
}

export interface LivePicture {
  readonly key: string
  readonly numbers: readonly string[]
  readonly currentNumber: string
  readonly events: number
  readonly lastActivity: {
    readonly utc: string
    readonly number: string
    readonly eventType: string
    readonly direction: string
    readonly timeSemantics: string
    readonly evidence: EventEvidence
  }
  readonly lastCell: {
    readonly cell: string
    readonly site: string | null
    readonly lat: number | null
    readonly lon: number | null
    readonly positionSource: PositionSource
    readonly utc: string
    readonly sentence: string
    readonly evidence: EventEvidence
  } | null
  readonly currentSim: {
    readonly imsi: string
    readonly lastSeen: string
    readonly evidence: EventEvidence
  } | null
  readonly currentHandset: {
    readonly imei: string
    readonly raw: string | null
    readonly lastSeen: string
    readonly evidence: EventEvidence
  } | null
  /** By local hour of day: on how many of the profile days the line had any record in that hour. */
  readonly activeHours: readonly {
    readonly hour: number
    readonly days: number
    readonly events: number
    readonly evidence: EventEvidence | null
  }[]
  readonly recentCells: readonly {
    readonly cell: string
    readonly site: string | null
    readonly lat: number | null
    readonly lon: number | null
    readonly positionSource: PositionSource
    readonly numbers: readonly string[]
    readonly events: number
    readonly firstSeen: string
    readonly lastSeen: string
    readonly evidence: EventEvidence
  }[]
}

export interface LivePictureResult {
  readonly asOf: string | null
  readonly lines: readonly LivePicture[]
  readonly note: string
}

const NOTE =
  "A phone's use of a cell shows it was within that cell's serving area, not at a place. Data sessions are worded \"at or before\" as the network's time semantics require. The picture is as of the last record in the case (or the given time), not the present."

/** What each line looks like now: last activity, last cell, current SIM and handset, active hours, recent cells. */
export const livePicture: AnalysisDefinition<LivePictureResult> = {
  id: 'live-picture',
  version: '1',
  title: 'Live picture of each line',
  description:
    'For each deal line (its numbers over time), shows its latest record in the case: the time, the number in use, the last cell used with its site and position source, worded from the record\'s time semantics ("at" for calls and texts, "at or before" for data sessions); the SIM (IMSI) and handset (IMEI) last seen; on how many recent days it was active in each hour of the day (local time); and the cells used in the last days. A cell shows the phone was in that cell\'s serving area, not at a place. The picture is only as current as the records obtained.',
  params: {
    ...LINES_PARAMS,
    ...GROUPING_PARAMS,
    ...CONTINUITY_PARAMS,
    ...CELL_PARAMS,
    asOf: instantParam(
      'Show the picture as at this time (ISO 8601 with Z or an offset); the latest record when unset',
    ),
    recentDays: {
      type: 'integer',
      default: 7,
      min: 1,
      max: 365,
      unit: 'days',
      description: 'Recent cells: the cells used in this many days up to the last record',
    },
    recentCellsMax: {
      type: 'integer',
      default: 10,
      min: 1,
      max: 1000,
      unit: 'cells',
      description: 'How many recent cells to list',
    },
    profileDays: {
      type: 'integer',
      default: 28,
      min: 1,
      max: 365,
      unit: 'days',
      description: 'Active hours: the days up to the last record the profile covers',
    },
  },
  run: async (store, params, ctx) => {
    const groups = await groupLines(store, params, bool(params, 'groupByContinuity'), ctx)
    const asOf = text(params, 'asOf')
    const q = { ...groupQueryParams(groups), asOf, usePublicFallback: bool(params, 'usePublicFallback') }
    const last = await store.run(lastEventQuery, q)
    const hours = await store.run(hoursQuery, {
      ...q,
      zone: ctx.zone,
      profileDays: num(params, 'profileDays'),
    })
    const cells = await store.run(recentCellsQuery, {
      ...q,
      recentDays: num(params, 'recentDays'),
      limit: num(params, 'recentCellsMax'),
    })
    const lines: LivePicture[] = []
    for (const group of groups) {
      const l = last.find((x) => x.g === group.key)
      if (l === undefined) continue
      const lastCellSource = positionSource(l.cell_source_kind)
      lines.push({
        key: group.key,
        numbers: group.numbers,
        currentNumber: l.n,
        events: l.events,
        lastActivity: {
          utc: l.start_utc,
          number: l.n,
          eventType: l.event_type,
          direction: l.direction,
          timeSemantics: l.time_semantics,
          evidence: idsEvidence([l.n], [l.id]),
        },
        lastCell:
          l.cell_event_id === null || l.cell_cgi === null || l.cell_n === null || l.cell_event_utc === null
            ? null
            : {
                cell: l.cell_cgi,
                site: l.cell_site_name,
                lat: l.cell_lat,
                lon: l.cell_lon,
                positionSource: lastCellSource,
                utc: l.cell_event_utc,
                sentence: cellSentence({
                  number: l.cell_n,
                  cell: l.cell_cgi,
                  site: l.cell_site_name,
                  source: lastCellSource,
                  eventType: l.cell_event_type ?? 'event',
                  timeSemantics: l.cell_time_semantics ?? 'at',
                  startUtc: l.cell_event_utc,
                  endUtc: l.cell_event_end_utc,
                }),
                evidence: idsEvidence([l.cell_n], [l.cell_event_id]),
              },
        currentSim:
          l.imsi === null || l.imsi_id === null || l.imsi_n === null || l.imsi_utc === null
            ? null
            : { imsi: l.imsi, lastSeen: l.imsi_utc, evidence: idsEvidence([l.imsi_n], [l.imsi_id]) },
        currentHandset:
          l.imei === null || l.imei_id === null || l.imei_n === null || l.imei_utc === null
            ? null
            : {
                imei: l.imei,
                raw: l.imei_raw,
                lastSeen: l.imei_utc,
                evidence: idsEvidence([l.imei_n], [l.imei_id]),
              },
        activeHours: Array.from({ length: 24 }, (_, hour) => {
          const h = hours.find((x) => x.g === group.key && x.hour === hour)
          return h === undefined
            ? { hour, days: 0, events: 0, evidence: null }
            : { hour, days: h.days, events: h.events, evidence: pairsEvidence(h.refs) }
        }),
        recentCells: cells
          .filter((c) => c.g === group.key)
          .map((c) => ({
            cell: c.cgi,
            site: c.site_name,
            lat: c.lat,
            lon: c.lon,
            positionSource: positionSource(c.source_kind),
            numbers: c.numbers,
            events: c.events,
            firstSeen: c.first_utc,
            lastSeen: c.last_utc,
            evidence: {
              kind: 'events',
              targets: group.numbers,
              cells: [c.cgi],
              from: c.window_from,
              to: c.window_to,
              count: c.events,
            },
          })),
      })
    }
    return { asOf, lines, note: NOTE }
  },
}
