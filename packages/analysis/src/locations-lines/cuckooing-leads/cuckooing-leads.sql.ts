import type { QuerySpec } from '@linesight/store'
import { localTimeSql, ZONE_QUARTERS_CTE } from '../../core/local-time.sql.js'
import { packListSql, packSql, recordsSql, unpack, withLists } from '../../core/packed.js'
import {
  asLocal,
  CELL_ROWS_CTE,
  EARTH_RADIUS_KM,
  LINE_GROUPS_CTE,
  haversineKm,
  inNight,
  nightOf,
} from '../../continuity/common/line-sql.js'
import { isContactTypeSql } from '../../core/one-of.sql.js'

/**
 * Degrees (0–180) between a sector's azimuth and the bearing from its mast to a point; NULL without an azimuth.
 * Same reading as `facingOf` in places/common/facing.ts.
 */
const offAxisDegrees = (lat1: string, lon1: string, lat2: string, lon2: string, azimuth: string): string =>
  `abs(((degrees(atan2(sin(radians((${lon2}) - (${lon1}))) * cos(radians(${lat2})), cos(radians(${lat1})) * sin(radians(${lat2})) - sin(radians(${lat1})) * cos(radians(${lat2})) * cos(radians((${lon2}) - (${lon1}))))) - (${azimuth})) % 360 + 540) % 360 - 180)`

/** A WGS84 position as a unit vector (columns ux, uy, uz) on the sphere `haversineKm` uses. */
const unitVector = (lat: string, lon: string): string =>
  `cos(radians(${lat})) * cos(radians(${lon})) AS ux, cos(radians(${lat})) * sin(radians(${lon})) AS uy, sin(radians(${lat})) AS uz`

/**
 * Degrees of latitude within which a cell `$addressMaxMetres` or less from an address lies (the great circle is at
 * least the meridian arc), plus a margin for rounding.
 */
const BAND = `(degrees($addressMaxMetres / 1000.0 / ${EARTH_RADIUS_KM}) + 0.000001)`

/** Squared chord between two `unitVector` rows: a few multiplications (the haversine takes a dozen trig calls). */
const chordSquared = (a: string, b: string): string =>
  `((${a}.ux - ${b}.ux) * (${a}.ux - ${b}.ux) + (${a}.uy - ${b}.uy) * (${a}.uy - ${b}.uy) + (${a}.uz - ${b}.uz) * (${a}.uz - ${b}.uz))`

/** Great-circle metres of a squared chord, and back. */
const chordSquaredToMetres = (c2: string): string =>
  `(2000 * ${EARTH_RADIUS_KM} * asin(least(1.0, sqrt(${c2}) / 2)))`
const metresToChordSquared = (m: string): string =>
  `pow(2 * sin(least(pi() / 2, (${m}) / (2000 * ${EARTH_RADIUS_KM}))), 2)`

