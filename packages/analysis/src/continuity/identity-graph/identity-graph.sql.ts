import type { QuerySpec } from '@linesight/store'
import { isoUtc } from '../common/line-sql.js'

export interface SimHandsetRow {
  readonly imsi: string
  readonly imei: string
  readonly msisdns: readonly string[]
  readonly first_utc: string
  readonly last_utc: string
  readonly records: number
  readonly ids: readonly string[] | null
}

/** SIM ↔ handset pairs in the records, with the numbers whose records show them; ids when the window is not exact. */
export const simHandsetQuery: QuerySpec<SimHandsetRow, 'whole' | 'imsis'> = {
  id: 'identity-graph-sim-handset',
  sql: {
    duckdb: `WITH pairs AS (
        SELECT imsi, imei, list(DISTINCT target_msisdn ORDER BY target_msisdn) AS msisdns, min(start_utc) AS f,
          max(start_utc) AS l, count(*) AS records
        FROM events_unique WHERE imsi IS NOT NULL AND imei IS NOT NULL AND target_msisdn IS NOT NULL
          AND ($whole OR imsi IN (SELECT unnest($imsis::VARCHAR[])))
        GROUP BY imsi, imei),
      pair_numbers AS (SELECT imsi, imei, f, l, unnest(msisdns) AS msisdn FROM pairs),
      windowed AS (
        SELECT p.imsi, p.imei, count(*) AS in_window
        FROM pair_numbers p JOIN events_unique e ON e.target_msisdn = p.msisdn AND e.start_utc BETWEEN p.f AND p.l
        GROUP BY p.imsi, p.imei),
      inexact AS (SELECT p.imsi, p.imei FROM pairs p JOIN windowed w USING (imsi, imei) WHERE w.in_window <> p.records),
      -- Row ids only where the window does not name the rows: listing every row is the costly part.
      id_lists AS (
        SELECT e.imsi, e.imei, list(e.id ORDER BY e.start_utc, e.id) AS ids
        FROM events_unique e SEMI JOIN inexact i ON i.imsi = e.imsi AND i.imei = e.imei
        WHERE e.target_msisdn IS NOT NULL
        GROUP BY e.imsi, e.imei)
      SELECT p.imsi, p.imei, p.msisdns, ${isoUtc('p.f')} AS first_utc, ${isoUtc('p.l')} AS last_utc, p.records,
        CASE WHEN w.in_window = p.records THEN NULL ELSE il.ids END AS ids
      FROM pairs p JOIN windowed w USING (imsi, imei) LEFT JOIN id_lists il ON il.imsi = p.imsi AND il.imei = p.imei
      ORDER BY p.imsi, p.imei`,
  },
  params: ['whole', 'imsis'],
  row: (r) => r as unknown as SimHandsetRow,
}

export interface SubscriberIdentityRow {
  readonly id: string
  readonly source_file: string
  readonly source_row: number
  readonly msisdn: string | null
  readonly imsi: string | null
  readonly imei: string | null
  readonly valid_from: string | null
  readonly valid_to: string | null
}

/** Subscriber records that name a SIM or handset for a number (facts the network or a shop recorded). */
export const subscriberIdentityQuery: QuerySpec<
  SubscriberIdentityRow,
  'whole' | 'msisdns' | 'imsis' | 'imeis'
> = {
  id: 'identity-graph-subscribers',
  sql: {
    duckdb: `SELECT s.id, f.original_name AS source_file, s.source_row, s.msisdn, s.imsi, s.imei,
        strftime(s.valid_from, '%Y-%m-%d') AS valid_from, strftime(s.valid_to, '%Y-%m-%d') AS valid_to
      FROM subscribers s JOIN source_files f ON f.id = s.source_file_id
      WHERE (s.imsi IS NOT NULL OR s.imei IS NOT NULL)
        AND ($whole OR s.msisdn IN (SELECT unnest($msisdns::VARCHAR[])) OR s.imsi IN (SELECT unnest($imsis::VARCHAR[]))
          OR s.imei IN (SELECT unnest($imeis::VARCHAR[])))
      ORDER BY s.msisdn, s.imsi, s.imei, s.id`,
  },
  params: ['whole', 'msisdns', 'imsis', 'imeis'],
  row: (r) => r as unknown as SubscriberIdentityRow,
}

/**
 * Every identifier (`msisdn:…`, `imsi:…`, `imei:…`) joined to the given numbers by the links the identity graph
 * draws: numbers with the SIMs and handsets in their own records, SIMs with the handsets they were seen in, and,
 * with `$includeSubscribers`, the pairs a subscriber record names. The graph's group of a given number lies inside
 * this set (it may hold more), so the graph needs only these identifiers' rows.
 */
export const identityReachQuery: QuerySpec<{ readonly k: string }, 'numbers' | 'includeSubscribers'> = {
  id: 'identity-graph-reach',
  sql: {
    duckdb: `WITH RECURSIVE
      ev AS MATERIALIZED (
        SELECT DISTINCT target_msisdn AS m, imsi, imei FROM events_unique
        WHERE target_msisdn IS NOT NULL AND (imsi IS NOT NULL OR imei IS NOT NULL)),
      sub AS MATERIALIZED (
        SELECT DISTINCT msisdn AS m, imsi, imei FROM subscribers
        WHERE $includeSubscribers AND (imsi IS NOT NULL OR imei IS NOT NULL)),
      pairs AS (
        SELECT 'msisdn:' || m AS x, 'imsi:' || imsi AS y FROM ev WHERE imsi IS NOT NULL
        UNION SELECT 'msisdn:' || m, 'imei:' || imei FROM ev WHERE imei IS NOT NULL
        UNION SELECT 'imsi:' || imsi, 'imei:' || imei FROM ev WHERE imsi IS NOT NULL AND imei IS NOT NULL
        UNION SELECT 'msisdn:' || m, 'imsi:' || imsi FROM sub WHERE m IS NOT NULL AND imsi IS NOT NULL
        UNION SELECT 'msisdn:' || m, 'imei:' || imei FROM sub WHERE m IS NOT NULL AND imei IS NOT NULL
        UNION SELECT 'imsi:' || imsi, 'imei:' || imei FROM sub WHERE imsi IS NOT NULL AND imei IS NOT NULL),
      edges AS MATERIALIZED (SELECT x, y FROM pairs UNION SELECT y, x FROM pairs),
      reach(k) AS (
        SELECT 'msisdn:' || unnest($numbers::VARCHAR[])
        UNION
        SELECT e.y FROM reach r JOIN edges e ON e.x = r.k)
      SELECT k FROM reach ORDER BY k`,
  },
  params: ['numbers', 'includeSubscribers'],
  row: (r) => r as unknown as { readonly k: string },
}
