import { WINDOW_PARAMS } from '../../core/window-params.js'
import { ValidationError } from '@linesight/model'
import type { AnalysisDefinition } from '../../core/definition.js'
import type { EventEvidence } from '../../core/evidence.js'
import { hourPeriods } from './activity-profile.rules.js'
import {
  activityBucketsQuery,
  activityBurstsQuery,
  activityDaysQuery,
  activityGapsQuery,
  activitySummaryQuery,
  type BucketRow,
} from './activity-profile.sql.js'

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const

export interface ActivityCell {
  /** ISO weekday: 1 Monday … 7 Sunday (local). */
  readonly weekday: number
  readonly weekdayName: string
  /** Local hour 0–23. */
  readonly hour: number
  readonly events: number
  readonly evidence: EventEvidence
}

export interface ActivityTotal {
  readonly events: number
  /** Share of the number's events, in percent. */
  readonly percent: number
  /** Absent when there are no events. */
  readonly evidence?: EventEvidence
}

export interface ActivityPeriod {
  readonly kind: 'active' | 'quiet'
  readonly fromHour: number
  /** The hour after the period (wraps past midnight when not after `fromHour`). */
  readonly toHour: number
  readonly hours: number
  readonly events: number
  readonly percent: number
  /** Absent when the period holds no events. */
  readonly evidence?: EventEvidence
}

export interface ActivityDay {
  /** Local calendar date. */
  readonly date: string
  readonly weekdayName: string
  readonly events: number
  /** Local time of day of the day's first and last event. */
  readonly firstLocal: string
  readonly lastLocal: string
  readonly firstUtc: string
  readonly lastUtc: string
  /** Every event of the local day. */
  readonly evidence: EventEvidence
  /** The first and the last event. */
  readonly firstLastEvidence: EventEvidence
}

export interface ActivityGap {
  /** The last event before and the first event after, UTC and local. */
  readonly fromUtc: string
  readonly toUtc: string
  readonly fromLocal: string
  readonly toLocal: string
  readonly hours: number
  /** The two events bounding the gap. */
  readonly evidence: EventEvidence
  /** The window strictly between them: a filter that returns no rows. */
  readonly emptyWindow: EventEvidence
}

export interface ActivityBurst {
  readonly fromUtc: string
  readonly toUtc: string
  readonly fromLocal: string
  readonly toLocal: string
  readonly events: number
  readonly outgoingSms: number
  readonly outgoingCalls: number
  readonly incoming: number
  /** Distinct other parties. */
  readonly others: number
  readonly evidence: EventEvidence
}

export interface NumberActivity {
  readonly number: string
  readonly events: number
  readonly firstUtc: string | null
  readonly lastUtc: string | null
  /** Local days with events, and local days from the first to the last event (both included). */
  readonly activeDays: number
  readonly spanDays: number
  /** Median local time of the day's first and last events over the active days. */
  readonly medianFirstLocal: string | null
  readonly medianLastLocal: string | null
  readonly evidence?: EventEvidence
  /** Weekday × hour cells with events (cells not listed have none). */
  readonly grid: readonly ActivityCell[]
  /** All 24 hours of the day. */
  readonly hours: readonly (ActivityTotal & { readonly hour: number; readonly quiet: boolean })[]
  /** All 7 weekdays. */
  readonly weekdays: readonly (ActivityTotal & { readonly weekday: number; readonly weekdayName: string })[]
  readonly periods: readonly ActivityPeriod[]
  readonly days: readonly ActivityDay[]
  readonly gaps: readonly ActivityGap[]
  readonly bursts: readonly ActivityBurst[]
}

export interface ActivityProfileResult {
  readonly zone: string
  readonly numbers: readonly NumberActivity[]
}

const percent = (part: number, total: number): number =>
  total === 0 ? 0 : Math.round((part / total) * 10_000) / 100

