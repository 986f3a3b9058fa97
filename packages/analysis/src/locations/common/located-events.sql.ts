import { EARTH_RADIUS_METRES } from '@linesight/geo'

/**
 * SQL shared by the location analyses. Text only: each analysis's QuerySpec embeds these fragments and declares the
 * parameters they read.
 */

/** ISO 8601 UTC text of a timestamp: whole seconds when there is no fraction, else microseconds. */
export const isoUtc = (column: string): string =>
  `CASE WHEN microsecond(${column}) % 1000000 = 0 THEN strftime(${column}, '%Y-%m-%dT%H:%M:%SZ') ELSE strftime(${column}, '%Y-%m-%dT%H:%M:%S.%fZ') END`

/** The local timestamp (no zone) of a UTC timestamp in the analysis zone. */
export const localTs = (column: string, zone = '$zone'): string =>
  `timezone(${zone}, timezone('UTC', ${column}))`

/** A UTC timestamp shown in the analysis zone, with the offset in force then: `2024-03-31 02:30:00 +01:00`. */
export const localText = (column: string, zone = '$zone'): string => {
  const local = localTs(column, zone)
  const offset = `CAST((epoch(${local}) - epoch(${column})) // 60 AS BIGINT)`
  return `(strftime(${local}, '%Y-%m-%d %H:%M:%S') || printf(' %s%02d:%02d', CASE WHEN ${offset} < 0 THEN '-' ELSE '+' END, abs(${offset}) // 60, abs(${offset}) % 60))`
}

/** An ISO 8601 parameter with `Z` or an offset, read as a UTC timestamp (null stays null). */
export const utcParam = (name: string): string => `CAST(CAST($${name} AS TIMESTAMPTZ) AS TIMESTAMP)`

/**
 * Great-circle distance in metres by the haversine formula, on the same sphere as `haversineMetres` in
 * `@linesight/geo` (tests hold the two to the same values), so SQL can filter on distance.
 */
export const haversineSql = (lat1: string, lon1: string, lat2: string, lon2: string): string =>
  `(2 * ${EARTH_RADIUS_METRES} * asin(least(1, sqrt(pow(sin(radians((${lat2}) - (${lat1})) / 2), 2) + cos(radians(${lat1})) * cos(radians(${lat2})) * pow(sin(radians((${lon2}) - (${lon1})) / 2), 2)))))`

/** Parameters the located-events CTEs read. */
export type LocatedParam = 'targets' | 'from' | 'to' | 'siteDecimals'

/**
 * CTEs `ev` (the targets' events with a start cell, in the window; every event with `allEvents`) and `located` (each
 * with the position of its start cell valid at the event time; `position_source` null when there is none). Needs `$targets` (VARCHAR[]), `$from`/`$to` (ISO text or null) and `$siteDecimals`.
 *
 * Cell lookup: a cell-list row matches an event on MCC, MNC and cell id, and on LAC/TAC too unless the record gives
 * none for a 4G/5G cell (the ECGI/NCGI has no TAC: O2 gives the ECGI alone). The row must be valid at the event time
 * (`valid_from <= t <= valid_to`, open ends allowed) and have a position. Preference: a network cell list; else the
 * position printed in the record itself (`record`); else a public database (`public-fallback`, never evidential).
 * Among rows of one kind: the one with the same LAC, then the latest `valid_from`, then the row id.
 *
 * Site: the cell list's site id (per network), else the cell's base station (eNodeB/gNodeB, from its identity), else
 * the cell position rounded to `$siteDecimals` decimal degrees. Public-fallback positions form their own sites, never
 * merged with network ones.
 */
