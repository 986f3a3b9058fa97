import type { ImportWarning, TimeSpec } from '@linesight/model'
import type { Profile } from '../profiles/profile.js'
import type { Question } from './detection.js'
import { zoneFromHeader } from './header-roles.js'
import {
  inferTimeShape,
  timeTemplates,
  orderFromEvidence,
  resolveTemplate,
  type DateOrder,
  type TimeShape,
} from './time-format.js'

/** Whole-column evidence about day and month order, from the engine. */
export interface OrderEvidence {
  readonly column: string
  readonly firstFieldOver12: number
  readonly secondFieldOver12: number
}

export interface TimeOptions {
  readonly caseTimeZone: string
  readonly zone?: string
  readonly dateOrder?: DateOrder
  /** The analyst's strptime format (a mapping file's `dateFormat`), which reads the column as given. */
  readonly dateFormat?: string
}

export interface TimeDecision {
  readonly spec: TimeSpec | null
  readonly questions: readonly Question[]
  readonly pendingDateOrder: readonly string[]
  readonly warnings: readonly ImportWarning[]
  readonly zone: { readonly zone: string; readonly source: string } | null
}

const warning = (code: string, message: string): ImportWarning => ({ code, message, count: 1 })

/**
 * Decides how to read one time column (or a date column plus a time column): format from the values, date order
 * from the data (sample, then whole column), zone from the values, the header, the user, the profile or the case.
 */
export function decideTime(
  column: string,
  timeColumn: string | null,
  values: readonly string[],
  timeValues: readonly string[] | null,
  profile: Profile | null,
  options: TimeOptions,
  evidence: readonly OrderEvidence[] | null,
  lines: readonly number[] | null = null,
): TimeDecision {
  const questions: Question[] = []
  const warnings: ImportWarning[] = []
  // The analyst's format reads a one-column time whether or not detection could (values it does not read are
  // rejected row by row with their line); a format with an offset (%z) keeps the detected reading below.
  if (options.dateFormat !== undefined && timeColumn === null && !options.dateFormat.includes('%z')) {
    const zone = decideZone('strptime', [column], profile, options, warnings)
    const spec: TimeSpec = {
      column,
      format: options.dateFormat,
      zone: zone.zone,
      zoneSource: zone.sourceCode,
      precision: /%S|%T/.test(options.dateFormat) ? 'second' : 'minute',
    }
    return { spec, questions, pendingDateOrder: [], warnings, zone: { zone: zone.zone, source: zone.source } }
  }
  const dateShape = inferTimeShape(values)
  const timeShape = timeValues === null ? null : inferTimeShape(timeValues)
  if (dateShape === null || (timeValues !== null && timeShape === null)) {
    const [bad, badValues] =
      dateShape === null ? [column, values] : [timeColumn ?? column, timeValues ?? values]
    return {
      spec: null,
      questions: [{ code: 'no-time', column: bad, message: noFormatMessage(bad, badValues, lines) }],
      pendingDateOrder: [],
      warnings,
      zone: null,
    }
  }
  for (const [name, shape, vs] of [
    [column, dateShape, values],
    [timeColumn, timeShape, timeValues],
  ] as const) {
    const unread = name === null || shape === null || vs === null ? [] : unreadValues(vs, lines, shape)
    if (name !== null && unread.length > 0)
      warnings.push(
        warning(
          'time-values-unread',
          `Column "${name}": ${unread.length} of ${shape!.total} sample values do not read like "${vs!.find((v, i) => v.trim() !== '' && !unread.some((u) => u.index === i))?.trim() ?? ''}": ${listValues(unread)}. Rows like these are rejected, each with its line and reason; the others are imported`,
        ),
      )
  }
  let order: DateOrder | null = null
  if (dateShape.orderSensitive) {
    const whole = evidence?.find((e) => e.column === column)
    const verdict = whole
      ? orderFromEvidence(whole.firstFieldOver12, whole.secondFieldOver12)
      : orderFromEvidence(dateShape.firstOver12, dateShape.secondOver12)
    if (verdict === 'mixed') {
      questions.push({
        code: 'mixed-date-order',
        column,
        message: `column "${column}" mixes day-first and month-first dates (both fields exceed 12 in different rows): the file needs checking with its supplier`,
      })
    } else if (verdict !== 'undecided') {
      order = verdict
      if (options.dateOrder !== undefined && options.dateOrder !== verdict)
        questions.push({
          code: 'date-order',
          column,
          message: `--date-order ${options.dateOrder} contradicts column "${column}", whose values are ${verdict}`,
        })
    } else if (options.dateOrder !== undefined) {
      order = options.dateOrder
      warnings.push(
        warning(
          'date-order-user',
          `No day above 12 in "${column}": read as ${order} because --date-order said so`,
        ),
      )
    } else if (whole === undefined) {
      return { spec: null, questions, pendingDateOrder: [column], warnings, zone: null }
    } else if (profile?.dateOrder !== undefined) {
      order = profile.dateOrder
      warnings.push(
        warning(
          'date-order-profile',
          `No day above 12 anywhere in "${column}": read as ${order}, the documented order of ${profile.title}`,
        ),
      )
    } else {
      questions.push({
        code: 'date-order',
        column,
        message: `column "${column}" never has a day above 12, so dd/mm and mm/dd both fit (e.g. "${dateShape.matched > 0 ? values.find((v) => v.trim() !== '') : ''}"): pass --date-order dmy or --date-order mdy`,
      })
    }
  }
  const format = (shape: TimeShape): string => resolveTemplate(shape, order)
  const joined = timeShape === null ? format(dateShape) : `${format(dateShape)} ${format(timeShape)}`
  const kindFormat =
    dateShape.kind === 'iso-offset' ? 'iso' : dateShape.kind === 'strptime' ? joined : dateShape.kind
  const zone = decideZone(
    dateShape.kind,
    [column, timeColumn].filter((c): c is string => c !== null),
    profile,
    options,
    warnings,
  )
  if (questions.length > 0) return { spec: null, questions, pendingDateOrder: [], warnings, zone }
  const precision =
    dateShape.kind !== 'strptime' ? 'second' : (timeShape ?? dateShape).hasSeconds ? 'second' : 'minute'
  const spec: TimeSpec = {
    column,
    ...(timeColumn === null ? {} : { timeColumn }),
    format: kindFormat,
    zone: zone.sourceCode === 'value' && dateShape.kind === 'iso-offset' ? 'value' : zone.zone,
    zoneSource: zone.sourceCode,
    precision,
  }
  return { spec, questions, pendingDateOrder: [], warnings, zone: { zone: zone.zone, source: zone.source } }
}

