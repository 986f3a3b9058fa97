import type { CaseStore } from '@linesight/store'
import type { AnalysisContext } from '../../core/context.js'
import type { AnalysisDefinition } from '../../core/definition.js'
import type { EventEvidence } from '../../core/evidence.js'
import type { Params } from '../../core/params.js'
import { BURST_PARAMS, flareTypes, listParam, numberParam } from '../shared/params.js'
import { flareBurstsQuery, senderTextsQuery, type BurstRow } from './flare-bursts.sql.js'

export interface FlareBurst {
  readonly sender: string
  /** 1, 2, … per sender in time order. */
  readonly index: number
  /** First and last message of the burst, UTC. */
  readonly start: string
  readonly end: string
  /** Start as local wall-clock time and the local day, in the analysis zone. */
  readonly startLocal: string
  readonly day: string
  readonly durationSeconds: number
  readonly messages: number
  /** Distinct recipients. */
  readonly recipients: number
  /** The burst's messages. */
  readonly evidence: EventEvidence
}

export interface FlareSender {
  readonly sender: string
  readonly bursts: number
  /** Local days with at least one burst starting. */
  readonly burstDays: number
  readonly flareMessages: number
  /** Outbound texts of the flare types the detection read. */
  readonly outboundTexts: number
  readonly firstBurst: string | null
  readonly lastBurst: string | null
  /** The outbound texts the detection read. */
  readonly evidence: EventEvidence
}

export interface FlareBurstsResult {
  readonly zone: string
  readonly senders: readonly FlareSender[]
  readonly bursts: readonly FlareBurst[]
}

/** The burst parameters as the SQL takes them. */
export const burstSqlParams = (
  id: string,
  params: Params,
): { flare_types: readonly string[]; gap_us: number; min_recipients: number } => ({
  flare_types: flareTypes(id, params),
  gap_us: Math.round(numberParam(params, 'burstWindowMinutes') * 60_000_000),
  min_recipients: numberParam(params, 'burstMinRecipients'),
})

/** Evidence for one burst: its time span in the sender's outbound texts, or its exact ids when the span holds others. */
export function burstEvidence(row: BurstRow, types: readonly string[]): EventEvidence {
  return row.span_rows === row.messages
    ? {
        kind: 'events',
        targets: [row.sender],
        types,
        directions: ['out'],
        from: row.start,
        to: row.end,
        count: row.messages,
      }
    : { kind: 'events', targets: [row.sender], ids: row.ids, count: row.ids.length }
}

export async function findFlareBursts(
  store: CaseStore,
  id: string,
  params: Params,
  ctx: AnalysisContext,
  senders: readonly string[],
): Promise<readonly BurstRow[]> {
  return store.run(flareBurstsQuery, { senders, zone: ctx.zone, ...burstSqlParams(id, params) })
}

/** Flare bursts: runs of outbound texts, chained while the gap stays within the window, reaching enough numbers. */
export const flareBursts: AnalysisDefinition<FlareBurstsResult> = {
  id: 'flare-bursts',
  version: '1',
  title: 'Flare bursts',
  description:
    "Finds flare bursts in each sender's own records: outbound texts are chained while the gap between consecutive messages is at most the burst window (default 5 minutes), and a chain that reached at least the minimum number of distinct recipients (default 20) is a burst. Each burst is listed with its first and last message, size, recipients and source rows; each sender with its count of bursts and burst days (local days in the analysis zone). Records carry no message text, so a burst shows bulk texting, not what was said: a shop or a surgery can send bursts too. Texts the records do not show (another phone, a messaging app) are not seen.",
  params: {
    senders: {
      type: 'string-list',
      phone: 'each',
      default: [],
      description: 'Sender numbers (E.164) whose records are read; every target number when empty',
    },
    ...BURST_PARAMS,
  },
  run: async (store, params, ctx) => {
    const senders = listParam(params, 'senders')
    const types = flareTypes('flare-bursts', params)
    const rows = await findFlareBursts(store, 'flare-bursts', params, ctx, senders)
    const texts = await store.run(senderTextsQuery, { senders, flare_types: types })
    const bursts = rows.map((r): FlareBurst => ({
      sender: r.sender,
      index: r.idx,
      start: r.start,
      end: r.end,
      startLocal: r.start_local,
      day: r.day,
      durationSeconds: r.duration_s,
      messages: r.messages,
      recipients: r.recipients,
      evidence: burstEvidence(r, types),
    }))
    const bySender = new Map<string, BurstRow[]>()
    for (const r of rows) bySender.set(r.sender, [...(bySender.get(r.sender) ?? []), r])
    const names = [...new Set([...senders, ...texts.map((t) => t.sender)])]
    const summaries = names.map((sender): FlareSender => {
      const own = bySender.get(sender) ?? []
      const outboundTexts = texts.find((t) => t.sender === sender)?.texts ?? 0
      return {
        sender,
        bursts: own.length,
        burstDays: new Set(own.map((b) => b.day)).size,
        flareMessages: own.reduce((s, b) => s + b.messages, 0),
        outboundTexts,
        firstBurst: own[0]?.start ?? null,
        lastBurst: own.at(-1)?.start ?? null,
        evidence: { kind: 'events', targets: [sender], types, directions: ['out'], count: outboundTexts },
      }
    })
    summaries.sort((a, b) => b.bursts - a.bursts || (a.sender < b.sender ? -1 : a.sender > b.sender ? 1 : 0))
    return { zone: ctx.zone, senders: summaries, bursts }
  },
}
