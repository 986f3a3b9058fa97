import { api } from '../api/client.js'
import type {
  AnalysisInfo,
  CaseInfo,
  CellsResponse,
  EventsResponse,
  LinksResponse,
  TargetRow,
} from '../api/types.js'
import { useAsync, type AsyncState } from './use-async.js'

/** Data hooks over the API, cached per case and parameters (`kind|caseId|…` keys). */

export const useCaseInfo = (caseId: string): AsyncState<CaseInfo> =>
  useAsync(`info|${caseId}|`, (s) => api.caseInfo(caseId, s))

export const useTargets = (caseId: string): AsyncState<{ targets: TargetRow[] }> =>
  useAsync(`targets|${caseId}|`, (s) => api.targets(caseId, s))

export const useCells = (caseId: string): AsyncState<CellsResponse> =>
  useAsync(`cells|${caseId}|`, (s) => api.cells(caseId, s))

export const useEvents = (
  caseId: string,
  numbers: readonly string[],
  from: string | null,
  to: string | null,
): AsyncState<EventsResponse> =>
  useAsync(
    numbers.length === 0 ? null : `events|${caseId}|${[...numbers].sort().join(',')}|${from}|${to}`,
    (s) => api.events(caseId, numbers, from, to, s),
  )

export const useLinks = (
  caseId: string,
  numbers: readonly string[],
  from: string | null,
  to: string | null,
  limit: number,
): AsyncState<LinksResponse> =>
  useAsync(`links|${caseId}|${[...numbers].sort().join(',')}|${from}|${to}|${limit}`, (s) =>
    api.links(caseId, numbers, from, to, limit, s),
  )

export const useAnalyses = (): AsyncState<{ analyses: AnalysisInfo[] }> =>
  useAsync('analyses||', () => api.analyses())
