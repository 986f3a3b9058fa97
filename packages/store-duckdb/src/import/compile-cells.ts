import type { CellsPlan, ImportPlan } from '@linesight/model'
import { literal } from '../sql/quote.js'
import type { CompiledPlan, LocalTime, RowCheck, StageColumn } from './compiled-plan.js'
import { cellParts, cgiOf, isLocalZone, parseTime, text, timeText } from './expressions.js'
import { timeFailureReason } from './time-reason.js'

const TECHNOLOGY = `CASE
  WHEN t IN ('lte', '4g', 'eutran', 'e-utran') THEN 'lte'
  WHEN t IN ('nr', '5g', 'ngran') THEN 'nr'
  WHEN t IN ('umts', '3g', 'utran', 'wcdma') THEN 'umts'
  WHEN t IN ('gsm', '2g', 'geran') THEN 'gsm'
  ELSE 'unknown' END`

/** Compiles a cell list: each row one cell, its identity split, its position as supplied (OSGB36 kept). */
export function compileCells(plan: ImportPlan, records: CellsPlan): CompiledPlan {
  const stage: StageColumn[] = []
  const add = (name: string, expr: string): void => void stage.push({ name, expr })
  const p = cellParts(records.cell)
  add('__cell_raw', p.raw)
  add('__mcc', p.mcc)
  add('__mnc', p.mnc)
  add('__lac', p.lac)
  add('__ci', p.ci)
  const techRaw =
    records.technology === null
      ? 'NULL::VARCHAR'
      : 'column' in records.technology
        ? text(records.technology.column)
        : literal(records.technology.constant)
  add(
    '__technology',
    TECHNOLOGY.replaceAll(' t ', ` lower(${techRaw}) `).replaceAll('WHEN t IN', `WHEN lower(${techRaw}) IN`),
  )
  add(
    '__network',
    records.network === null
      ? 'NULL::VARCHAR'
      : 'column' in records.network
        ? text(records.network.column)
        : literal(records.network.constant),
  )
  const optional = (name: string, column: string | null, cast?: string): void =>
    add(
      name,
      column === null
        ? `NULL::${cast ?? 'VARCHAR'}`
        : cast === undefined
          ? text(column)
          : `try_cast(${text(column)} AS ${cast})`,
    )
  optional('__site_id', records.siteId)
  optional('__site_name', records.siteName)
  optional('__lat', records.lat, 'DOUBLE')
  optional('__lon', records.lon, 'DOUBLE')
  optional('__easting', records.easting, 'DOUBLE')
  optional('__northing', records.northing, 'DOUBLE')
  optional('__azimuth', records.azimuth, 'DOUBLE')
  optional('__beamwidth', records.beamwidth, 'DOUBLE')
  optional('__range', records.rangeM, 'DOUBLE')
  const localTimes: LocalTime[] = []
  const validity = (name: 'valid_from' | 'valid_to', spec: CellsPlan['validFrom']): string => {
    if (spec === null) return 'NULL'
    add(`__${name}_text`, timeText(spec))
    add(`__${name}_parsed`, parseTime(spec, timeText(spec)))
    if (!isLocalZone(spec)) return `__${name}_parsed`
    localTimes.push({
      parsed: `__${name}_parsed`,
      zone: spec.zone,
      field: spec.column,
      text: `__${name}_text`,
    })
    return `__${name}_parsed_utc`
  }
  const validFrom = validity('valid_from', records.validFrom)
  const validTo = validity('valid_to', records.validTo)

  const checks: RowCheck[] = [
    {
      field: 'cell identity',
      failWhen: '__ci IS NULL OR __mcc IS NULL OR __mnc IS NULL',
      reason: `'cell identity "' || coalesce(__cell_raw, '') || '" could not be read (need MCC, MNC and cell id)'`,
      rawValue: '__cell_raw',
    },
    {
      field: records.lat ?? 'latitude',
      failWhen:
        '__lat IS NOT NULL AND (__lat < -90 OR __lat > 90 OR __lon IS NULL OR __lon < -180 OR __lon > 180)',
      reason: `'position "' || __lat || ', ' || coalesce(CAST(__lon AS VARCHAR), '?') || '" is not a valid latitude, longitude'`,
      rawValue: 'CAST(__lat AS VARCHAR)',
    },
    {
      field: records.azimuth ?? 'azimuth',
      failWhen: '__azimuth IS NOT NULL AND (__azimuth < 0 OR __azimuth > 360)',
      reason: `'azimuth "' || __azimuth || '" is outside 0–360 degrees'`,
      rawValue: 'CAST(__azimuth AS VARCHAR)',
    },
  ]
  for (const [name, spec] of [
    ['valid_from', records.validFrom],
    ['valid_to', records.validTo],
  ] as const) {
    if (spec !== null)
      checks.push({
        field: spec.column,
        failWhen: `__${name}_text IS NOT NULL AND __${name}_parsed IS NULL`,
        reason: timeFailureReason(name.replace('_', ' '), spec.format, false, `__${name}_text`),
        rawValue: `__${name}_text`,
      })
  }
  const isLte = `__technology = 'lte'`
  const output: StageColumn[] = [
    { name: 'source_kind', expr: literal(records.sourceKind) },
    { name: 'network', expr: '__network' },
    { name: 'technology', expr: '__technology' },
    { name: 'mcc', expr: '__mcc' },
    { name: 'mnc', expr: '__mnc' },
    { name: 'lac', expr: `coalesce(__lac, '')` },
    { name: 'ci', expr: '__ci' },
    { name: 'cgi', expr: cgiOf({ mcc: '__mcc', mnc: '__mnc', lac: '__lac', ci: '__ci' }) },
    { name: 'node_id', expr: `CASE WHEN ${isLte} THEN CAST(CAST(__ci AS UBIGINT) // 256 AS VARCHAR) END` },
    { name: 'node_cell', expr: `CASE WHEN ${isLte} THEN CAST(CAST(__ci AS UBIGINT) % 256 AS VARCHAR) END` },
    { name: 'site_id', expr: '__site_id' },
    { name: 'site_name', expr: '__site_name' },
    { name: 'lat', expr: '__lat' },
    { name: 'lon', expr: '__lon' },
    { name: 'easting', expr: '__easting' },
    { name: 'northing', expr: '__northing' },
    { name: 'azimuth', expr: '__azimuth' },
    { name: 'beamwidth', expr: '__beamwidth' },
    { name: 'range_m', expr: '__range' },
    { name: 'valid_from', expr: validFrom },
    { name: 'valid_to', expr: validTo },
  ]
  return {
    table: 'cells',
    numberCountry: plan.numberCountry,
    stage,
    checks,
    phones: [],
    lookups: [],
    lateChecks: [],
    localTimes,
    output,
    eventKey: null,
  }
}
