import type { QuerySpec, SqlRow } from '@linesight/store'
import { haversineSql, isoUtc, utcParam } from '../../locations/common/located-events.sql.js'

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v))
const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v))
const list = (v: unknown): readonly string[] => (Array.isArray(v) ? v.map(String) : [])

/** The places, as parallel lists (`$ids`, `$lats`, `$lons`, `$radii`; numbers as text, '' for no radius). */
const placesCte = `p AS (
      SELECT unnest($ids::VARCHAR[]) AS place, CAST(unnest($lats::VARCHAR[]) AS DOUBLE) AS plat,
        CAST(unnest($lons::VARCHAR[]) AS DOUBLE) AS plon, CAST(nullif(unnest($radii::VARCHAR[]), '') AS DOUBLE) AS radius
    )`

/** A cell within reach of a place: the cell-list row valid in the window, preferred by source. */
export interface CandidateRow {
  readonly place: string
  readonly cgi: string
  readonly mcc: string
  readonly mnc: string
  readonly lac: string
  readonly ci: string
  readonly technology: string
  readonly site_id: string | null
  readonly site_name: string | null
  readonly lat: number
  readonly lon: number
  readonly azimuth: number | null
  readonly beamwidth: number | null
  readonly source_kind: string
  readonly valid_from: string | null
  readonly valid_to: string | null
}

export type CandidateParam = 'ids' | 'lats' | 'lons' | 'radii' | 'maxDistance' | 'from' | 'to' | 'surveyed'

/**
 * Cells whose position is within `$maxDistance` metres of each place, plus cells a survey saw at the place
 * (`$surveyed`: `place|cgi` keys) wherever they are. Per cell one row: a network (or record) row before a
 * public-fallback one, among rows valid at some time in the window, the latest `valid_from`.
 */
export const candidateCellsQuery: QuerySpec<CandidateRow, CandidateParam> = {
  id: 'places-candidate-cells',
  sql: {
    duckdb: `WITH ${placesCte},
    near AS (
      SELECT DISTINCT p.place, c.cgi FROM p JOIN cells c
        ON c.lat BETWEEN p.plat - $maxDistance / 110000.0 AND p.plat + $maxDistance / 110000.0
      WHERE c.lat IS NOT NULL AND c.lon IS NOT NULL
        AND ${haversineSql('p.plat', 'p.plon', 'c.lat', 'c.lon')} <= $maxDistance
      UNION
      SELECT split_part(k, '|', 1), split_part(k, '|', 2) FROM (SELECT unnest($surveyed::VARCHAR[]) AS k)
    )
    SELECT n.place, c.cgi, c.mcc, c.mnc, c.lac, c.ci, c.technology, c.site_id, c.site_name, c.lat, c.lon, c.azimuth,
      c.beamwidth, c.source_kind, ${isoUtc('c.valid_from')} AS valid_from, ${isoUtc('c.valid_to')} AS valid_to
    FROM near n JOIN cells c ON c.cgi = n.cgi
    WHERE c.lat IS NOT NULL AND c.lon IS NOT NULL
      AND ($to IS NULL OR c.valid_from IS NULL OR c.valid_from <= ${utcParam('to')})
      AND ($from IS NULL OR c.valid_to IS NULL OR c.valid_to >= ${utcParam('from')})
    QUALIFY row_number() OVER (PARTITION BY n.place, c.cgi ORDER BY c.source_kind = 'public-fallback',
      c.valid_from DESC NULLS LAST, c.id) = 1
    ORDER BY n.place, c.cgi`,
  },
  params: ['ids', 'lats', 'lons', 'radii', 'maxDistance', 'from', 'to', 'surveyed'],
  row: (r: SqlRow): CandidateRow => ({
    place: String(r['place']),
    cgi: String(r['cgi']),
    mcc: String(r['mcc']),
    mnc: String(r['mnc']),
    lac: String(r['lac']),
    ci: String(r['ci']),
    technology: String(r['technology']),
    site_id: str(r['site_id']),
    site_name: str(r['site_name']),
    lat: Number(r['lat']),
    lon: Number(r['lon']),
    azimuth: num(r['azimuth']),
    beamwidth: num(r['beamwidth']),
    source_kind: String(r['source_kind']),
    valid_from: str(r['valid_from']),
    valid_to: str(r['valid_to']),
  }),
}

/** What surveys for a place saw of one cell. */
export interface SurveyRow {
  readonly place: string
  readonly cgi: string
  readonly readings: number
  readonly serving: number
  readonly best_dbm: number | null
  readonly kinds: readonly string[]
  readonly first_surveyed: string
  readonly last_surveyed: string
}

/**
 * Survey readings for each place: those recorded for it, and those taken within its radius (else
 * `$surveyRadius` metres) of it.
 */
