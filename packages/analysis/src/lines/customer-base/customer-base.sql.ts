import type { QuerySpec } from '@linesight/store'
import { daySql, flareCtes, isoSql } from '../shared/sql.js'

export interface RecipientRow {
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

type Param = 'line' | 'zone' | 'flare_types' | 'gap_us' | 'min_recipients' | 'exclude' | 'as_of'

/** Every recipient of the line's flare bursts up to `as_of` (all when null), with its first flare. */
export const recipientsQuery: QuerySpec<RecipientRow, Param> = {
  id: 'customer-base',
  sql: {
    duckdb: `WITH ${flareCtes('target_msisdn = $line')},
      sent AS (SELECT * FROM flares WHERE $as_of IS NULL OR start_utc <= timezone('UTC', $as_of::TIMESTAMPTZ))
      SELECT s.recipient, any_value(s.other_kind) AS kind, arg_min(s.other_raw, (s.us, s.id)) AS raw,
        list_contains($exclude::VARCHAR[], s.recipient) AS excluded,
        ${isoSql('arg_min(s.start_utc, (s.us, s.id))')} AS first_at,
        strftime(${daySql('arg_min(s.start_utc, (s.us, s.id))')}, '%Y-%m-%d') AS first_day,
        arg_min(s.id, (s.us, s.id)) AS first_id, ${isoSql('arg_max(s.start_utc, (s.us, s.id))')} AS last_at,
        count(DISTINCT s.chain) AS bursts, count(*) AS messages, list(s.id ORDER BY s.us, s.id) AS ids
      FROM sent s
      GROUP BY s.recipient
      ORDER BY min(s.us), s.recipient`,
  },
  params: ['line', 'zone', 'flare_types', 'gap_us', 'min_recipients', 'exclude', 'as_of'],
  row: (r) => ({
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
  }),
}
