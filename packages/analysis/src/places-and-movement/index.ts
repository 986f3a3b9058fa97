/**
 * Places and movement (issue 5, items 4–8): where a number's cells are, how it moved, whether numbers were together,
 * who was at several places and times, a number's schedule, and the cells of locations of interest.
 */
import { cleanDirty } from '../colocation/clean-dirty/clean-dirty.js'
import { colocation } from '../colocation/colocation/colocation.js'
import { commonNumbers } from '../cell-dumps/common-numbers/common-numbers.js'
import { dwellPeriods } from '../locations/dwell-periods/dwell-periods.js'
import { impossibleTravel } from '../locations/impossible-travel/impossible-travel.js'
import { journeys } from '../locations/journeys/journeys.js'
import { topCells } from '../locations/top-cells/top-cells.js'
import { places } from '../places/places/places.js'
import { eventSequence } from '../sequences/event-sequence/event-sequence.js'

export {
  topCells,
  dwellPeriods,
  journeys,
  impossibleTravel,
  colocation,
  cleanDirty,
  commonNumbers,
  eventSequence,
  places,
}

export type { TopCellsResult, CellFigure, SiteFigure } from '../locations/top-cells/top-cells.js'
export type { DwellPeriodsResult, DwellPeriod } from '../locations/dwell-periods/dwell-periods.js'
export type { JourneysResult, Journey, JourneyEnd } from '../locations/journeys/journeys.js'
export { findJourneys, type JourneyRules } from '../locations/journeys/journeys.rules.js'
export type {
  ImpossibleTravelResult,
  ImpossibleTravelFlag,
  TravelEnd,
} from '../locations/impossible-travel/impossible-travel.js'
export type {
  ColocationResult,
  ColocationPair,
  ColocationPeriod,
  NonColocationPeriod,
  PairTally,
} from '../colocation/colocation/colocation.js'
export {
  CLEAN_DIRTY_CAUTION,
  type CleanDirtyResult,
  type CleanDirtyPattern,
  type PatternPeriod,
  type UseProfile,
} from '../colocation/clean-dirty/clean-dirty.js'
export type {
  CommonNumbersResult,
  CommonNumber,
  CellDump,
  DumpPresence,
} from '../cell-dumps/common-numbers/common-numbers.js'
export {
  DUMP_SYNTAX,
  parseDumps,
  type DumpSpec,
  type DumpCell,
} from '../cell-dumps/common-numbers/common-numbers.rules.js'
export type { EventSequenceResult, SequenceEvent } from '../sequences/event-sequence/event-sequence.js'
export { eventWording, type WordingInput } from '../sequences/event-sequence/event-sequence.rules.js'
export {
  rankServingCandidates,
  type PlacesResult,
  type PlaceReport,
  type CandidateCell,
  type PlaceUser,
  type PlaceCellUse,
  type SurveySeen,
} from '../places/places/places.js'
export type { PlaceRef } from '../places/common/place.js'
export { facingOf, type Facing, type FacingResult } from '../places/common/facing.js'
export {
  POSITION_SOURCE_LABEL,
  isEvidential,
  type CellPositionSource,
} from '../locations/common/location-figures.js'

/** The places-and-movement analyses, for the registry. */
export const PLACES_ANALYSES = [
  topCells,
  dwellPeriods,
  journeys,
  impossibleTravel,
  colocation,
  cleanDirty,
  commonNumbers,
  eventSequence,
  places,
] as const
