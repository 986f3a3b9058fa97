import type { QuerySpec } from '@linesight/store'
import type { SubscriberRef } from './evidence.js'

export interface SubscriberRow {
  readonly msisdn: string
  readonly name: string | null
  readonly date_of_birth: string | null
  readonly address: string | null
  readonly postcode: string | null
  readonly lat: number | null
  readonly lon: number | null
  readonly account_type: string | null
  readonly valid_from: string | null
  readonly valid_to: string | null
  readonly id: string
  readonly source_file: string
  readonly source_row: number
}

/** Subscriber records of some numbers, newest registration first per number. */
export const subscribersQuery: QuerySpec<SubscriberRow, 'numbers'> = {
  id: 'line-network-subscribers',
  sql: {
    duckdb: `SELECT s.msisdn, s.name, strftime(s.date_of_birth, '%Y-%m-%d') AS date_of_birth, s.address, s.postcode,
        s.lat, s.lon, s.account_type, strftime(s.valid_from, '%Y-%m-%d') AS valid_from,
        strftime(s.valid_to, '%Y-%m-%d') AS valid_to, s.id, f.original_name AS source_file, s.source_row
      FROM subscribers s JOIN source_files f ON f.id = s.source_file_id
      WHERE list_contains($numbers::VARCHAR[], s.msisdn)
      ORDER BY s.msisdn, s.valid_from DESC NULLS LAST, s.id`,
  },
  params: ['numbers'],
  row: (r) => r as unknown as SubscriberRow,
}

/** A person as a subscriber record names them: a lead for attribution, never a finding. */
export interface SubscriberPerson {
  readonly name: string | null
  readonly dateOfBirth: string | null
  readonly address: string | null
  readonly postcode: string | null
  readonly accountType: string | null
  readonly registeredFrom: string | null
  readonly record: SubscriberRef
}

export function personOf(row: SubscriberRow | undefined): SubscriberPerson | null {
  if (row === undefined) return null
  return {
    name: row.name,
    dateOfBirth: row.date_of_birth,
    address: row.address,
    postcode: row.postcode,
    accountType: row.account_type,
    registeredFrom: row.valid_from,
    record: { kind: 'subscriber', id: row.id, sourceFile: row.source_file, sourceRow: row.source_row },
  }
}

/** The newest subscriber record per number. */
export function latestByNumber(rows: readonly SubscriberRow[]): Map<string, SubscriberRow> {
  const out = new Map<string, SubscriberRow>()
  for (const r of rows) if (!out.has(r.msisdn)) out.set(r.msisdn, r)
  return out
}
