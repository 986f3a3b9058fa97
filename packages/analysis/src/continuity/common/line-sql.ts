/**
 * SQL fragments shared by the line-network analyses (continuity, roles, cuckooing, safeguarding, live picture).
 * Each fragment is a CTE body or an expression; every threshold it uses is a named query parameter that the
 * calling analysis declares. Nothing here reads a clock or a file.
 */

import { floorDiv } from '../../core/floor-div.sql.js'
import { isContactTypeSql, isKnownDirectionSql } from '../../core/one-of.sql.js'

/** Mean Earth radius in kilometres (IUGG R1), the sphere the haversine formula uses. */
export const EARTH_RADIUS_KM = 6371.0088

/** Great-circle distance in kilometres between two WGS84 points (haversine on a sphere), as an SQL expression. */
export const haversineKm = (lat1: string, lon1: string, lat2: string, lon2: string): string =>
  `(2 * ${EARTH_RADIUS_KM} * asin(least(1.0, sqrt(pow(sin(radians((${lat2}) - (${lat1})) / 2), 2) + cos(radians(${lat1})) * cos(radians(${lat2})) * pow(sin(radians((${lon2}) - (${lon1})) / 2), 2)))))`

/** Local wall-clock time of a UTC timestamp column in the analysis zone (`$zone`). */
export const localTime = (utc: string): string => `timezone($zone, timezone('UTC', ${utc}))`

/** A column that already holds local time (from `localTimeSql`), for `inNight` and `nightOf`. */
export const asLocal = (local: string): string => local

/** ISO 8601 UTC text with `Z`, the form evidence filters and results carry. */
export const isoUtc = (ts: string): string => `strftime(${ts}, '%Y-%m-%dT%H:%M:%SZ')`

/** Line groups from two parallel lists: `$groups` (a line's key) and `$numbers` (one of its numbers). */
export const LINE_GROUPS_CTE = `line_groups AS (
  SELECT DISTINCT g, n FROM (SELECT unnest($groups::VARCHAR[]) AS g, unnest($numbers::VARCHAR[]) AS n))`

const CONTACT_ROWS = `${isContactTypeSql('event_type')} AND ${isKnownDirectionSql('direction')}
    AND target_msisdn IS NOT NULL AND other_msisdn IS NOT NULL`

/**
 * Every contact (voice, SMS, MMS) seen from either side: `a` is one party and `b` the other, `dir` is the
 * direction from `a`'s side and `owner` is the number whose records hold the row. A contact between two target
 * numbers therefore appears once from each record set, with different row ids. Only the rows whose `a` is in
 * `aScope`, or whose `b` is in `bScope` (queries of numbers), are kept: the rows the caller joins on, without
 * mirroring every contact in the case.
 */
export const contactsCte = (aScope: string, bScope: string | null = null): string => {
  const forward = `target_msisdn IN (${aScope})${bScope === null ? '' : ` OR other_msisdn IN (${bScope})`}`
  const mirrored = `other_msisdn IN (${aScope})${bScope === null ? '' : ` OR target_msisdn IN (${bScope})`}`
  // One scan of the events for both sides (two scans read every row twice: 0.18 s → 0.1 s for one line).
  return `contact_sides AS MATERIALIZED (
  SELECT id, target_msisdn, other_msisdn, direction, event_type, start_utc, duration_s,
    ${forward} AS forward, ${mirrored} AS mirrored
  FROM events_unique
  WHERE ${CONTACT_ROWS} AND (${forward} OR ${mirrored})),
contacts AS MATERIALIZED (
  SELECT id, target_msisdn AS owner, target_msisdn AS a, other_msisdn AS b, direction AS dir, event_type AS typ,
    start_utc AS t, duration_s AS dur
  FROM contact_sides WHERE forward
  UNION ALL
  SELECT id, target_msisdn, other_msisdn, target_msisdn, CASE direction WHEN 'out' THEN 'in' ELSE 'out' END,
    event_type, start_utc, duration_s
  FROM contact_sides WHERE mirrored)`
}

