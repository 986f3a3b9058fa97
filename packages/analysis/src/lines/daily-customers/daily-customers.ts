import type { ParamValue } from '@linesight/store'
import type { AnalysisContext } from '../../core/context.js'
import type { AnalysisDefinition } from '../../core/definition.js'
import type { EventEvidence } from '../../core/evidence.js'
import type { Params } from '../../core/params.js'
import { burstSqlParams } from '../flare-bursts/flare-bursts.js'
import { contactRuleSqlParams, type LineContactParam } from '../shared/line-contacts.sql.js'
import {
  BURST_PARAMS,
  CONTACT_RULE_PARAMS,
  DAY_WINDOW_PARAMS,
  LINE_PARAM,
  listParam,
  required,
  stringParam,
  WEEK_PARAM,
} from '../shared/params.js'
import {
  dailyCustomersQuery,
  type BreakdownRow,
  type CustomerDayRow,
  type DailyCustomersRow,
} from './daily-customers.sql.js'

export interface CustomerDay {
  readonly customer: string
  /** Local day and the Monday of its ISO week. */
  readonly day: string
  readonly week: string
  /** The customer's first qualifying contact that day (UTC). */
  readonly firstContactAt: string
  readonly contacts: number
  readonly calls: number
  readonly texts: number
  /** Days in that ISO week on which this customer made a qualifying contact. */
  readonly daysInWeek: number
  /** False when the single-day-per-week rule removed it. */
  readonly counted: boolean
  /** Its qualifying contacts. */
  readonly evidence: EventEvidence
}

export interface DailyCustomersDay {
  readonly day: string
  readonly dailyCustomers: number
  /** Customer-days that day removed by the single-day-per-week rule. */
  readonly removedSingleDay: number
  /** The qualifying contacts of the counted customer-days. */
  readonly evidence: EventEvidence
}

/** What the rules made of every contact with the line (rule 1 to 4), so nothing is dropped silently. */
export interface ContactBreakdown {
  /** member (after its first flare), before-first-flare, or outside-base (never flared, or excluded/not a number). */
  readonly baseStatus: string
  /**
   * qualifying, unanswered (inbound call ≤ the unanswered threshold), not-connected (call ≤ the connected
   * threshold), no-duration, auto-reply, text-not-counted, excluded (analyst) or not-a-number.
   */
  readonly status: string
  readonly contacts: number
  readonly customers: number
  readonly evidence: EventEvidence
}

export interface DailyCustomersResult {
  readonly line: string
  readonly zone: string
  readonly base: {
    /** Counted members (valid numbers, not excluded) and all flare recipients. */
    readonly members: number
    readonly recipients: number
    readonly firstFlareAt: string | null
    readonly exclusionsApplied: readonly string[]
    /** Exclusions that matched no flare recipient (check the spelling: E.164 as listed). */
    readonly exclusionsUnmatched: readonly string[]
  }
  readonly days: readonly DailyCustomersDay[]
  readonly customerDays: readonly CustomerDay[]
  readonly totals: {
    readonly customerDays: number
    readonly removedSingleDay: number
  }
  readonly contactBreakdown: readonly ContactBreakdown[]
}

/** Evidence that is exactly a list of rows (the rows' own targets are needed to find them). */
export function idsEvidence(targets: readonly string[], ids: readonly string[]): EventEvidence {
  if (ids.length === 0) return { kind: 'events', targets: [], count: 0 }
  // One set each (most lists hold one or two items, so the sets are the cost).
  const unique = ids.length === 1 ? [...ids] : [...new Set(ids)]
  return {
    kind: 'events',
    targets: targets.length === 1 ? [...targets] : [...new Set(targets)].sort(),
    ids: unique,
    count: unique.length,
  }
}

/** The SQL parameters of the line-contact CTEs, for the given lines. */
export function lineContactSqlParams(
  id: string,
  params: Params,
  ctx: AnalysisContext,
  lines: readonly string[],
): ReturnType<typeof contactRuleSqlParams> &
  ReturnType<typeof burstSqlParams> & { lines: readonly string[]; zone: string } {
  return {
    lines,
    zone: ctx.zone,
    ...burstSqlParams(id, params),
    ...contactRuleSqlParams(params),
  }
}

