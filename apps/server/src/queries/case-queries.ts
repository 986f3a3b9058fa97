import type { QuerySpec, SqlRow } from '@linesight/store'
import type { CellSite, ContactLink, EventPoint, IdentityLink, SubscriberLink } from '@linesight/viz'

/** Data the views read directly (no analysis logic): what the case holds, cells, events, links. */

const ISO = (column: string): string => `strftime(${column}, '%Y-%m-%dT%H:%M:%SZ')`
const copy = (r: SqlRow): Record<string, unknown> => ({ ...r })
const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v))
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v))

export const sourcesQuery: QuerySpec<Record<string, unknown>> = {
  id: 'server-case-sources',
  sql: {
    duckdb: `SELECT id, original_name, kind, format, encoding, profile_id, profile_version, rows_read, rows_imported,
      rows_rejected, rows_duplicate, size_bytes, ${ISO('imported_at')} AS imported_at, imported_by, request_reference, sha256
      FROM source_files ORDER BY imported_at, id`,
  },
  params: [],
  row: copy,
}

export const periodQuery: QuerySpec<{ first: string | null; last: string | null; targets: number }> = {
  id: 'server-case-period',
  sql: {
    // Every stored event has a target number (the import rejects those without), so the summary covers them all.
    duckdb: `SELECT ${ISO('min(first_utc)')} AS first, ${ISO('max(last_utc)')} AS last, count(*) AS targets FROM target_summary`,
  },
  params: [],
  row: (r) => ({ first: str(r['first']), last: str(r['last']), targets: Number(r['targets']) }),
}

export interface TargetRow {
  readonly number: string
  readonly network: string | null
  readonly events: number
  readonly contacts: number
  readonly firstUtc: string
  readonly lastUtc: string
  readonly subscriber: string | null
}

/** Numbers whose own records are in the case, busiest first; read from the summary the import keeps. */
export const targetsQuery: QuerySpec<TargetRow> = {
  id: 'server-case-targets',
  sql: {
    duckdb: `SELECT t.number, t.network, t.events, t.contacts, ${ISO('t.first_utc')} AS first_utc, ${ISO('t.last_utc')} AS last_utc,
        (SELECT any_value(s.name) FROM subscribers s WHERE s.msisdn = t.number) AS subscriber
      FROM target_summary t ORDER BY t.events DESC, t.number`,
  },
  params: [],
  row: (r) => ({
    number: String(r['number']),
    network: str(r['network']),
    events: Number(r['events']),
    contacts: Number(r['contacts']),
    firstUtc: String(r['first_utc']),
    lastUtc: String(r['last_utc']),
    subscriber: str(r['subscriber']),
  }),
}

export const rejectsQuery: QuerySpec<Record<string, unknown>, 'file' | 'limit' | 'offset'> = {
  id: 'server-rejects',
  sql: {
    duckdb: `SELECT r.source_file_id, f.original_name, r.source_sheet, r.source_row, r.source_line, r.field, r.raw_value,
        r.reason, r.raw_record, count(*) OVER () AS total
      FROM rejects r JOIN source_files f ON f.id = r.source_file_id
      WHERE $file IS NULL OR r.source_file_id = $file OR f.original_name = $file
      ORDER BY f.imported_at, r.source_file_id, r.source_sheet NULLS FIRST, r.source_row NULLS LAST, r.reason, r.field
      LIMIT $limit OFFSET $offset`,
  },
  params: ['file', 'limit', 'offset'],
  row: copy,
}

/**
 * One row per cell id: the network's list first, a public fallback only when no network row exists. A cell counts
 * as used when an event names it, or names its network and cell identity without a LAC/TAC (as some data records
 * do): the browser matches those the same way (`sectorLookup`).
 */
export const cellsQuery: QuerySpec<CellSite, 'all' | 'limit'> = {
  id: 'server-cells',
  sql: {
    duckdb: `WITH used AS (SELECT start_cgi AS cgi, count(*) AS n FROM events_unique WHERE start_cgi IS NOT NULL GROUP BY 1),
      used_no_lac AS (SELECT start_mcc AS mcc, start_mnc AS mnc, start_ci AS ci, count(*) AS n FROM events_unique
        WHERE start_ci IS NOT NULL AND coalesce(start_lac, '') = '' GROUP BY 1, 2, 3)
      SELECT c.cgi, c.lat, c.lon, c.azimuth, c.beamwidth, c.range_m, c.source_kind, c.site_name, c.network, c.technology,
        coalesce(u.n, 0) + coalesce(v.n, 0) AS events
      FROM cells c LEFT JOIN used u ON u.cgi = c.cgi
        LEFT JOIN used_no_lac v ON v.mcc = c.mcc AND v.mnc = c.mnc AND v.ci = c.ci
      WHERE c.lat IS NOT NULL AND c.lon IS NOT NULL AND ($all OR u.n IS NOT NULL OR v.n IS NOT NULL)
      QUALIFY row_number() OVER (PARTITION BY c.cgi ORDER BY (c.source_kind = 'network') DESC, c.valid_from DESC NULLS LAST, c.id) = 1
      ORDER BY c.cgi
      LIMIT $limit`,
  },
  params: ['all', 'limit'],
  row: (r) => ({
    cgi: String(r['cgi']),
    lat: Number(r['lat']),
    lon: Number(r['lon']),
    azimuth: num(r['azimuth']),
    beamwidth: num(r['beamwidth']),
    rangeMetres: num(r['range_m']),
    sourceKind: String(r['source_kind']),
    siteName: str(r['site_name']),
    network: str(r['network']),
    technology: String(r['technology']),
    events: Number(r['events']),
  }),
}

