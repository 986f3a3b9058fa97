import type { QuerySpec } from '@linesight/store'
import {
  BASE_CTE,
  CELL_ROWS_CTE,
  FLARES_CTE,
  LINE_GROUPS_CTE,
  haversineKm,
  inNight,
  isoUtc,
  localTime,
  nightOf,
} from '../../continuity/common/line-sql.js'

/**
 * Degrees (0–180) between a sector's azimuth and the bearing from its mast to a point; NULL without an azimuth.
 * Same reading as `facingOf` in places/common/facing.ts.
 */
const offAxisDegrees = (lat1: string, lon1: string, lat2: string, lon2: string, azimuth: string): string =>
  `abs(((degrees(atan2(sin(radians((${lon2}) - (${lon1}))) * cos(radians(${lat2})), cos(radians(${lat1})) * sin(radians(${lat2})) - sin(radians(${lat1})) * cos(radians(${lat2})) * cos(radians((${lon2}) - (${lon1}))))) - (${azimuth})) % 360 + 540) % 360 - 180)`

export interface HomeCellRow {
  readonly g: string
  readonly person: string
  readonly basis: 'overnight' | 'address'
  readonly cgi: string
  readonly site_name: string | null
  readonly rank: number
  /** Overnight basis: nights the person's phone used the cell; address basis: metres from the address position. */
  readonly nights: number | null
  readonly metres: number | null
  readonly position_source: string | null
  /** Overnight basis: the person's overnight rows on the cell. */
  readonly refs: readonly string[]
}

type HomeParams =
  | 'groups'
  | 'numbers'
  | 'persons_g'
  | 'persons_n'
  | 'burstWindowSeconds'
  | 'burstMinRecipients'
  | 'zone'
  | 'nightStartHour'
  | 'nightEndHour'
  | 'baselineFrom'
  | 'baselineTo'
  | 'homeCellsMax'
  | 'homeMinNights'
  | 'addressCellsPerNetwork'
  | 'addressMaxMetres'
  | 'addressSectors'
  | 'addressNearMastMetres'
  | 'useOvernight'
  | 'useAddress'
  | 'usePublicFallback'

/**
 * Home cells (domain §3.8) of each line's customers and of extra persons: the cells a person's phone used on most
 * nights in the overnight window over the baseline (when the case holds the person's records), and the cells a
 * cell list places nearest the subscriber address position, per network (an approximation, not a survey).
 */