/**
 * Flare bursts of the numbers in `line_groups` (inline definition, domain §3.1; the same rule as the line analyses'
 * `flareCtes`): outbound texts of the `$flareTypes` from one number, consecutive messages joining while the gap
 * stays within `$burstWindowSeconds`, kept when the burst reaches `$burstMinRecipients` distinct recipients (short
 * codes and names included). Gives `flare_rows` (g, line, recipient, id, t, burst: the recipients that are valid
 * numbers) and `bursts` (g, line, burst, first_t, last_t, recipients, messages); `burst` numbers the bursts of all
 * the numbers.
 *
 * A burst starts at a message whose previous one (in time) is more than the window before it. Each number's
 * messages are cut into buckets one window wide (in whole microseconds, at least one): in a bucket only the first
 * message can start a burst, and the message before it is the last of the bucket before when that one is not
 * empty (else it is more than a window away). So starts are found per bucket, and a message's burst is the last
 * start at or before its bucket: one running count over the buckets instead of two window sorts over every message.
 */
export const FLARES_CTE = `flare_keys AS MATERIALIZED (SELECT g, n, row_number() OVER (ORDER BY g, n) AS k FROM line_groups),
-- Every recipient counts towards a burst's size, as in the line analyses' flare rule; only valid numbers join
-- the customer base.
flare_sms AS MATERIALIZED (
  SELECT e.id, fk.k, coalesce(e.other_msisdn, e.other_raw) AS recipient, e.other_msisdn IS NOT NULL AS valid,
    e.start_utc AS t,
    ${floorDiv('epoch_us(e.start_utc)', 'greatest(round($burstWindowSeconds::DOUBLE * 1000000), 1)::BIGINT')} AS b
  FROM events_unique e JOIN flare_keys fk ON fk.n = e.target_msisdn
  WHERE list_contains($flareTypes::VARCHAR[], e.event_type) AND e.direction = 'out'
    AND coalesce(e.other_msisdn, e.other_raw) IS NOT NULL),
flare_buckets AS MATERIALIZED (
  SELECT k, b, min(t) AS first_t, max(t) AS last_t, count(*) AS messages FROM flare_sms GROUP BY k, b),
-- Bursts numbered across all numbers in (number, bucket) order: each number's first bucket starts a burst.
bucket_bursts AS MATERIALIZED (
  SELECT k, b, first_t, last_t, messages,
    sum(starts::INTEGER) OVER (ORDER BY k, b ROWS UNBOUNDED PRECEDING) AS burst
  FROM (
    SELECT c.k, c.b, c.first_t, c.last_t, c.messages,
      p.last_t IS NULL OR NOT (epoch(c.first_t) - epoch(p.last_t) <= $burstWindowSeconds) AS starts
    FROM flare_buckets c LEFT JOIN flare_buckets p ON p.k = c.k AND p.b = c.b - 1)),
flare_numbered AS MATERIALIZED (
  SELECT f.id, f.k, f.recipient, f.valid, f.t, bb.burst FROM flare_sms f JOIN bucket_bursts bb ON bb.k = f.k AND bb.b = f.b),
-- A burst's span and size from its buckets; one with fewer messages than the recipients a flare needs is none.
burst_spans AS (
  SELECT burst, min(k) AS k, min(first_t) AS first_t, max(last_t) AS last_t, sum(messages)::BIGINT AS messages
  FROM bucket_bursts GROUP BY burst HAVING sum(messages) >= $burstMinRecipients),
-- Distinct recipients counted in two steps, without count(DISTINCT …) over every message.
burst_recipients AS (
  SELECT burst, count(*) AS recipients FROM (
    SELECT DISTINCT burst, recipient FROM flare_numbered WHERE burst IN (SELECT burst FROM burst_spans))
  GROUP BY burst),
burst_keys AS MATERIALIZED (
  SELECT s.burst, s.k, s.first_t, s.last_t, r.recipients, s.messages
  FROM burst_spans s JOIN burst_recipients r ON r.burst = s.burst WHERE r.recipients >= $burstMinRecipients),
bursts AS MATERIALIZED (
  SELECT fk.g, fk.n AS line, bk.burst, bk.first_t, bk.last_t, bk.recipients, bk.messages
  FROM burst_keys bk JOIN flare_keys fk ON fk.k = bk.k),
flare_rows AS MATERIALIZED (
  SELECT fk.g, fk.n AS line, f.recipient, f.id, f.t, f.burst
  FROM flare_numbered f JOIN burst_keys bk ON bk.burst = f.burst JOIN flare_keys fk ON fk.k = f.k WHERE f.valid)`

