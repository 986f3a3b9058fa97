/**
 * SQL fragments the line analyses share (DuckDB dialect). Every fragment reads `events_unique` and takes its
 * thresholds as named parameters, never as literals.
 */

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

/** A nested column sent as JSON text (`jsonSql`), parsed; null stays null. */
export const fromJson = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v)

/** A UTC timestamp column as local wall-clock time in the analysis zone (`$zone`). */
export const localSql = (col: string): string => `timezone($zone, timezone('UTC', ${col}))`

/** The local calendar day (DATE) of a UTC timestamp column. */
export const daySql = (col: string): string => `${localSql(col)}::DATE`

/** Record types that are contacts between two numbers (data sessions and the rest never count). */
export const CONTACT_TYPES_SQL = `('voice', 'sms', 'mms')`

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
 * - `chained`: each text with its chain number per sender (a new chain starts when the gap exceeds `$gap_us`) and
 *   `seq`, its place in the sender's texts by (us, id): an integer key orders a sender's rows far faster than the pair;
 * - `burst_chains`: chains with at least `$min_recipients` distinct recipients (the bursts);
 * - `flares`: the texts of those bursts.
 * Parameters: `$flare_types` (VARCHAR[]), `$gap_us`, `$min_recipients`.
 */
export const flareCtes = (senderCondition: string, source = 'events_unique'): string => `
out_texts AS (
  SELECT id, target_msisdn AS sender, start_utc, start_precision, epoch_us(start_utc) AS us,
    coalesce(other_msisdn, other_raw) AS recipient, other_kind, other_raw
  FROM ${source}
  WHERE ${senderCondition} AND direction = 'out' AND list_contains($flare_types::VARCHAR[], event_type)
    AND coalesce(other_msisdn, other_raw) IS NOT NULL
),
chained AS (
  SELECT *, sum(starts) OVER (PARTITION BY sender ORDER BY us, id ROWS UNBOUNDED PRECEDING) AS chain,
    row_number() OVER (PARTITION BY sender ORDER BY us, id) AS seq
  FROM (
    SELECT *, CASE WHEN lag(us) OVER (PARTITION BY sender ORDER BY us, id) IS NULL
        OR us - lag(us) OVER (PARTITION BY sender ORDER BY us, id) > $gap_us THEN 1 ELSE 0 END AS starts
    FROM out_texts
  )
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
