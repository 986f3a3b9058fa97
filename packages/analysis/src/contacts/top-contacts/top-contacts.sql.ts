import type { QuerySpec } from '@linesight/store'
import { TEXT_TYPES, isContactTypeSql, oneOfSql } from '../../core/one-of.sql.js'

export interface ContactRow {
  readonly other: string
  readonly other_kind: string
  readonly events: number
  readonly calls_out: number
  readonly calls_in: number
  readonly sms_out: number
  readonly sms_in: number
  readonly call_seconds: number
  readonly first_utc: string
  readonly last_utc: string
  readonly active_days: number
}

/**
 * A contact row and, when the other party is not a phone number (a short code or sender name, so evidence filters on
 * `others` cannot name it), the ids of its events.
 */
export interface ContactQueryRow extends ContactRow {
  readonly ids: readonly string[] | null
}

/** Contacts of one number from its own records: voice, SMS and MMS only (data sessions have no other party). */
export const topContactsQuery: QuerySpec<ContactQueryRow, 'target' | 'from' | 'to' | 'limit' | 'zone'> = {
  id: 'top-contacts',
  sql: {
    duckdb: `SELECT coalesce(other_msisdn, other_raw) AS other, any_value(other_kind) AS other_kind, count(*) AS events,
        count(*) FILTER (WHERE event_type = 'voice' AND direction = 'out') AS calls_out,
        count(*) FILTER (WHERE event_type = 'voice' AND direction = 'in') AS calls_in,
        count(*) FILTER (WHERE ${oneOfSql('event_type', TEXT_TYPES)} AND direction = 'out') AS sms_out,
        count(*) FILTER (WHERE ${oneOfSql('event_type', TEXT_TYPES)} AND direction = 'in') AS sms_in,
        coalesce(sum(duration_s) FILTER (WHERE event_type = 'voice'), 0) AS call_seconds,
        strftime(min(start_utc), '%Y-%m-%dT%H:%M:%SZ') AS first_utc, strftime(max(start_utc), '%Y-%m-%dT%H:%M:%SZ') AS last_utc,
        count(DISTINCT timezone($zone, timezone('UTC', start_utc))::DATE) AS active_days,
        CASE WHEN bool_and(other_msisdn IS NULL) THEN list(id ORDER BY start_utc, id) END AS ids
      FROM events_unique
      WHERE target_msisdn = $target AND ${isContactTypeSql('event_type')} AND coalesce(other_msisdn, other_raw) IS NOT NULL
        AND ($from IS NULL OR start_utc >= timezone('UTC', $from::TIMESTAMPTZ)) AND ($to IS NULL OR start_utc <= timezone('UTC', $to::TIMESTAMPTZ))
      GROUP BY 1
      ORDER BY events DESC, call_seconds DESC, other
      LIMIT $limit`,
  },
  params: ['target', 'from', 'to', 'limit', 'zone'],
  row: (r) => r as unknown as ContactQueryRow,
}
