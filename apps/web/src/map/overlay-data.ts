import type { ColocationInput, JourneysInput, PlaceInput } from '@linesight/viz'
import { api } from '../api/client.js'
import type { AnalysisResult } from '../api/types.js'
import { useAsync, type AsyncState } from '../state/use-async.js'

/** Analysis results and case places the map draws over the cells; each run goes through the server's API. */

const period = (from: string | null, to: string | null): Record<string, string> => ({
  ...(from === null ? {} : { from }),
  ...(to === null ? {} : { to }),
})

/** The journeys analysis for each selected number (one run per number: the analysis reads one). */
export const useJourneys = (
  caseId: string,
  numbers: readonly string[],
  from: string | null,
  to: string | null,
  on: boolean,
): AsyncState<readonly JourneysInput[]> =>
  useAsync(
    !on || numbers.length === 0 ? null : `journeys|${caseId}|${numbers.join(',')}|${from}|${to}`,
    async (s) =>
      Promise.all(
        numbers.map(
          async (target) =>
            (await api.run(caseId, 'journeys', { target, ...period(from, to) }, s)).result as JourneysInput,
        ),
      ),
  )

/** The colocation analysis over every pair of the selected numbers (needs two or more). */
export const useColocation = (
  caseId: string,
  numbers: readonly string[],
  from: string | null,
  to: string | null,
  on: boolean,
): AsyncState<ColocationInput> =>
  useAsync(
    !on || numbers.length < 2 ? null : `colocation|${caseId}|${[...numbers].sort().join(',')}|${from}|${to}`,
    async (s) =>
      (await api.run(caseId, 'colocation', { targets: [...numbers], ...period(from, to) }, s))
        .result as ColocationInput,
  )

/** The case's locations of interest; `version` changes when one is added, so the list is read again. */
export const usePlaces = (
  caseId: string,
  version: number,
  on: boolean,
): AsyncState<{ places: PlaceInput[] }> =>
  useAsync(on ? `places|${caseId}|${version}` : null, (s) => api.places(caseId, s))

/** The places analysis for one place: candidate cells and which of the selected numbers used them. */
export const usePlaceReport = (
  caseId: string,
  placeId: string | null,
  numbers: readonly string[],
  from: string | null,
  to: string | null,
): AsyncState<AnalysisResult> =>
  useAsync(
    placeId === null ? null : `place-report|${caseId}|${placeId}|${numbers.join(',')}|${from}|${to}`,
    (s) => api.run(caseId, 'places', { place: placeId, targets: [...numbers], ...period(from, to) }, s),
  )
