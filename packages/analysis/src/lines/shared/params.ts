import { EVENT_TYPES, ValidationError } from '@linesight/model'
import type { ParamSchema, Params } from '../../core/params.js'

/**
 * Parameter specs the line analyses share, so the same threshold has the same name, default and wording in every
 * analysis and exhibit. Defaults are the domain brief's (§3.1–§3.4); "our design" marks choices the sources leave
 * open.
 */

export const LINE_PARAM: ParamSchema = {
  line: {
    type: 'string',
    phone: true,
    default: null,
    pattern: '^\\+[1-9][0-9]{6,14}$',
    description: 'The line number (E.164, e.g. +447700900123) whose records are read. Required.',
  },
}

export const BURST_PARAMS: ParamSchema = {
  burstWindowMinutes: {
    type: 'number',
    default: 5,
    min: 0,
    max: 1440,
    unit: 'minutes',
    description:
      'Flare burst: consecutive outbound texts belong to one burst while the gap between them is at most this (domain brief §3.1, our design default 5)',
  },
  burstMinRecipients: {
    type: 'integer',
    default: 20,
    min: 1,
    max: 100_000,
    unit: 'numbers',
    description:
      'Flare burst: a run of texts is a burst when it reached at least this many distinct recipients (domain brief §3.1, our design default 20)',
  },
  flareTypes: {
    type: 'string-list',
    default: ['sms'],
    description:
      'Record types that can make up a flare burst (outbound only). SMS by default; add mms when flares were sent as picture messages',
  },
}

export const CONTACT_RULE_PARAMS: ParamSchema = {
  minConnectedCallSeconds: {
    type: 'integer',
    default: 6,
    min: 0,
    max: 3600,
    unit: 's',
    description:
      'A voice call counts only if it lasted more than this: shorter calls did not connect (police rule, domain brief §3.3 step 2)',
  },
  maxUnansweredInboundSeconds: {
    type: 'integer',
    default: 4,
    min: 0,
    max: 3600,
    unit: 's',
    description:
      'Inbound calls of this length or less are dropped as unanswered (police rule, §3.3 step 3). With both call thresholds the 5–6 s band is excluded too',
  },
  autoReplyMaxDelaySeconds: {
    type: 'integer',
    default: 10,
    min: 0,
    max: 3600,
    unit: 's',
    description:
      'An inbound text arriving this soon or sooner after a flare message to the same number is treated as an automatic reply and stripped (§3.3 step 4, our design)',
  },
  countInboundSms: {
    type: 'boolean',
    default: false,
    description:
      'Whether inbound texts (SMS/MMS) count as customer contacts. Off by default: calls only, the more cautious count (§3.3 open question)',
  },
  exclude: {
    type: 'string-list',
    phone: 'each',
    default: [],
    description:
      'Numbers the analyst excludes from the customer base (police, family, the runners themselves), as E.164 text exactly as listed in the results; each is listed in the exhibit',
  },
  useCustomerRecords: {
    type: 'boolean',
    default: true,
    description:
      "Also read the customers' own records (where a customer is a target) for contacts with the line that the line's records do not show; the same contact seen from both sides counts once",
  },
  sameContactToleranceSeconds: {
    type: 'integer',
    default: 5,
    min: 0,
    max: 600,
    unit: 's',
    description:
      'Two records of the same pair, type and opposite direction are the same contact seen from both sides when their start times agree within this (after widening a minute-precision time to its whole minute); our design',
  },
}

export const WEEK_PARAM: ParamSchema = {
  weekDefinition: {
    type: 'enum',
    default: 'iso',
    values: ['iso'],
    description:
      'Week for the single-day-per-week rule: ISO week, Monday to Sunday, in local days (our design)',
  },
}

