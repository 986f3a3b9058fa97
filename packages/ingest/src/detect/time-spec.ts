import type { ImportWarning, TimeSpec } from '@linesight/model'
import type { Profile } from '../profiles/profile.js'
import type { Question } from './detection.js'
import { zoneFromHeader } from './header-roles.js'
import {
  inferTimeShape,
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
): TimeDecision {
  const questions: Question[] = []
  const warnings: ImportWarning[] = []
  const dateShape = inferTimeShape(values)
  const timeShape = timeValues === null ? null : inferTimeShape(timeValues)
  if (dateShape === null || (timeValues !== null && timeShape === null)) {
    const bad = dateShape === null ? column : (timeColumn ?? column)
    return {
      spec: null,
      questions: [
        {
          code: 'no-time',
          column: bad,
          message: `column "${bad}" has no recognisable date/time format (e.g. "${values.find((v) => v.trim() !== '') ?? ''}")`,
        },
      ],
      pendingDateOrder: [],
      warnings,
      zone: null,
    }
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
    dateShape,
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

function decideZone(
  shape: TimeShape,
  columns: readonly string[],
  profile: Profile | null,
  options: TimeOptions,
  warnings: ImportWarning[],
): { zone: string; source: string; sourceCode: TimeSpec['zoneSource'] } {
  if (shape.kind === 'iso-offset')
    return {
      zone: 'offset in each value',
      source: 'the UTC offset written in every value',
      sourceCode: 'value',
    }
  if (shape.kind === 'epoch-s' || shape.kind === 'epoch-ms')
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
