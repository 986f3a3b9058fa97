import type { QuerySpec, SqlRow } from '@linesight/store'
import {
  haversineSql,
  isoUtc,
  localText,
  locatedEventsCtes,
  type LocatedParam,
} from '../common/located-events.sql.js'

/** One end of a consecutive pair. */
export interface TravelPoint {
  readonly id: string
  readonly utc: string
  readonly local: string
  readonly event_type: string
  readonly time_semantics: string
  readonly precision: string
  readonly cell: string
  readonly site: string
  readonly site_name: string | null
  readonly lat: number
  readonly lon: number
  readonly position_source: string
}

export interface TravelPairRow {
  /** `pair` for a flagged pair; one `summary` row carries the number of pairs checked. */
  readonly kind: 'pair' | 'summary'
  readonly checked: number
  readonly a: TravelPoint | null
  readonly b: TravelPoint | null
  readonly metres: number
  readonly seconds: number
  readonly time_allowance_s: number
}

const point = (r: SqlRow, p: 'a' | 'b'): TravelPoint => ({
  id: String(r[`${p}_id`]),
  utc: String(r[`${p}_utc`]),
  local: String(r[`${p}_local`]),
  event_type: String(r[`${p}_type`]),
  time_semantics: String(r[`${p}_semantics`]),
  precision: String(r[`${p}_precision`]),
  cell: String(r[`${p}_cell`]),
  site: String(r[`${p}_site`]),
  site_name: r[`${p}_site_name`] === null ? null : String(r[`${p}_site_name`]),
  lat: Number(r[`${p}_lat`]),
  lon: Number(r[`${p}_lon`]),
  position_source: String(r[`${p}_source`]),
})

const readRow = (r: SqlRow): TravelPairRow => {
  const kind = r['kind'] === 'summary' ? 'summary' : 'pair'
  return {
    kind,
    checked: Number(r['checked']),
    a: kind === 'pair' ? point(r, 'a') : null,
    b: kind === 'pair' ? point(r, 'b') : null,
    metres: Number(r['metres'] ?? 0),
    seconds: Number(r['seconds'] ?? 0),
    time_allowance_s: Number(r['time_allowance_s'] ?? 0),
  }
}

const cols = (p: 'a' | 'b', src: string): string =>
  `${src}.id AS ${p}_id, ${isoUtc(`${src}.start_utc`)} AS ${p}_utc, ${localText(`${src}.start_utc`)} AS ${p}_local,
   ${src}.event_type AS ${p}_type, ${src}.time_semantics AS ${p}_semantics, ${src}.start_precision AS ${p}_precision,
   ${src}.cell AS ${p}_cell, ${src}.site AS ${p}_site, ${src}.site_name AS ${p}_site_name, ${src}.lat AS ${p}_lat,
   ${src}.lon AS ${p}_lon, ${src}.position_source AS ${p}_source`

/**
 * Consecutive located events of one number whose cells are so far apart for the time between them that the implied
 * speed, after allowing `$radiusM` of serving area around each cell and a minute for a minute-precision time, is
 * above `$maxKmh`. Only events whose cell was used at the time given (`at`) unless `$includeData`.
 */
export const impossibleTravelQuery: QuerySpec<
  TravelPairRow,
  LocatedParam | 'zone' | 'maxKmh' | 'radiusM' | 'includeData' | 'limit'
> = {
  id: 'impossible-travel',
  sql: {
    duckdb: `WITH ${locatedEventsCtes()},
    s AS (
      SELECT * FROM located WHERE position_source IS NOT NULL AND ($includeData OR time_semantics = 'at')
    ),
    pairs AS MATERIALIZED (
      SELECT lag(id) OVER w AS prev_id, id FROM s WINDOW w AS (ORDER BY start_utc, id)
    ),
    measured AS MATERIALIZED (
      SELECT p.prev_id, p.id, ${haversineSql('a.lat', 'a.lon', 'b.lat', 'b.lon')} AS metres, b.ts - a.ts AS seconds,
        CASE WHEN a.start_precision = 'minute' OR b.start_precision = 'minute' THEN 60 ELSE 0 END AS time_allowance_s
      FROM pairs p JOIN s a ON a.id = p.prev_id JOIN s b ON b.id = p.id
    ),
    flagged AS (
      SELECT * FROM measured
      WHERE metres - 2 * $radiusM > 0
        AND (seconds + time_allowance_s <= 0 OR (metres - 2 * $radiusM) / 1000 / ((seconds + time_allowance_s) / 3600) > $maxKmh)
    )
    SELECT * FROM (
    SELECT 'pair' AS kind, NULL AS checked, ${cols('a', 'a')}, ${cols('b', 'b')}, f.metres, f.seconds, f.time_allowance_s,
      a.ts AS sort_ts
    FROM flagged f JOIN s a ON a.id = f.prev_id JOIN s b ON b.id = f.id
    UNION ALL
    SELECT 'summary', (SELECT count(*) FROM measured), ${Array.from({ length: 28 }, () => 'NULL').join(', ')}
    )
    ORDER BY kind = 'pair', sort_ts, a_id
    LIMIT $limit`,
  },
  params: ['targets', 'from', 'to', 'siteDecimals', 'zone', 'maxKmh', 'radiusM', 'includeData', 'limit'],
  row: readRow,
}
