import type { DocumentKind, DocumentKindInfo } from './kinds.js'

/** The names of what a caller may state for a document: the CLI's flags, the web app's form fields. */
export type DocumentOptionName =
  | 'line'
  | 'numbers'
  | 'from'
  | 'to'
  | 'analyst'
  | 'reviewer'
  | 'exhibit'
  | 'respondent'
  | 'asOf'
  | 'exhibits'
  | 'radius'
  | 'params'
  | 'zone'
  | 'generatedAt'

/**
 * How an option's value is written: `number` one E.164 number, `numbers` a list of them, `bound` a local date
 * (a whole day in the zone) or an ISO time with its zone, `date` a `YYYY-MM-DD` day, `exhibit-ref` `PREFIX/NUMBER`,
 * `exhibits` a list of `{ ref, title, persons, numbers }`, `params` `analysis.name=value` pairs, `metres` a
 * positive number, `zone` an IANA zone name, `time` an ISO time with its zone.
 */
export type DocumentOptionType =
  | 'number'
  | 'numbers'
  | 'bound'
  | 'date'
  | 'text'
  | 'exhibit-ref'
  | 'exhibits'
  | 'params'
  | 'metres'
  | 'zone'
  | 'time'

export interface DocumentOption {
  readonly name: DocumentOptionName
  readonly label: string
  readonly type: DocumentOptionType
  readonly description: string
  readonly required: boolean
  /** Rarely changed (zone, stated generation time): a form may tuck it away. */
  readonly advanced: boolean
}

interface OptionSpec extends Omit<DocumentOption, 'required' | 'advanced'> {
  /** Which kinds it applies to: all, those with a selection, or a list. */
  readonly for: 'all' | DocumentKindInfo['selection'] | readonly DocumentKind[]
  readonly requiredFor?: DocumentKindInfo['selection']
  readonly advanced?: boolean
}

// In the order a form shows them; the wording follows the CLI's flags.
const OPTIONS: readonly OptionSpec[] = [
  {
    name: 'line',
    label: 'Line',
    type: 'number',
    description: 'the line, by one of its numbers',
    for: 'line',
    requiredFor: 'line',
  },
  {
    name: 'numbers',
    label: 'Numbers',
    type: 'numbers',
    description: 'the numbers whose events are listed',
    for: 'numbers',
    requiredFor: 'numbers',
  },
  {
    name: 'from',
    label: 'From',
    type: 'bound',
    description: "start of the window: a whole local day in the case's zone, or an ISO time with its zone",
    for: 'all',
  },
  { name: 'to', label: 'To', type: 'bound', description: 'end of the window, inclusive', for: 'all' },
  {
    name: 'analyst',
    label: 'Analyst',
    type: 'text',
    description: 'who produces the document (default: the user running Linesight)',
    for: 'all',
  },
  {
    name: 'reviewer',
    label: 'Reviewer',
    type: 'text',
    description: 'second person who checked the critical findings (a draft without one)',
    for: 'all',
  },
  {
    name: 'exhibit',
    label: 'Exhibit reference',
    type: 'exhibit-ref',
    description: "PREFIX/NUMBER (default: the analyst's initials/1)",
    for: 'all',
  },
  {
    name: 'respondent',
    label: 'Respondent',
    type: 'text',
    description: 'one respondent by name',
    for: ['gang-injunction'],
  },
  {
    name: 'asOf',
    label: 'Ages as of',
    type: 'date',
    description: 'the day ages are given on',
    for: ['gang-injunction', 'nrm-worklist'],
  },
  {
    name: 'exhibits',
    label: 'Related exhibits',
    type: 'exhibits',
    description: 'exhibits to cite against the suspects: { ref, title, persons, numbers }',
    for: ['charging-schedule'],
  },
  {
    name: 'radius',
    label: 'Wedge radius',
    type: 'metres',
    description: 'wedge radius when the cell list gives none (default 1500 m)',
    for: ['line-profile'],
  },
  {
    name: 'params',
    label: 'Analysis parameters',
    type: 'params',
    description: 'analysis.name=value, e.g. transactions.callbackWindowMinutes=30',
    for: 'all',
  },
  {
    name: 'zone',
    label: 'Time zone',
    type: 'zone',
    description: "zone for local times (default: the case's declared zone)",
    for: 'all',
    advanced: true,
  },
  {
    name: 'generatedAt',
    label: 'Stated generation time',
    type: 'time',
    description: 'default now; to re-create a document byte for byte',
    for: 'all',
    advanced: true,
  },
]

/** What a caller may state for one kind of document, in form order, with which are required. */
export function documentOptions(info: DocumentKindInfo): DocumentOption[] {
  return OPTIONS.filter((o) =>
    o.for === 'all' ? true : typeof o.for === 'string' ? o.for === info.selection : o.for.includes(info.kind),
  ).map((o) => ({
    name: o.name,
    label: o.label,
    type: o.type,
    description: o.description,
    required: o.requiredFor === info.selection,
    advanced: o.advanced ?? false,
  }))
}
