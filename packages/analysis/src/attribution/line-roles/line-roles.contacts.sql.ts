/** Voice, SMS and MMS rows between two known numbers (the rows `contactsCte` keeps). */
const CONTACT_ROWS = `event_type IN ('voice', 'sms', 'mms') AND direction IN ('in', 'out')
    AND target_msisdn IS NOT NULL AND other_msisdn IS NOT NULL`

/**
 * The rows of `contactsCte` (continuity/common/line-sql: `a`, `b`, `dir`, `owner`, `id`, `typ`, `t`, `dur`) from one
 * scan of the events instead of two: the contact rows touching a number of `aScope` or `bScope` are read once into
 * `contact_rows`, then taken as they stand and mirrored.
 */
export const oneScanContactsCte = (aScope: string, bScope: string | null = null): string => {
  const asStands = `target_msisdn IN (${aScope})${bScope === null ? '' : ` OR other_msisdn IN (${bScope})`}`
  const mirrored = `other_msisdn IN (${aScope})${bScope === null ? '' : ` OR target_msisdn IN (${bScope})`}`
  return `contact_rows AS MATERIALIZED (
  SELECT id, target_msisdn, other_msisdn, direction, event_type, start_utc, duration_s FROM events_unique
  WHERE ${CONTACT_ROWS} AND (${asStands} OR ${mirrored})),
contacts AS MATERIALIZED (
  SELECT id, target_msisdn AS owner, target_msisdn AS a, other_msisdn AS b, direction AS dir, event_type AS typ,
    start_utc AS t, duration_s AS dur
  FROM contact_rows WHERE ${asStands}
  UNION ALL
  SELECT id, target_msisdn, other_msisdn, target_msisdn, CASE direction WHEN 'out' THEN 'in' ELSE 'out' END,
    event_type, start_utc, duration_s
  FROM contact_rows WHERE ${mirrored})`
}
