import type { QuerySpec } from '@linesight/store'
import { isoUtc } from './line-sql.js'

export interface IdentifierUseRow {
  readonly msisdn: string
  readonly kind: 'imei' | 'imsi'
  readonly value: string
  /** Original texts as delivered (IMEIs are compared on their 14-digit core). */
  readonly raw: readonly string[]
  readonly first_utc: string
  readonly last_utc: string
  readonly records: number
  /** Row ids, only when other identifiers interleave inside [first, last] (else the window names the rows). */
  readonly ids: readonly string[] | null
}

/**
 * Which handsets (IMEI, 14-digit core) and SIMs (IMSI) each number's own records show, with first and last
 * record and count. When every record of the number between first and last carries the identifier, the window
 * alone names the rows; otherwise the row ids are returned.
 */
export const identifierUseQuery: QuerySpec<IdentifierUseRow, 'numbers'> = {
  id: 'line-network-identifier-use',
  sql: {
    duckdb: `WITH nums AS (SELECT DISTINCT unnest($numbers::VARCHAR[]) AS n),
      uses AS (
        SELECT e.target_msisdn AS msisdn, 'imei' AS kind, e.imei AS value, e.imei_raw AS raw, e.id, e.start_utc AS t
        FROM events_unique e
        WHERE e.imei IS NOT NULL AND e.target_msisdn IS NOT NULL
          AND (len($numbers::VARCHAR[]) = 0 OR e.target_msisdn IN (SELECT n FROM nums))
        UNION ALL
        SELECT e.target_msisdn, 'imsi', e.imsi, e.imsi, e.id, e.start_utc
        FROM events_unique e
        WHERE e.imsi IS NOT NULL AND e.target_msisdn IS NOT NULL
          AND (len($numbers::VARCHAR[]) = 0 OR e.target_msisdn IN (SELECT n FROM nums))),
      grouped AS (
        SELECT msisdn, kind, value, list(DISTINCT raw ORDER BY raw) AS raw, min(t) AS f, max(t) AS l, count(*) AS records
        FROM uses GROUP BY msisdn, kind, value),
      windowed AS (
        SELECT g.msisdn, g.kind, g.value, count(*) AS in_window
        FROM grouped g JOIN events_unique e ON e.target_msisdn = g.msisdn AND e.start_utc BETWEEN g.f AND g.l
        GROUP BY g.msisdn, g.kind, g.value),
      inexact AS (
        SELECT g.msisdn, g.kind, g.value FROM grouped g JOIN windowed w USING (msisdn, kind, value)
        WHERE w.in_window <> g.records),
      -- Row ids only where the window does not name the rows: listing every row is the costly part.
      -- Only the inexact numbers' own rows are read (the join's keys filter the scan).
      id_lists AS (
        SELECT i.msisdn, i.kind, i.value, list(e.id ORDER BY e.start_utc, e.id) AS ids
        FROM inexact i JOIN events_unique e
          ON e.target_msisdn = i.msisdn AND (CASE i.kind WHEN 'imei' THEN e.imei ELSE e.imsi END) = i.value
        GROUP BY i.msisdn, i.kind, i.value)
      SELECT g.msisdn, g.kind, g.value, g.raw, ${isoUtc('g.f')} AS first_utc, ${isoUtc('g.l')} AS last_utc, g.records,
        CASE WHEN w.in_window = g.records THEN NULL ELSE il.ids END AS ids
      FROM grouped g JOIN windowed w USING (msisdn, kind, value)
        LEFT JOIN id_lists il ON il.msisdn = g.msisdn AND il.kind = g.kind AND il.value = g.value
      ORDER BY g.msisdn, g.kind, g.f, g.value`,
  },
  params: ['numbers'],
  row: (r) => r as unknown as IdentifierUseRow,
}
