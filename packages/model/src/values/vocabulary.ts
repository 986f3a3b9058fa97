/** Every closed vocabulary of the model, as runtime lists so validators, SQL and UI labels share one source. */
export const EVENT_DIRECTIONS = ['out', 'in', 'unknown'] as const
export type EventDirection = (typeof EVENT_DIRECTIONS)[number]

export const EVENT_TYPES = ['voice', 'sms', 'mms', 'data', 'voicemail', 'forward', 'other'] as const
export type EventType = (typeof EVENT_TYPES)[number]

/** How a record's cell relates to its time (College of Policing guidance on data events). */
export const TIME_SEMANTICS = ['at', 'at-or-before-start', 'at-or-before-end'] as const
export type TimeSemantics = (typeof TIME_SEMANTICS)[number]

/** Precision the source gave a time in: a minute-only timestamp must not pretend to know seconds. */
export const TIME_PRECISIONS = ['second', 'minute', 'millisecond'] as const
export type TimePrecision = (typeof TIME_PRECISIONS)[number]

/** What kind of value the other party was, after normalisation. */
export const NUMBER_KINDS = ['e164', 'short-code', 'alphanumeric', 'invalid', 'absent'] as const
export type NumberKind = (typeof NUMBER_KINDS)[number]

export const RADIO_TECHNOLOGIES = ['gsm', 'umts', 'lte', 'nr', 'unknown'] as const
export type RadioTechnology = (typeof RADIO_TECHNOLOGIES)[number]

/** Where a cell's record came from. Public fallback data is never evidential and is never mixed silently. */
export const CELL_SOURCES = ['network', 'public-fallback', 'record'] as const
export type CellSource = (typeof CELL_SOURCES)[number]

export const SOURCE_KINDS = ['cdr', 'cells', 'subscribers'] as const
export type SourceKind = (typeof SOURCE_KINDS)[number]

export const SOURCE_FORMATS = ['csv', 'xlsx', 'etsi-xml'] as const
export type SourceFormat = (typeof SOURCE_FORMATS)[number]
