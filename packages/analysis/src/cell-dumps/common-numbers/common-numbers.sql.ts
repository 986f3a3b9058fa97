import type { QuerySpec, SqlRow } from '@linesight/store'
import { isoUtc } from '../../locations/common/located-events.sql.js'

/** Each window bound read as UTC, or null when it is not a real time (e.g. 30 February). */
export const dumpTimesQuery: QuerySpec<
  { readonly text: string; readonly utc: string | null; readonly ts: number | null },
  'texts'
> = {
  id: 'common-numbers-times',
  sql: {
    duckdb: `SELECT text, ${isoUtc('u')} AS utc, epoch(u) AS ts
      FROM (SELECT text, CAST(try_cast(text AS TIMESTAMPTZ) AS TIMESTAMP) AS u FROM (SELECT unnest($texts::VARCHAR[]) AS text))`,
  },
  params: ['texts'],
  row: (r) => ({
    text: String(r['text']),
    utc: r['utc'] === null ? null : String(r['utc']),
    ts: r['ts'] === null ? null : Number(r['ts']),
  }),
}

/** A number's events on one dump's cells in its window, as the record's target (`present`) or other party. */
export interface DumpHitRow {
  readonly role: 'present' | 'contacted'
  readonly number: string
  readonly dump: number
  readonly events: number
  readonly first_utc: string
  readonly last_utc: string
  readonly cgis: readonly string[]
  /** For `contacted`: the targets whose records name the number. */
  readonly targets: readonly string[]
  readonly dumps: number
  readonly total: number
}

const list = (v: unknown): readonly string[] => (Array.isArray(v) ? v.map(String) : [])

export type DumpParam =
  'dumpIndex' | 'mccs' | 'mncs' | 'lacs' | 'cis' | 'froms' | 'tos' | 'minDumps' | 'limit'

/**
 * Events on the dumps' cells in their windows (parallel lists: one entry per dump and cell; `$froms`/`$tos` UTC ISO
 * text). A cell matches on MCC, MNC and cell id, and on the LAC/TAC when both sides give one. `present`: the record's
 * target; `contacted`: the record's other party. Numbers at `$minDumps` or more dumps, ranked by dumps then events.
 */
export const dumpHitsQuery: QuerySpec<DumpHitRow, DumpParam> = {
  id: 'common-numbers',
  sql: {
    duckdb: `WITH d AS (
      SELECT CAST(i AS INTEGER) AS dump, mcc, mnc, lac, ci, CAST(CAST(f AS TIMESTAMPTZ) AS TIMESTAMP) AS f,
        CAST(CAST(t AS TIMESTAMPTZ) AS TIMESTAMP) AS t
      FROM (SELECT unnest($dumpIndex::VARCHAR[]) AS i, unnest($mccs::VARCHAR[]) AS mcc, unnest($mncs::VARCHAR[]) AS mnc,
        unnest($lacs::VARCHAR[]) AS lac, unnest($cis::VARCHAR[]) AS ci, unnest($froms::VARCHAR[]) AS f,
        unnest($tos::VARCHAR[]) AS t)
    ),
    hits AS MATERIALIZED (
      SELECT DISTINCT d.dump, e.id, e.target_msisdn, e.other_msisdn, e.start_utc, e.start_cgi
      FROM events_unique e JOIN d ON e.start_ci = d.ci AND e.start_mcc = d.mcc AND e.start_mnc = d.mnc
        AND (e.start_lac = d.lac OR e.start_lac IS NULL OR e.start_lac = '' OR d.lac = '')
      WHERE e.start_utc BETWEEN d.f AND d.t
    ),
    roles AS (
      SELECT 'present' AS role, target_msisdn AS number, dump, id, start_utc, start_cgi, NULL AS target FROM hits
      WHERE target_msisdn IS NOT NULL
      UNION ALL
      SELECT 'contacted', other_msisdn, dump, id, start_utc, start_cgi, target_msisdn FROM hits
      WHERE other_msisdn IS NOT NULL AND target_msisdn IS NOT NULL
    ),
    per_dump AS (
      SELECT role, number, dump, count(*) AS events, min(start_utc) AS first_ts, max(start_utc) AS last_ts,
        list(DISTINCT start_cgi ORDER BY start_cgi) AS cgis,
        coalesce(list(DISTINCT target ORDER BY target) FILTER (WHERE target IS NOT NULL), []) AS targets
      FROM roles GROUP BY role, number, dump
    ),
    ranked AS (
      SELECT role, number, count(*) AS dumps, sum(events) AS total FROM per_dump GROUP BY role, number
      HAVING count(*) >= $minDumps
      QUALIFY row_number() OVER (PARTITION BY role ORDER BY count(*) DESC, sum(events) DESC, number) <= $limit
    )
    SELECT p.role, p.number, p.dump, p.events, ${isoUtc('p.first_ts')} AS first_utc, ${isoUtc('p.last_ts')} AS last_utc,
      p.cgis, p.targets, r.dumps, r.total
    FROM per_dump p JOIN ranked r ON r.role = p.role AND r.number = p.number
    ORDER BY p.role DESC, r.dumps DESC, r.total DESC, p.number, p.dump`,
  },
  params: ['dumpIndex', 'mccs', 'mncs', 'lacs', 'cis', 'froms', 'tos', 'minDumps', 'limit'],
  row: (r: SqlRow): DumpHitRow => ({
    role: r['role'] === 'contacted' ? 'contacted' : 'present',
    number: String(r['number']),
    dump: Number(r['dump']),
    events: Number(r['events']),
    first_utc: String(r['first_utc']),
    last_utc: String(r['last_utc']),
    cgis: list(r['cgis']),
    targets: list(r['targets']),
    dumps: Number(r['dumps']),
    total: Number(r['total']),
  }),
}

