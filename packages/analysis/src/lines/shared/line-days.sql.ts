import { daySql } from './sql.js'

/**
 * `line_days`: every local day (`day`, yyyy-mm-dd, and `d`) from the first to the last record of or with the line
 * (or the `$from`/`$to` window), quiet days too. Follows `lineContactCtes()`, whose `line_own` and `line_other` hold
 * the records of and with the line, so the events are not read again. Parameters: `$zone`, `$from`, `$to`.
 */
export const lineDaysCte = (): string => `line_days AS (
  SELECT d, strftime(d, '%Y-%m-%d') AS day
  FROM (
    SELECT coalesce($from::DATE, min(day)) AS first_day, coalesce($to::DATE, max(day)) AS last_day
    FROM (
      SELECT ${daySql('start_utc')} AS day FROM line_own
      UNION ALL
      SELECT ${daySql('start_utc')} FROM line_other
    )
  ) span, range(first_day::TIMESTAMP, last_day::TIMESTAMP + INTERVAL 1 DAY, INTERVAL 1 DAY) AS t(d)
  WHERE first_day IS NOT NULL AND last_day IS NOT NULL
)`

/** The days of `line_days` in order, as one list column (empty when the line has no records). */
export const lineDaysListSql = `(SELECT list(day ORDER BY d) FROM line_days)`

export const readDays = (v: unknown): readonly string[] => ((v as readonly string[] | null) ?? []).map(String)