export const surveyQuery: QuerySpec<SurveyRow, 'ids' | 'lats' | 'lons' | 'radii' | 'surveyRadius'> = {
  id: 'places-surveys',
  sql: {
    duckdb: `WITH ${placesCte}
    SELECT p.place, s.cgi, count(*) AS readings, count(*) FILTER (WHERE s.serving) AS serving, max(s.signal_dbm) AS best_dbm,
      list(DISTINCT s.survey_kind ORDER BY s.survey_kind) AS kinds, ${isoUtc('min(s.surveyed_at)')} AS first_surveyed,
      ${isoUtc('max(s.surveyed_at)')} AS last_surveyed
    FROM p JOIN survey_readings s ON s.place_id = p.place
      OR ${haversineSql('p.plat', 'p.plon', 's.lat', 's.lon')} <= coalesce(p.radius, $surveyRadius)
    GROUP BY p.place, s.cgi
    ORDER BY p.place, s.cgi`,
  },
  params: ['ids', 'lats', 'lons', 'radii', 'surveyRadius'],
  row: (r: SqlRow): SurveyRow => ({
    place: String(r['place']),
    cgi: String(r['cgi']),
    readings: Number(r['readings']),
    serving: Number(r['serving']),
    best_dbm: num(r['best_dbm']),
    kinds: list(r['kinds']),
    first_surveyed: String(r['first_surveyed']),
    last_surveyed: String(r['last_surveyed']),
  }),
}

/** One number's events on one listed cell of a place, within the window and the cell row's validity. */
export interface PlaceUseRow {
  readonly place: string
  readonly cell: string
  readonly number: string
  readonly events: number
  readonly first_utc: string
  readonly last_utc: string
  readonly cgis: readonly string[]
  /** Bounds the evidence filter uses: the window cut to the cell row's validity (null: open). */
  readonly from_utc: string | null
  readonly to_utc: string | null
  readonly ids: readonly string[]
}

export type PlaceUseParam =
  | 'places'
  | 'cgis'
  | 'mccs'
  | 'mncs'
  | 'lacs'
  | 'cis'
  | 'techs'
  | 'validFroms'
  | 'validTos'
  | 'targets'
  | 'from'
  | 'to'

/**
 * Events on the listed cells (parallel lists per place and cell; validity bounds as ISO text, '' for open), by
 * number. `$targets` empty means every number. A cell matches as in the located-events lookup.
 */
export const placeUseQuery: QuerySpec<PlaceUseRow, PlaceUseParam> = {
  id: 'places-events',
  sql: {
    duckdb: `WITH k AS (
      SELECT place, cgi, mcc, mnc, lac, ci, tech,
        CASE WHEN $from IS NULL THEN vf WHEN vf IS NULL THEN ${utcParam('from')} ELSE greatest(vf, ${utcParam('from')}) END AS lo,
        CASE WHEN $to IS NULL THEN vt WHEN vt IS NULL THEN ${utcParam('to')} ELSE least(vt, ${utcParam('to')}) END AS hi
      FROM (SELECT unnest($places::VARCHAR[]) AS place, unnest($cgis::VARCHAR[]) AS cgi, unnest($mccs::VARCHAR[]) AS mcc,
        unnest($mncs::VARCHAR[]) AS mnc, unnest($lacs::VARCHAR[]) AS lac, unnest($cis::VARCHAR[]) AS ci,
        unnest($techs::VARCHAR[]) AS tech, CAST(nullif(unnest($validFroms::VARCHAR[]), '') AS TIMESTAMP) AS vf,
        CAST(nullif(unnest($validTos::VARCHAR[]), '') AS TIMESTAMP) AS vt)
    )
    SELECT k.place, k.cgi AS cell, e.target_msisdn AS number, count(*) AS events, ${isoUtc('min(e.start_utc)')} AS first_utc,
      ${isoUtc('max(e.start_utc)')} AS last_utc, list(DISTINCT e.start_cgi ORDER BY e.start_cgi) AS cgis,
      ${isoUtc('any_value(k.lo)')} AS from_utc, ${isoUtc('any_value(k.hi)')} AS to_utc,
      list(e.id ORDER BY e.start_utc, e.id) AS ids
    FROM events_unique e JOIN k ON e.start_ci = k.ci AND e.start_mcc = k.mcc AND e.start_mnc = k.mnc
      AND (coalesce(e.start_lac, '') = k.lac OR (e.start_lac IS NULL AND k.tech IN ('lte', 'nr')))
    WHERE e.target_msisdn IS NOT NULL AND (len($targets::VARCHAR[]) = 0 OR list_contains($targets::VARCHAR[], e.target_msisdn))
      AND (k.lo IS NULL OR e.start_utc >= k.lo) AND (k.hi IS NULL OR e.start_utc <= k.hi)
    GROUP BY k.place, k.cgi, e.target_msisdn
    ORDER BY k.place, e.target_msisdn, k.cgi`,
  },
  params: [
    'places',
    'cgis',
    'mccs',
    'mncs',
    'lacs',
    'cis',
    'techs',
    'validFroms',
    'validTos',
    'targets',
    'from',
    'to',
  ],
  row: (r: SqlRow): PlaceUseRow => ({
    place: String(r['place']),
    cell: String(r['cell']),
    number: String(r['number']),
    events: Number(r['events']),
    first_utc: String(r['first_utc']),
    last_utc: String(r['last_utc']),
    cgis: list(r['cgis']),
    from_utc: str(r['from_utc']),
    to_utc: str(r['to_utc']),
    ids: list(r['ids']),
  }),
}