/** Per dump: how many events (of records with a target number) and distinct numbers fell on its cells in its window. */
export interface DumpTotalRow {
  readonly dump: number
  readonly events: number
  readonly numbers: readonly string[]
  readonly cgis: readonly string[]
}

export const dumpTotalsQuery: QuerySpec<DumpTotalRow, Exclude<DumpParam, 'minDumps' | 'limit'>> = {
  id: 'common-numbers-totals',
  sql: {
    duckdb: `WITH d AS (
      SELECT CAST(i AS INTEGER) AS dump, mcc, mnc, lac, ci, CAST(CAST(f AS TIMESTAMPTZ) AS TIMESTAMP) AS f,
        CAST(CAST(t AS TIMESTAMPTZ) AS TIMESTAMP) AS t
      FROM (SELECT unnest($dumpIndex::VARCHAR[]) AS i, unnest($mccs::VARCHAR[]) AS mcc, unnest($mncs::VARCHAR[]) AS mnc,
        unnest($lacs::VARCHAR[]) AS lac, unnest($cis::VARCHAR[]) AS ci, unnest($froms::VARCHAR[]) AS f,
        unnest($tos::VARCHAR[]) AS t)
    )
    SELECT d.dump, count(DISTINCT e.id) AS events, list(DISTINCT e.target_msisdn ORDER BY e.target_msisdn) AS numbers,
      list(DISTINCT e.start_cgi ORDER BY e.start_cgi) AS cgis
    FROM events_unique e JOIN d ON e.start_ci = d.ci AND e.start_mcc = d.mcc AND e.start_mnc = d.mnc
      AND (e.start_lac = d.lac OR e.start_lac IS NULL OR e.start_lac = '' OR d.lac = '')
    WHERE e.start_utc BETWEEN d.f AND d.t AND e.target_msisdn IS NOT NULL
    GROUP BY d.dump ORDER BY d.dump`,
  },
  params: ['dumpIndex', 'mccs', 'mncs', 'lacs', 'cis', 'froms', 'tos'],
  row: (r: SqlRow): DumpTotalRow => ({
    dump: Number(r['dump']),
    events: Number(r['events']),
    numbers: list(r['numbers']),
    cgis: list(r['cgis']),
  }),
}
