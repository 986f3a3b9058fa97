import type { QuerySpec } from '@linesight/store'

/** An IMSI as compared: spaces and dashes removed (the importer keeps the network's text). */
const IMSI = (column: string): string =>
  `nullif(regexp_replace(trim(${column}), '[[:space:]-]', '', 'g'), '')`

const iso = (column: string): string =>
  `CASE WHEN microsecond(${column}) % 1000000 = 0 THEN strftime(${column}, '%Y-%m-%dT%H:%M:%SZ') ELSE strftime(${column}, '%Y-%m-%dT%H:%M:%S.%fZ') END`
const local = (column: string): string =>
  `strftime(timezone($zone, timezone('UTC', ${column})), '%Y-%m-%d %H:%M:%S')`

/** Numbers with a handset or SIM identifier in their records or in subscriber records. */
export const identityNumbersQuery: QuerySpec<{ readonly number: string }, 'from' | 'to'> = {
  id: 'identity-numbers',
  sql: {
    duckdb: `SELECT target_msisdn AS number FROM events_unique
        WHERE (imei IS NOT NULL OR imsi IS NOT NULL)
          AND ($from IS NULL OR start_utc >= timezone('UTC', $from::TIMESTAMPTZ)) AND ($to IS NULL OR start_utc <= timezone('UTC', $to::TIMESTAMPTZ))
      UNION
      SELECT msisdn FROM subscribers WHERE msisdn IS NOT NULL AND (imei IS NOT NULL OR imsi IS NOT NULL)
      ORDER BY number`,
  },
  params: ['from', 'to'],
  row: (r) => ({ number: String(r['number']) }),
}

export interface IdentityUseRow {
  /**
   * `period`: one unbroken run of the number's records carrying the identifier; `use`: all its records carrying it;
   * `link`: its records carrying both the handset `value` and the SIM `partner`.
   */
  readonly level: 'period' | 'use' | 'link'
  readonly number: string
  readonly kind: 'handset' | 'sim'
  /** The 14-digit IMEI core, or the IMSI. */
  readonly value: string
  /** For `link` rows, the IMSI; else null. */
  readonly partner: string | null
  /** Order of the period within the number's handsets (or SIMs); 0 for `use`. */
  readonly run: number
  /** Records carrying the identifier. */
  readonly records: number
  readonly first_utc: string
  readonly last_utc: string
  readonly first_local: string
  readonly last_local: string
  readonly first_id: string
  readonly last_id: string
  /** All the number's records from the first to the last (any type, with or without identifiers). */
  readonly window_records: number
}

/** Records with a handset or SIM identifier, in the window. */
const EV_FILTER = `(imei IS NOT NULL OR imsi IS NOT NULL)
  AND ($from IS NULL OR start_utc >= timezone('UTC', $from::TIMESTAMPTZ)) AND ($to IS NULL OR start_utc <= timezone('UTC', $to::TIMESTAMPTZ))`

/** The first or last of rows by (t, id), from per-group `first_t`/`first_id` (or `last_…`) columns. */
const firstOf = (t: string, id: string): string => `arg_min(${id}, (${t}, ${id}))`
const lastOf = (t: string, id: string): string => `arg_max(${id}, (${t}, ${id}))`

/**
 * The handsets (IMEI, compared on the 14-digit core) and SIMs (IMSI) in the records of the given numbers and of
 * every other number that used one of their handsets or SIMs, in the records or in subscriber records. For each
 * number: each identifier's use (first, last, records) and its periods, where a period ends when a record of the
 * number carries a different identifier of the same kind (records without one are passed over).
 *
 * The distinct number, handset and SIM combinations of the records (`pairs`) give the numbers in scope, whose
 * records are summed per combination (`combos`); everything else starts from those sums. When the uses of one kind by one number do not overlap in time, each use is one period; only numbers whose
 * uses interleave (`mixed`) have their records walked in order.
 */
