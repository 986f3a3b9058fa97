import type { QuerySpec } from '@linesight/store'
import { isoUtc } from '../common/line-sql.js'
import {
  ALL_NUMBERS_NODES_CTE,
  NEAR_NUMBERS_NODES_CTE,
  customersCte,
} from '../line-continuity/line-continuity.sql.js'
import { isContactTypeSql } from '../../core/one-of.sql.js'
import { FLARE_QUERY_PARAMS } from '../common/params.js'

export interface SuccessorRow {
  readonly a_first_utc: string
  readonly a_last_utc: string
  readonly a_from_utc: string
  readonly a_has_own: boolean
  readonly msisdn: string
  readonly has_own: boolean
  readonly own_rows: number
  readonly seen_rows: number
  readonly seen_owners: readonly string[]
  readonly first_utc: string
  readonly last_utc: string
  readonly b_to_utc: string
  readonly first_flare_utc: string | null
  readonly flares: number
  readonly start_utc: string
  readonly gap_s: number
  readonly timing_ok: boolean
  readonly c_a: number
  readonly c_b: number
  readonly shared: number
  readonly shared_numbers: readonly string[]
  readonly shared_ids: readonly string[]
  /** Bursts of SMS from the candidate reaching several targets within the burst window, seen in their records. */
  readonly visible_bursts: number
}

const successorSql = (nodes: string): string =>
  `WITH ${nodes},
      a AS (SELECT * FROM act WHERE n IN (SELECT n FROM given)),
      -- Only the handsets and SIMs of the given numbers can join a pair, so only their users are read.
      given_idents AS MATERIALIZED (
        SELECT DISTINCT imei, imsi FROM events_unique
        WHERE target_msisdn IN (SELECT n FROM given) AND (imei IS NOT NULL OR imsi IS NOT NULL)),
      idents AS (
        SELECT DISTINCT target_msisdn AS n, 'imei:' || imei AS v FROM events_unique
        WHERE imei IS NOT NULL AND target_msisdn IS NOT NULL AND imei IN (SELECT imei FROM given_idents)
        UNION
        SELECT DISTINCT target_msisdn, 'imsi:' || imsi FROM events_unique
        WHERE imsi IS NOT NULL AND target_msisdn IS NOT NULL AND imsi IN (SELECT imsi FROM given_idents)),
      id_pairs AS (
        SELECT y.n AS b, list(x.v ORDER BY x.v) AS shared_ids
        FROM idents x JOIN idents y ON x.v = y.v AND x.n <> y.n
        WHERE x.n IN (SELECT n FROM given) GROUP BY y.n),
      cands AS MATERIALIZED (
        SELECT b.*, epoch(b.start_t) - epoch(a.last_t) AS gap_s,
          abs(epoch(b.start_t) - epoch(a.last_t)) <= $gapSeconds AS timing_ok, ip.shared_ids
        FROM act b CROSS JOIN a LEFT JOIN id_pairs ip ON ip.b = b.n
        WHERE b.n <> a.n AND b.first_t > a.first_t AND b.last_t > a.last_t
          AND (abs(epoch(b.start_t) - epoch(a.last_t)) <= $gapSeconds OR ip.shared_ids IS NOT NULL)),
      scope AS MATERIALIZED (SELECT n FROM a UNION SELECT n FROM cands),
      vis AS (
        SELECT other_msisdn AS n, target_msisdn AS r, id, start_utc AS t,
          CASE WHEN epoch(start_utc) - epoch(lag(start_utc) OVER (PARTITION BY other_msisdn ORDER BY start_utc, id))
            <= $burstWindowSeconds THEN 0 ELSE 1 END AS brk
        FROM events_unique
        WHERE event_type = 'sms' AND direction = 'in' AND target_msisdn IS NOT NULL
          AND other_msisdn IN (SELECT n FROM cands)),
      vis_n AS (SELECT *, sum(brk) OVER (PARTITION BY n ORDER BY t, id ROWS UNBOUNDED PRECEDING) AS burst FROM vis),
      vis_bursts AS (
        SELECT n, count(*) AS k FROM (
          SELECT n, burst FROM vis_n GROUP BY n, burst HAVING count(DISTINCT r) >= $visibleMinRecipients)
        GROUP BY n),
      ${customersCte('SELECT n FROM scope')},
      a_set AS (SELECT c FROM c_last WHERE n IN (SELECT n FROM a)),
      sizes_first AS (SELECT n, count(*) AS k FROM c_first WHERE n IN (SELECT n FROM cands) GROUP BY n),
      shared AS (
        SELECT cf.n, list(cf.c ORDER BY cf.c) AS shared_numbers
        FROM c_first cf JOIN a_set ON a_set.c = cf.c
        WHERE cf.n IN (SELECT n FROM cands) AND cf.c NOT IN (SELECT n FROM a)
        GROUP BY cf.n)
      SELECT ${isoUtc('a.first_t')} AS a_first_utc, ${isoUtc('a.last_t')} AS a_last_utc,
        ${isoUtc('a.last_t - to_seconds($windowSeconds)')} AS a_from_utc, a.has_own AS a_has_own,
        c.n AS msisdn, c.has_own, c.own_rows, c.seen_rows, c.seen_owners, ${isoUtc('c.first_t')} AS first_utc,
        ${isoUtc('c.last_t')} AS last_utc, ${isoUtc('c.first_t + to_seconds($windowSeconds)')} AS b_to_utc,
        ${isoUtc('c.first_flare')} AS first_flare_utc, c.flares, ${isoUtc('c.start_t')} AS start_utc,
        c.gap_s::BIGINT AS gap_s, c.timing_ok, (SELECT count(*) FROM a_set) AS c_a, coalesce(sf.k, 0) AS c_b,
        coalesce(len(s.shared_numbers), 0) AS shared, coalesce(s.shared_numbers, []::VARCHAR[]) AS shared_numbers,
        coalesce(c.shared_ids, []::VARCHAR[]) AS shared_ids, coalesce(vb.k, 0) AS visible_bursts
      FROM cands c CROSS JOIN a LEFT JOIN sizes_first sf ON sf.n = c.n LEFT JOIN shared s ON s.n = c.n
        LEFT JOIN vis_bursts vb ON vb.n = c.n
      WHERE s.shared_numbers IS NOT NULL OR c.shared_ids IS NOT NULL
      ORDER BY c.n`

