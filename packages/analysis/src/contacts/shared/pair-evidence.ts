import type { EventEvidence } from '../../core/evidence.js'
import { CONTACT_TYPES, type PairRow } from './communications.sql.js'

/**
 * The records behind a count between two numbers. `records` holds one filter per side whose own records hold
 * contacts with the other (the sides' counts add up to the records read); `seenInBoth` names the receivers' copies
 * of communications found in both sides' records, which are not counted again. So
 * communications = sum of `records` counts − `seenInBoth` count.
 */
export interface PairEvidence {
  readonly records: readonly EventEvidence[]
  readonly seenInBoth?: EventEvidence
}

/** The time window of a run, as evidence filter fields (left out when unset). */
export interface Window {
  readonly from: string | null
  readonly to: string | null
}

export const windowFields = (w: Window): { from?: string; to?: string } => ({
  ...(w.from === null ? {} : { from: w.from }),
  ...(w.to === null ? {} : { to: w.to }),
})

/** Evidence for a pair's counts (see `PairEvidence`). */
export function pairEvidence(row: PairRow, window: Window): PairEvidence {
  const side = (target: string, other: string, count: number): EventEvidence => ({
    kind: 'events',
    targets: [target],
    others: [other],
    types: CONTACT_TYPES,
    ...windowFields(window),
    count,
  })
  const records: EventEvidence[] = []
  if (row.records_of_a > 0) records.push(side(row.a, row.b, row.records_of_a))
  if (row.records_of_b > 0) records.push(side(row.b, row.a, row.records_of_b))
  return row.dropped_ids.length === 0
    ? { records }
    : {
        records,
        seenInBoth: {
          kind: 'events',
          targets: [row.a, row.b],
          ids: row.dropped_ids,
          count: row.dropped_ids.length,
        },
      }
}

/** A pair's counts as results show them. */
export interface PairCounts {
  readonly a: string
  readonly b: string
  readonly communications: number
  readonly aToB: number
  readonly bToA: number
  readonly undirected: number
  readonly voice: number
  readonly sms: number
  readonly mms: number
  readonly callSeconds: number
  readonly recordsOfA: number
  readonly recordsOfB: number
  readonly seenInBoth: number
  readonly firstUtc: string
  readonly lastUtc: string
  readonly evidence: PairEvidence
}

export const pairCounts = (row: PairRow, window: Window): PairCounts => ({
  a: row.a,
  b: row.b,
  communications: row.communications,
  aToB: row.a_to_b,
  bToA: row.b_to_a,
  undirected: row.undirected,
  voice: row.voice,
  sms: row.sms,
  mms: row.mms,
  callSeconds: row.call_seconds,
  recordsOfA: row.records_of_a,
  recordsOfB: row.records_of_b,
  seenInBoth: row.seen_in_both,
  firstUtc: row.first_utc,
  lastUtc: row.last_utc,
  evidence: pairEvidence(row, window),
})
