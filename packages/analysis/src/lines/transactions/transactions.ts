import type { ParamValue } from '@linesight/store'
import type { AnalysisContext } from '../../core/context.js'
import type { AnalysisDefinition } from '../../core/definition.js'
import type { EventEvidence } from '../../core/evidence.js'
import type { Params } from '../../core/params.js'
import { idsEvidence, lineContactSqlParams } from '../daily-customers/daily-customers.js'
import {
  BURST_PARAMS,
  CALLBACK_PARAMS,
  CONTACT_RULE_PARAMS,
  DAY_WINDOW_PARAMS,
  LINE_PARAM,
  booleanParam,
  optionalNumber,
  required,
  runnerPeriods,
  stringParam,
  type RunnerPeriod,
} from '../shared/params.js'
import {
  transactionsQuery,
  type TransactionParam,
  type TransactionRow,
  type TransactionsRow,
} from './transactions.sql.js'

export interface Callback {
  /** The line or the runner number that contacted the customer. */
  readonly by: string
  readonly at: string
  readonly type: string
  readonly id: string
}

export interface Transaction {
  readonly customer: string
  readonly day: string
  readonly episode: number
  /** False only under potentialScope all-inbound, for a number outside the customer base. */
  readonly inBase: boolean
  readonly firstContactAt: string
  readonly contacts: number
  readonly confirmed: boolean
  readonly callback: Callback | null
  /** Its qualifying contacts and, when confirmed, the call-back. */
  readonly evidence: EventEvidence
}

export interface TransactionsDay {
  readonly day: string
  /** Potential transactions (customers, or episodes when episodes are on). */
  readonly potential: number
  readonly potentialCustomers: number
  readonly confirmed: number
  /** The qualifying contacts behind `potential`. */
  readonly potentialEvidence: EventEvidence
  /** The call-backs behind `confirmed`. */
  readonly confirmedEvidence: EventEvidence
}

export interface TransactionsResult {
  readonly line: string
  readonly zone: string
  readonly callbackWindowMinutes: number
  readonly runners: readonly RunnerPeriod[]
  readonly days: readonly TransactionsDay[]
  readonly transactions: readonly Transaction[]
  readonly totals: { readonly potential: number; readonly confirmed: number }
}

/** The SQL parameters of the transaction CTEs for the given lines (used by quantity too). */
export function transactionSqlParams(
  id: string,
  params: Params,
  ctx: AnalysisContext,
  lines: readonly string[],
): Readonly<Record<TransactionParam, ParamValue>> {
  const runners = runnerPeriods(id, params)
  const episodeGap = optionalNumber(params, 'episodeGapMinutes')
  return {
    ...lineContactSqlParams(id, params, ctx, lines),
    scope_all: params['potentialScope'] === 'all-inbound',
    episode_us: episodeGap === null ? null : episodeGap * 60_000_000,
    window_us: required<number>(id, params, 'callbackWindowMinutes') * 60_000_000,
    callback_types: String(params['callbackTypes']),
    must_connect: booleanParam(params, 'callbackMustConnect'),
    exclude_flares: booleanParam(params, 'callbackExcludesFlares'),
    runner_numbers: runners.map((r) => r.msisdn),
    runner_from: runners.map((r) => r.from),
    runner_to: runners.map((r) => r.to),
  }
}

export const transactionOf = (r: TransactionRow): Transaction => ({
  customer: r.customer,
  day: r.day,
  episode: r.episode,
  inBase: r.in_base,
  firstContactAt: r.first_at,
  contacts: r.contacts,
  confirmed: r.callback_id !== null,
  callback:
    r.callback_id === null
      ? null
      : { by: r.callback_by ?? '', at: r.callback_at ?? '', type: r.callback_type ?? '', id: r.callback_id },
  evidence: idsEvidence(
    [...r.record_targets, ...(r.callback_record_target === null ? [] : [r.callback_record_target])],
    [...r.ids, ...(r.callback_id === null ? [] : [r.callback_id])],
  ),
})

export const transactions: AnalysisDefinition<TransactionsResult> = {
  id: 'transactions',
  version: '1',
  title: 'Potential and confirmed transactions',
  description:
    'For one line number and each local day: potential transactions are the customers (members of the customer base, by default) who made a qualifying contact with the line that day, under the same contact rules as the daily-customers count but without the single-day-per-week rule; confirmed transactions are those the line, or a runner named by the analyst for that period, contacted back within the call-back window the analyst sets, after the first qualifying contact and on the same day. Flare texts are not call-backs. Optionally, contacts from one customer far apart in a day count as separate transactions. Each transaction keeps its contact rows and its call-back row. A call-back shows that the line answered, not that a sale happened; call-backs from phones whose records were not obtained are not seen.',
  params: {
    ...LINE_PARAM,
    ...BURST_PARAMS,
    ...CONTACT_RULE_PARAMS,
    ...CALLBACK_PARAMS,
    ...DAY_WINDOW_PARAMS,
  },
  run: async (store, params, ctx) => {
    const id = 'transactions'
    const line = required<string>(id, params, 'line')
    required<number>(id, params, 'callbackWindowMinutes')
    const [figures] = await store.run(transactionsQuery, {
      ...transactionSqlParams(id, params, ctx, [line]),
      from: stringParam(params, 'from'),
      to: stringParam(params, 'to'),
    })
    return transactionsOf(id, line, figures, params, ctx)
  },
}

/** One line's transactions result from its transactions and days (none: the line has no records). */
export function transactionsOf(
  id: string,
  line: string,
  figures: Pick<TransactionsRow, 'transactions' | 'days'> | undefined,
  params: Params,
  ctx: AnalysisContext,
): TransactionsResult {
  const window = required<number>(id, params, 'callbackWindowMinutes')
  const from = stringParam(params, 'from')
  const to = stringParam(params, 'to')
  const rows = figures?.transactions ?? []
  const days = figures?.days ?? []
  const list = rows
    .filter((r) => (from === null || r.day >= from) && (to === null || r.day <= to))
    .map(transactionOf)
  const byDay = new Map<string, Transaction[]>()
  for (const t of list) byDay.set(t.day, [...(byDay.get(t.day) ?? []), t])
  const idsByDay = new Map<string, string[]>()
  for (const r of rows) idsByDay.set(r.day, [...(idsByDay.get(r.day) ?? []), ...r.ids])
  return {
    line,
    zone: ctx.zone,
    callbackWindowMinutes: window,
    runners: runnerPeriods(id, params),
    days: days.map((day): TransactionsDay => {
      const ts = byDay.get(day) ?? []
      const confirmed = ts.filter((t) => t.callback !== null)
      return {
        day,
        potential: ts.length,
        potentialCustomers: new Set(ts.map((t) => t.customer)).size,
        confirmed: confirmed.length,
        potentialEvidence: idsEvidence(
          ts.flatMap((t) => t.evidence.targets),
          idsByDay.get(day) ?? [],
        ),
        confirmedEvidence: idsEvidence(
          confirmed.flatMap((t) => t.evidence.targets),
          confirmed.map((t) => t.callback?.id ?? ''),
        ),
      }
    }),
    transactions: list,
    totals: {
      potential: list.length,
      confirmed: list.filter((t) => t.confirmed).length,
    },
  }
}