/**
 * Every number in the case (targets and the other parties in anyone's records) that starts after the given number
 * and outlives it, starting within the handover gap of its last activity or sharing a handset or SIM with it;
 * with the customers it shares (C_A: the given number's customers in its last window, C_B: the candidate's in
 * its first window). Only the numbers that can share a customer or an identifier with it are looked at
 * (`NEAR_NUMBERS_NODES_CTE`): the others are never listed, and each number's figures are its own.
 */
export const successorQuery: QuerySpec<
  SuccessorRow,
  | 'numbers'
  | 'burstWindowSeconds'
  | 'burstMinRecipients'
  | 'flareTypes'
  | 'windowSeconds'
  | 'gapSeconds'
  | 'visibleMinRecipients'
> = {
  id: 'successor-candidates',
  sql: {
    duckdb: successorSql(NEAR_NUMBERS_NODES_CTE),
  },
  params: ['numbers', ...FLARE_QUERY_PARAMS, 'windowSeconds', 'gapSeconds', 'visibleMinRecipients'],
  row: (r) => r as unknown as SuccessorRow,
}

export interface SpanRow {
  readonly first_utc: string
  readonly last_utc: string
}

/**
 * A number's first and last record: its own records first (the target summary), else the other targets' records
 * it appears in (voice, SMS, MMS). No row when the case has neither.
 */
export const numberSpanQuery: QuerySpec<SpanRow, 'number'> = {
  id: 'successor-candidates-span',
  sql: {
    duckdb: `WITH own AS (SELECT first_utc AS f, last_utc AS l FROM target_summary WHERE number = $number),
      seen AS (
        SELECT min(start_utc) AS f, max(start_utc) AS l FROM events_unique
        WHERE other_msisdn = $number AND ${isContactTypeSql('event_type')} AND target_msisdn IS NOT NULL)
      SELECT ${isoUtc('coalesce(own.f, seen.f)')} AS first_utc, ${isoUtc('coalesce(own.l, seen.l)')} AS last_utc
      FROM seen LEFT JOIN own ON true WHERE coalesce(own.f, seen.f) IS NOT NULL`,
  },
  params: ['number'],
  row: (r) => r as unknown as SpanRow,
}

/** The same search over every number in the case (`ALL_NUMBERS_NODES_CTE`), for tests: the answer must not change. */
export const wholeCaseSuccessorQuery: typeof successorQuery = {
  ...successorQuery,
  id: 'successor-candidates-whole-case',
  sql: { duckdb: successorSql(ALL_NUMBERS_NODES_CTE) },
}
