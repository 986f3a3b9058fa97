import type { QuerySpec } from '@linesight/store'
import { linesCte } from '../shared/line-contacts.sql.js'
import { daySql, flareCtes, fromJson, isoSql, jsonListSql, listByKeySql } from '../shared/sql.js'

export interface RecipientRow {
  readonly line: string
  readonly recipient: string
  readonly kind: string
  /** The other party exactly as supplied in the first flare row. */
  readonly raw: string | null
  readonly excluded: boolean
  readonly first_at: string
  readonly first_day: string
  readonly first_id: string
  readonly last_at: string
  readonly bursts: number
  readonly messages: number
  readonly ids: readonly string[]
}

type Param = 'lines' | 'zone' | 'flare_types' | 'gap_us' | 'min_recipients' | 'exclude' | 'as_of'

/**
 * `recipient_rows`: every recipient of each line's flare bursts up to `$as_of` (all when null), with its first flare
 * (`first_us` orders them); `recipients_list`: each line's rows as one list in that order. Follows the flare CTEs.
 */
export const recipientsCtes = (): string => `recipient_rows AS (
  SELECT s.sender AS line, s.recipient, min(s.us) AS first_us, any_value(s.other_kind) AS kind,
    arg_min(s.other_raw, s.seq) AS raw, list_contains($exclude::VARCHAR[], s.recipient) AS excluded,
    ${isoSql('arg_min(s.start_utc, s.seq)')} AS first_at,
    strftime(${daySql('arg_min(s.start_utc, s.seq)')}, '%Y-%m-%d') AS first_day,
    arg_min(s.id, s.seq) AS first_id, ${isoSql('arg_max(s.start_utc, s.seq)')} AS last_at,
    count(DISTINCT s.chain) AS bursts, count(*) AS messages, ${listByKeySql('s.id', 's.seq')} AS ids
  FROM (SELECT * FROM flares WHERE $as_of IS NULL OR start_utc <= timezone('UTC', $as_of::TIMESTAMPTZ)) s
  GROUP BY s.sender, s.recipient
),
recipients_list AS (
  SELECT line, ${jsonListSql(
    `{line: line, recipient: recipient, kind: kind, raw: raw, excluded: excluded, first_at: first_at,
      first_day: first_day, first_id: first_id, last_at: last_at, bursts: bursts, messages: messages, ids: ids}`,
    'first_us, recipient',
  )} AS recipients
  FROM recipient_rows GROUP BY line
)`

const recipientRow = (r: Record<string, unknown>): RecipientRow => ({
  line: String(r['line']),
  recipient: String(r['recipient']),
  kind: String(r['kind']),
  raw: (r['raw'] as string | null) ?? null,
  excluded: r['excluded'] === true,
  first_at: String(r['first_at']),
  first_day: String(r['first_day']),
  first_id: String(r['first_id']),
  last_at: String(r['last_at']),
  bursts: Number(r['bursts']),
  messages: Number(r['messages']),
  ids: r['ids'] as readonly string[],
})

export const readRecipients = (v: unknown): readonly RecipientRow[] =>
  ((fromJson(v) as readonly Record<string, unknown>[] | null) ?? []).map(recipientRow)

/** Each line's flare recipients up to `as_of` (the customer base before the rules), one row per line. */
export const recipientsQuery: QuerySpec<{ line: string; recipients: readonly RecipientRow[] }, Param> = {
  id: 'customer-base',
  sql: {
    duckdb: `WITH ${linesCte}, ${flareCtes('target_msisdn IN (SELECT line FROM lines)', 'events_unique', true)}, ${recipientsCtes()}
      SELECT line, recipients_list.recipients FROM lines LEFT JOIN recipients_list USING (line) ORDER BY line`,
  },
  params: ['lines', 'zone', 'flare_types', 'gap_us', 'min_recipients', 'exclude', 'as_of'],
  row: (r) => ({ line: String(r['line']), recipients: readRecipients(r['recipients']) }),
}
