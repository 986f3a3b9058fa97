/**
 * Pairing of the two copies of one communication (DuckDB dialect): an outgoing record of A to B in A's records and
 * an incoming record of B from A of the same type in B's records, whose starts are within `tol` seconds.
 */

/** The candidate pairs of `from` in which each record is the other's closest (ties broken by record id). */
const mutualNearest = (from: string): string => `
      SELECT out_id, in_id FROM ${from}
      QUALIFY row_number() OVER (PARTITION BY out_id ORDER BY dt, in_id) = 1
        AND row_number() OVER (PARTITION BY in_id ORDER BY dt, out_id) = 1
    `

/** The candidate pairs of `from` whose two records are both still unpaired after the pairs of `paired`. */
const unpaired = (from: string, paired: string): string => `
      SELECT * FROM ${from}
      WHERE out_id NOT IN (SELECT out_id FROM ${paired}) AND in_id NOT IN (SELECT in_id FROM ${paired})
    `

/**
 * The CTEs `cand` … `matched` (`out_id`, `in_id`) over `paired`, the records (id, target, other, direction,
 * event_type, t) whose other party has records too. `tol` is an SQL expression (a parameter or a literal).
 * Each record is paired at most once: a pair is made when each record is the other's closest candidate (ties
 * broken by record id), and this is repeated three times for records left unpaired. Pairing is per pair of
 * numbers: pairing some pairs gives them the copies pairing every pair would.
 */
export const matchingCtes = (tol: string): string => `cand AS MATERIALIZED (
      SELECT o.id AS out_id, i.id AS in_id, abs(epoch_us(i.t) - epoch_us(o.t)) AS dt
      FROM (SELECT *, epoch_us(t) // (greatest(${tol}, 1) * 1000000)::BIGINT AS k FROM paired WHERE direction = 'out') o
      JOIN (
        -- Each incoming record in its time slot and both neighbours: a pair within tol is in adjacent slots.
        SELECT r.*, epoch_us(r.t) // (greatest(${tol}, 1) * 1000000)::BIGINT + s.d AS k
        FROM paired r, (VALUES (-1), (0), (1)) s(d) WHERE r.direction = 'in'
      ) i ON i.target = o.other AND i.other = o.target AND i.event_type = o.event_type AND i.k = o.k
      WHERE abs(epoch_us(i.t) - epoch_us(o.t)) <= ${tol} * 1000000
    ),
    m1 AS MATERIALIZED (${mutualNearest('cand')}),
    c2 AS (${unpaired('cand', 'm1')}),
    m2 AS MATERIALIZED (${mutualNearest('c2')}),
    c3 AS (${unpaired('c2', 'm2')}),
    m3 AS (${mutualNearest('c3')}),
    matched AS MATERIALIZED (SELECT * FROM m1 UNION ALL SELECT * FROM m2 UNION ALL SELECT * FROM m3)`

/**
 * The tolerance `pair_summary.copies` is paired at: the contact analyses' default. An analysis given another
 * tolerance pairs the records itself.
 */
export const STORED_PAIRING_TOLERANCE_SECONDS = 2

/**
 * Receivers' copies per pair (`a`, `b`, `copies`) paired at the stored tolerance, for the pairs of `pairs` (a
 * relation of `a`, `b`) whose two sides' records both hold the other; pairs without a paired copy are left out.
 * `recordFilter` (SQL over the events as `e`) may narrow the records read when it keeps every record of those pairs.
 */
export const pairCopiesSql = (pairs: string, recordFilter = 'true'): string => `WITH pairing AS MATERIALIZED (
      SELECT p.a, p.b FROM pair_summary p SEMI JOIN ${pairs} t ON t.a = p.a AND t.b = p.b
      WHERE p.records_of_a > 0 AND p.records_of_b > 0
    ),
    paired AS MATERIALIZED (
      SELECT e.id, e.target_msisdn AS target, e.other_msisdn AS other, e.direction, e.event_type, e.start_utc AS t,
        least(e.target_msisdn, e.other_msisdn) AS a, greatest(e.target_msisdn, e.other_msisdn) AS b
      FROM events_unique e
        SEMI JOIN (SELECT a AS x, b AS y FROM pairing UNION ALL SELECT b, a FROM pairing) p
          ON p.x = e.target_msisdn AND p.y = e.other_msisdn
      WHERE e.event_type IN ('voice', 'sms', 'mms') AND (${recordFilter})
    ),
    ${matchingCtes(String(STORED_PAIRING_TOLERANCE_SECONDS))}
    SELECT a, b, count(*) AS copies FROM paired SEMI JOIN matched m ON m.in_id = paired.id GROUP BY a, b`

/** Sets `copies` of the pairs of `pairs` (their rows must be in `pair_summary`, `copies` 0) from `pairCopiesSql`. */
export const updatePairCopiesSql = (
  pairs: string,
  recordFilter = 'true',
): string => `UPDATE pair_summary SET copies = d.copies
    FROM (${pairCopiesSql(pairs, recordFilter)}) d WHERE pair_summary.a = d.a AND pair_summary.b = d.b`
