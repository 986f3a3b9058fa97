import { isContactTypeSql, isKnownDirectionSql } from '../../core/one-of.sql.js'

/** Voice, SMS and MMS rows between two known numbers (the rows `contactsCte` of continuity/common/line-sql keeps). */
export const CONTACT_ROWS = `${isContactTypeSql('event_type')} AND ${isKnownDirectionSql('direction')}
    AND target_msisdn IS NOT NULL AND other_msisdn IS NOT NULL`

/** The event columns `sidedCte` reads. */
export const CONTACT_COLUMNS = 'id, target_msisdn, other_msisdn, direction, event_type, start_utc'

/**
 * `sided`: each row of `rows` (`CONTACT_COLUMNS`) from both parties' side, as `contactsCte` gives them (`a`, `b`,
 * `dir` from `a`'s side, `t`, `typ`, `owner` the number whose records hold the row, `id`) but unfiltered: the
 * caller's join on `a` or `b` keeps the rows of its scope. Not materialized, so those joins filter each side.
 */
export const sidedCte = (rows: string): string => `sided AS NOT MATERIALIZED (
  SELECT target_msisdn AS a, other_msisdn AS b, direction AS dir, start_utc AS t, event_type AS typ,
    target_msisdn AS owner, id
  FROM ${rows}
  UNION ALL
  SELECT other_msisdn, target_msisdn, CASE direction WHEN 'out' THEN 'in' ELSE 'out' END, start_utc, event_type,
    target_msisdn, id
  FROM ${rows})`

/**
 * `contact_rows` (the contact rows with a party in `scope`, read in one scan of the events where `contactsCte`
 * reads two) and `sided` over them.
 */
export const sidedContactsCte = (scope: string): string => `contact_rows AS MATERIALIZED (
  SELECT ${CONTACT_COLUMNS} FROM events_unique
  WHERE ${CONTACT_ROWS} AND (target_msisdn IN (${scope}) OR other_msisdn IN (${scope}))),
${sidedCte('contact_rows')}`