/** The customer base per line group (domain §3.2): every flare recipient, with the first time it was flared. */
export const BASE_CTE = `base AS MATERIALIZED (
  SELECT g, recipient AS c, min(t) AS first_flared, count(*) AS flares FROM flare_rows GROUP BY g, recipient)`

/**
 * Cell positions: one row per cell list row with a position, ranked so network lists come before the public
 * fallback. `site_key` joins cells of one site (the list's site id, else its node id such as the eNodeB).
 */
export const CELL_ROWS_CTE = `cell_rows AS MATERIALIZED (
  SELECT id, cgi, lat, lon, network, site_name, source_kind, valid_from, valid_to,
    CASE source_kind WHEN 'network' THEN 0 WHEN 'public-fallback' THEN 1 ELSE 2 END AS src_rank,
    CASE WHEN coalesce(site_id, node_id) IS NULL THEN NULL ELSE mcc || '-' || mnc || ':' || coalesce(site_id, node_id) END AS site_key
  FROM cells WHERE lat IS NOT NULL AND lon IS NOT NULL AND ($usePublicFallback OR source_kind = 'network'))`

/**
 * The position of each event in `input` (columns id, cgi, t; one row per id) from the cell list row valid at the
 * event time (a row's `valid_to` date counts as the whole day), network list first. Events on cells no list places
 * are left out; callers count them as "position unknown". A cell with one list row needs no ranking, so only
 * events on cells with several rows go through the window (ranking a million events took about a second).
 */
export const eventPositionsCte = (
  name: string,
  input: string,
  // What each position row holds: `e.` columns of the input, `c.` columns of the cell list row.
  columns = 'e.id, c.lat, c.lon, c.site_key, c.site_name, c.source_kind',
  materialized = true,
): string => `${name}_cells AS MATERIALIZED (
  SELECT *, count(*) OVER (PARTITION BY cgi) AS cgi_rows FROM cell_rows),
${name} AS ${materialized ? 'MATERIALIZED ' : ''}(
  SELECT ${columns}
  FROM ${input} e JOIN ${name}_cells c ON c.cgi = e.cgi AND c.cgi_rows = 1
    AND (c.valid_from IS NULL OR c.valid_from <= e.t) AND (c.valid_to IS NULL OR e.t < c.valid_to + INTERVAL 1 DAY)
  UNION ALL
  SELECT ${columns}
  FROM ${input} e JOIN ${name}_cells c ON c.cgi = e.cgi AND c.cgi_rows > 1
    AND (c.valid_from IS NULL OR c.valid_from <= e.t) AND (c.valid_to IS NULL OR e.t < c.valid_to + INTERVAL 1 DAY)
  QUALIFY row_number() OVER (PARTITION BY e.id ORDER BY c.src_rank, c.valid_from DESC NULLS LAST, c.id) = 1)`

/**
 * Whether a UTC timestamp falls in the overnight window `$nightStartHour`–`$nightEndHour` (local hours; the window
 * may run past midnight, e.g. 22–6). `local` turns the column into local time: `localTimeSql` (core/local-time.sql)
 * where millions of rows are tested, the same values through a per-quarter-hour offset list.
 */
export const inNight = (utc: string, local: (utc: string) => string = localTime): string =>
  `(CASE WHEN $nightStartHour < $nightEndHour THEN hour(${local(utc)}) >= $nightStartHour AND hour(${local(utc)}) < $nightEndHour
    ELSE hour(${local(utc)}) >= $nightStartHour OR hour(${local(utc)}) < $nightEndHour END)`

/** The night an overnight timestamp belongs to, named by its morning (local date). */
export const nightOf = (utc: string, local: (utc: string) => string = localTime): string =>
  `((${local(utc)})::DATE + CASE WHEN $nightStartHour >= $nightEndHour AND hour(${local(utc)}) >= $nightStartHour THEN 1 ELSE 0 END)`
