import type { ImportPlan, SubscribersPlan } from '@linesight/model'
import { literal } from '../sql/quote.js'
import type { CompiledPlan, RowCheck, StageColumn } from './compiled-plan.js'
import { text } from './expressions.js'
import { timeFailureReason } from './time-reason.js'

/** Compiles a subscriber list: one record per row, the number normalised, dates read with the detected format. */
export function compileSubscribers(plan: ImportPlan, records: SubscribersPlan): CompiledPlan {
  const stage: StageColumn[] = []
  const add = (name: string, expr: string): void => void stage.push({ name, expr })
  add('__msisdn_raw', text(records.msisdn))
  const optional = (name: string, column: string | null, cast?: string): void =>
    add(
      name,
      column === null
        ? `NULL::${cast ?? 'VARCHAR'}`
        : cast === undefined
          ? text(column)
          : `try_cast(${text(column)} AS ${cast})`,
    )
  for (const [name, column] of [
    ['__name', records.name],
    ['__address', records.address],
    ['__postcode', records.postcode],
    ['__account_type', records.accountType],
    ['__imsi', records.imsi],
    ['__imei_raw', records.imei],
  ] as const)
    optional(name, column)
  optional('__lat', records.lat, 'DOUBLE')
  optional('__lon', records.lon, 'DOUBLE')
  const checks: RowCheck[] = []
  const lateChecks: RowCheck[] = [
    {
      field: records.msisdn,
      failWhen: '__msisdn_e164 IS NULL',
      reason: `'number "' || coalesce(__msisdn_raw, '') || '" is not a valid phone number'`,
      rawValue: '__msisdn_raw',
    },
  ]
  const dates: Record<string, string> = {}
  for (const [name, spec] of [
    ['date_of_birth', records.dateOfBirth],
    ['valid_from', records.validFrom],
    ['valid_to', records.validTo],
  ] as const) {
    if (spec === null) {
      dates[name] = 'NULL'
      continue
    }
    add(`__${name}_text`, text(spec.column))
    add(`__${name}`, `try_strptime(${text(spec.column)}, ${literal(spec.format)})::DATE`)
    dates[name] = `__${name}`
    checks.push({
      field: spec.column,
      failWhen: `__${name}_text IS NOT NULL AND __${name} IS NULL`,
      reason: timeFailureReason(name.replaceAll('_', ' '), spec.format, false, `__${name}_text`),
      rawValue: `__${name}_text`,
    })
  }
  const output: StageColumn[] = [
    { name: 'msisdn', expr: '__msisdn_e164' },
    { name: 'msisdn_raw', expr: '__msisdn_raw' },
    { name: 'name', expr: '__name' },
    { name: 'date_of_birth', expr: dates['date_of_birth'] ?? 'NULL' },
    { name: 'address', expr: '__address' },
    { name: 'postcode', expr: '__postcode' },
    { name: 'lat', expr: '__lat' },
    { name: 'lon', expr: '__lon' },
    { name: 'account_type', expr: '__account_type' },
    { name: 'imsi', expr: '__imsi' },
    { name: 'imei', expr: 'ls_imei14(__imei_raw)' },
    { name: 'valid_from', expr: dates['valid_from'] ?? 'NULL' },
    { name: 'valid_to', expr: dates['valid_to'] ?? 'NULL' },
  ]
  return {
    table: 'subscribers',
    numberCountry: plan.numberCountry,
    stage,
    checks,
    phones: [{ raw: '__msisdn_raw', alias: '__msisdn' }],
    lookups: [],
    lateChecks,
    localTimes: [],
    output,
    eventKey: null,
  }
}
