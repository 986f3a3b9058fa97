import type { ParamValue } from '@linesight/store'
import type { AnalysisContext } from '../../core/context.js'
import type { AnalysisDefinition } from '../../core/definition.js'
import type { EventEvidence } from '../../core/evidence.js'
import type { Params } from '../../core/params.js'
import { idsEvidence } from '../daily-customers/daily-customers.js'
import { burstSqlParams } from '../flare-bursts/flare-bursts.js'
import { BURST_PARAMS, LINE_PARAM, listParam, required, stringParam } from '../shared/params.js'
import { recipientsQuery, type RecipientRow } from './customer-base.sql.js'
import { instantParam } from '../../core/window-params.js'

export interface BaseEntry {
  /** E.164 for a valid number, else the text as supplied. */
  readonly number: string
  /** e164, short-code, alphanumeric or invalid. */
  readonly kind: string
  readonly raw: string | null
  /** The first flare message it received (UTC) and its local day. */
  readonly firstFlaredAt: string
  readonly firstFlaredDay: string
  readonly lastFlaredAt: string
  readonly burstsReceived: number
  readonly flareMessages: number
  /** The first flare row, behind `firstFlaredAt`. */
  readonly evidence: EventEvidence
  /** Every flare message it received, behind `burstsReceived`, `flareMessages` and `lastFlaredAt`. */
  readonly flaresEvidence: EventEvidence
}

export interface BaseGrowthDay {
  readonly day: string
  readonly newMembers: number
  /** Members listed by the end of the day (the base only grows). */
  readonly members: number
}

export interface CustomerBaseResult {
  readonly line: string
  readonly zone: string
  readonly asOf: string | null
  /** Valid numbers, not excluded: the customer base the daily counts use. */
  readonly members: readonly BaseEntry[]
  /** Flare recipients the analyst excluded, each listed. */
  readonly excluded: readonly BaseEntry[]
  /** Short codes, alphanumeric senders and invalid numbers among the recipients: listed, never counted. */
  readonly notNumbers: readonly BaseEntry[]
  /** Exclusions that matched no recipient (check the spelling: E.164 as listed). */
  readonly exclusionsUnmatched: readonly string[]
  readonly growth: readonly BaseGrowthDay[]
}

const entryOf = (line: string, r: RecipientRow): BaseEntry => ({
  number: r.recipient,
  kind: r.kind,
  raw: r.raw,
  firstFlaredAt: r.first_at,
  firstFlaredDay: r.first_day,
  lastFlaredAt: r.last_at,
  burstsReceived: r.bursts,
  flareMessages: r.messages,
  evidence: idsEvidence([line], [r.first_id]),
  flaresEvidence: idsEvidence([line], r.ids),
})

export const customerBase: AnalysisDefinition<CustomerBaseResult> = {
  id: 'customer-base',
  version: '1',
  title: 'Customer base',
  description:
    "Lists, for one line number, every number that received any of its flare bursts (found in the line's own outbound texts by the flare-burst rule), each with the time of its first flare message (firstFlaredAt) and the rows behind it. Once listed, a number stays listed, so the base only grows; its contacts count as customer contacts only from its first flare. Numbers the analyst excludes (police, family, the runners themselves) and recipients that are not valid phone numbers (short codes, alphanumeric names, invalid numbers) are listed separately and never counted. Being on the list shows that the line texted the number, not that its user bought drugs.",
  params: {
    ...LINE_PARAM,
    ...BURST_PARAMS,
    exclude: {
      type: 'string-list',
      phone: 'each',
      default: [],
      description:
        'Numbers the analyst excludes from the base (police, family, the runners themselves), as E.164 text exactly as listed; each is listed in the exhibit',
    },
    asOf: instantParam(
      'List the base as it stood at this instant (ISO 8601 with Z or an offset), inclusive; the whole record when unset',
    ),
  },
  run: async (store, params, ctx) => {
    const id = 'customer-base'
    const line = required<string>(id, params, 'line')
    const [row] = await store.run(recipientsQuery, recipientsSqlParams(id, params, ctx, [line]))
    return customerBaseOf(line, row?.recipients ?? [], params, ctx)
  },
}

/** The SQL parameters of the recipients query, for the given lines. */
export const recipientsSqlParams = (
  id: string,
  params: Params,
  ctx: AnalysisContext,
  lines: readonly string[],
): Readonly<Record<string, ParamValue>> => ({
  lines,
  zone: ctx.zone,
  ...burstSqlParams(id, params),
  exclude: listParam(params, 'exclude'),
  as_of: stringParam(params, 'asOf'),
})

/** One line's customer base from its recipient rows (those of the line, in order of first flare). */
export function customerBaseOf(
  line: string,
  rows: readonly RecipientRow[],
  params: Params,
  ctx: AnalysisContext,
): CustomerBaseResult {
  const exclude = listParam(params, 'exclude')
  const members = rows.filter((r) => r.kind === 'e164' && !r.excluded).map((r) => entryOf(line, r))
  const growth: BaseGrowthDay[] = []
  for (const m of members) {
    const last = growth.at(-1)
    if (last !== undefined && last.day === m.firstFlaredDay)
      growth[growth.length - 1] = { ...last, newMembers: last.newMembers + 1, members: last.members + 1 }
    else growth.push({ day: m.firstFlaredDay, newMembers: 1, members: (last?.members ?? 0) + 1 })
  }
  return {
    line,
    zone: ctx.zone,
    asOf: stringParam(params, 'asOf'),
    members,
    excluded: rows.filter((r) => r.excluded).map((r) => entryOf(line, r)),
    notNumbers: rows.filter((r) => r.kind !== 'e164' && !r.excluded).map((r) => entryOf(line, r)),
    exclusionsUnmatched: exclude.filter((x) => !rows.some((r) => r.recipient === x)),
    growth,
  }
}
