import type { QuerySpec } from '@linesight/store'

/** A cell the chosen numbers used, with how many of their events used it and the cell list's drawing data. */
export interface CellUseRow {
  readonly cgi: string
  readonly events: number
  readonly first_utc: string
  readonly last_utc: string
  /** network, record, public-fallback, or null when no cell list has the cell. */
  readonly cell_source: string | null
  readonly site_name: string | null
  readonly lat: number | null
  readonly lon: number | null
  readonly azimuth: number | null
  readonly beamwidth: number | null
  readonly range_m: number | null
}

const n = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v))

/**
 * The cells the numbers' own records used in a window, most used first (cell id as tie-breaker). Each event is
 * matched to the cell-list entry valid at its time (a network list first, then a position carried in the records),
 * so a cell re-pointed during the window gives one row per entry. A cell known only from public data comes back
 * with its source and no position, so it can be listed as not drawn.
 */
export const cellsUsedQuery: QuerySpec<CellUseRow, 'numbers' | 'from' | 'to'> = {
  id: 'report-cells-used',
  sql: {
    duckdb: `WITH ev AS (
        SELECT id, start_cgi, start_utc FROM events_unique
        WHERE list_contains($numbers::VARCHAR[], target_msisdn) AND start_cgi IS NOT NULL
          AND ($from IS NULL OR start_utc >= $from::TIMESTAMP) AND ($to IS NULL OR start_utc <= $to::TIMESTAMP)
      ),
      matched AS (
        SELECT ev.id AS event_id, c.id AS cell_id, c.source_kind, c.site_name, c.lat, c.lon, c.azimuth, c.beamwidth, c.range_m,
          row_number() OVER (PARTITION BY ev.id ORDER BY
            CASE c.source_kind WHEN 'network' THEN 0 WHEN 'record' THEN 1 ELSE 2 END, c.valid_from DESC NULLS LAST, c.id) AS rank
        FROM ev JOIN cells c ON c.cgi = ev.start_cgi
          AND (c.valid_from IS NULL OR c.valid_from <= ev.start_utc)
          AND (c.valid_to IS NULL OR c.valid_to >= ev.start_utc)
      )
      SELECT ev.start_cgi AS cgi, m.cell_id, count(*) AS events,
        strftime(min(ev.start_utc), '%Y-%m-%dT%H:%M:%SZ') AS first_utc, strftime(max(ev.start_utc), '%Y-%m-%dT%H:%M:%SZ') AS last_utc,
        any_value(m.source_kind) AS cell_source,
        any_value(CASE WHEN m.source_kind = 'public-fallback' THEN NULL ELSE m.site_name END) AS site_name,
        any_value(CASE WHEN m.source_kind = 'public-fallback' THEN NULL ELSE m.lat END) AS lat,
        any_value(CASE WHEN m.source_kind = 'public-fallback' THEN NULL ELSE m.lon END) AS lon,
        any_value(CASE WHEN m.source_kind = 'public-fallback' THEN NULL ELSE m.azimuth END) AS azimuth,
        any_value(CASE WHEN m.source_kind = 'public-fallback' THEN NULL ELSE m.beamwidth END) AS beamwidth,
        any_value(CASE WHEN m.source_kind = 'public-fallback' THEN NULL ELSE m.range_m END) AS range_m
      FROM ev LEFT JOIN matched m ON m.event_id = ev.id AND m.rank = 1
      GROUP BY ev.start_cgi, m.cell_id
      ORDER BY events DESC, cgi, m.cell_id NULLS LAST`,
  },
  params: ['numbers', 'from', 'to'],
  row: (r) => ({
    cgi: String(r['cgi']),
    events: Number(r['events']),
    first_utc: String(r['first_utc']),
    last_utc: String(r['last_utc']),
    cell_source: r['cell_source'] === null ? null : String(r['cell_source']),
    site_name: r['site_name'] === null ? null : String(r['site_name']),
    lat: n(r['lat']),
    lon: n(r['lon']),
    azimuth: n(r['azimuth']),
    beamwidth: n(r['beamwidth']),
    range_m: n(r['range_m']),
  }),
}
