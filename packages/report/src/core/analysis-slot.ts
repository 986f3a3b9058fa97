import type { AnalysisResult } from '@linesight/analysis'

/**
 * What a document knows about one analysis it needs. A document never fills a gap: when the slot is not
 * `available`, it prints a section saying the analysis is not available (and why) instead of any figure.
 */
export type AnalysisSlot<R> =
  | {
      readonly status: 'available'
      readonly result: AnalysisResult<R>
      /** The analysis's own court-reader description, when the registry has it. */
      readonly description?: string
    }
  /** No analysis with this id is registered in this version of Linesight. */
  | { readonly status: 'not-registered'; readonly analysisId: string }
  /** Registered, but it failed to run or its result is not in the shape this document version reads. */
  | {
      readonly status: 'failed'
      readonly analysisId: string
      readonly version: string | null
      readonly reason: string
    }

export const available = <R>(result: AnalysisResult<R>, description?: string): AnalysisSlot<R> =>
  description === undefined ? { status: 'available', result } : { status: 'available', result, description }

export const notRegistered = <R>(analysisId: string): AnalysisSlot<R> => ({
  status: 'not-registered',
  analysisId,
})

export const slotId = (slot: AnalysisSlot<unknown>): string =>
  slot.status === 'available' ? slot.result.analysis.id : slot.analysisId

/** One line for the reader: why the document has no figures from this analysis. */
export function unavailableReason(slot: AnalysisSlot<unknown>): string {
  switch (slot.status) {
    case 'available':
      return ''
    case 'not-registered':
      return `analysis "${slot.analysisId}" is not available in this version of Linesight`
    case 'failed':
      return `analysis "${slot.analysisId}"${slot.version === null ? '' : ` v${slot.version}`} could not be used: ${slot.reason}`
  }
}