/** When, by local hour and weekday, a number is active; its days, gaps and bursts. */
export const activityProfile: AnalysisDefinition<ActivityProfileResult> = {
  id: 'activity-profile',
  version: '1',
  title: 'Activity profile (pattern of life)',
  description:
    "For each number, counts the events in its own records by local hour of day and weekday (in the analysis zone, so the clock change in spring and autumn is followed), marks the hours that hold less than a chosen share of its events as quiet and groups the day into active and quiet periods, lists each local day's first and last event, the gaps of at least the chosen length between consecutive events, and the bursts of many events in a few minutes. First and last events of a day only suggest when a phone was first and last used: they are not when anyone woke or slept, and activity after midnight belongs to the next day. A gap means no record in the records obtained, not that the phone was off or out of coverage: absence of records is not absence of activity, because only the records obtained are seen and some activity (for example some data sessions or incoming SMS) may not be recorded by every network. Gaps are measured only between a number's first and last event, so periods before or after the records are not gaps. The profile describes the phone, not who was using it.",
  params: {
    numbers: {
      type: 'string-list',
      phone: 'each',
      default: [],
      description: 'The numbers (E.164) whose own records are profiled, at least one',
    },
    types: {
      type: 'string-list',
      default: [],
      description: 'Event types counted (voice, sms, mms, data, …); every type when empty',
    },
    gapHours: {
      type: 'number',
      default: 12,
      min: 0,
      unit: 'hours',
      description:
        'Shortest time between two consecutive events that is listed as a gap (a gap of exactly this is listed)',
    },
    burstEvents: {
      type: 'integer',
      default: 10,
      min: 2,
      unit: 'events',
      description: 'Events within the burst window that make a burst',
    },
    burstMinutes: {
      type: 'integer',
      default: 10,
      min: 0,
      max: 1440,
      unit: 'minutes',
      description:
        'Length of the burst window, measured from an event to the last event that counts (inclusive)',
    },
    quietHourPercent: {
      type: 'number',
      default: 1,
      min: 0,
      max: 100,
      unit: 'percent',
      description: "An hour of the day is quiet when it holds less than this share of the number's events",
    },
    ...WINDOW_PARAMS,
  },
  run: async (store, params, ctx) => {
    const numbers = [...new Set((params['numbers'] as readonly string[] | null) ?? [])].sort()
    if (numbers.length === 0)
      throw new ValidationError('activity-profile.params.numbers', 'needs at least 1 number')
    const types = (params['types'] as readonly string[] | null) ?? []
    const from = (params['from'] as string | null) ?? null
    const to = (params['to'] as string | null) ?? null
    const common = { numbers, types, from, to, zone: ctx.zone }
    const typeField = types.length === 0 ? {} : { types }
    const windowField = { ...(from === null ? {} : { from }), ...(to === null ? {} : { to }) }
    const idsEvidence = (number: string, ids: readonly string[]): EventEvidence => ({
      kind: 'events',
      targets: [number],
      ids,
      count: ids.length,
    })
    // An empty id list would mean "no restriction": a figure of zero events carries no evidence.
    const someEvidence = (number: string, ids: readonly string[]): { evidence?: EventEvidence } =>
      ids.length === 0 ? {} : { evidence: idsEvidence(number, ids) }

    const [summary, buckets, days, gaps, bursts] = [
      await store.run(activitySummaryQuery, common),
      await store.run(activityBucketsQuery, common),
      await store.run(activityDaysQuery, common),
      await store.run(activityGapsQuery, { ...common, gapHours: params['gapHours'] as number }),
      await store.run(activityBurstsQuery, {
        ...common,
        burstEvents: params['burstEvents'] as number,
        burstMinutes: params['burstMinutes'] as number,
      }),
    ]
    const quietPercent = params['quietHourPercent'] as number
    const byNumber = <T extends { readonly number: string }>(rows: readonly T[]): Map<string, T[]> => {
      const out = new Map<string, T[]>()
      for (const r of rows) {
        const list = out.get(r.number)
        if (list === undefined) out.set(r.number, [r])
        else list.push(r)
      }
      return out
    }
    const [bucketsOf, daysOf, gapsOf, burstsOf] = [
      byNumber(buckets),
      byNumber(days),
      byNumber(gaps),
      byNumber(bursts),
    ]

    return {
      zone: ctx.zone,
      numbers: summary.map((s) => {
        const mine = bucketsOf.get(s.number) ?? []
        const cells = mine.filter((b) => b.weekday !== null && b.hour !== null)
        const hourRows = new Map(
          mine
            .filter((b): b is BucketRow & { hour: number } => b.weekday === null && b.hour !== null)
            .map((b) => [b.hour, b]),
        )
        const dayRows = new Map(
          mine
            .filter((b): b is BucketRow & { weekday: number } => b.hour === null && b.weekday !== null)
            .map((b) => [b.weekday, b]),
        )
        const hours = Array.from({ length: 24 }, (_, hour) => ({
          hour,
          events: hourRows.get(hour)?.events ?? 0,
          ids: hourRows.get(hour)?.ids ?? [],
        }))
        const periods = hourPeriods(hours, quietPercent)
        const quiet = new Set(
          periods.filter((p) => p.kind === 'quiet').flatMap((p) => hoursOf(p.fromHour, p.hours)),
        )
        return {
          number: s.number,
          events: s.events,
          firstUtc: s.first_utc,
          lastUtc: s.last_utc,
          activeDays: s.active_days,
          spanDays: s.span_days,
          medianFirstLocal: s.median_first_local,
          medianLastLocal: s.median_last_local,
          ...(s.events === 0
            ? {}
            : {
                evidence: {
                  kind: 'events' as const,
                  targets: [s.number],
                  ...typeField,
                  ...windowField,
                  count: s.events,
                },
              }),
          grid: cells.map((c) => ({
            weekday: c.weekday!,
            weekdayName: WEEKDAYS[c.weekday! - 1]!,
            hour: c.hour!,
            events: c.events,
            evidence: idsEvidence(s.number, c.ids),
          })),
          hours: hours.map((h) => ({
            hour: h.hour,
            events: h.events,
            percent: percent(h.events, s.events),
            quiet: quiet.has(h.hour),
            ...someEvidence(s.number, h.ids),
          })),
          weekdays: WEEKDAYS.map((name, i) => {
            const ids = dayRows.get(i + 1)?.ids ?? []
            return {
              weekday: i + 1,
              weekdayName: name,
              events: ids.length,
              percent: percent(ids.length, s.events),
              ...someEvidence(s.number, ids),
            }
          }),
          periods: periods.map((p) => ({
            kind: p.kind,
            fromHour: p.fromHour,
            toHour: p.toHour,
            hours: p.hours,
            events: p.events,
            percent: percent(p.events, s.events),
            ...someEvidence(s.number, p.ids),
          })),
          days: (daysOf.get(s.number) ?? []).map((d) => ({
            date: d.date,
            weekdayName: WEEKDAYS[d.weekday - 1]!,
            events: d.events,
            firstLocal: d.first_local,
            lastLocal: d.last_local,
            firstUtc: d.first_utc,
            lastUtc: d.last_utc,
            evidence: {
              kind: 'events' as const,
              targets: [s.number],
              ...typeField,
              from: d.day_from_utc,
              to: d.day_to_utc,
              count: d.events,
            },
            firstLastEvidence: idsEvidence(
              s.number,
              d.first_id === d.last_id ? [d.first_id] : [d.first_id, d.last_id],
            ),
          })),
          gaps: (gapsOf.get(s.number) ?? []).map((g) => ({
            fromUtc: g.before_utc,
            toUtc: g.after_utc,
            fromLocal: g.before_local,
            toLocal: g.after_local,
            hours: Math.round(g.hours * 100) / 100,
            evidence: idsEvidence(s.number, [g.before_id, g.after_id]),
            emptyWindow: {
              kind: 'events' as const,
              targets: [s.number],
              ...typeField,
              from: g.empty_from_utc,
              to: g.empty_to_utc,
              count: 0,
            },
          })),
          bursts: (burstsOf.get(s.number) ?? []).map((b) => ({
            fromUtc: b.from_utc,
            toUtc: b.to_utc,
            fromLocal: b.from_local,
            toLocal: b.to_local,
            events: b.events,
            outgoingSms: b.outgoing_sms,
            outgoingCalls: b.outgoing_calls,
            incoming: b.incoming,
            others: b.others,
            evidence: {
              kind: 'events' as const,
              targets: [s.number],
              ...typeField,
              from: b.from_utc,
              to: b.to_utc,
              count: b.events,
            },
          })),
        }
      }),
    }
  },
}

const hoursOf = (from: number, length: number): number[] => Array.from({ length }, (_, i) => (from + i) % 24)