export const locatedEventsCtes = (
  options: { readonly allEvents?: boolean } = {},
): string => `ev AS MATERIALIZED (
      SELECT e.id, e.target_msisdn AS target, coalesce(e.other_msisdn, e.other_raw) AS other, e.event_type, e.direction,
        e.start_utc, epoch(e.start_utc) AS ts, e.end_utc, e.duration_s, e.time_semantics, e.start_precision, e.start_cgi,
        e.start_mcc, e.start_mnc, e.start_lac, e.start_ci, e.start_cell_lat, e.start_cell_lon,
        e.source_file_id, e.source_sheet, e.source_row, e.source_line
      FROM events_unique e
      WHERE e.target_msisdn IN (SELECT unnest($targets::VARCHAR[])) ${options.allEvents === true ? '' : 'AND e.start_cgi IS NOT NULL'}
        AND ($from IS NULL OR e.start_utc >= ${utcParam('from')}) AND ($to IS NULL OR e.start_utc <= ${utcParam('to')})
    ),
    cell_match AS MATERIALIZED (
      SELECT ev.id AS event_id, c.id AS cell_record, c.cgi, c.mcc, c.mnc,
        -- The cell's base station (eNodeB/gNodeB) is its site when the list names none: as line-roles counts sites.
        coalesce(c.site_id, c.node_id) AS site_id, c.site_name, c.lat, c.lon,
        c.azimuth, c.beamwidth, c.source_kind
      FROM ev JOIN cells c ON c.mcc = ev.start_mcc AND c.mnc = ev.start_mnc AND c.ci = ev.start_ci
      WHERE c.lat IS NOT NULL AND c.lon IS NOT NULL
        AND (c.lac = coalesce(ev.start_lac, '') OR (ev.start_lac IS NULL AND c.technology IN ('lte', 'nr')))
        AND (c.valid_from IS NULL OR c.valid_from <= ev.start_utc) AND (c.valid_to IS NULL OR ev.start_utc <= c.valid_to)
      QUALIFY row_number() OVER (PARTITION BY ev.id ORDER BY c.source_kind = 'public-fallback',
        c.lac <> coalesce(ev.start_lac, ''), c.valid_from DESC NULLS LAST, c.id) = 1
    ),
    positioned AS (
      SELECT ev.*, k.cell_record, k.cgi AS list_cgi, k.mcc AS list_mcc, k.mnc AS list_mnc, k.site_id, k.site_name,
        CASE
          WHEN k.source_kind IS NOT NULL AND k.source_kind <> 'public-fallback' THEN k.source_kind
          WHEN ev.start_cell_lat IS NOT NULL AND ev.start_cell_lon IS NOT NULL THEN 'record'
          ELSE k.source_kind
        END AS position_source,
        k.lat AS list_lat, k.lon AS list_lon, k.azimuth AS list_azimuth, k.beamwidth AS list_beamwidth
      FROM ev LEFT JOIN cell_match k ON k.event_id = ev.id
    ),
    located AS MATERIALIZED (
      SELECT p.* EXCLUDE (list_lat, list_lon, list_azimuth, list_beamwidth, list_cgi, list_mcc, list_mnc, site_id, site_name, cell_record),
        CASE WHEN p.position_source = 'record' THEN NULL ELSE p.cell_record END AS cell_record,
        CASE WHEN p.position_source = 'record' THEN p.start_cgi ELSE coalesce(p.list_cgi, p.start_cgi) END AS cell,
        CASE WHEN p.position_source = 'record' THEN p.start_cell_lat ELSE p.list_lat END AS lat,
        CASE WHEN p.position_source = 'record' THEN p.start_cell_lon ELSE p.list_lon END AS lon,
        CASE WHEN p.position_source = 'record' THEN NULL ELSE p.list_azimuth END AS azimuth,
        CASE WHEN p.position_source = 'record' THEN NULL ELSE p.list_beamwidth END AS beamwidth,
        CASE WHEN p.position_source = 'record' THEN NULL ELSE p.site_name END AS site_name,
        CASE
          WHEN p.position_source IS NULL THEN NULL
          WHEN p.position_source <> 'record' AND p.position_source <> 'public-fallback' AND p.site_id IS NOT NULL
            THEN 'site ' || p.list_mcc || '-' || p.list_mnc || ' ' || p.site_id
          ELSE CASE WHEN p.position_source = 'public-fallback' THEN 'public ' ELSE '' END || 'position ' ||
            CAST(round(CASE WHEN p.position_source = 'record' THEN p.start_cell_lat ELSE p.list_lat END, $siteDecimals::INTEGER) + 0.0 AS VARCHAR) || ',' ||
            CAST(round(CASE WHEN p.position_source = 'record' THEN p.start_cell_lon ELSE p.list_lon END, $siteDecimals::INTEGER) + 0.0 AS VARCHAR)
        END AS site
      FROM positioned p
    )`

/**
 * A CTE `exact` saying, per group of `groups` (columns `gid`, `target`, `first_ts`, `last_ts`, `cgis`, `n`), how many
 * events the evidence filter "this target, these start cells, first to last" returns (`filter_n`). When that equals
 * `n` the filter is the group's evidence; otherwise the group's event ids are.
 */
export const exactEvidenceCte = (groups: string): string => `exact AS (
      SELECT g.gid, count(e.id) AS filter_n
      FROM (SELECT gid, target, first_ts, last_ts, unnest(cgis) AS cgi FROM ${groups}) g
      JOIN events_unique e ON e.target_msisdn = g.target AND e.start_cgi = g.cgi AND e.start_utc BETWEEN g.first_ts AND g.last_ts
      GROUP BY g.gid
    )`

/** A clock-time window test on a TIME column; a window whose start is after its end runs over midnight. */
export const inClockWindow = (tod: string, start: string, end: string): string =>
  `(CASE WHEN ${start}::TIME <= ${end}::TIME THEN ${tod} >= ${start}::TIME AND ${tod} < ${end}::TIME ELSE ${tod} >= ${start}::TIME OR ${tod} < ${end}::TIME END)`