type WindowParams = 'numbers' | 'from' | 'to' | 'limit'

export const eventsQuery: QuerySpec<EventPoint, WindowParams> = {
  id: 'server-events',
  sql: {
    duckdb: `SELECT id, target_msisdn, coalesce(other_msisdn, other_raw) AS other, direction, event_type,
        ${ISO('start_utc')} AS start_utc, duration_s, start_cgi, imei, imsi, time_semantics
      FROM events_unique
      WHERE list_contains($numbers::VARCHAR[], target_msisdn)
        AND ($from IS NULL OR start_utc >= $from::TIMESTAMP) AND ($to IS NULL OR start_utc <= $to::TIMESTAMP)
      ORDER BY start_utc, id
      LIMIT $limit`,
  },
  params: ['numbers', 'from', 'to', 'limit'],
  row: (r) => ({
    id: String(r['id']),
    target: String(r['target_msisdn']),
    other: str(r['other']),
    direction: String(r['direction']),
    type: String(r['event_type']),
    startUtc: String(r['start_utc']),
    durationS: num(r['duration_s']),
    cgi: str(r['start_cgi']),
    imei: str(r['imei']),
    imsi: str(r['imsi']),
    timeSemantics: String(r['time_semantics']),
  }),
}

/** Voice/SMS/MMS between a target and another party, aggregated; all targets when `numbers` is empty. */
export const linksQuery: QuerySpec<ContactLink, WindowParams> = {
  id: 'server-links',
  sql: {
    duckdb: `SELECT target_msisdn AS a, coalesce(other_msisdn, other_raw) AS b, count(*) AS events,
        coalesce(sum(duration_s) FILTER (WHERE event_type = 'voice'), 0) AS seconds,
        ${ISO('min(start_utc)')} AS first_utc, ${ISO('max(start_utc)')} AS last_utc
      FROM events_unique
      WHERE event_type IN ('voice', 'sms', 'mms') AND target_msisdn IS NOT NULL
        AND coalesce(other_msisdn, other_raw) IS NOT NULL
        AND (len($numbers::VARCHAR[]) = 0 OR list_contains($numbers::VARCHAR[], target_msisdn)
          OR list_contains($numbers::VARCHAR[], other_msisdn))
        AND ($from IS NULL OR start_utc >= $from::TIMESTAMP) AND ($to IS NULL OR start_utc <= $to::TIMESTAMP)
      GROUP BY 1, 2
      ORDER BY events DESC, a, b
      LIMIT $limit`,
  },
  params: ['numbers', 'from', 'to', 'limit'],
  row: (r) => ({
    a: String(r['a']),
    b: String(r['b']),
    events: Number(r['events']),
    seconds: Number(r['seconds']),
    firstUtc: String(r['first_utc']),
    lastUtc: String(r['last_utc']),
  }),
}

/** Number–SIM–handset links of the numbers, plus every link sharing one of their SIMs or handsets (swaps). */
export const identitiesQuery: QuerySpec<IdentityLink, 'numbers' | 'limit'> = {
  id: 'server-identities',
  sql: {
    duckdb: `WITH mine AS (SELECT * FROM identity_links WHERE len($numbers::VARCHAR[]) = 0 OR list_contains($numbers::VARCHAR[], msisdn))
      SELECT msisdn, imsi, imei, ${ISO('min(first_seen)')} AS first_utc, ${ISO('max(last_seen)')} AS last_utc,
        sum(record_count) AS records
      FROM identity_links
      WHERE len($numbers::VARCHAR[]) = 0 OR list_contains($numbers::VARCHAR[], msisdn)
        OR imei IN (SELECT imei FROM mine WHERE imei IS NOT NULL) OR imsi IN (SELECT imsi FROM mine WHERE imsi IS NOT NULL)
      GROUP BY 1, 2, 3
      ORDER BY records DESC, msisdn NULLS LAST, imsi NULLS LAST, imei NULLS LAST
      LIMIT $limit`,
  },
  params: ['numbers', 'limit'],
  row: (r) => ({
    msisdn: str(r['msisdn']),
    imsi: str(r['imsi']),
    imei: str(r['imei']),
    firstUtc: str(r['first_utc']),
    lastUtc: str(r['last_utc']),
    records: Number(r['records']),
  }),
}

/** Who each number is registered to (subscriber records), one row per number and registered person. */
export const subscribersQuery: QuerySpec<SubscriberLink, 'numbers' | 'limit'> = {
  id: 'server-subscribers',
  sql: {
    duckdb: `SELECT msisdn, name, strftime(date_of_birth, '%Y-%m-%d') AS date_of_birth, any_value(address) AS address,
        any_value(postcode) AS postcode, count(*) AS records
      FROM subscribers
      WHERE msisdn IN (SELECT unnest($numbers::VARCHAR[])) AND nullif(trim(name), '') IS NOT NULL
      GROUP BY msisdn, name, date_of_birth
      ORDER BY msisdn, name, date_of_birth NULLS LAST
      LIMIT $limit`,
  },
  params: ['numbers', 'limit'],
  row: (r) => ({
    msisdn: String(r['msisdn']),
    name: String(r['name']),
    dateOfBirth: str(r['date_of_birth']),
    address: str(r['address']),
    postcode: str(r['postcode']),
    records: Number(r['records']),
  }),
}