/** The SQL parameters of the daily-customers query, for the given lines. */
export const dailyCustomersSqlParams = (
  id: string,
  params: Params,
  ctx: AnalysisContext,
  lines: readonly string[],
): Readonly<Record<LineContactParam | 'from' | 'to', ParamValue>> => ({
  ...lineContactSqlParams(id, params, ctx, lines),
  from: stringParam(params, 'from'),
  to: stringParam(params, 'to'),
})

export const customerDayOf = (r: CustomerDayRow): CustomerDay => ({
  customer: r.customer,
  day: r.day,
  week: r.week,
  firstContactAt: r.first_at,
  contacts: r.contacts,
  calls: r.calls,
  texts: r.texts,
  daysInWeek: r.days_in_week,
  counted: r.days_in_week > 1,
  evidence: idsEvidence(r.record_targets, r.ids),
})

export const breakdownOf = (r: BreakdownRow): ContactBreakdown => ({
  baseStatus: r.base_status,
  status: r.status,
  contacts: r.contacts,
  customers: r.customers,
  evidence: idsEvidence(r.record_targets, r.ids),
})

export const dailyCustomers: AnalysisDefinition<DailyCustomersResult> = {
  id: 'daily-customers',
  version: '1',
  title: 'Daily customers (police rules)',
  description:
    "Counts, for one line number and each local day (analysis zone, normally Europe/London), the customers of the police \"daily customers\" method: (1) contacts initiated by a member of the customer base (every number that received a flare burst, from its first flare on), read from the line's records and, where a customer is a target, from the customer's own records without counting one contact twice; (2) a call counts only if it lasted more than 6 s and (3) inbound calls of 4 s or less are dropped; (4) a text arriving within 10 s of a flare to that number is an automatic reply and stripped, and texts count only when the analyst switches them on; (5) a customer counts once a day; (6) a customer's day is removed when that customer qualified on only one day of that ISO week (Monday–Sunday). Every counted and removed customer-day keeps its source rows, and every contact the rules set aside is listed by reason. The figures are a guide: they count numbers, not people or deals, and miss orders by other means (other phones, apps, in person).",
  params: {
    ...LINE_PARAM,
    ...BURST_PARAMS,
    ...CONTACT_RULE_PARAMS,
    ...WEEK_PARAM,
    ...DAY_WINDOW_PARAMS,
  },
  run: async (store, params, ctx) => {
    const id = 'daily-customers'
    const line = required<string>(id, params, 'line')
    const [figures] = await store.run(dailyCustomersQuery, dailyCustomersSqlParams(id, params, ctx, [line]))
    return dailyCustomersOf(line, figures, params, ctx)
  },
}

/** One line's daily-customers result from its row of the daily figures (none: the line has no records). */
export function dailyCustomersOf(
  line: string,
  figures: DailyCustomersRow | undefined,
  params: Params,
  ctx: AnalysisContext,
): DailyCustomersResult {
  const from = stringParam(params, 'from')
  const to = stringParam(params, 'to')
  const exclude = listParam(params, 'exclude')
  const inWindow = (day: string): boolean => (from === null || day >= from) && (to === null || day <= to)
  const rows = figures?.customer_days ?? []
  const breakdown = figures?.breakdown ?? []
  const days = figures?.days ?? []
  const summary = figures?.summary
  const customerDays = rows.filter((r) => inWindow(r.day)).map(customerDayOf)
  const byDay = new Map<string, CustomerDay[]>()
  for (const cd of customerDays) byDay.set(cd.day, [...(byDay.get(cd.day) ?? []), cd])
  const dayList = days.map((day): DailyCustomersDay => {
    const list = byDay.get(day) ?? []
    const counted = list.filter((c) => c.counted)
    return {
      day,
      dailyCustomers: counted.length,
      removedSingleDay: list.length - counted.length,
      evidence: idsEvidence(
        [line, ...counted.flatMap((c) => c.evidence.targets)],
        counted.flatMap((c) => c.evidence.ids ?? []),
      ),
    }
  })
  const applied = summary?.excluded_found ?? []
  return {
    line,
    zone: ctx.zone,
    base: {
      members: summary?.members ?? 0,
      recipients: summary?.recipients ?? 0,
      firstFlareAt: summary?.first_flare ?? null,
      exclusionsApplied: applied,
      exclusionsUnmatched: exclude.filter((x) => !applied.includes(x)),
    },
    days: dayList,
    customerDays,
    totals: {
      customerDays: customerDays.filter((c) => c.counted).length,
      removedSingleDay: customerDays.filter((c) => !c.counted).length,
    },
    contactBreakdown: breakdown.map(breakdownOf),
  }
}
