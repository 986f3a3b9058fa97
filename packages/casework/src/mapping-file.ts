import { readFile } from 'node:fs/promises'
import type { EventClassVocabulary, SourceKind } from '@linesight/model'
import {
  EVENT_DIRECTIONS,
  EVENT_TYPES,
  literal,
  nonEmptyString,
  object,
  optional,
  recordOf,
  ValidationError,
} from '@linesight/model'
import { ROLES, type Role } from '@linesight/ingest'

/**
 * A user's answer to what detection could not settle (docs/formats.md "Mapping files"): which column plays which
 * role, the date format, the zone, the number country and extra type/direction words.
 */
export interface MappingFile {
  readonly kind?: SourceKind
  readonly profile?: string
  readonly roles?: Readonly<Record<string, Role | 'ignore'>>
  readonly dateFormat?: string
  readonly timeZone?: string
  readonly numberCountry?: string
  readonly target?: string
  readonly vocabulary?: EventClassVocabulary
}

const ALIASES: Readonly<Record<string, string>> = {
  start: 'datetime',
  cell: 'startCell',
  type: 'eventClass',
  msisdn: 'target',
}

const shape = object({
  kind: optional(literal('cdr', 'cells', 'subscribers')),
  profile: optional(nonEmptyString),
  columns: optional(recordOf(nonEmptyString)),
  dateFormat: optional(nonEmptyString),
  timeZone: optional(nonEmptyString),
  numberCountry: optional(nonEmptyString),
  target: optional(nonEmptyString),
  vocabulary: optional(
    recordOf(
      object({ type: optional(literal(...EVENT_TYPES)), direction: optional(literal(...EVENT_DIRECTIONS)) }),
    ),
  ),
})

/** Validates a parsed mapping; unknown keys and roles fail with their path. */
export function validateMapping(value: unknown, path: string): MappingFile {
  const m = shape.validate(value, path)
  const roles: Record<string, Role> = {}
  for (const [role, column] of Object.entries(m.columns ?? {})) {
    const canonical = ALIASES[role] ?? role
    if (!(ROLES as readonly string[]).includes(canonical))
      throw new ValidationError(
        `${path}.columns.${role}`,
        `unknown role (known: ${[...Object.keys(ALIASES), ...ROLES].join(', ')})`,
      )
    roles[column] = canonical as Role
  }
  const vocabulary: Record<
    string,
    { type?: (typeof EVENT_TYPES)[number]; direction?: (typeof EVENT_DIRECTIONS)[number] }
  > = {}
  for (const [k, v] of Object.entries(m.vocabulary ?? {})) vocabulary[k.trim().toLowerCase()] = v
  return {
    ...(m.kind === undefined ? {} : { kind: m.kind }),
    ...(m.profile === undefined ? {} : { profile: m.profile }),
    ...(Object.keys(roles).length === 0 ? {} : { roles }),
    ...(m.dateFormat === undefined ? {} : { dateFormat: m.dateFormat }),
    ...(m.timeZone === undefined ? {} : { timeZone: m.timeZone }),
    ...(m.numberCountry === undefined ? {} : { numberCountry: m.numberCountry }),
    ...(m.target === undefined ? {} : { target: m.target }),
    ...(m.vocabulary === undefined ? {} : { vocabulary }),
  }
}

export async function readMappingFile(path: string): Promise<MappingFile> {
  const text = await readFile(path, 'utf8')
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (e) {
    throw new Error(`${path} is not valid JSON: ${(e as Error).message}`, { cause: e })
  }
  return validateMapping(parsed, `mapping(${path})`)
}
