/**
 * Local wall-clock time of UTC instants in the analysis zone (`$zone`), for queries that convert millions of rows.
 *
 * Converting each row through ICU costs about 0.6 µs; a zone's offset only changes on a quarter hour, so the offset
 * of every quarter hour the case spans is computed once (through ICU, from the same tz data) and each row reads
 * its quarter's offset from that list. A quarter whose offset changes inside it (no zone since 1970 has one), and
 * any instant outside the case's span, falls back to ICU: the result is the same as `timezone()` for every row.
 *
 * @example
 * const sql = `WITH ${ZONE_QUARTERS_CTE}, ev AS (SELECT ${localTimeSql('start_utc')} AS local_ts FROM events_unique)
 *   SELECT local_ts::DATE AS day, count(*) FROM ev GROUP BY day`
 */

/** Quarter-hour width in microseconds, the list's step. */
const QUARTER_US = 900_000_000

/**
 * CTE `zone_quarters`: one row with `base` (the first quarter hour of the case's records) and `offs` (the zone's
 * offset for each quarter hour from there to the last record; NULL where the offset changes inside the quarter).
 */
export const ZONE_QUARTERS_CTE = `zone_quarters AS (
  SELECT min(q) AS base, list(CASE WHEN a = b THEN a END ORDER BY q) AS offs FROM (
    SELECT q, timezone($zone, timezone('UTC', q)) - q AS a,
      timezone($zone, timezone('UTC', q + INTERVAL ${QUARTER_US - 1} MICROSECOND)) - (q + INTERVAL ${QUARTER_US - 1} MICROSECOND) AS b
    FROM (
      SELECT unnest(range(time_bucket(INTERVAL 15 MINUTE, min(start_utc)), max(start_utc) + INTERVAL 15 MINUTE,
        INTERVAL 15 MINUTE)) AS q
      FROM events
    )
  )
)`

/** The local time (TIMESTAMP) of a UTC timestamp column; the query must include `ZONE_QUARTERS_CTE`. */
export const localTimeSql = (col: string): string =>
  `coalesce(${col} + (SELECT offs FROM zone_quarters)[(epoch_us(${col}) - epoch_us((SELECT base FROM zone_quarters))) // ${QUARTER_US} + 1], timezone($zone, timezone('UTC', ${col})))`
