import type { CellSite, ContactLink, EventPoint, IdentityLink, SubscriberLink } from '@linesight/viz'

/** Response shapes of the local server (apps/server). */

export interface CaseSummary {
  readonly id: string
  readonly name: string
  readonly createdAt: string
  readonly createdBy: string
  readonly defaultTimeZone: string
  readonly purpose: string | null
}

export interface SourceRow {
  readonly id: string
  readonly original_name: string
  readonly kind: string
  readonly format: string
  readonly profile_id: string
  readonly rows_read: number
  readonly rows_imported: number
  readonly rows_rejected: number
  readonly rows_duplicate: number
  readonly imported_at: string
  readonly imported_by: string
  readonly sha256: string
}

export interface CaseInfo {
  readonly case: CaseSummary & { readonly root: string }
  readonly schemaVersion: number
  readonly counts: Readonly<
    Record<'cdr' | 'cells' | 'subscribers' | 'rejects' | 'duplicates' | 'sources', number>
  >
  readonly period: {
    readonly first: string | null
    readonly last: string | null
    readonly targets: number
  } | null
  readonly sources: readonly SourceRow[]
}

export interface TargetRow {
  readonly number: string
  readonly network: string | null
  readonly events: number
  readonly contacts: number
  readonly firstUtc: string
  readonly lastUtc: string
  readonly subscriber: string | null
}

export type ParamSpec =
  | {
      readonly type: 'integer' | 'number'
      readonly default: number | null
      readonly min?: number
      readonly max?: number
      readonly unit?: string
      readonly description: string
    }
  | { readonly type: 'boolean'; readonly default: boolean; readonly description: string }
  | {
      readonly type: 'string'
      readonly default: string | null
      readonly description: string
      readonly pattern?: string
    }
  | {
      readonly type: 'enum'
      readonly default: string
      readonly values: readonly string[]
      readonly description: string
    }
  | { readonly type: 'string-list'; readonly default: readonly string[]; readonly description: string }

export interface AnalysisInfo {
  readonly id: string
  readonly version: string
  readonly title: string
  readonly description: string
  readonly params: Readonly<Record<string, ParamSpec>>
}

export interface AnalysisResult {
  readonly analysis: { readonly id: string; readonly version: string; readonly title: string }
  readonly parameters: Readonly<Record<string, unknown>>
  readonly parametersDigest: string
  readonly inputDigest: string
  readonly generatedAt: string
  /** Numbers the parameters name that no record of the case names. */
  readonly numbersNotInCase: readonly string[]
  readonly result: unknown
}

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
  /** When the figure's evidence has several parts: the parts that name this row (e.g. `evidence.records[0]`). */
  readonly parts?: readonly string[]
}

/** The server's answer for a figure's evidence (`resolveAnyEvidence` of @linesight/analysis, plus `warning`). */
export interface EvidenceResponse {
  /** What the figure counts, added up over its parts. */
  readonly count: number
  /** Each evidence object of the figure with its count check (one for a single filter). */
  readonly parts: readonly {
    readonly path: string
    readonly count: number
    readonly held: number
    readonly matches: boolean
  }[]
  readonly rows: readonly EvidenceRow[]
  readonly limit: number
  readonly truncated: boolean
  readonly rowsHeld: number
  readonly matches: boolean
  readonly warnings: readonly string[]
  /** The warnings as one line, when there are any. */
  readonly warning?: string
}

export interface CellsResponse {
  readonly cells: readonly CellSite[]
  readonly truncated: boolean
}
export interface EventsResponse {
  readonly events: readonly EventPoint[]
  readonly truncated: boolean
}
export interface LinksResponse {
  readonly contacts: readonly ContactLink[]
  readonly identities: readonly IdentityLink[]
  readonly subscribers: readonly SubscriberLink[]
  readonly truncated: boolean
}

export interface RejectsResponse {
  readonly total: number
  readonly offset: number
  readonly rejects: readonly Readonly<Record<string, unknown>>[]
}

export interface ServerConfig {
  readonly version: string
  readonly basemap: { readonly kind: 'world-atlas' } | { readonly kind: 'pmtiles'; readonly url: string }
}

/** A location of interest to add (`POST /api/cases/:id/places`). */
export interface NewPlace {
  readonly name: string
  readonly kind: 'scene' | 'home' | 'alibi' | 'other'
  readonly lat: number
  readonly lon: number
  readonly address?: string
  readonly radiusM?: number
  readonly notes?: string
}
