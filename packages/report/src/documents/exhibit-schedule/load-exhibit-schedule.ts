import type { CaseStore } from '@linesight/store'
import type { DocumentProvenance } from '../../core/provenance.js'
import { scheduleDuplicatesQuery, scheduleEventsQuery } from '../../store/schedule-events.sql.js'
import type { ExhibitScheduleInput } from './exhibit-schedule.js'

/** Reads an exhibit schedule's input from the case: the numbers' events in the window, with cells and sources. */
export async function loadExhibitSchedule(
  store: CaseStore,
  provenance: DocumentProvenance,
  selection: {
    readonly numbers: readonly string[]
    readonly from: string | null
    readonly to: string | null
  },
): Promise<ExhibitScheduleInput> {
  const params = { numbers: selection.numbers, from: selection.from, to: selection.to }
  const [events, duplicates] = await Promise.all([
    store.run(scheduleEventsQuery, params),
    store.run(scheduleDuplicatesQuery, params),
  ])
  return { provenance, ...selection, events, duplicatesNotRepeated: duplicates[0]?.n ?? 0 }
}