export const homeCellsQuery: QuerySpec<HomeCellRow, HomeParams> = {
  id: 'cuckooing-home-cells',
  sql: {
    duckdb: `WITH ${LINE_GROUPS_CTE}, ${FLARES_CTE}, ${BASE_CTE}, ${CELL_ROWS_CTE},
      extra AS (SELECT unnest($persons_g::VARCHAR[]) AS g, unnest($persons_n::VARCHAR[]) AS person),
      persons AS MATERIALIZED (
        SELECT DISTINCT g, person FROM (SELECT g, c AS person FROM base UNION ALL SELECT g, person FROM extra)
        WHERE person NOT IN (SELECT n FROM line_groups)),
      night AS (
        SELECT p.g, p.person, e.id, e.start_cgi AS cgi, ${nightOf('e.start_utc')} AS night
        FROM events_unique e JOIN persons p ON p.person = e.target_msisdn
        WHERE $useOvernight AND e.start_cgi IS NOT NULL AND ${inNight('e.start_utc')}
          AND ($baselineFrom IS NULL OR e.start_utc >= timezone('UTC', $baselineFrom::TIMESTAMPTZ))
          AND ($baselineTo IS NULL OR e.start_utc <= timezone('UTC', $baselineTo::TIMESTAMPTZ))),
      overnight AS (
        SELECT g, person, cgi, count(DISTINCT night) AS nights, list(person || '|' || id ORDER BY id) AS refs,
          row_number() OVER (PARTITION BY g, person ORDER BY count(DISTINCT night) DESC, cgi) AS rank
        FROM night GROUP BY g, person, cgi),
      addresses AS (
        SELECT p.g, p.person, s.lat, s.lon FROM persons p
        JOIN (SELECT msisdn, lat, lon FROM subscribers WHERE lat IS NOT NULL AND lon IS NOT NULL
              QUALIFY row_number() OVER (PARTITION BY msisdn ORDER BY valid_from DESC NULLS LAST, id) = 1) s
          ON s.msisdn = p.person
        WHERE $useAddress),
      cell_pos AS (
        SELECT * FROM cell_rows QUALIFY row_number() OVER (PARTITION BY cgi ORDER BY src_rank, valid_from DESC NULLS LAST, id) = 1),
      near AS (
        SELECT a.g, a.person, c.cgi, c.site_name, c.source_kind, c.network,
          ${haversineKm('a.lat', 'a.lon', 'c.lat', 'c.lon')} * 1000 AS metres,
          ${offAxisDegrees('c.lat', 'c.lon', 'a.lat', 'a.lon', 'z.azimuth')} AS off_axis, z.beamwidth
        FROM addresses a CROSS JOIN cell_pos c JOIN cells z ON z.id = c.id),
      nearest AS (
        SELECT *, row_number() OVER (PARTITION BY g, person, coalesce(network, '') ORDER BY metres, cgi) AS rank
        FROM near WHERE metres <= $addressMaxMetres
          AND ($addressSectors = 'any' OR metres <= $addressNearMastMetres OR off_axis IS NULL
            OR beamwidth IS NULL OR beamwidth >= 360 OR off_axis <= beamwidth / 2))
      SELECT o.g, o.person, 'overnight' AS basis, o.cgi, c.site_name, o.rank, o.nights, NULL::DOUBLE AS metres,
        c.source_kind AS position_source, o.refs
      FROM overnight o LEFT JOIN cell_pos c ON c.cgi = o.cgi
      WHERE o.rank <= $homeCellsMax AND o.nights >= $homeMinNights
      UNION ALL
      SELECT g, person, 'address', cgi, site_name, rank, NULL, round(metres, 1), source_kind, []::VARCHAR[]
      FROM nearest WHERE rank <= $addressCellsPerNetwork
      ORDER BY 1, 2, 3, 6, 4`,
  },
  params: [
    'groups',
    'numbers',
    'persons_g',
    'persons_n',
    'burstWindowSeconds',
    'burstMinRecipients',
    'zone',
    'nightStartHour',
    'nightEndHour',
    'baselineFrom',
    'baselineTo',
    'homeCellsMax',
    'homeMinNights',
    'addressCellsPerNetwork',
    'addressMaxMetres',
    'addressSectors',
    'addressNearMastMetres',
    'useOvernight',
    'useAddress',
    'usePublicFallback',
  ],
  row: (r) => r as unknown as HomeCellRow,
}

export interface NightHitRow {
  readonly g: string
  readonly person: string
  readonly phone: string
  readonly night: string
  readonly cgi: string
  readonly t: string
  readonly id: string
}

/**
 * Overnight events of the checked phones (a line's numbers and its runners) on the home cells of that line's
 * persons: the raw material of a cuckooing lead.
 */
export const nightHitsQuery: QuerySpec<
  NightHitRow,
  'home_g' | 'home_person' | 'home_cgi' | 'phones_g' | 'phones_n' | 'zone' | 'nightStartHour' | 'nightEndHour'
