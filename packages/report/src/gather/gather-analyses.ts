import {
  findAnalysis,
  runAnalysis,
  type AnalysisContext,
  type AnalysisDefinition,
  type AnalysisResult,
  type ParamSpec,
} from '@linesight/analysis'
import type { CaseStore } from '@linesight/store'
import type { AnalysisSlot } from '../core/analysis-slot.js'
import { tryRead } from '../core/contract.js'
import { toLocal } from '../core/time.js'
import { CONTRACTS, type ContractId, type ContractTypes } from '../contracts/index.js'
import { findLine, type LineContinuityFigures } from '../contracts/line-continuity.js'

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
  line: ['line', 'target', 'lines', 'targets', 'senders'],
  from: ['from'],
  to: ['to'],
}

/** A string parameter that takes a local day (`yyyy-mm-dd`) and not an instant. */
const takesDay = (spec: ParamSpec | undefined): boolean =>
  spec?.type === 'string' &&
  spec.pattern !== undefined &&
  new RegExp(spec.pattern).test('2024-01-31') &&
  !new RegExp(spec.pattern).test('2024-01-31T00:00:00Z')

/**
 * The parameters an analysis is run with for a selection: matching declared names, then the user's overrides. A
 * window bound goes as the UTC instant, or as the local day in `zone` when the parameter declares a day pattern
 * (`yyyy-mm-dd`), as the line analyses do.
 */
export function selectionParams(
  definition: Pick<AnalysisDefinition<unknown>, 'params'>,
  selection: Selection,
  zone: string,
  overrides: Readonly<Record<string, string>> = {},
  lineNumbers: readonly string[] = [],
): Record<string, string> {
  const given: Record<string, string> = {}
  for (const key of Object.keys(SELECTION_PARAMS) as (keyof Selection)[]) {
    const value = selection[key]
    if (value === null) continue
    for (const name of SELECTION_PARAMS[key]) {
      const spec = definition.params[name]
      if (spec === undefined) continue
      // A list parameter takes every number of the line once line-continuity has found them.
      given[name] =
        key === 'line'
          ? spec.type === 'string-list' && lineNumbers.length > 0
            ? lineNumbers.join(',')
            : value
          : takesDay(spec)
            ? toLocal(value, zone).date
            : value
    }
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
  const read = tryRead(
    CONTRACTS[id].read as (v: unknown, p: string) => ContractTypes[K],
    result.result,
    `${id}.result`,
  )
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
 * so in place of figures. Runs one at a time, in the order given, so the output never depends on timing. When
 * line-continuity comes first and finds the chosen line, later analyses taking a list of numbers get all of them.
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
  let numbers: readonly string[] = []
  for (const id of ids) {
    const definition = find(id)
    if (definition === undefined) {
      out[id] = { status: 'not-registered', analysisId: id }
      continue
    }
    try {
      const params = selectionParams(definition, selection, ctx.zone, options.overrides?.[id], numbers)
      const result = await runAnalysis(definition, store, params, ctx)
      const slot = slotFromResult(id, result, definition.description)
      out[id] = slot
      if (id === 'line-continuity' && slot.status === 'available' && selection.line !== null)
        numbers = findLine(slot.result.result as LineContinuityFigures, selection.line)?.numbers ?? []
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
