import type { QuerySpec, SqlRow } from '@linesight/store'
import {
  isoUtc,
  localText,
  locatedEventsCtes,
  type LocatedParam,
} from '../../locations/common/located-events.sql.js'

/** One event of the schedule, with its source row and its start cell's position valid at the time. */
export interface SequenceRow {
  readonly id: string
  readonly source_file: string
  readonly source_sheet: string | null
  readonly source_row: number
  readonly source_line: number | null
  readonly utc: string
  readonly local: string
  /** End time in local time (the record's end, else start + duration), when known. */
  readonly end_local: string | null
  readonly event_type: string
  readonly direction: string
  readonly other: string | null
  readonly duration_s: number | null
  readonly time_semantics: string
  readonly precision: string
  /** The cell as the record gives it, and as the cell list gives it. */
  readonly record_cell: string | null
  readonly cell: string | null
  readonly site: string | null
  readonly site_name: string | null
  readonly lat: number | null
  readonly lon: number | null
  readonly azimuth: number | null
  readonly beamwidth: number | null
  readonly position_source: string | null
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v))
const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v))

/** Every event of one number in the window, in time order, located where a position is known. */
export const eventSequenceQuery: QuerySpec<SequenceRow, LocatedParam | 'zone' | 'limit'> = {
  id: 'event-sequence',
  sql: {
    duckdb: `WITH ${locatedEventsCtes({ allEvents: true })}
    SELECT l.id, f.original_name AS source_file, l.source_sheet, l.source_row, l.source_line,
      ${isoUtc('l.start_utc')} AS utc, ${localText('l.start_utc')} AS local,
      ${localText('coalesce(l.end_utc, l.start_utc + l.duration_s * INTERVAL 1 SECOND)')} AS end_local,
      l.event_type, l.direction, l.other, l.duration_s, l.time_semantics, l.start_precision AS precision,
      l.start_cgi AS record_cell, CASE WHEN l.position_source IS NULL THEN NULL ELSE l.cell END AS cell, l.site,
      l.site_name, l.lat, l.lon, l.azimuth, l.beamwidth, l.position_source
    FROM located l JOIN source_files f ON f.id = l.source_file_id
    ORDER BY l.start_utc, l.id
    LIMIT $limit`,
  },
  params: ['targets', 'from', 'to', 'siteDecimals', 'zone', 'limit'],
  row: (r: SqlRow): SequenceRow => ({
    id: String(r['id']),
    source_file: String(r['source_file']),
    source_sheet: str(r['source_sheet']),
    source_row: Number(r['source_row']),
    source_line: num(r['source_line']),
    utc: String(r['utc']),
    local: String(r['local']),
    end_local: str(r['end_local']),
    event_type: String(r['event_type']),
    direction: String(r['direction']),
    other: str(r['other']),
    duration_s: num(r['duration_s']),
    time_semantics: String(r['time_semantics']),
    precision: String(r['precision']),
    record_cell: str(r['record_cell']),
    cell: str(r['cell']),
    site: str(r['site']),
    site_name: str(r['site_name']),
    lat: num(r['lat']),
    lon: num(r['lon']),
    azimuth: num(r['azimuth']),
    beamwidth: num(r['beamwidth']),
    position_source: str(r['position_source']),
  }),
}
