import { localTimeSql } from '../../core/local-time.sql.js'
import { fromJson, jsonSql } from './sql.js'

/**
 * `line_days`: for each line, every local day (`day`, yyyy-mm-dd, and `d`) from the first to the last record of or
 * with the line (or the `$from`/`$to` window), quiet days too. Follows `lineContactCtes()`, whose `line_own` and
 * `line_other` hold the records of and with the lines, so the events are not read again. Parameters: `$zone`,
 * `$from`, `$to`.
 */
export const lineDaysCte = (): string => `line_days AS (
  SELECT line, d, strftime(d, '%Y-%m-%d') AS day
  FROM (
    -- From lines, so a line without records still gets the days of a window given in full.
    SELECT l.line, coalesce($from::DATE, r.first_day) AS first_day, coalesce($to::DATE, r.last_day) AS last_day
    FROM lines l LEFT JOIN (
      SELECT line, min(day) AS first_day, max(day) AS last_day
      FROM (
        SELECT line, (${localTimeSql('start_utc')})::DATE AS day FROM line_own
        UNION ALL
        SELECT line, (${localTimeSql('start_utc')})::DATE FROM line_other
      )
      GROUP BY line
    ) r USING (line)
  ) span, range(first_day::TIMESTAMP, last_day::TIMESTAMP + INTERVAL 1 DAY, INTERVAL 1 DAY) AS t(d)
  WHERE first_day IS NOT NULL AND last_day IS NOT NULL
),
line_days_list AS (SELECT line, ${jsonSql('list(day ORDER BY d)')} AS days FROM line_days GROUP BY line)`

export const readDays = (v: unknown): readonly string[] =>
  ((fromJson(v) as readonly string[] | null) ?? []).map(String)
