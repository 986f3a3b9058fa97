import type { CaseStore, QuerySpec } from '@linesight/store'
import type { EventEvidence } from '../../core/evidence.js'

type CountParam = 'targets' | 'others' | 'from' | 'to' | 'types' | 'directions' | 'cells'

export type EvidenceFilter = Omit<EventEvidence, 'count' | 'kind' | 'ids'>

/** Joins a list into one text item (unit separator: no number, cell or sender name holds it). */
const SEP = '\u001f'
const split = (x: string): string =>
  `CASE WHEN ${x} = '' THEN []::VARCHAR[] ELSE string_split(${x}, chr(31)) END`

/**
 * Counts the rows each filter evidence names, with exactly the filter `resolveEvidence` applies, for many filters
 * in one query: item i of every list parameter is filter i (lists joined by U+001F, no bound as '').
 */
const countQuery: QuerySpec<{ i: number; n: number }, CountParam> = {
  id: 'line-network-evidence-count',
  sql: {
    duckdb: `WITH spec AS (
        SELECT i, ${split('$targets[i]')} AS targets, ${split('$others[i]')} AS others,
          timezone('UTC', nullif($from[i], '')::TIMESTAMPTZ) AS f_utc,
          timezone('UTC', nullif($to[i], '')::TIMESTAMPTZ) AS t_utc, ${split('$types[i]')} AS types,
          ${split('$directions[i]')} AS directions, ${split('$cells[i]')} AS cells
        FROM (SELECT unnest(range(1, len($targets::VARCHAR[]) + 1)) AS i)),
      -- Filters naming other parties read only the rows of their (target, other party) pairs.
      wanted AS (SELECT DISTINCT i, unnest(targets) AS target FROM spec WHERE len(others) = 0),
      wanted_pairs AS (
        SELECT DISTINCT i, target, unnest(others) AS other
        FROM (SELECT i, unnest(targets) AS target, others FROM spec WHERE len(others) > 0)),
      rows_ AS (
        SELECT w.i, e.start_utc, e.event_type, e.direction, e.start_cgi
        FROM wanted w JOIN events_unique e ON e.target_msisdn = w.target
        UNION ALL
        SELECT w.i, e.start_utc, e.event_type, e.direction, e.start_cgi
        FROM wanted_pairs w JOIN events_unique e ON e.target_msisdn = w.target AND e.other_msisdn = w.other),
      -- The other party is already matched by the joins above; only the filters' small fields travel with the rows.
      bounds AS (SELECT i, f_utc, t_utc, types, directions, cells FROM spec),
      hits AS (
        SELECT s.i, count(*) AS n
        FROM rows_ e JOIN bounds s ON s.i = e.i
        WHERE (s.f_utc IS NULL OR e.start_utc >= s.f_utc)
          AND (s.t_utc IS NULL OR e.start_utc <= s.t_utc)
          AND (len(s.types) = 0 OR list_contains(s.types, e.event_type))
          AND (len(s.directions) = 0 OR list_contains(s.directions, e.direction))
          AND (len(s.cells) = 0 OR list_contains(s.cells, e.start_cgi))
        GROUP BY s.i)
      SELECT s.i, coalesce(h.n, 0) AS n FROM spec s LEFT JOIN hits h ON h.i = s.i ORDER BY s.i`,
  },
  params: ['targets', 'others', 'from', 'to', 'types', 'directions', 'cells'],
  row: (r) => ({ i: Number(r['i']), n: Number(r['n']) }),
}

/**
 * Filter evidences (no ids) with their counts filled in from the case, so each figure and its rows always agree;
 * all counted in one query.
 */
export async function countedEvidences(
  store: CaseStore,
  filters: readonly EvidenceFilter[],
): Promise<EventEvidence[]> {
  if (filters.length === 0) return []
  const join = (xs: readonly string[] | undefined): string => (xs ?? []).join(SEP)
  const rows = await store.run(countQuery, {
    targets: filters.map((f) => join(f.targets)),
    others: filters.map((f) => join(f.others)),
    from: filters.map((f) => f.from ?? ''),
    to: filters.map((f) => f.to ?? ''),
    types: filters.map((f) => join(f.types)),
    directions: filters.map((f) => join(f.directions)),
    cells: filters.map((f) => join(f.cells)),
  })
  return filters.map((filter, i) => ({ kind: 'events', ...filter, count: rows[i]?.n ?? 0 }))
}

/** Counts filters in one query, then answers each filter (by value) with its evidence. */
export async function evidenceCounter(
  store: CaseStore,
  filters: readonly EvidenceFilter[],
): Promise<(filter: EvidenceFilter) => EventEvidence> {
  const key = (f: EvidenceFilter): string => JSON.stringify(f)
  const unique = [...new Map(filters.map((f) => [key(f), f])).values()]
  const counted = new Map((await countedEvidences(store, unique)).map((e, i) => [key(unique[i]!), e]))
  return (filter) => {
    const e = counted.get(key(filter))
    if (e === undefined) throw new Error('evidence filter was not counted')
    return e
  }
}
