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

/** A number's use of one identifier as the first query gives it: whether its window alone names the rows. */
export interface IdentifierWindowRow extends Omit<IdentifierUseRow, 'ids'> {
  readonly exact: boolean
}

/**
 * Which handsets (IMEI, 14-digit core) and SIMs (IMSI) each number's own records show, with first and last
 * record and count, and whether every record of the number between first and last carries the identifier (then
 * the window alone names the rows).
 */
export const identifierWindowQuery: QuerySpec<IdentifierWindowRow, 'numbers'> = {
  id: 'line-network-identifier-use',
  sql: {
    duckdb: `WITH nums AS (SELECT DISTINCT unnest($numbers::VARCHAR[]) AS n),
      uses AS (
        SELECT e.target_msisdn AS msisdn, 'imei' AS kind, e.imei AS value, e.imei_raw AS raw, e.start_utc AS t
        FROM events_unique e
        WHERE e.imei IS NOT NULL AND e.target_msisdn IS NOT NULL
          AND (len($numbers::VARCHAR[]) = 0 OR e.target_msisdn IN (SELECT n FROM nums))
        UNION ALL
        SELECT e.target_msisdn, 'imsi', e.imsi, e.imsi, e.start_utc
        FROM events_unique e
        WHERE e.imsi IS NOT NULL AND e.target_msisdn IS NOT NULL
          AND (len($numbers::VARCHAR[]) = 0 OR e.target_msisdn IN (SELECT n FROM nums))),
      grouped AS (
        SELECT msisdn, kind, value, list(DISTINCT raw ORDER BY raw) AS raw, min(t) AS f, max(t) AS l, count(*) AS records
        FROM uses GROUP BY msisdn, kind, value),
      windowed AS (
        SELECT g.msisdn, g.kind, g.value, count(*) AS in_window
        FROM grouped g JOIN events_unique e ON e.target_msisdn = g.msisdn AND e.start_utc BETWEEN g.f AND g.l
        GROUP BY g.msisdn, g.kind, g.value)
      SELECT g.msisdn, g.kind, g.value, g.raw, ${isoUtc('g.f')} AS first_utc, ${isoUtc('g.l')} AS last_utc, g.records,
        w.in_window = g.records AS exact
      FROM grouped g JOIN windowed w USING (msisdn, kind, value)
      ORDER BY g.msisdn, g.kind, g.f, g.value`,
  },
  params: ['numbers'],
  row: (r) => r as unknown as IdentifierWindowRow,
}

export interface IdentifierIdsRow {
  readonly msisdn: string
  readonly kind: 'imei' | 'imsi'
  readonly value: string
  readonly ids: readonly string[]
}

/** The row ids of some numbers' uses of some identifiers (parallel lists), in time order. */
export const identifierIdsQuery: QuerySpec<IdentifierIdsRow, 'msisdns' | 'kinds' | 'values'> = {
  id: 'line-network-identifier-ids',
  sql: {
    duckdb: `WITH wanted AS (
        SELECT unnest($msisdns::VARCHAR[]) AS msisdn, unnest($kinds::VARCHAR[]) AS kind,
          unnest($values::VARCHAR[]) AS value)
      SELECT w.msisdn, w.kind, w.value, list(e.id ORDER BY e.start_utc, e.id) AS ids
      FROM wanted w JOIN events_unique e
        ON e.target_msisdn = w.msisdn AND (CASE w.kind WHEN 'imei' THEN e.imei ELSE e.imsi END) = w.value
      WHERE e.target_msisdn IN (SELECT msisdn FROM wanted)
      GROUP BY w.msisdn, w.kind, w.value`,
  },
  params: ['msisdns', 'kinds', 'values'],
  row: (r) => r as unknown as IdentifierIdsRow,
}
