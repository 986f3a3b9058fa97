import type { EvidenceValue, PlaceInput } from '@linesight/viz'
import type { DocumentKinds, ProducedDocument } from '../documents/types.js'
import type {
  AnalysisInfo,
  AnalysisResult,
  CaseInfo,
  CaseSummary,
  CellsResponse,
  EventsResponse,
  EvidenceResponse,
  LinksResponse,
  NewPlace,
  RejectsResponse,
  ServerConfig,
  TargetRow,
} from './types.js'

/** A failed request, with the server's message and the input path it names. */
export class ApiError extends Error {
  override readonly name = 'ApiError'
  constructor(
    readonly status: number,
    message: string,
    readonly path?: string,
  ) {
    super(message)
  }
}

async function errorOf(res: Response): Promise<ApiError> {
  try {
    const body = (await res.json()) as { error?: { message?: string; path?: string } }
    return new ApiError(res.status, body.error?.message ?? res.statusText, body.error?.path)
  } catch {
    return new ApiError(res.status, `${res.status} ${res.statusText}`)
  }
}

async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const res = await fetch(path, signal === undefined ? {} : { signal })
  if (!res.ok) throw await errorOf(res)
  return (await res.json()) as T
}

async function postJson<T>(path: string, body: unknown, signal?: AbortSignal): Promise<T> {
  const res = await fetch(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
    ...(signal === undefined ? {} : { signal }),
  })
  if (!res.ok) throw await errorOf(res)
  return (await res.json()) as T
}

const c = (id: string): string => `/api/cases/${encodeURIComponent(id)}`
const query = (params: Record<string, string | number | null | undefined>): string => {
  const q = new URLSearchParams()
  for (const [k, v] of Object.entries(params))
    if (v !== null && v !== undefined && v !== '') q.set(k, String(v))
  const s = q.toString()
  return s === '' ? '' : `?${s}`
}

/** One server event of an import stream. */
export interface ImportStreamEvent {
  readonly event: string
  readonly data: unknown
}

