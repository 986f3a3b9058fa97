import type { CaseStore, ParamValue, QuerySpec } from '@linesight/store'
import type { EventEvidence } from './evidence.js'

/** An event row as evidence: what happened and exactly where it came from. */
export interface EvidenceRow {
  readonly id: string
  readonly source_file: string
  readonly source_sheet: string | null
  readonly source_row: number
  readonly source_line: number | null
  readonly target_msisdn: string | null
  readonly other_msisdn: string | null
  readonly other_raw: string | null
  readonly direction: string
  readonly event_type: string
  readonly start_utc: string
  readonly start_text: string
  readonly start_zone: string
  readonly duration_s: number | null
  readonly start_cgi: string | null
  readonly time_semantics: string
}

type FilterParam = 'targets' | 'others' | 'from' | 'to' | 'types' | 'directions' | 'cells' | 'ids'

/** The filter an `EventEvidence` names; the row query and the count query share it, so they cannot disagree. */
const EVIDENCE_FILTER = `list_contains($targets::VARCHAR[], e.target_msisdn)
        AND (len($others::VARCHAR[]) = 0 OR list_contains($others::VARCHAR[], coalesce(e.other_msisdn, e.other_raw)))
        AND ($from IS NULL OR e.start_utc >= timezone('UTC', $from::TIMESTAMPTZ))
        AND ($to IS NULL OR e.start_utc <= timezone('UTC', $to::TIMESTAMPTZ))
        AND (len($types::VARCHAR[]) = 0 OR list_contains($types::VARCHAR[], e.event_type))
        AND (len($directions::VARCHAR[]) = 0 OR list_contains($directions::VARCHAR[], e.direction))
        AND (len($cells::VARCHAR[]) = 0 OR list_contains($cells::VARCHAR[], e.start_cgi))
        AND ($ids::VARCHAR[] IS NULL OR list_contains($ids::VARCHAR[], e.id))`

const FILTER_PARAMS = ['targets', 'others', 'from', 'to', 'types', 'directions', 'cells', 'ids'] as const

const evidenceQuery: QuerySpec<EvidenceRow, FilterParam | 'limit'> = {
  id: 'evidence-events',
  sql: {
    duckdb: `SELECT e.id, f.original_name AS source_file, e.source_sheet, e.source_row, e.source_line, e.target_msisdn,
        e.other_msisdn, e.other_raw, e.direction, e.event_type, strftime(e.start_utc, '%Y-%m-%dT%H:%M:%SZ') AS start_utc,
        e.start_text, e.start_zone, e.duration_s, e.start_cgi, e.time_semantics
      FROM events_unique e JOIN source_files f ON f.id = e.source_file_id
      WHERE ${EVIDENCE_FILTER}
      ORDER BY e.start_utc, e.id
      LIMIT $limit`,
  },
  params: [...FILTER_PARAMS, 'limit'],
  row: (r) => r as unknown as EvidenceRow,
}

const evidenceCountQuery: QuerySpec<{ readonly n: number }, FilterParam> = {
  id: 'evidence-count',
  sql: { duckdb: `SELECT count(*) AS n FROM events_unique e WHERE ${EVIDENCE_FILTER}` },
  params: FILTER_PARAMS,
  row: (r) => ({ n: Number(r['n']) }),
}

const evidenceIdsQuery: QuerySpec<string, FilterParam> = {
  id: 'evidence-ids',
  sql: { duckdb: `SELECT e.id FROM events_unique e WHERE ${EVIDENCE_FILTER}` },
  params: FILTER_PARAMS,
  row: (r) => String(r['id']),
}

const filterParams = (evidence: EventEvidence): Readonly<Record<FilterParam, ParamValue>> => ({
  targets: evidence.targets,
  others: evidence.others ?? [],
  from: evidence.from ?? null,
  to: evidence.to ?? null,
  types: evidence.types ?? [],
  directions: evidence.directions ?? [],
  cells: evidence.cells ?? [],
  // No id list means no restriction; an empty list means no rows.
  ids: evidence.ids ?? null,
})

/** The source rows behind a figure, in time order (at most `limit`). */
export function resolveEvidence(
  store: CaseStore,
  evidence: EventEvidence,
  limit = 10_000,
): Promise<readonly EvidenceRow[]> {
  return store.run(evidenceQuery, { ...filterParams(evidence), limit })
}

/** How many rows the case holds for an evidence filter now, without any cap (to check a figure's count). */
export async function countEvidence(store: CaseStore, evidence: EventEvidence): Promise<number> {
  const [row] = await store.run(evidenceCountQuery, filterParams(evidence))
  return row?.n ?? 0
}

/** The ids of every row an evidence filter returns, without any cap (to count rows shared by several filters). */
export function evidenceIds(store: CaseStore, evidence: EventEvidence): Promise<readonly string[]> {
  return store.run(evidenceIdsQuery, filterParams(evidence))
}
