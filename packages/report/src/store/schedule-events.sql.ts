import type { QuerySpec } from '@linesight/store'

/** One event for an exhibit schedule: the record, where it came from, and its cell's site from a network list. */
export interface ScheduleEventRow {
  readonly id: string
  readonly source_file: string
  readonly source_sheet: string | null
  readonly source_row: number
  readonly source_line: number | null
  readonly target_msisdn: string
  readonly other: string | null
  readonly direction: string
  readonly event_type: string
  readonly start_utc: string
  readonly start_text: string
  readonly start_zone: string
  readonly start_precision: string
  readonly start_ambiguous: boolean
  readonly end_utc: string | null
  readonly duration_s: number | null
  readonly start_cgi: string | null
  readonly time_semantics: string
  readonly imei: string | null
  readonly imsi: string | null
  /** Where the matched cell came from: network, record, public-fallback, or null when no list has it. */
  readonly cell_source: string | null
  /** Site of the cell, from a network list or the record only (never from public data). */
  readonly site_id: string | null
  readonly site_name: string | null
}

const s = (v: unknown): string | null => (v === null || v === undefined ? null : String(v))

/**
 * The events of chosen numbers in a window (inclusive, UTC), from `events_unique` (duplicates flagged at import are
 * not repeated), in time order with the event id as tie-breaker. Each event's cell is matched to the cell lists by
 * the rule the location analyses use (packages/analysis locations/common/located-events.sql.ts): MCC, MNC and cell
 * id, and LAC/TAC unless the record gives none for a 4G/5G cell; valid at the event time; a network list first,
 * then a position printed in the record itself, then public data. A public-fallback match is returned only to say
 * so: its site never is.
 */
export const scheduleEventsQuery: QuerySpec<ScheduleEventRow, 'numbers' | 'from' | 'to'> = {
  id: 'report-schedule-events',
  sql: {
    duckdb: `WITH ev AS (
        SELECT e.*, f.original_name AS source_file
        FROM events_unique e JOIN source_files f ON f.id = e.source_file_id
        WHERE list_contains($numbers::VARCHAR[], e.target_msisdn)
          AND ($from IS NULL OR e.start_utc >= $from::TIMESTAMP)
          AND ($to IS NULL OR e.start_utc <= $to::TIMESTAMP)
      ),
      matched AS (
        SELECT ev.id AS event_id, c.source_kind, c.site_id, c.site_name
        FROM ev JOIN cells c ON c.mcc = ev.start_mcc AND c.mnc = ev.start_mnc AND c.ci = ev.start_ci
          AND (c.lac = coalesce(ev.start_lac, '') OR (ev.start_lac IS NULL AND c.technology IN ('lte', 'nr')))
          AND (c.valid_from IS NULL OR c.valid_from <= ev.start_utc)
          AND (c.valid_to IS NULL OR c.valid_to >= ev.start_utc)
        QUALIFY row_number() OVER (PARTITION BY ev.id ORDER BY c.source_kind = 'public-fallback', c.source_kind = 'record',
          c.lac <> coalesce(ev.start_lac, ''), c.valid_from DESC NULLS LAST, c.id) = 1
      )
      SELECT ev.id, ev.source_file, ev.source_sheet, ev.source_row, ev.source_line, ev.target_msisdn,
        coalesce(ev.other_msisdn, ev.other_raw) AS other, ev.direction, ev.event_type,
        strftime(ev.start_utc, '%Y-%m-%dT%H:%M:%SZ') AS start_utc, ev.start_text, ev.start_zone, ev.start_precision,
        ev.start_ambiguous, strftime(ev.end_utc, '%Y-%m-%dT%H:%M:%SZ') AS end_utc, ev.duration_s, ev.start_cgi,
        ev.time_semantics, ev.imei, ev.imsi,
        CASE
          WHEN m.source_kind IS NOT NULL AND m.source_kind <> 'public-fallback' THEN m.source_kind
          WHEN ev.start_cell_lat IS NOT NULL AND ev.start_cell_lon IS NOT NULL THEN 'record'
          ELSE m.source_kind
        END AS cell_source,
        CASE WHEN m.source_kind = 'public-fallback' THEN NULL ELSE m.site_id END AS site_id,
        CASE WHEN m.source_kind = 'public-fallback' THEN NULL ELSE m.site_name END AS site_name
      FROM ev LEFT JOIN matched m ON m.event_id = ev.id
      ORDER BY ev.start_utc, ev.id`,
  },
  params: ['numbers', 'from', 'to'],
  row: (r) => ({
    id: String(r['id']),
    source_file: String(r['source_file']),
    source_sheet: s(r['source_sheet']),
    source_row: Number(r['source_row']),
    source_line: r['source_line'] === null ? null : Number(r['source_line']),
    target_msisdn: String(r['target_msisdn']),
    other: s(r['other']),
    direction: String(r['direction']),
    event_type: String(r['event_type']),
    start_utc: String(r['start_utc']),
    start_text: String(r['start_text']),
    start_zone: String(r['start_zone']),
    start_precision: String(r['start_precision']),
    start_ambiguous: r['start_ambiguous'] === true,
    end_utc: s(r['end_utc']),
    duration_s: r['duration_s'] === null ? null : Number(r['duration_s']),
    start_cgi: s(r['start_cgi']),
    time_semantics: String(r['time_semantics']),
    imei: s(r['imei']),
    imsi: s(r['imsi']),
    cell_source: s(r['cell_source']),
    site_id: s(r['site_id']),
    site_name: s(r['site_name']),
  }),
}

/** How many rows in the same selection were flagged at import as duplicates (same content delivered twice). */
export const scheduleDuplicatesQuery: QuerySpec<{ n: number }, 'numbers' | 'from' | 'to'> = {
  id: 'report-schedule-duplicates',
  sql: {
    duckdb: `SELECT count(*) AS n FROM events
      WHERE duplicate_of IS NOT NULL AND list_contains($numbers::VARCHAR[], target_msisdn)
        AND ($from IS NULL OR start_utc >= $from::TIMESTAMP) AND ($to IS NULL OR start_utc <= $to::TIMESTAMP)`,
  },
  params: ['numbers', 'from', 'to'],
  row: (r) => ({ n: Number(r['n']) }),
}