interface UnreadValue {
  readonly index: number
  readonly value: string
  readonly line: number | null
}

/** Non-empty values that do not read with the shape (or, with no shape, as any date or time), with their lines. */
function unreadValues(
  values: readonly string[],
  lines: readonly number[] | null,
  shape: TimeShape | null,
): UnreadValue[] {
  return values.flatMap((raw, index) => {
    const value = raw.trim()
    if (value === '') return []
    const templates = timeTemplates(value)
    const reads = shape === null ? templates.length > 0 : templates.includes(shape.template)
    return reads ? [] : [{ index, value, line: lines?.[index] ?? null }]
  })
}

/** Up to five values with their lines: `"not a date" (line 3), "x" (line 9) and 4 more`. */
function listValues(unread: readonly UnreadValue[]): string {
  const shown = unread
    .slice(0, 5)
    .map((u) => `"${u.value.slice(0, 60)}"${u.line === null ? '' : ` (line ${u.line})`}`)
  return `${shown.join(', ')}${unread.length > shown.length ? ` and ${unread.length - shown.length} more` : ''}`
}

/** Why no format was settled, naming the values that do not read as dates or times, and their lines. */
function noFormatMessage(column: string, values: readonly string[], lines: readonly number[] | null): string {
  const present = values.filter((v) => v.trim() !== '').length
  const notTimes = unreadValues(values, lines, null)
  if (notTimes.length === present)
    return `column "${column}" has no recognisable date/time format: no value in the sample reads as a date or time, e.g. ${listValues(notTimes)}`
  const formats = new Map<string, UnreadValue[]>()
  values.forEach((raw, index) => {
    const template = timeTemplates(raw.trim())[0]
    if (template === undefined) return
    formats.set(template, [
      ...(formats.get(template) ?? []),
      { index, value: raw.trim(), line: lines?.[index] ?? null },
    ])
  })
  const groups = [...formats.values()]
  const like = (g: readonly UnreadValue[]): string => `${g.length} like ${listValues(g.slice(0, 1))}`
  const read =
    groups.length > 1
      ? `they mix ${groups.length} formats, ${groups.slice(0, -1).map(like).join(', ')} and ${like(groups.at(-1)!)}`
      : `only ${groups[0]!.length} of ${present} in the sample ${groups[0]!.length === 1 ? 'reads' : 'read'} as one, like ${listValues(groups[0]!.slice(0, 1))}`
  return `column "${column}" has no date/time format shared by most of its values: ${read}${notTimes.length > 0 ? `; these read as no date or time: ${listValues(notTimes)}` : ''}`
}

function decideZone(
  kind: TimeShape['kind'],
  columns: readonly string[],
  profile: Profile | null,
  options: TimeOptions,
  warnings: ImportWarning[],
): { zone: string; source: string; sourceCode: TimeSpec['zoneSource'] } {
  if (kind === 'iso-offset')
    return {
      zone: 'offset in each value',
      source: 'the UTC offset written in every value',
      sourceCode: 'value',
    }
  if (kind === 'epoch-s' || kind === 'epoch-ms')
    return { zone: 'UTC', source: 'epoch seconds are UTC', sourceCode: 'value' }
  const fromHeader = columns.map(zoneFromHeader).find((z) => z !== null) ?? null
  if (options.zone !== undefined) {
    if (fromHeader !== null && fromHeader !== options.zone)
      warnings.push(
        warning(
          'zone-override',
          `The header says ${fromHeader} but --zone ${options.zone} was given: times read as ${options.zone}`,
        ),
      )
    return { zone: options.zone, source: `--zone ${options.zone}`, sourceCode: 'user' }
  }
  if (fromHeader !== null)
    return { zone: fromHeader, source: `the header "${columns.join('", "')}"`, sourceCode: 'header' }
  if (profile?.timeZone !== undefined)
    return { zone: profile.timeZone, source: `the ${profile.title} layout`, sourceCode: 'profile' }
  warnings.push(
    warning(
      'zone-case-default',
      `The file does not state a time zone: times were read as ${options.caseTimeZone}, the case's declared zone. Re-import with --zone if the supplier's letter says otherwise.`,
    ),
  )
  return {
    zone: options.caseTimeZone,
    source: `the case's declared zone (${options.caseTimeZone})`,
    sourceCode: 'case-default',
  }
}
