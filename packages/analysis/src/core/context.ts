import type { AnalysisMemo } from './memo.js'

/** What an analysis may know about the world besides the case: the clock and the zone to show days in. */
export interface AnalysisContext {
  /** The time the run is stamped with; never read from the system inside an analysis. */
  readonly now: Date
  /** Zone that defines a "day" and displayed times (Europe/London unless the parameter set says otherwise). */
  readonly zone: string
  /**
   * Intermediate results shared by the analyses of one run over an unchanged case (`createAnalysisMemo`); without
   * it every analysis computes everything itself.
   */
  readonly memo?: AnalysisMemo
}
