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

/**
 * The dumps' cells, one row per dump and cell id with the LACs/TACs given for it, so that an event matches each dump
 * at most once (two entries for one cell, with and without a LAC, would otherwise count it twice).
 */
const DUMP_CELLS = `d AS (
      SELECT CAST(i AS INTEGER) AS dump, mcc, mnc, lac, ci, CAST(CAST(f AS TIMESTAMPTZ) AS TIMESTAMP) AS f,
        CAST(CAST(t AS TIMESTAMPTZ) AS TIMESTAMP) AS t
      FROM (SELECT unnest($dumpIndex::VARCHAR[]) AS i, unnest($mccs::VARCHAR[]) AS mcc, unnest($mncs::VARCHAR[]) AS mnc,
        unnest($lacs::VARCHAR[]) AS lac, unnest($cis::VARCHAR[]) AS ci, unnest($froms::VARCHAR[]) AS f,
        unnest($tos::VARCHAR[]) AS t)
    ),
    g AS (SELECT dump, mcc, mnc, ci, f, t, list(lac) AS lacs FROM d GROUP BY dump, mcc, mnc, ci, f, t)`

/**
 * Events (of records with a target number) on a dump's cells in its window, once per dump. A cell matches on MCC,
 * MNC and cell id, and on the LAC/TAC when both sides give one.
 */
const DUMP_EVENTS = `SELECT g.dump, e.target_msisdn, e.other_msisdn, e.start_utc, e.start_cgi
      FROM events_unique e JOIN g ON e.start_ci = g.ci AND e.start_mcc = g.mcc AND e.start_mnc = g.mnc
      WHERE (e.start_lac IS NULL OR e.start_lac = '' OR list_contains(g.lacs, e.start_lac) OR list_contains(g.lacs, ''))
        AND e.start_utc BETWEEN g.f AND g.t AND e.target_msisdn IS NOT NULL`

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

/** Per dump: how many events (of records with a target number) and distinct numbers fell on its cells in its window. */
export interface DumpTotalRow {
  readonly role: 'total'
  readonly dump: number
  readonly events: number
  readonly numbers: readonly string[]
  readonly cgis: readonly string[]
}

const list = (v: unknown): readonly string[] => (Array.isArray(v) ? v.map(String) : [])

export type DumpParam =
  'dumpIndex' | 'mccs' | 'mncs' | 'lacs' | 'cis' | 'froms' | 'tos' | 'minDumps' | 'limit'

/**
 * Events on the dumps' cells in their windows (parallel lists: one entry per dump and cell; `$froms`/`$tos` UTC ISO
 * text). A cell matches on MCC, MNC and cell id, and on the LAC/TAC when both sides give one. `present`: the record's
 * target; `contacted`: the record's other party. Numbers at `$minDumps` or more dumps, ranked by dumps then events,
 * followed by one `total` row per dump with events on its cells.
 *
 * The events are read twice: once into per-dump counts of every number (both roles and the dump's cells in one
 * grouping pass), then again for the ranked numbers only, to list their cells and targets.
 */
export const dumpHitsQuery: QuerySpec<DumpHitRow | DumpTotalRow, DumpParam> = {
  id: 'common-numbers',
  sql: {
    duckdb: `WITH ${DUMP_CELLS},
    hits AS NOT MATERIALIZED (${DUMP_EVENTS}),
    -- One pass: each number per dump as target and as other party, and the dump's cells (told apart by grouping()).
    sets AS MATERIALIZED (
      SELECT dump, target_msisdn, other_msisdn, start_cgi, grouping(target_msisdn, other_msisdn, start_cgi) AS gs,
        count(*) AS events, min(start_utc) AS first_ts, max(start_utc) AS last_ts
      FROM hits GROUP BY GROUPING SETS ((dump, target_msisdn), (dump, other_msisdn), (dump, start_cgi))
    ),
    per_dump AS MATERIALIZED (
      SELECT 'present' AS role, target_msisdn AS number, dump, events, first_ts, last_ts FROM sets WHERE gs = 3
      UNION ALL
      SELECT 'contacted', other_msisdn, dump, events, first_ts, last_ts FROM sets WHERE gs = 5 AND other_msisdn IS NOT NULL
    ),
    ranked AS MATERIALIZED (
      SELECT role, number, count(*) AS dumps, sum(events) AS total FROM per_dump GROUP BY role, number
      HAVING count(*) >= $minDumps
      QUALIFY row_number() OVER (PARTITION BY role ORDER BY count(*) DESC, sum(events) DESC, number) <= $limit
    ),
    -- Cells and targets are listed for the ranked numbers only: listing them for every number costs the memory.
    marked AS (
      SELECT h.dump, h.start_cgi, h.target_msisdn, h.other_msisdn, p.number IS NOT NULL AS is_present,
        c.number IS NOT NULL AS is_contacted
      FROM hits h LEFT JOIN (SELECT number FROM ranked WHERE role = 'present') p ON p.number = h.target_msisdn
        LEFT JOIN (SELECT number FROM ranked WHERE role = 'contacted') c ON c.number = h.other_msisdn
      WHERE p.number IS NOT NULL OR c.number IS NOT NULL
    ),
    detail AS (
      SELECT 'present' AS role, target_msisdn AS number, dump, list(DISTINCT start_cgi ORDER BY start_cgi) AS cgis,
        []::VARCHAR[] AS targets
      FROM marked WHERE is_present GROUP BY target_msisdn, dump
      UNION ALL
      SELECT 'contacted', other_msisdn, dump, list(DISTINCT start_cgi ORDER BY start_cgi),
        list(DISTINCT target_msisdn ORDER BY target_msisdn)
      FROM marked WHERE is_contacted GROUP BY other_msisdn, dump
    )
    SELECT * FROM (
    SELECT p.role, p.number, p.dump, p.events, ${isoUtc('p.first_ts')} AS first_utc, ${isoUtc('p.last_ts')} AS last_utc,
      x.cgis, x.targets, NULL::VARCHAR[] AS numbers, r.dumps, r.total
    FROM per_dump p JOIN ranked r ON r.role = p.role AND r.number = p.number
      JOIN detail x ON x.role = p.role AND x.number = p.number AND x.dump = p.dump
    UNION ALL
    SELECT 'total', NULL, dump, sum(events) FILTER (WHERE gs = 3), NULL, NULL, list(start_cgi ORDER BY start_cgi) FILTER (WHERE gs = 6),
      NULL, list(target_msisdn ORDER BY target_msisdn) FILTER (WHERE gs = 3), NULL, NULL
    FROM sets WHERE gs IN (3, 6) GROUP BY dump
    )
    ORDER BY role = 'total', role DESC, dumps DESC, total DESC, number, dump`,
  },
  params: ['dumpIndex', 'mccs', 'mncs', 'lacs', 'cis', 'froms', 'tos', 'minDumps', 'limit'],
  row: (r: SqlRow): DumpHitRow | DumpTotalRow =>
    r['role'] === 'total'
      ? {
          role: 'total',
          dump: Number(r['dump']),
          events: Number(r['events']),
          numbers: list(r['numbers']),
          cgis: list(r['cgis']),
        }
      : {
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
        },
}
