import type { CaseStore, QuerySpec } from '@linesight/store'
import type { EventEvidence } from '../../core/evidence.js'

type CountParam = 'targets' | 'others' | 'from' | 'to' | 'types' | 'directions' | 'cells'

/** Counts the rows a filter evidence names, with exactly the filter `resolveEvidence` applies. */
const countQuery: QuerySpec<{ n: number }, CountParam> = {
  id: 'line-network-evidence-count',
  sql: {
    duckdb: `SELECT count(*) AS n FROM events_unique e
      WHERE list_contains($targets::VARCHAR[], e.target_msisdn)
        AND (len($others::VARCHAR[]) = 0 OR list_contains($others::VARCHAR[], e.other_msisdn))
        AND ($from IS NULL OR e.start_utc >= timezone('UTC', $from::TIMESTAMPTZ))
        AND ($to IS NULL OR e.start_utc <= timezone('UTC', $to::TIMESTAMPTZ))
        AND (len($types::VARCHAR[]) = 0 OR list_contains($types::VARCHAR[], e.event_type))
        AND (len($directions::VARCHAR[]) = 0 OR list_contains($directions::VARCHAR[], e.direction))
        AND (len($cells::VARCHAR[]) = 0 OR list_contains($cells::VARCHAR[], e.start_cgi))`,
  },
  params: ['targets', 'others', 'from', 'to', 'types', 'directions', 'cells'],
  row: (r) => ({ n: Number(r['n']) }),
}

/** A filter evidence (no ids) with its count filled in from the case, so the figure and its rows always agree. */
export async function countedEvidence(
  store: CaseStore,
  filter: Omit<EventEvidence, 'count' | 'kind' | 'ids'>,
): Promise<EventEvidence> {
  const [row] = await store.run(countQuery, {
    targets: filter.targets,
    others: filter.others ?? [],
    from: filter.from ?? null,
    to: filter.to ?? null,
    types: filter.types ?? [],
    directions: filter.directions ?? [],
    cells: filter.cells ?? [],
  })
  return { kind: 'events', ...filter, count: row?.n ?? 0 }
}