export const CALLBACK_PARAMS: ParamSchema = {
  callbackWindowMinutes: {
    type: 'integer',
    default: null,
    min: 1,
    max: 1440,
    unit: 'minutes',
    description:
      'Confirmed transaction: the line or a runner contacted the customer back within this many minutes after the first qualifying contact, the same day. The sources give no value: the analyst must set it (scenario fixtures use 60). Required',
  },
  callbackTypes: {
    type: 'enum',
    default: 'both',
    values: ['voice', 'sms', 'both'],
    description: 'Which call-backs confirm a transaction: voice calls, texts (SMS/MMS) or both',
  },
  callbackMustConnect: {
    type: 'boolean',
    default: true,
    description: 'A voice call-back counts only if it connected (duration above 0 s)',
  },
  callbackExcludesFlares: {
    type: 'boolean',
    default: true,
    description:
      "A flare is not a call-back: the line's flare burst texts never confirm a transaction (our reading, as the scenario fixtures' ground truth)",
  },
  runners: {
    type: 'string-list',
    default: [],
    description:
      'Runner (associate) numbers whose call-backs count, from confirmed role attributions, never guessed here: "+447…" for the whole period or "+447…@2024-02-05..2024-03-26" for local dates (inclusive)',
  },
  potentialScope: {
    type: 'enum',
    default: 'base',
    values: ['base', 'all-inbound'],
    description:
      'Potential transactions: contacts from customer-base members only (default), or from every valid inbound number except exclusions (IDMU "unique incoming contacts")',
  },
  episodeGapMinutes: {
    type: 'integer',
    default: null,
    min: 1,
    max: 1440,
    unit: 'minutes',
    description:
      "Off when unset. When set, one customer's qualifying contacts more than this many minutes apart on one day are separate transactions (our design, after IDMU's point about repeat buys)",
  },
}

export const DAY_WINDOW_PARAMS: ParamSchema = {
  from: {
    type: 'string',
    default: null,
    calendar: 'date',
    description:
      'First local day (yyyy-mm-dd) to report; all days when unset. Rules that look at a whole week still see the whole week',
  },
  to: {
    type: 'string',
    default: null,
    calendar: 'date',
    description: 'Last local day (yyyy-mm-dd) to report, inclusive',
  },
}

const at = (id: string, name: string): string => `${id}.params.${name}`

export const numberParam = (params: Params, name: string): number => {
  const v = params[name]
  if (typeof v !== 'number')
    throw new ValidationError(`params.${name}`, `expected a number, got ${String(v)}`)
  return v
}

export const optionalNumber = (params: Params, name: string): number | null => {
  const v = params[name]
  return typeof v === 'number' ? v : null
}

export const booleanParam = (params: Params, name: string): boolean => params[name] === true

export const stringParam = (params: Params, name: string): string | null => {
  const v = params[name]
  return typeof v === 'string' ? v : null
}

export const listParam = (params: Params, name: string): readonly string[] => {
  const v = params[name]
  return Array.isArray(v) ? (v as readonly string[]) : []
}

/** A required parameter (declared with default null) must be set: the framework leaves that check to the analysis. */
export function required<T extends string | number>(id: string, params: Params, name: string): T {
  const v = params[name]
  if (v === null || v === undefined)
    throw new ValidationError(at(id, name), 'required: set a value (this parameter has no default)')
  return v as T
}

/** Flare types must be record types that can carry a text. */
export function flareTypes(id: string, params: Params): readonly string[] {
  const types = listParam(params, 'flareTypes')
  if (types.length === 0) throw new ValidationError(at(id, 'flareTypes'), 'name at least one record type')
  for (const t of types)
    if (!(EVENT_TYPES as readonly string[]).includes(t) || t === 'data' || t === 'voice')
      throw new ValidationError(at(id, 'flareTypes'), `"${t}" cannot carry a flare (use sms or mms)`)
  return types
}

/** One runner entry: a number and, optionally, the local dates it counts as the line's associate. */
export interface RunnerPeriod {
  readonly msisdn: string
  readonly from: string
  readonly to: string
}

const RUNNER = /^(\+[1-9][0-9]{6,14})(?:@(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2}))?$/

/** Parses `runners` entries: "+447…" (whole period) or "+447…@yyyy-mm-dd..yyyy-mm-dd". */
export function runnerPeriods(id: string, params: Params): readonly RunnerPeriod[] {
  return listParam(params, 'runners').map((entry) => {
    const m = RUNNER.exec(entry.trim())
    if (m === null)
      throw new ValidationError(
        at(id, 'runners'),
        `"${entry}" is not "+447…" or "+447…@yyyy-mm-dd..yyyy-mm-dd"`,
      )
    const from = m[2] ?? '0001-01-01'
    const to = m[3] ?? '9999-12-31'
    if (from > to)
      throw new ValidationError(at(id, 'runners'), `"${entry}": the period ends before it starts`)
    return { msisdn: m[1]!, from, to }
  })
}
