import type { QuerySpec } from '@linesight/store'
import { daySql, flareCtes, isoSql, localSql, listByKeySql } from '../shared/sql.js'

export interface BurstRow {
  readonly sender: string
  readonly idx: number
  readonly start: string
  readonly end: string
  readonly start_local: string
  readonly day: string
  readonly duration_s: number
  readonly messages: number
  readonly recipients: number
  /** Outbound texts of the flare types in [start, end]: equals `messages` unless a text there had no other party. */
  readonly span_rows: number
  readonly ids: readonly string[]
}

export interface SenderTextsRow {
  readonly sender: string
  readonly texts: number
}

type Param = 'senders' | 'zone' | 'flare_types' | 'gap_us' | 'min_recipients'

const SENDERS = `target_msisdn IS NOT NULL AND (len($senders::VARCHAR[]) = 0 OR list_contains($senders::VARCHAR[], target_msisdn))`

/** Every maximal flare burst of the chosen senders (all target numbers when none are named). */
export const flareBurstsQuery: QuerySpec<BurstRow, Param> = {
  id: 'flare-bursts',
  sql: {
    duckdb: `WITH ${flareCtes(SENDERS, 'events_unique', true)},
      span AS (
        SELECT b.sender, b.chain, count(e.id) AS span_rows
        FROM burst_chains b JOIN events_unique e ON e.target_msisdn = b.sender AND e.direction = 'out'
          AND list_contains($flare_types::VARCHAR[], e.event_type) AND e.start_utc BETWEEN b.start_utc AND b.end_utc
        GROUP BY b.sender, b.chain
      ),
      ids AS (SELECT sender, chain, ${listByKeySql('id', 'seq')} AS ids FROM flares GROUP BY sender, chain)
      SELECT b.sender, row_number() OVER (PARTITION BY b.sender ORDER BY b.start_us, b.chain) AS idx,
        ${isoSql('b.start_utc')} AS start, ${isoSql('b.end_utc')} AS "end",
        strftime(${localSql('b.start_utc')}, '%Y-%m-%d %H:%M:%S') AS start_local,
        strftime(${daySql('b.start_utc')}, '%Y-%m-%d') AS day,
        (b.end_us - b.start_us) / 1000000.0 AS duration_s, b.messages, b.recipients, s.span_rows, i.ids
      FROM burst_chains b JOIN span s USING (sender, chain) JOIN ids i USING (sender, chain)
      ORDER BY b.sender, b.start_us, b.chain`,
  },
  params: ['senders', 'zone', 'flare_types', 'gap_us', 'min_recipients'],
  row: (r) => ({
    sender: String(r['sender']),
    idx: Number(r['idx']),
    start: String(r['start']),
    end: String(r['end']),
    start_local: String(r['start_local']),
    day: String(r['day']),
    duration_s: Number(r['duration_s']),
    messages: Number(r['messages']),
    recipients: Number(r['recipients']),
    span_rows: Number(r['span_rows']),
    ids: (r['ids'] as readonly string[] | null) ?? [],
  }),
}

/** How many outbound texts of the flare types each chosen sender has: the rows burst detection reads. */
export const senderTextsQuery: QuerySpec<SenderTextsRow, 'senders' | 'flare_types'> = {
  id: 'flare-bursts-sender-texts',
  sql: {
    duckdb: `SELECT target_msisdn AS sender, count(*) AS texts
      FROM events_unique
      WHERE ${SENDERS} AND direction = 'out' AND list_contains($flare_types::VARCHAR[], event_type)
      GROUP BY 1 ORDER BY 1`,
  },
  params: ['senders', 'flare_types'],
  row: (r) => ({ sender: String(r['sender']), texts: Number(r['texts']) }),
}
