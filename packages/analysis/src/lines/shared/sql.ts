/**
 * SQL fragments the line analyses share (DuckDB dialect). Every fragment reads `events_unique` and takes its
 * thresholds as named parameters, never as literals.
 */

import { floorDiv } from '../../core/floor-div.sql.js'

/** A UTC timestamp column as ISO text with `Z`: whole seconds when the source had no fraction, else microseconds. */
export const isoSql = (col: string): string =>
  `CASE WHEN epoch_us(${col}) % 1000000 = 0 THEN strftime(${col}, '%Y-%m-%dT%H:%M:%SZ') ELSE strftime(${col}, '%Y-%m-%dT%H:%M:%S.%fZ') END`

/**
 * A nested column (list or struct) as JSON text: the engine writes it far faster than the driver converts nested
 * values to objects (a quarter less CPU on the per-line figures of 200 lines). Read it back with `fromJson`.
 */
export const jsonSql = (expr: string): string => `to_json(${expr})::VARCHAR`

/**
 * `value` of every row of a group as a list ordered by `key`, which must be unique within the group: sorting the
 * gathered (key, value) pairs costs less than half of `list(value ORDER BY key)`.
 */
export const listByKeySql = (value: string, key: string): string =>
  `list_transform(list_sort(list({k: ${key}, v: ${value}})), x -> x.v)`

/**
 * A group's rows as one JSON array text, each row's `struct` in `order`: the rows are turned into JSON text first
 * and the texts joined, which sorts and copies far less than an ordered list of structs turned into JSON after.
 * Read it back with `fromJson`.
 */
export const jsonListSql = (struct: string, order: string): string =>
  `'[' || string_agg(to_json(${struct})::VARCHAR, ',' ORDER BY ${order}) || ']'`

/** A nested column sent as JSON text (`jsonSql`), parsed; null stays null. */
export const fromJson = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v)

/** A UTC timestamp column as local wall-clock time in the analysis zone (`$zone`). */
export const localSql = (col: string): string => `timezone($zone, timezone('UTC', ${col}))`

/** The local calendar day (DATE) of a UTC timestamp column. */
export const daySql = (col: string): string => `${localSql(col)}::DATE`

/**
 * The earliest and latest instant (epoch microseconds) a record's start can mean: a minute-precision start (e.g.
 * O2) covers its whole minute.
 */
export const spanSql = (alias: string): string =>
  `epoch_us(${alias}.start_utc) AS lo, epoch_us(${alias}.start_utc) + CASE ${alias}.start_precision WHEN 'minute' THEN 59999999 ELSE 0 END AS hi`

/**
 * Flare bursts of the senders matched by `senderCondition` (over `source`, `events_unique` unless a CTE of its rows
 * is given), as CTEs:
 * - `out_texts`: outbound texts of the flare types with an other party;
 * - `chained`: each text with `chain`, its burst within the sender's texts (a new one starts when the gap to the
 *   previous text exceeds `$gap_us`; the number orders a sender's chains by time), and with `ordered`, `seq`: its
 *   place in the sender's texts by (us, id), an integer key that orders a sender's rows far faster than the pair;
 * - `burst_chains`: chains with at least `$min_recipients` distinct recipients (the bursts);
 * - `flares`: the texts of those bursts.
 * Parameters: `$flare_types` (VARCHAR[]), `$gap_us`, `$min_recipients`.
 *
 * A chain starts at a text whose previous one is more than `$gap_us` before it. Each sender's texts are cut into
 * buckets `$gap_us` wide (whole microseconds, at least one): within a bucket no gap exceeds it, so only a bucket's
 * first text can start a chain, and the text before it is the last of the previous bucket when that one is not
 * empty (else it is further away than `$gap_us`). Chains are found per bucket, a window over buckets rather than
 * two window sorts over every text.
 */
export const flareCtes = (senderCondition: string, source = 'events_unique', ordered = false): string => `
out_texts AS (
  SELECT id, target_msisdn AS sender, start_utc, start_precision, epoch_us(start_utc) AS us,
    coalesce(other_msisdn, other_raw) AS recipient, other_kind, other_raw,
    ${floorDiv('epoch_us(start_utc)', 'greatest(floor($gap_us), 1)::BIGINT')} AS bucket
  FROM ${source}
  WHERE ${senderCondition} AND direction = 'out' AND list_contains($flare_types::VARCHAR[], event_type)
    AND coalesce(other_msisdn, other_raw) IS NOT NULL
),
text_buckets AS MATERIALIZED (
  SELECT sender, bucket, min(us) AS first_us, max(us) AS last_us FROM out_texts GROUP BY sender, bucket
),
bucket_chains AS (
  SELECT sender, bucket,
    sum(CASE WHEN starts THEN 1 ELSE 0 END) OVER (PARTITION BY sender ORDER BY bucket ROWS UNBOUNDED PRECEDING) AS chain
  FROM (
    SELECT c.sender, c.bucket, p.last_us IS NULL OR c.first_us - p.last_us > $gap_us AS starts
    FROM text_buckets c LEFT JOIN text_buckets p ON p.sender = c.sender AND p.bucket = c.bucket - 1
  )
),
chained AS (
  SELECT t.*, b.chain${ordered ? ', row_number() OVER (PARTITION BY t.sender ORDER BY t.us, t.id) AS seq' : ''}
  FROM out_texts t JOIN bucket_chains b USING (sender, bucket)
),
burst_chains AS (
  SELECT sender, chain, min(us) AS start_us, max(us) AS end_us, min(start_utc) AS start_utc, max(start_utc) AS end_utc,
    count(*) AS messages, count(DISTINCT recipient) AS recipients
  FROM chained
  GROUP BY sender, chain
  HAVING count(DISTINCT recipient) >= $min_recipients
),
flares AS (SELECT c.* FROM chained c JOIN burst_chains b USING (sender, chain))`

/** The burst parameters as the flare CTEs take them. */
export interface BurstSqlParams {
  readonly flare_types: readonly string[]
  readonly gap_us: number
  readonly min_recipients: number
}
