import type { CaseSession } from '@linesight/casework'
import type { GroundTruth } from '@linesight/generator'
import type { AccuracyRow } from './metrics.js'

/** One evaluation: runs analyses on a scenario case and compares them with the ground truth. */
export type Evaluation = (
  session: CaseSession,
  truth: GroundTruth,
  seed: number,
) => Promise<readonly AccuracyRow[]>