/** A home cell of a person (`homeCellsQuery`), and of one line's person (`g`, filled in by the caller). */
export interface PersonHomeCellRow {
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

export interface HomeCellRow extends PersonHomeCellRow {
  readonly g: string
}

type HomeParams =
  | 'groups'
  | 'numbers'
  | 'persons'
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
 * network (an approximation, not a survey). Both are worked out once per person, and returned once per person (the
 * caller gives them to each line checking that person); the overnight test runs on the persons' own rows only.
 */
export const homeCellsQuery: QuerySpec<PersonHomeCellRow, HomeParams> = {
  id: 'cuckooing-home-cells',
  sql: {
    duckdb: `WITH ${LINE_GROUPS_CTE}, ${CELL_ROWS_CTE}, ${ZONE_QUARTERS_CTE},
      given AS (SELECT DISTINCT unnest($persons::VARCHAR[]) AS person),
      persons AS MATERIALIZED (SELECT person FROM given WHERE person NOT IN (SELECT n FROM line_groups)),
      person_ev AS MATERIALIZED (
        SELECT e.id, e.target_msisdn, e.start_cgi, ${localTimeSql('e.start_utc')} AS lt FROM events_unique e
        WHERE $useOvernight AND e.start_cgi IS NOT NULL AND e.target_msisdn IN (SELECT person FROM persons)
          AND ($baselineFrom IS NULL OR e.start_utc >= timezone('UTC', $baselineFrom::TIMESTAMPTZ))
          AND ($baselineTo IS NULL OR e.start_utc <= timezone('UTC', $baselineTo::TIMESTAMPTZ))),
      night AS (
        SELECT e.target_msisdn AS person, e.id, e.start_cgi AS cgi, ${nightOf('e.lt', asLocal)} AS night
        FROM person_ev e WHERE ${inNight('e.lt', asLocal)}),
      overnight AS (
        SELECT person, cgi, count(DISTINCT night) AS nights, list(person || '|' || id ORDER BY id) AS refs,
          row_number() OVER (PARTITION BY person ORDER BY count(DISTINCT night) DESC, cgi) AS rank
        FROM night GROUP BY person, cgi),
      addresses AS MATERIALIZED (
        SELECT person, lat, lon, ux, uy, uz, row_number() OVER () AS ai FROM (
          SELECT msisdn AS person, lat, lon, ${unitVector('lat', 'lon')} FROM subscribers
          WHERE $useAddress AND lat IS NOT NULL AND lon IS NOT NULL AND msisdn IN (SELECT person FROM persons)
          QUALIFY row_number() OVER (PARTITION BY msisdn ORDER BY valid_from DESC NULLS LAST, id) = 1)),
      cell_pos AS (
        SELECT * FROM cell_rows QUALIFY row_number() OVER (PARTITION BY cgi ORDER BY src_rank, valid_from DESC NULLS LAST, id) = 1),
      cell_geo AS MATERIALIZED (
        SELECT c.cgi, c.lat, c.lon, c.site_name, c.source_kind, c.network, z.azimuth, z.beamwidth, ${unitVector('c.lat', 'c.lon')},
          row_number() OVER () AS ci, dense_rank() OVER (ORDER BY coalesce(c.network, '')) AS ni
        FROM cell_pos c JOIN cells z ON z.id = c.id),
      -- Every address with every cell within the distance, by the squared chord, which orders pairs as the
      -- great-circle distance does. Cells are looked for in the address's strip of latitude (BAND high) and the two
      -- beside it (every cell within the distance is there), and kept within a metre over the distance (far above the
      -- rounding of either formula, well under a micrometre, so no cell the exact test below keeps is left out).
      pairs AS MATERIALIZED (
        SELECT a.ai, c.ci, c.ni, ${chordSquared('a', 'c')} AS c2
        FROM (SELECT *, floor(lat / ${BAND}) AS s FROM addresses) a
          CROSS JOIN (VALUES (-1), (0), (1)) o(d)
          JOIN (SELECT *, floor(lat / ${BAND}) AS s FROM cell_geo) c ON c.s = a.s + o.d
        WHERE ${chordSquared('a', 'c')} <= ${metresToChordSquared('$addressMaxMetres + 1.0')}),
      -- Per person and network, the distance within which its nearest cells must lie: that of the n-th nearest by
      -- chord plus a metre, far above the rounding of either formula (well under a micrometre), so every cell the
      -- exact ranking below can pick is kept. With 'facing' sectors the filter is not a prefix of that ranking, so
      -- every pair is measured.
      reach AS (
        SELECT ai, ni,
          CASE WHEN len(m) < $addressCellsPerNetwork THEN 'infinity'::DOUBLE
            ELSE ${metresToChordSquared(`${chordSquaredToMetres(`m[$addressCellsPerNetwork]`)} + 1.0`)} END AS lim
        FROM (SELECT ai, ni, min(c2, $addressCellsPerNetwork) AS m FROM pairs GROUP BY ai, ni)),
      near AS (
        SELECT a.person, c.cgi, c.site_name, c.source_kind, c.network,
          ${haversineKm('a.lat', 'a.lon', 'c.lat', 'c.lon')} * 1000 AS metres,
          ${offAxisDegrees('c.lat', 'c.lon', 'a.lat', 'a.lon', 'c.azimuth')} AS off_axis, c.beamwidth
        FROM pairs p JOIN reach r ON r.ai = p.ai AND r.ni = p.ni
          JOIN addresses a ON a.ai = p.ai JOIN cell_geo c ON c.ci = p.ci
        WHERE $addressSectors <> 'any' OR p.c2 <= r.lim),
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
      SELECT o.person, 'overnight' AS basis, o.cgi, c.site_name, o.rank, o.nights, NULL::DOUBLE AS metres,
        c.source_kind AS position_source, ${packListSql('o.refs')} AS refs
      FROM overnight o LEFT JOIN cell_pos c ON c.cgi = o.cgi
      WHERE o.rank <= $homeCellsMax AND o.nights >= $homeMinNights
      UNION ALL
      SELECT n.person, 'address', n.cgi, n.site_name, n.rank, NULL, round(n.metres, 1), n.source_kind, ''
      FROM nearest n
      ORDER BY 1, 2, 5, 3`,
  },
  params: [
    'groups',
    'numbers',
    'persons',
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
  row: (r) => withLists(r, ['refs']) as unknown as PersonHomeCellRow,
}

export interface NightHit {
  readonly phone: string
  readonly night: string
  readonly cgi: string
  readonly id: string
}

/** The overnight rows, in order of night, time and row id (one packed text). */
export interface NightHitsRow {
  readonly hits: readonly NightHit[]
}

/**
 * Overnight events of the checked phones (the lines' numbers and their runners) on any home cell of the persons
 * checked: the raw material of a cuckooing lead. Each row once, packed (`packed.ts`); which line and person a row
 * counts for (a phone of that line, a home cell of that person, not the person's own phone) is worked out from the
 * lists the caller holds, since on a large case a row counts for dozens of persons (hundreds of thousands in all).
 */
export const nightHitsQuery: QuerySpec<
  NightHitsRow,
  'home_cgi' | 'phones_n' | 'zone' | 'nightStartHour' | 'nightEndHour'
> = {
  id: 'cuckooing-night-hits',
  sql: {
    // The checked phones' rows on any home cell first, then the overnight test on those rows only.
    duckdb: `WITH ${ZONE_QUARTERS_CTE},
      on_cells AS MATERIALIZED (
        SELECT e.id, e.target_msisdn, e.start_cgi, e.start_utc FROM events_unique e
        WHERE e.target_msisdn IN (SELECT unnest($phones_n::VARCHAR[])) AND e.start_cgi IN (SELECT unnest($home_cgi::VARCHAR[]))),
      on_cells_local AS (SELECT *, ${localTimeSql('start_utc')} AS lt FROM on_cells),
      overnight AS (
        SELECT id, target_msisdn, start_cgi, start_utc, strftime(${nightOf('lt', asLocal)}, '%Y-%m-%d') AS night
        FROM on_cells_local WHERE ${inNight('lt', asLocal)})
      SELECT ${packSql(['target_msisdn', 'night', 'start_cgi', 'id'], 'night, start_utc, id')} AS hits FROM overnight`,
  },
  params: ['home_cgi', 'phones_n', 'zone', 'nightStartHour', 'nightEndHour'],
  row: (r) => ({
    hits:
      r['hits'] === null
        ? []
        : unpack(String(r['hits']), 4, 'cuckooing-night-hits').map(([phone, night, cgi, id]) => ({
            phone: phone!,
            night: night!,
            cgi: cgi!,
            id: id!,
          })),
  }),
}

/** One lead's measures of the person's own activity (`lead` numbers the leads given, from 1). */
export interface LeadActivityRow {
  readonly lead: number
  /** Contacts between the person and the line's numbers on the `$baselineDays` days before the lead's first night. */
  readonly contacts_before: number
  /** The same from the lead's first night to its last. */
  readonly contacts_during: number
  /** The lead's nights on which the person's own phone was on one of their home cells overnight. */
  readonly own_nights: number
}

type ActivityParams =
  'groups' | 'numbers' | 'homes' | 'leads' | 'baselineDays' | 'zone' | 'nightStartHour' | 'nightEndHour'

/**
 * Per lead: the person's contacts with the line's numbers (from either side's records) on the `$baselineDays` days
 * before it and from its first night to its last, and the lead's nights on which the person's own overnight rows were
 * on their home cells. Contacts are counted per distinct (line, person, time, type), their day read after the union;
 * each line's person is numbered (pid) so the union and the groupings work on small keys.
 *
 * `$leads` (`packRecords`): lead number (from 1), line, person, first night, last night, the nights (items);
 * `$homes`: line, person, home cell, for the persons of those leads.
 */
export const victimActivityQuery: QuerySpec<LeadActivityRow, ActivityParams> = {
  id: 'cuckooing-victim-activity',
  sql: {
    duckdb: `WITH ${LINE_GROUPS_CTE}, ${ZONE_QUARTERS_CTE},
      lead_rows AS MATERIALIZED ${recordsSql('$leads', ['lead', 'g', 'person', 'first', 'last', 'nights'])},
      leads AS (SELECT lead::BIGINT AS lead, g, person, first::DATE AS first, last::DATE AS last FROM lead_rows),
      lead_nights AS (SELECT lead::BIGINT AS lead, unnest(string_split(nights, chr(29)))::DATE AS day FROM lead_rows),
      persons AS MATERIALIZED (SELECT g, person, row_number() OVER () AS pid FROM (SELECT DISTINCT g, person FROM leads)),
      homes AS (SELECT DISTINCT g, person, cgi FROM ${recordsSql('$homes', ['g', 'person', 'cgi'])}),
      -- Each person with each of their line's numbers, as an unordered pair (a person is never a line number), so
      -- one pass over the events finds the contacts from either side's records.
      person_lines AS MATERIALIZED (
        SELECT p.pid, least(p.person, lg.n) AS lo, greatest(p.person, lg.n) AS hi
        FROM persons p JOIN line_groups lg ON lg.g = p.g),
      person_homes AS MATERIALIZED (SELECT p.pid, h.person, h.cgi FROM persons p JOIN homes h ON h.g = p.g AND h.person = p.person),
      contacts AS (
        SELECT DISTINCT pl.pid, e.start_utc AS t, e.event_type AS typ
        FROM events_unique e JOIN person_lines pl
          ON pl.lo = least(e.target_msisdn, e.other_msisdn) AND pl.hi = greatest(e.target_msisdn, e.other_msisdn)
        WHERE ${isContactTypeSql('e.event_type')} AND e.target_msisdn IS NOT NULL AND e.other_msisdn IS NOT NULL),
      per_day AS (SELECT pid, (${localTimeSql('t')})::DATE AS day, count(*) AS n FROM contacts GROUP BY ALL),
      own_rows AS MATERIALIZED (
        SELECT e.target_msisdn, e.start_cgi, ${localTimeSql('e.start_utc')} AS lt FROM events_unique e
        WHERE e.target_msisdn IN (SELECT person FROM persons) AND e.start_cgi IN (SELECT cgi FROM person_homes)),
      own_night AS (
        SELECT DISTINCT h.pid, ${nightOf('e.lt', asLocal)} AS day
        FROM own_rows e JOIN person_homes h ON h.person = e.target_msisdn AND h.cgi = e.start_cgi
        WHERE ${inNight('e.lt', asLocal)}),
      lead_pids AS MATERIALIZED (SELECT l.*, p.pid FROM leads l JOIN persons p ON p.g = l.g AND p.person = l.person),
      night_pids AS MATERIALIZED (SELECT n.lead, l.pid, n.day FROM lead_nights n JOIN lead_pids l ON l.lead = n.lead),
      contacts_around AS (
        SELECT l.lead, coalesce(sum(d.n) FILTER (WHERE d.day < l.first), 0) AS before,
          coalesce(sum(d.n) FILTER (WHERE d.day >= l.first), 0) AS during
        FROM lead_pids l LEFT JOIN per_day d
          ON d.pid = l.pid AND d.day >= l.first - $baselineDays::INTEGER AND d.day <= l.last
        GROUP BY l.lead),
      own_at AS (
        SELECT n.lead, count(*) AS nights FROM night_pids n JOIN own_night o ON o.pid = n.pid AND o.day = n.day
        GROUP BY n.lead)
      SELECT c.lead, c.before::BIGINT AS contacts_before, c.during::BIGINT AS contacts_during,
        coalesce(o.nights, 0) AS own_nights
      FROM contacts_around c LEFT JOIN own_at o ON o.lead = c.lead ORDER BY c.lead`,
  },
  params: ['groups', 'numbers', 'homes', 'leads', 'baselineDays', 'zone', 'nightStartHour', 'nightEndHour'],
  row: (r) => ({
    lead: Number(r['lead']),
    contacts_before: Number(r['contacts_before']),
    contacts_during: Number(r['contacts_during']),
    own_nights: Number(r['own_nights']),
  }),
}