export const identityUseQuery: QuerySpec<IdentityUseRow, 'numbers' | 'from' | 'to' | 'zone'> = {
  id: 'identity-use',
  sql: {
    duckdb: `WITH given AS MATERIALIZED (SELECT DISTINCT unnest($numbers::VARCHAR[]) AS number),
      pairs AS MATERIALIZED (
        SELECT DISTINCT number, imei, ${IMSI('imsi')} AS imsi
        FROM (SELECT DISTINCT target_msisdn AS number, imei, imsi FROM events_unique WHERE ${EV_FILTER})
      ),
      sub AS MATERIALIZED (SELECT msisdn AS number, imei, ${IMSI('imsi')} AS imsi FROM subscribers),
      own AS MATERIALIZED (
        SELECT imei, imsi FROM pairs SEMI JOIN given USING (number)
        UNION ALL SELECT imei, imsi FROM sub SEMI JOIN given USING (number)
      ),
      scope AS MATERIALIZED (
        SELECT number FROM given
        UNION SELECT number FROM pairs WHERE imei IN (SELECT imei FROM own) OR imsi IN (SELECT imsi FROM own)
        UNION SELECT number FROM sub WHERE imei IN (SELECT imei FROM own) OR imsi IN (SELECT imsi FROM own)
      ),
      combos AS MATERIALIZED (
        SELECT number, imei, ${IMSI('imsi')} AS imsi, sum(records) AS records, min(first_t) AS first_t,
          max(last_t) AS last_t, ${firstOf('first_t', 'first_id')} AS first_id, ${lastOf('last_t', 'last_id')} AS last_id
        FROM (
          SELECT target_msisdn AS number, imei, imsi, count(*) AS records, min(start_utc) AS first_t,
            max(start_utc) AS last_t, ${firstOf('start_utc', 'id')} AS first_id, ${lastOf('start_utc', 'id')} AS last_id
          FROM events_unique
          WHERE ${EV_FILTER} AND target_msisdn IN (SELECT number FROM scope)
          GROUP BY target_msisdn, imei, imsi
        )
        GROUP BY number, imei, ${IMSI('imsi')}
      ),
      kinds AS (
        SELECT number, 'handset' AS kind, imei AS value, records, first_t, last_t, first_id, last_id
        FROM combos WHERE imei IS NOT NULL
        UNION ALL
        SELECT number, 'sim' AS kind, imsi AS value, records, first_t, last_t, first_id, last_id
        FROM combos WHERE imsi IS NOT NULL
      ),
      uses AS MATERIALIZED (
        SELECT number, kind, value, sum(records) AS records, min(first_t) AS first_t, max(last_t) AS last_t,
          ${firstOf('first_t', 'first_id')} AS first_id, ${lastOf('last_t', 'last_id')} AS last_id
        FROM kinds GROUP BY number, kind, value
      ),
      -- A number's uses of one kind overlap when one starts before the one before it (in time, then id) ended.
      mixed AS MATERIALIZED (
        SELECT DISTINCT number, kind FROM (
          SELECT number, kind, first_t, first_id, lag(last_t) OVER w AS prev_t, lag(last_id) OVER w AS prev_id
          FROM uses WINDOW w AS (PARTITION BY number, kind ORDER BY first_t, first_id)
        )
        WHERE prev_t IS NOT NULL AND NOT (first_t > prev_t OR (first_t = prev_t AND first_id > prev_id))
      ),
      ev AS (
        SELECT id, target_msisdn AS number, imei, ${IMSI('imsi')} AS imsi, start_utc AS t FROM events_unique
        WHERE ${EV_FILTER} AND target_msisdn IN (SELECT number FROM mixed)
      ),
      ids AS (
        SELECT id, number, 'handset' AS kind, imei AS value, t FROM ev
        WHERE imei IS NOT NULL AND (number, 'handset') IN (SELECT (number, kind) FROM mixed)
        UNION ALL
        SELECT id, number, 'sim' AS kind, imsi AS value, t FROM ev
        WHERE imsi IS NOT NULL AND (number, 'sim') IN (SELECT (number, kind) FROM mixed)
      ),
      marked AS (
        SELECT *, CASE WHEN value = lag(value) OVER (PARTITION BY number, kind ORDER BY t, id) THEN 0 ELSE 1 END AS starts
        FROM ids
      ),
      runs AS (
        SELECT *, sum(starts) OVER (PARTITION BY number, kind ORDER BY t, id ROWS UNBOUNDED PRECEDING) AS run FROM marked
      ),
      grouped AS MATERIALIZED (
        SELECT row_number() OVER () AS gid, * FROM (
          SELECT 'period' AS level, number, kind, any_value(value) AS value, NULL::VARCHAR AS partner, run,
            count(*) AS records, min(t) AS first_t, max(t) AS last_t, first(id ORDER BY t, id) AS first_id,
            last(id ORDER BY t, id) AS last_id
          FROM runs GROUP BY number, kind, run
          UNION ALL
          SELECT 'period' AS level, number, kind, value, NULL::VARCHAR AS partner,
            row_number() OVER (PARTITION BY number, kind ORDER BY first_t, first_id) AS run, records, first_t, last_t,
            first_id, last_id
          FROM uses WHERE (number, kind) NOT IN (SELECT (number, kind) FROM mixed)
          UNION ALL
          SELECT 'use' AS level, number, kind, value, NULL::VARCHAR AS partner, 0 AS run, records, first_t, last_t,
            first_id, last_id
          FROM uses
          UNION ALL
          SELECT 'link' AS level, number, 'handset' AS kind, imei AS value, imsi AS partner, 0 AS run, records,
            first_t, last_t, first_id, last_id
          FROM combos WHERE imei IS NOT NULL AND imsi IS NOT NULL
        )
      ),
      counted AS (
        SELECT g.gid, count(*) AS window_records
        FROM grouped g JOIN events_unique x ON x.target_msisdn = g.number AND x.start_utc BETWEEN g.first_t AND g.last_t
        GROUP BY g.gid
      )
      SELECT g.level, g.number, g.kind, g.value, g.partner, g.run::BIGINT AS run, g.records,
        ${iso('g.first_t')} AS first_utc, ${iso('g.last_t')} AS last_utc,
        ${local('g.first_t')} AS first_local, ${local('g.last_t')} AS last_local,
        g.first_id, g.last_id, c.window_records
      FROM grouped g JOIN counted c USING (gid)
      ORDER BY g.number, g.level, g.kind, g.first_t, g.run, g.value, g.partner`,
  },
  params: ['numbers', 'from', 'to', 'zone'],
  row: (r) => ({
    level: r['level'] as 'period' | 'use' | 'link',
    number: String(r['number']),
    kind: r['kind'] as 'handset' | 'sim',
    value: String(r['value']),
    partner: (r['partner'] as string | null) ?? null,
    run: Number(r['run']),
    records: Number(r['records']),
    first_utc: String(r['first_utc']),
    last_utc: String(r['last_utc']),
    first_local: String(r['first_local']),
    last_local: String(r['last_local']),
    first_id: String(r['first_id']),
    last_id: String(r['last_id']),
    window_records: Number(r['window_records']),
  }),
}