> = {
  id: 'cuckooing-night-hits',
  sql: {
    duckdb: `WITH homes AS (
        SELECT DISTINCT g, person, cgi FROM (
          SELECT unnest($home_g::VARCHAR[]) AS g, unnest($home_person::VARCHAR[]) AS person, unnest($home_cgi::VARCHAR[]) AS cgi)),
      phones AS (SELECT DISTINCT g, n FROM (SELECT unnest($phones_g::VARCHAR[]) AS g, unnest($phones_n::VARCHAR[]) AS n))
      SELECT h.g, h.person, e.target_msisdn AS phone, strftime(${nightOf('e.start_utc')}, '%Y-%m-%d') AS night,
        e.start_cgi AS cgi, ${isoUtc('e.start_utc')} AS t, e.id
      FROM events_unique e JOIN phones p ON p.n = e.target_msisdn
      JOIN homes h ON h.g = p.g AND h.cgi = e.start_cgi AND h.person <> e.target_msisdn
      WHERE ${inNight('e.start_utc')}
      ORDER BY h.g, h.person, night, e.start_utc, e.id`,
  },
  params: [
    'home_g',
    'home_person',
    'home_cgi',
    'phones_g',
    'phones_n',
    'zone',
    'nightStartHour',
    'nightEndHour',
  ],
  row: (r) => r as unknown as NightHitRow,
}

export interface VictimActivityRow {
  readonly g: string
  readonly person: string
  readonly day: string
  /** Contacts between the person and the line's numbers that day, from either side's records. */
  readonly line_contacts: number
  /** The person's own overnight rows on their home cells that night (when the case holds their records). */
  readonly own_night_refs: readonly string[]
}

/** Per day: the person's contacts with the line, and their own overnight rows on their home cells. */
export const victimActivityQuery: QuerySpec<
  VictimActivityRow,
  'groups' | 'numbers' | 'home_g' | 'home_person' | 'home_cgi' | 'zone' | 'nightStartHour' | 'nightEndHour'
> = {
  id: 'cuckooing-victim-activity',
  sql: {
    duckdb: `WITH ${LINE_GROUPS_CTE},
      homes AS (
        SELECT DISTINCT g, person, cgi FROM (
          SELECT unnest($home_g::VARCHAR[]) AS g, unnest($home_person::VARCHAR[]) AS person, unnest($home_cgi::VARCHAR[]) AS cgi)),
      persons AS (SELECT DISTINCT g, person FROM homes),
      contacts AS (
        SELECT p.g, p.person, (${localTime('e.start_utc')})::DATE AS day, e.start_utc AS t, e.event_type AS typ
        FROM events_unique e JOIN persons p ON p.person = e.other_msisdn
        JOIN line_groups lg ON lg.g = p.g AND lg.n = e.target_msisdn
        WHERE e.event_type IN ('voice', 'sms', 'mms')
        UNION
        SELECT p.g, p.person, (${localTime('e.start_utc')})::DATE, e.start_utc, e.event_type
        FROM events_unique e JOIN persons p ON p.person = e.target_msisdn
        JOIN line_groups lg ON lg.g = p.g AND lg.n = e.other_msisdn
        WHERE e.event_type IN ('voice', 'sms', 'mms')),
      per_day AS (SELECT g, person, day, count(*) AS n FROM contacts GROUP BY ALL),
      own_night AS (
        SELECT h.g, h.person, ${nightOf('e.start_utc')} AS day, list(h.person || '|' || e.id ORDER BY e.id) AS refs
        FROM events_unique e JOIN homes h ON h.person = e.target_msisdn AND h.cgi = e.start_cgi
        WHERE ${inNight('e.start_utc')}
        GROUP BY ALL)
      SELECT coalesce(d.g, o.g) AS g, coalesce(d.person, o.person) AS person,
        strftime(coalesce(d.day, o.day), '%Y-%m-%d') AS day, coalesce(d.n, 0) AS line_contacts,
        coalesce(o.refs, []::VARCHAR[]) AS own_night_refs
      FROM per_day d FULL JOIN own_night o ON o.g = d.g AND o.person = d.person AND o.day = d.day
      ORDER BY 1, 2, 3`,
  },
  params: [
    'groups',
    'numbers',
    'home_g',
    'home_person',
    'home_cgi',
    'zone',
    'nightStartHour',
    'nightEndHour',
  ],
  row: (r) => r as unknown as VictimActivityRow,
}