export const api = {
  config: () => getJson<ServerConfig>('/api/config'),
  cases: () => getJson<{ cases: CaseSummary[] }>('/api/cases'),
  createCase: (body: { id: string; name?: string; zone?: string; purpose?: string }) =>
    postJson<{ case: CaseSummary }>('/api/cases', body),
  caseInfo: (id: string, signal?: AbortSignal) => getJson<CaseInfo>(c(id), signal),
  targets: (id: string, signal?: AbortSignal) =>
    getJson<{ targets: TargetRow[] }>(`${c(id)}/targets`, signal),
  analyses: () => getJson<{ analyses: AnalysisInfo[] }>('/api/analyses'),
  run: (id: string, analysis: string, params: Record<string, unknown>, signal?: AbortSignal) =>
    postJson<AnalysisResult>(`${c(id)}/analyses/${encodeURIComponent(analysis)}`, params, signal),
  // Evidence of any shape: the server walks it part by part (`resolveAnyEvidence`).
  evidence: (id: string, evidence: EvidenceValue) =>
    postJson<EvidenceResponse>(`${c(id)}/evidence`, evidence),
  rejects: (id: string, file?: string, limit = 1000) =>
    getJson<RejectsResponse>(`${c(id)}/rejects${query({ file, limit })}`),
  cells: (id: string, signal?: AbortSignal) => getJson<CellsResponse>(`${c(id)}/cells`, signal),
  events: (
    id: string,
    numbers: readonly string[],
    from: string | null,
    to: string | null,
    signal?: AbortSignal,
  ) =>
    getJson<EventsResponse>(
      `${c(id)}/events${query({ numbers: numbers.join(','), from, to, limit: 50_000 })}`,
      signal,
    ),
  links: (
    id: string,
    numbers: readonly string[],
    from: string | null,
    to: string | null,
    limit: number,
    signal?: AbortSignal,
  ) =>
    getJson<LinksResponse>(`${c(id)}/links${query({ numbers: numbers.join(','), from, to, limit })}`, signal),
  places: (id: string, signal?: AbortSignal) => getJson<{ places: PlaceInput[] }>(`${c(id)}/places`, signal),
  addPlace: (id: string, place: NewPlace) => postJson<{ place: PlaceInput }>(`${c(id)}/places`, place),
  startUpload: (id: string) => postJson<{ uploadId: string }>(`${c(id)}/uploads`, {}),
  uploadFile: async (id: string, uploadId: string, file: File): Promise<void> => {
    const res = await fetch(`${c(id)}/uploads/${uploadId}/files/${encodeURIComponent(file.name)}`, {
      method: 'PUT',
      body: file,
    })
    if (!res.ok) throw await errorOf(res)
  },
  cancelUpload: (id: string, uploadId: string) =>
    fetch(`${c(id)}/uploads/${uploadId}`, { method: 'DELETE' }).then(() => undefined),
  detect: (id: string, body: Record<string, unknown>) =>
    postJson<{ files: DetectedFile[] }>(`${c(id)}/import/detect`, body),
  /** Runs an import and calls `onEvent` for each Server-Sent Event as it arrives. */
  importStream: async (
    id: string,
    body: Record<string, unknown>,
    onEvent: (e: ImportStreamEvent) => void,
  ): Promise<void> => {
    const res = await fetch(`${c(id)}/import`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    })
    if (!res.ok || res.body === null) throw await errorOf(res)
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader()
    let buffer = ''
    for (;;) {
      const { value, done } = await reader.read()
      if (done) break
      buffer += value
      let end: number
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end)
        buffer = buffer.slice(end + 2)
        const event = /^event: (.*)$/m.exec(block)?.[1] ?? 'message'
        const data = /^data: (.*)$/m.exec(block)?.[1]
        onEvent({ event, data: data === undefined ? null : (JSON.parse(data) as unknown) })
      }
    }
  },
  reportKinds: () => getJson<DocumentKinds>('/api/reports'),
  /** Produces one document on the server; the file comes back with what the server says it made. */
  produceReport: async (
    id: string,
    body: Record<string, unknown>,
  ): Promise<{ blob: Blob; produced: ProducedDocument }> => {
    const res = await fetch(`${c(id)}/reports`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    })
    if (!res.ok) throw await errorOf(res)
    const produced = JSON.parse(
      decodeURIComponent(res.headers.get('X-Linesight-Document') ?? '{}'),
    ) as ProducedDocument
    return { blob: await res.blob(), produced }
  },
  xlsx: async (
    title: string,
    columns: readonly string[],
    rows: readonly (readonly unknown[])[],
  ): Promise<Blob> => {
    const res = await fetch('/api/export/xlsx', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ title, columns, rows }),
    })
    if (!res.ok) throw await errorOf(res)
    return res.blob()
  },
}

export interface DetectedColumn {
  readonly name: string
  readonly role: string | null
  readonly note: string | null
  readonly sample: readonly string[]
}

export interface Detected {
  readonly sheet: string | null
  readonly kind: string
  readonly profile: { readonly id: string; readonly version: string; readonly title: string }
  readonly confidence: number
  readonly encoding: string
  readonly delimiter: string
  readonly timeZone: { readonly zone: string; readonly source: string } | null
  readonly columns: readonly DetectedColumn[]
  readonly questions: readonly {
    readonly code: string
    readonly column: string | null
    readonly message: string
  }[]
  readonly warnings: readonly { readonly code: string; readonly message: string }[]
  readonly ready: boolean
}

export type DetectedFile =
  | {
      readonly status: 'dry-run'
      readonly file: string
      readonly size: number
      readonly alreadyInCase: boolean
      readonly detections: readonly Detected[]
    }
  | {
      readonly status: 'failed'
      readonly file: string
      readonly size: number
      readonly alreadyInCase: boolean
      readonly error: string
    }
