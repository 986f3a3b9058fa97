import type { AnalysisDefinition } from './core/definition.js'
import { topContacts } from './contacts/top-contacts/top-contacts.js'
import { COMMS_ANALYSES } from './comms/index.js'
import { LINE_NETWORK_ANALYSES } from './line-network/index.js'
import { LINES_ANALYSES } from './lines/index.js'
import { PLACES_ANALYSES } from './places-and-movement/index.js'

/** Every analysis, listed explicitly (no registration side effects): the CLI, server and reports read this. */
export const ANALYSES: readonly AnalysisDefinition<unknown>[] = Object.freeze(
  [topContacts, ...COMMS_ANALYSES, ...LINES_ANALYSES, ...LINE_NETWORK_ANALYSES, ...PLACES_ANALYSES].map(
    (a) => a as unknown as AnalysisDefinition<unknown>,
  ),
)

export const findAnalysis = (id: string): AnalysisDefinition<unknown> | undefined =>
  ANALYSES.find((a) => a.id === id)