export interface SubscriberRow {
  readonly id: string
  readonly source_file: string
  readonly source_row: number
  readonly msisdn: string | null
  readonly imsi: string | null
  readonly imei: string | null
  readonly valid_from: string | null
  readonly valid_to: string | null
  readonly account_type: string | null
}

/** Subscriber records naming one of the numbers, or an IMEI or IMSI among `$imeis`/`$imsis`. */
export const subscriberLinksQuery: QuerySpec<SubscriberRow, 'numbers' | 'imeis' | 'imsis'> = {
  id: 'subscriber-links',
  sql: {
    duckdb: `SELECT s.id, f.original_name AS source_file, s.source_row, s.msisdn, ${IMSI('s.imsi')} AS imsi, s.imei,
        strftime(s.valid_from, '%Y-%m-%d') AS valid_from, strftime(s.valid_to, '%Y-%m-%d') AS valid_to,
        s.account_type
      FROM subscribers s JOIN source_files f ON f.id = s.source_file_id
      WHERE s.msisdn IN (SELECT unnest($numbers::VARCHAR[])) OR s.imei IN (SELECT unnest($imeis::VARCHAR[]))
        OR ${IMSI('s.imsi')} IN (SELECT unnest($imsis::VARCHAR[]))
      ORDER BY s.msisdn, s.valid_from, s.id`,
  },
  params: ['numbers', 'imeis', 'imsis'],
  row: (r) => ({
    id: String(r['id']),
    source_file: String(r['source_file']),
    source_row: Number(r['source_row']),
    msisdn: (r['msisdn'] as string | null) ?? null,
    imsi: (r['imsi'] as string | null) ?? null,
    imei: (r['imei'] as string | null) ?? null,
    valid_from: (r['valid_from'] as string | null) ?? null,
    valid_to: (r['valid_to'] as string | null) ?? null,
    account_type: (r['account_type'] as string | null) ?? null,
  }),
}
