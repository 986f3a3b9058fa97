import {
  arrayOf,
  literal,
  nonEmptyString,
  object,
  optional,
  recordOf,
  string,
  EVENT_DIRECTIONS,
  EVENT_TYPES,
  type EventClassVocabulary,
  type SourceKind,
  type TimeSemantics,
} from '@linesight/model'
import type { Role } from '../detect/header-roles.js'

/**
 * A known layout, as data: how to recognise it and what its columns mean. Adding a network means adding a
 * `profile.json` (plus `quirks.md` and a fixture), never code.
 */
export interface Profile {
  readonly id: string
  readonly version: string
  readonly title: string
  readonly kind: SourceKind
  /** Headers that must all be present (compared normalised). */
  readonly headers?: readonly string[]
  /** For files without a header: the column names to give, and the delimiter and value patterns that identify it. */
  readonly headerless?: {
    readonly columns: readonly string[]
    readonly delimiter: string
    readonly patterns: Readonly<Record<string, string>>
  }
  /** Column → role, overriding the shared header dictionary. `ignore` leaves a column unread (it stays in the original). */
  readonly roles?: Readonly<Record<string, Role | 'ignore'>>
  readonly timeZone?: string
  readonly dateOrder?: 'dmy' | 'mdy'
  readonly numberCountry?: string
  readonly network?: string
  readonly mcc?: string
  readonly mnc?: string
  readonly dataTimeSemantics?: TimeSemantics
  readonly cellSource?: 'network' | 'public-fallback'
  readonly vocabulary?: EventClassVocabulary
  /** Type for records whose layout has no type column. */
  readonly defaultType?: (typeof EVENT_TYPES)[number]
  readonly notes?: string
}

const ROLE_OR_IGNORE = nonEmptyString
const meaning = object({
  type: optional(literal(...EVENT_TYPES)),
  direction: optional(literal(...EVENT_DIRECTIONS)),
})

const shape = object({
  id: nonEmptyString,
  version: nonEmptyString,
  title: nonEmptyString,
  kind: literal('cdr', 'cells', 'subscribers'),
  headers: optional(arrayOf(nonEmptyString)),
  headerless: optional(
    object({ columns: arrayOf(nonEmptyString), delimiter: nonEmptyString, patterns: recordOf(string) }),
  ),
  roles: optional(recordOf(ROLE_OR_IGNORE)),
  timeZone: optional(nonEmptyString),
  dateOrder: optional(literal('dmy', 'mdy')),
  numberCountry: optional(nonEmptyString),
  network: optional(nonEmptyString),
  mcc: optional(nonEmptyString),
  mnc: optional(nonEmptyString),
  dataTimeSemantics: optional(literal('at', 'at-or-before-start', 'at-or-before-end')),
  cellSource: optional(literal('network', 'public-fallback')),
  vocabulary: optional(recordOf(meaning)),
  defaultType: optional(literal(...EVENT_TYPES)),
  notes: optional(string),
})

/** Validates a profile; an unknown key such as `feild` fails with its path. */
export const validateProfile = (value: unknown, path: string): Profile =>
  shape.validate(value, path) as Profile
