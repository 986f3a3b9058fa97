/**
 * Local-time to UTC conversion that is honest about clock changes. A local time is read under the offset in force
 * 12 hours before and 12 hours after it; a candidate is valid when converting it back gives the same local time.
 * Two valid candidates: the autumn overlap (ambiguous, the first occurrence is taken and flagged). None: the spring
 * gap (the time never existed, and the row is rejected).
 */
export const TIME_MACROS_SQL = `
CREATE OR REPLACE MACRO ls_utc_to_local(u, zone) AS timezone(zone, timezone('UTC', u));
CREATE OR REPLACE MACRO ls_local_to_utc_early(l, zone) AS
  l - (ls_utc_to_local(l - INTERVAL 12 HOUR, zone) - (l - INTERVAL 12 HOUR));
CREATE OR REPLACE MACRO ls_local_to_utc_late(l, zone) AS
  l - (ls_utc_to_local(l + INTERVAL 12 HOUR, zone) - (l + INTERVAL 12 HOUR));
`
