import {
  findAnalysis,
  runAnalysis,
  type AnalysisContext,
  type AnalysisDefinition,
  type AnalysisResult,
} from '@linesight/analysis'
import type { CaseStore } from '@linesight/store'
import type { AnalysisSlot } from '../core/analysis-slot.js'
import { tryRead } from '../core/contract.js'
import { CONTRACTS, type ContractId, type ContractTypes } from '../contracts/index.js'

/** One slot per analysis a document needs. */
export type AnalysisSlots<K extends ContractId> = { readonly [P in K]: AnalysisSlot<ContractTypes[P]> }

/** What the user chose for a document: which line or number, and an optional window (ISO UTC, inclusive). */
export interface Selection {
  readonly line: string | null
  readonly from: string | null
  readonly to: string | null
}

/**
 * Parameter names a selection value is passed under, when (and only when) the analysis declares them. Nothing else
 * is set: every other parameter keeps the analysis's declared default, and the document prints them all.
 */
const SELECTION_PARAMS: { readonly [K in keyof Selection]: readonly string[] } = {
  line: ['line', 'target', 'msisdn'],
  from: ['from'],
  to: ['to'],
}

/** The parameters an analysis is run with for a selection: matching declared names, then the user's overrides. */
export function selectionParams(
  definition: Pick<AnalysisDefinition<unknown>, 'params'>,
  selection: Selection,
  overrides: Readonly<Record<string, string>> = {},
): Record<string, string> {
  const given: Record<string, string> = {}
  for (const key of Object.keys(SELECTION_PARAMS) as (keyof Selection)[]) {
    const value = selection[key]
    if (value === null) continue
    for (const name of SELECTION_PARAMS[key]) if (name in definition.params) given[name] = value
  }
  return { ...given, ...overrides }
}

/**
 * Reads a result the caller already holds (the web app's cache, a saved run) into a slot: `available` when it
 * carries the fields this document version reads, `failed` with the path of the first missing field otherwise.
 */
export function slotFromResult<K extends ContractId>(
  id: K,
  result: AnalysisResult<unknown>,
  description?: string,
): AnalysisSlot<ContractTypes[K]> {
  if (result.analysis.id !== id)
    return {
      status: 'failed',
      analysisId: id,
      version: result.analysis.version,
      reason: `the result given is from analysis "${result.analysis.id}"`,
    }
  const read = tryRead(CONTRACTS[id].read as (v: unknown, p: string) => ContractTypes[K], result.result, `${id}.result`)
  if (!read.ok)
    return {
      status: 'failed',
      analysisId: id,
      version: result.analysis.version,
      reason: `its result is not in the shape this document version reads (${read.reason})`,
    }
  const typed: AnalysisResult<ContractTypes[K]> = { ...result, result: read.value }
  return description === undefined
    ? { status: 'available', result: typed }
    : { status: 'available', result: typed, description }
}

export interface GatherOptions {
  /** Per-analysis parameter overrides, e.g. `{ 'daily-customers': { countInboundSms: 'true' } }`. */
  readonly overrides?: Readonly<Record<string, Readonly<Record<string, string>>>>
  /** Where analyses are looked up; the registry unless a test passes its own. */
  readonly find?: (id: string) => AnalysisDefinition<unknown> | undefined
}

/**
 * Runs each analysis a document needs, if this version has it (`findAnalysis`), and reads its result. A missing
 * analysis gives a `not-registered` slot and a failing one a `failed` slot with the reason: the document then says
 * so in place of figures. Runs one at a time, in the order given, so the output never depends on timing.
 */
export async function gatherAnalyses<K extends ContractId>(
  store: CaseStore,
  ids: readonly K[],
  selection: Selection,
  ctx: AnalysisContext,
  options: GatherOptions = {},
): Promise<AnalysisSlots<K>> {
  const find = options.find ?? findAnalysis
  const out: Partial<Record<K, AnalysisSlot<unknown>>> = {}
  for (const id of ids) {
    const definition = find(id)
    if (definition === undefined) {
      out[id] = { status: 'not-registered', analysisId: id }
      continue
    }
    try {
      const params = selectionParams(definition, selection, options.overrides?.[id])
      const result = await runAnalysis(definition, store, params, ctx)
      out[id] = slotFromResult(id, result, definition.description)
    } catch (e) {
      out[id] = {
        status: 'failed',
        analysisId: id,
        version: definition.version,
        reason: `the run failed: ${e instanceof Error ? e.message : String(e)}`,
      }
    }
  }
  return out as AnalysisSlots<K>
}
