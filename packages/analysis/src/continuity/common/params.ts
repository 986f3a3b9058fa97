import type { ParamSchema, Params } from '../../core/params.js'
import { BURST_PARAMS, flareTypes } from '../../lines/shared/params.js'

/** The deal-line numbers an analysis works on; detection or an analyst supplies them. */
export const LINES_PARAMS: ParamSchema = {
  lines: {
    type: 'string-list',
    phone: 'grouped',
    default: [],
    description:
      'Deal-line numbers (E.164). One number per item, or the numbers of one line in one item separated by spaces, ";" or "|" (an analyst\'s grouping)',
  },
}

/** Whether numbers given separately are grouped into lines by the line-continuity method first. */
export const GROUPING_PARAMS: ParamSchema = {
  groupByContinuity: {
    type: 'boolean',
    default: true,
    description:
      'Join the given numbers into lines by the line-continuity method (shared handset or SIM, customers carried over) before the analysis; numbers given together in one item always stay together',
  },
}

/**
 * The flare-burst rule (domain §3.1), used to find each line's customer base: the line analyses' own parameters,
 * so a line's customer base is the same whichever analysis reports it.
 */
export const FLARE_PARAMS: ParamSchema = BURST_PARAMS

/** Whether public (crowd-sourced) cell positions may stand in for cells no network list places. */
export const CELL_PARAMS: ParamSchema = {
  usePublicFallback: {
    type: 'boolean',
    default: true,
    description:
      'Use public-fallback cell positions for cells no network cell list places; every figure built on them is labelled',
  },
}

/** The overnight window (domain §3.7): local hours. */
export const NIGHT_PARAMS: ParamSchema = {
  nightStartHour: {
    type: 'integer',
    default: 0,
    min: 0,
    max: 23,
    unit: 'hour (local)',
    description: 'Start of the overnight window, local time, inclusive',
  },
  nightEndHour: {
    type: 'integer',
    default: 6,
    min: 1,
    max: 24,
    unit: 'hour (local)',
    description:
      'End of the overnight window, local time, exclusive; a night is named by the date of its morning',
  },
}

export const num = (params: Params, name: string): number => params[name] as number
export const bool = (params: Params, name: string): boolean => params[name] as boolean
export const list = (params: Params, name: string): readonly string[] =>
  (params[name] as readonly string[]) ?? []
export const text = (params: Params, name: string): string | null => (params[name] as string | null) ?? null

/** The names of the flare rule's query parameters, for a query spec's `params` list. */
export const FLARE_QUERY_PARAMS = ['burstWindowSeconds', 'burstMinRecipients', 'flareTypes'] as const

/** The flare rule's query parameters (`FLARES_CTE`). */
export interface FlareQueryParams {
  readonly burstWindowSeconds: number
  readonly burstMinRecipients: number
  readonly flareTypes: readonly string[]
}

/** Query parameters of the flare rule, from analysis parameters (`id` names the analysis in a refusal). */
export const flareQueryParams = (params: Params, id = 'line-network'): FlareQueryParams => ({
  burstWindowSeconds: num(params, 'burstWindowMinutes') * 60,
  burstMinRecipients: num(params, 'burstMinRecipients'),
  flareTypes: flareTypes(id, params),
})

/** Picks the named parameters out of a full set, so a composed step sees exactly its own schema. */
export const pick = (params: Params, schema: ParamSchema): Params =>
  Object.freeze(Object.fromEntries(Object.keys(schema).map((k) => [k, params[k] ?? null])))
