import type { QuerySpec } from '@linesight/store'
import { localTimeSql, ZONE_QUARTERS_CTE } from '../../core/local-time.sql.js'
import { packListSql, packSql, unpack, unpackList, withLists } from '../../continuity/common/packed.js'
import {
  asLocal,
  CELL_ROWS_CTE,
  EARTH_RADIUS_KM,
  LINE_GROUPS_CTE,
  haversineKm,
  inNight,
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
 * Home cells (domain §3.8) of the given persons (each line's customers and any extra persons; line numbers are left
 * out): the cells a person's phone used on most nights in the overnight window over the baseline (when the case
 * holds the person's records), and the cells a cell list places nearest the subscriber address position, per
 * network (an approximation, not a survey). Both are worked out once per person and then given to each line
 * checking that person; the overnight test runs on the persons' own rows only.
 */
export const homeCellsQuery: QuerySpec<HomeCellRow, HomeParams> = {
  id: 'cuckooing-home-cells',
  sql: {
    duckdb: `WITH ${LINE_GROUPS_CTE}, ${CELL_ROWS_CTE}, ${ZONE_QUARTERS_CTE},
      given AS (SELECT unnest($persons_g::VARCHAR[]) AS g, unnest($persons_n::VARCHAR[]) AS person),
      persons AS MATERIALIZED (
        SELECT DISTINCT g, person FROM given WHERE person NOT IN (SELECT n FROM line_groups)),
      person_ev AS MATERIALIZED (
        SELECT e.id, e.target_msisdn, e.start_cgi, ${localTimeSql('e.start_utc')} AS lt FROM events_unique e
        WHERE $useOvernight AND e.start_cgi IS NOT NULL AND e.target_msisdn IN (SELECT person FROM persons)
          AND ($baselineFrom IS NULL OR e.start_utc >= timezone('UTC', $baselineFrom::TIMESTAMPTZ))
          AND ($baselineTo IS NULL OR e.start_utc <= timezone('UTC', $baselineTo::TIMESTAMPTZ))),
      night AS (
        SELECT p.g, p.person, e.id, e.start_cgi AS cgi, ${nightOf('e.lt', asLocal)} AS night
        FROM person_ev e JOIN persons p ON p.person = e.target_msisdn
        WHERE ${inNight('e.lt', asLocal)}),
      overnight AS (
        SELECT g, person, cgi, count(DISTINCT night) AS nights, list(person || '|' || id ORDER BY id) AS refs,
          row_number() OVER (PARTITION BY g, person ORDER BY count(DISTINCT night) DESC, cgi) AS rank
        FROM night GROUP BY g, person, cgi),
      addresses AS MATERIALIZED (
        SELECT msisdn AS person, lat, lon FROM subscribers
        WHERE $useAddress AND lat IS NOT NULL AND lon IS NOT NULL AND msisdn IN (SELECT person FROM persons)
        QUALIFY row_number() OVER (PARTITION BY msisdn ORDER BY valid_from DESC NULLS LAST, id) = 1),
      cell_pos AS (
        SELECT * FROM cell_rows QUALIFY row_number() OVER (PARTITION BY cgi ORDER BY src_rank, valid_from DESC NULLS LAST, id) = 1),
      cell_geo AS MATERIALIZED (
        SELECT c.cgi, c.lat, c.lon, c.site_name, c.source_kind, c.network, z.azimuth, z.beamwidth
        FROM cell_pos c JOIN cells z ON z.id = c.id),
      -- A cell within the distance is within that many degrees of latitude (the great circle is at least the
      -- meridian arc), plus a margin for rounding: only those pairs are measured.
      near AS (
        SELECT a.person, c.cgi, c.site_name, c.source_kind, c.network,
          ${haversineKm('a.lat', 'a.lon', 'c.lat', 'c.lon')} * 1000 AS metres,
          ${offAxisDegrees('c.lat', 'c.lon', 'a.lat', 'a.lon', 'c.azimuth')} AS off_axis, c.beamwidth
        FROM addresses a JOIN cell_geo c
          ON c.lat >= a.lat - (degrees($addressMaxMetres / 1000.0 / ${EARTH_RADIUS_KM}) + 0.000001)
          AND c.lat <= a.lat + (degrees($addressMaxMetres / 1000.0 / ${EARTH_RADIUS_KM}) + 0.000001)),
      -- Per person and network, the first cells by (distance, cell id): a row_number over every pair, kept short.
      nearest_lists AS (
        SELECT person, min_by({'cgi': cgi, 'site_name': site_name, 'source_kind': source_kind, 'metres': metres},
            {'metres': metres, 'cgi': cgi}, $addressCellsPerNetwork) AS cells
        FROM near WHERE metres <= $addressMaxMetres
          AND ($addressSectors = 'any' OR metres <= $addressNearMastMetres OR off_axis IS NULL
            OR beamwidth IS NULL OR beamwidth >= 360 OR off_axis <= beamwidth / 2)
        GROUP BY person, coalesce(network, '')),
      nearest AS (
        SELECT person, c.cgi, c.site_name, c.source_kind, c.metres, rank FROM (
          SELECT person, unnest(cells) AS c, generate_subscripts(cells, 1) AS rank FROM nearest_lists))
      SELECT o.g, o.person, 'overnight' AS basis, o.cgi, c.site_name, o.rank, o.nights, NULL::DOUBLE AS metres,
        c.source_kind AS position_source, ${packListSql('o.refs')} AS refs
      FROM overnight o LEFT JOIN cell_pos c ON c.cgi = o.cgi
      WHERE o.rank <= $homeCellsMax AND o.nights >= $homeMinNights
      UNION ALL
      SELECT p.g, p.person, 'address', n.cgi, n.site_name, n.rank, NULL, round(n.metres, 1), n.source_kind, ''
      FROM persons p JOIN nearest n ON n.person = p.person
      ORDER BY 1, 2, 3, 6, 4`,
  },
  params: [
    'groups',
    'numbers',
    'persons_g',
    'persons_n',
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
  row: (r) => withLists(r, ['refs']) as unknown as HomeCellRow,
}

export interface NightHit {
  readonly phone: string
  readonly night: string
  readonly cgi: string
  readonly id: string
}

/** One line's hits on one person's home cells, in order of night, time and row id. */
export interface PersonHitsRow {
  readonly g: string
  readonly person: string
  readonly hits: readonly NightHit[]
}

/**
 * Overnight events of the checked phones (a line's numbers and its runners) on the home cells of that line's
 * persons: the raw material of a cuckooing lead. Packed per line and person (`packed.ts`): there are hundreds of
 * thousands on a large case.
 */
export const nightHitsQuery: QuerySpec<
  PersonHitsRow,
  'home_g' | 'home_person' | 'home_cgi' | 'phones_g' | 'phones_n' | 'zone' | 'nightStartHour' | 'nightEndHour'
> = {
  id: 'cuckooing-night-hits',
  sql: {
    // The checked phones' rows on any home cell first, then the overnight test on those rows only.
    duckdb: `WITH ${ZONE_QUARTERS_CTE}, homes AS (
        SELECT DISTINCT g, person, cgi FROM (
          SELECT unnest($home_g::VARCHAR[]) AS g, unnest($home_person::VARCHAR[]) AS person, unnest($home_cgi::VARCHAR[]) AS cgi)),
      phones AS (SELECT DISTINCT g, n FROM (SELECT unnest($phones_g::VARCHAR[]) AS g, unnest($phones_n::VARCHAR[]) AS n)),
      on_cells AS MATERIALIZED (
        SELECT e.id, e.target_msisdn, e.start_cgi, e.start_utc FROM events_unique e
        WHERE e.target_msisdn IN (SELECT n FROM phones) AND e.start_cgi IN (SELECT cgi FROM homes)),
      on_cells_local AS (SELECT *, ${localTimeSql('start_utc')} AS lt FROM on_cells),
      overnight AS MATERIALIZED (
        SELECT id, target_msisdn, start_cgi, start_utc, strftime(${nightOf('lt', asLocal)}, '%Y-%m-%d') AS night
        FROM on_cells_local WHERE ${inNight('lt', asLocal)})
      SELECT h.g, h.person,
        ${packSql(['e.target_msisdn', 'e.night', 'e.start_cgi', 'e.id'], 'e.night, e.start_utc, e.id')} AS hits
      FROM overnight e JOIN phones p ON p.n = e.target_msisdn
      JOIN homes h ON h.g = p.g AND h.cgi = e.start_cgi AND h.person <> e.target_msisdn
      GROUP BY h.g, h.person ORDER BY h.g, h.person`,
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
  row: (r) => ({
    g: String(r['g']),
    person: String(r['person']),
    hits: unpack(String(r['hits']), 4, 'cuckooing-night-hits').map(([phone, night, cgi, id]) => ({
      phone: phone!,
      night: night!,
      cgi: cgi!,
      id: id!,
    })),
  }),
}

export interface VictimDay {
  readonly day: string
  /** Contacts between the person and the line's numbers that day, from either side's records. */
  readonly line_contacts: number
  /** The person's own overnight rows on their home cells that night (when the case holds their records). */
  readonly own_night_refs: readonly string[]
}

/** One line's person's days, in date order. */
export interface VictimActivityRow {
  readonly g: string
  readonly person: string
  readonly days: readonly VictimDay[]
}

/** Per day: the person's contacts with the line, and their own overnight rows on their home cells. */
export const victimActivityQuery: QuerySpec<
  VictimActivityRow,
  'groups' | 'numbers' | 'home_g' | 'home_person' | 'home_cgi' | 'zone' | 'nightStartHour' | 'nightEndHour'
> = {
  id: 'cuckooing-victim-activity',
  sql: {
    // Contacts are counted per distinct (line, person, time, type) as before, their day read after the union.
    duckdb: `WITH ${LINE_GROUPS_CTE}, ${ZONE_QUARTERS_CTE},
      homes AS (
        SELECT DISTINCT g, person, cgi FROM (
          SELECT unnest($home_g::VARCHAR[]) AS g, unnest($home_person::VARCHAR[]) AS person, unnest($home_cgi::VARCHAR[]) AS cgi)),
      persons AS (SELECT DISTINCT g, person FROM homes),
      contacts AS (
        SELECT p.g, p.person, e.start_utc AS t, e.event_type AS typ
        FROM events_unique e JOIN persons p ON p.person = e.other_msisdn
        JOIN line_groups lg ON lg.g = p.g AND lg.n = e.target_msisdn
        WHERE e.event_type IN ('voice', 'sms', 'mms')
        UNION
        SELECT p.g, p.person, e.start_utc, e.event_type
        FROM events_unique e JOIN persons p ON p.person = e.target_msisdn
        JOIN line_groups lg ON lg.g = p.g AND lg.n = e.other_msisdn
        WHERE e.event_type IN ('voice', 'sms', 'mms')),
      per_day AS (SELECT g, person, (${localTimeSql('t')})::DATE AS day, count(*) AS n FROM contacts GROUP BY ALL),
      own_rows AS MATERIALIZED (
        SELECT e.id, e.target_msisdn, e.start_cgi, ${localTimeSql('e.start_utc')} AS lt FROM events_unique e
        WHERE e.target_msisdn IN (SELECT person FROM persons) AND e.start_cgi IN (SELECT cgi FROM homes)),
      own_night AS (
        SELECT h.g, h.person, ${nightOf('e.lt', asLocal)} AS day, list(h.person || '|' || e.id ORDER BY e.id) AS refs
        FROM own_rows e JOIN homes h ON h.person = e.target_msisdn AND h.cgi = e.start_cgi
        WHERE ${inNight('e.lt', asLocal)}
        GROUP BY ALL)
      SELECT coalesce(d.g, o.g) AS g, coalesce(d.person, o.person) AS person,
        ${packSql(
          [
            "strftime(coalesce(d.day, o.day), '%Y-%m-%d')",
            'coalesce(d.n, 0)::VARCHAR',
            `${packListSql('coalesce(o.refs, []::VARCHAR[])')}`,
          ],
          'coalesce(d.day, o.day)',
        )} AS days
      FROM per_day d FULL JOIN own_night o ON o.g = d.g AND o.person = d.person AND o.day = d.day
      GROUP BY 1, 2 ORDER BY 1, 2`,
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
  row: (r) => ({
    g: String(r['g']),
    person: String(r['person']),
    days: unpack(String(r['days']), 3, 'cuckooing-victim-activity').map(([day, n, refs]) => ({
      day: day!,
      line_contacts: Number(n),
      own_night_refs: unpackList(refs!),
    })),
  }),
}
