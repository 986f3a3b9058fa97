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
 * matched as the location analyses match (MCC, MNC, cell id, and LAC/TAC unless a 4G/5G record gives none; valid
 * at the event time): a network list first, then the position the record carries, so a cell re-pointed during the
 * window gives one row per entry. A cell known only from public data comes back with its source and no position,
 * so it can be listed as not drawn.
 */
export const cellsUsedQuery: QuerySpec<CellUseRow, 'numbers' | 'from' | 'to'> = {
  id: 'report-cells-used',
  sql: {
    duckdb: `WITH ev AS (
        SELECT id, start_cgi, start_mcc, start_mnc, start_lac, start_ci, start_cell_lat, start_cell_lon, start_utc FROM events_unique
        WHERE list_contains($numbers::VARCHAR[], target_msisdn) AND start_cgi IS NOT NULL
          AND ($from IS NULL OR start_utc >= $from::TIMESTAMP) AND ($to IS NULL OR start_utc <= $to::TIMESTAMP)
      ),
      matched AS (
        SELECT ev.id AS event_id, c.id AS cell_id, c.source_kind, c.site_name, c.lat, c.lon, c.azimuth, c.beamwidth, c.range_m
        FROM ev JOIN cells c ON c.mcc = ev.start_mcc AND c.mnc = ev.start_mnc AND c.ci = ev.start_ci
          AND (c.lac = coalesce(ev.start_lac, '') OR (ev.start_lac IS NULL AND c.technology IN ('lte', 'nr')))
          AND (c.valid_from IS NULL OR c.valid_from <= ev.start_utc)
          AND (c.valid_to IS NULL OR c.valid_to >= ev.start_utc)
        QUALIFY row_number() OVER (PARTITION BY ev.id ORDER BY c.source_kind = 'public-fallback', c.source_kind = 'record',
          c.lac <> coalesce(ev.start_lac, ''), c.valid_from DESC NULLS LAST, c.id) = 1
      ),
      placed AS (
        -- A network list first; else the position the record itself carries (network-supplied, no azimuth); else
        -- public data, kept only to be listed as not drawn.
        SELECT ev.start_cgi AS cgi,
          CASE WHEN m.source_kind IS NOT NULL AND m.source_kind <> 'public-fallback' THEN m.cell_id
            WHEN ev.start_cell_lat IS NOT NULL AND ev.start_cell_lon IS NOT NULL THEN concat('record:', ev.start_cell_lat, ',', ev.start_cell_lon)
            ELSE m.cell_id END AS cell_id,
          CASE WHEN m.source_kind IS NOT NULL AND m.source_kind <> 'public-fallback' THEN m.source_kind
            WHEN ev.start_cell_lat IS NOT NULL AND ev.start_cell_lon IS NOT NULL THEN 'record'
            ELSE m.source_kind END AS cell_source,
          CASE WHEN m.source_kind IS NOT NULL AND m.source_kind <> 'public-fallback' THEN m.site_name END AS site_name,
          CASE WHEN m.source_kind IS NOT NULL AND m.source_kind <> 'public-fallback' THEN m.lat
            WHEN m.source_kind IS NULL OR m.source_kind = 'public-fallback' THEN ev.start_cell_lat END AS lat,
          CASE WHEN m.source_kind IS NOT NULL AND m.source_kind <> 'public-fallback' THEN m.lon
            WHEN m.source_kind IS NULL OR m.source_kind = 'public-fallback' THEN ev.start_cell_lon END AS lon,
          CASE WHEN m.source_kind IS NOT NULL AND m.source_kind <> 'public-fallback' THEN m.azimuth END AS azimuth,
          CASE WHEN m.source_kind IS NOT NULL AND m.source_kind <> 'public-fallback' THEN m.beamwidth END AS beamwidth,
          CASE WHEN m.source_kind IS NOT NULL AND m.source_kind <> 'public-fallback' THEN m.range_m END AS range_m,
          ev.start_utc
        FROM ev LEFT JOIN matched m ON m.event_id = ev.id
      )
      SELECT cgi, count(*) AS events,
        strftime(min(start_utc), '%Y-%m-%dT%H:%M:%SZ') AS first_utc, strftime(max(start_utc), '%Y-%m-%dT%H:%M:%SZ') AS last_utc,
        any_value(cell_source) AS cell_source, any_value(site_name) AS site_name, any_value(lat) AS lat, any_value(lon) AS lon,
        any_value(azimuth) AS azimuth, any_value(beamwidth) AS beamwidth, any_value(range_m) AS range_m
      FROM placed
      GROUP BY cgi, cell_id
      ORDER BY events DESC, cgi, cell_id NULLS LAST`,
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
