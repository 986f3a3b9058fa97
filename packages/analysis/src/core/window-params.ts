import type { ParamSpec } from './params.js'

/** An instant parameter: ISO 8601 with its zone, checked against the calendar before any query. */
export const instantParam = (description: string): ParamSpec => ({
  type: 'string',
  default: null,
  calendar: 'instant',
  description,
})

/** The optional time window of the analyses that read records between two instants. */
export const WINDOW_PARAMS = {
  from: instantParam(
    'Start of the window (ISO 8601 with Z or an offset, e.g. 2024-03-05T10:00:00Z), inclusive; all records when unset',
  ),
  to: instantParam(
    'End of the window (ISO 8601 with Z or an offset, e.g. 2024-03-05T18:00:00Z), inclusive; all records when unset',
  ),
} as const satisfies Readonly<Record<string, ParamSpec>>
