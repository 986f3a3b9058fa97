import type { CdrPlan, ImportPlan } from '@linesight/model'
import { literal, literalOrNull } from '../sql/quote.js'
import type { CompiledPlan, LocalTime, RowCheck, StageColumn, ValueLookup } from './compiled-plan.js'
import { cellParts, cgiOf, isLocalZone, parseTime, text, timeText } from './expressions.js'
import { timeFailureReason } from './time-reason.js'

const vocabularyCase = (column: string, plan: CdrPlan, part: 'type' | 'direction'): string => {
  const arms = Object.entries(plan.vocabulary)
    .filter(([, meaning]) => meaning[part] !== undefined)
    .map(([raw, meaning]) => `WHEN ${literal(raw)} THEN ${literal(meaning[part] as string)}`)
  return arms.length === 0
    ? 'NULL::VARCHAR'
    : `CASE lower(trim("${column.replaceAll('"', '""')}")) ${arms.join(' ')} END`
}

/** Compiles a CDR plan: one event per record, every rule that can reject a row stated with its reason. */
export function compileCdr(plan: ImportPlan, records: CdrPlan): CompiledPlan {
  const country = plan.numberCountry
  const stage: StageColumn[] = []
  const add = (name: string, expr: string): void => void stage.push({ name, expr })

  const classTypes = records.classColumns.map((c) => vocabularyCase(c, records, 'type'))
  const classDirs = records.classColumns.map((c) => vocabularyCase(c, records, 'direction'))
  const knownValues = Object.keys(records.vocabulary).map(literal).join(', ')
  records.classColumns.forEach((c, i) => {
    add(`__class_raw_${i}`, text(c))
    add(`__class_known_${i}`, knownValues === '' ? 'false' : `lower(${text(c)}) IN (${knownValues})`)
  })
  const type = `coalesce(${[...classTypes, literalOrNull(records.defaultType)].join(', ')})`
  add('__type', type)

  let targetRaw = 'NULL::VARCHAR'
  if (records.target !== null)
    targetRaw = 'column' in records.target ? text(records.target.column) : literal(records.target.constant)
  const declaredDir = classDirs.length === 0 ? 'NULL::VARCHAR' : `coalesce(${classDirs.join(', ')})`
  let direction = `coalesce(${declaredDir}, 'unknown')`
  let otherRaw = records.other === null ? 'NULL::VARCHAR' : text(records.other.column)
  if (records.parties !== null) {
    const calling = text(records.parties.calling)
    const called = text(records.parties.called)
    if (records.target === null) {
      // Only parties and a direction: the target is the calling party of outgoing records, the called of incoming.
      targetRaw = `CASE ${declaredDir} WHEN 'out' THEN ${calling} WHEN 'in' THEN ${called} END`
    } else {
      // Parties are matched to the target on their last nine digits, which every national and international form shares.
      const tail = (x: string): string => `right(regexp_replace(${x}, '[^0-9]', '', 'g'), 9)`
      const partyDir = `CASE WHEN ${tail(calling)} = ${tail(targetRaw)} THEN 'out' WHEN ${tail(called)} = ${tail(targetRaw)} THEN 'in' END`
      direction = `coalesce(${declaredDir}, ${partyDir}, 'unknown')`
    }
    otherRaw = `CASE ${direction} WHEN 'out' THEN ${called} WHEN 'in' THEN ${calling} END`
  }
  add('__direction', direction)
  add('__target_raw', targetRaw)
  add('__other_raw', otherRaw)

  const localTimes: LocalTime[] = []
  const time = (name: 'start' | 'end', spec: NonNullable<CdrPlan['end']>): void => {
    add(`__${name}_text`, timeText(spec))
    add(`__${name}_parsed`, parseTime(spec, timeText(spec)))
    if (isLocalZone(spec))
      localTimes.push({
        parsed: `__${name}_parsed`,
        zone: spec.zone,
        field: spec.column,
        text: `__${name}_text`,
      })
  }
  time('start', records.start)
  if (records.end !== null) time('end', records.end)

  if (records.duration !== null) {
    const raw = text(records.duration.column)
    add('__duration_raw', raw)
    const seconds =
      records.duration.unit === 'hms'
        ? `ls_hms_seconds(${raw})`
        : records.duration.unit === 'milliseconds'
          ? `CAST(round(try_cast(${raw} AS DOUBLE) / 1000) AS INTEGER)`
          : `CAST(round(try_cast(${raw} AS DOUBLE)) AS INTEGER)`
    add('__duration', seconds)
  }

  const lookups: ValueLookup[] = []
  const cell = (name: 'start' | 'end', spec: CdrPlan['startCell']): void => {
    if (spec === null) return
    if (spec.kind === 'cgi-text') {
      // Global cell ids repeat thousands of times: parse each distinct text once and join back.
      add(`__${name}_cell_raw`, text(spec.column))
      lookups.push({
        raw: `__${name}_cell_raw`,
        alias: `__${name}`,
        outputs: {
          mcc: 'ls_cgi_mcc(raw)',
          mnc: 'ls_cgi_mnc(raw)',
          lac: 'ls_cgi_lac(raw)',
          ci: 'ls_cgi_ci(raw)',
        },
      })
      return
    }
    const p = cellParts(spec)
    add(`__${name}_cell_raw`, p.raw)
    add(`__${name}_mcc`, p.mcc)
    add(`__${name}_mnc`, p.mnc)
    add(`__${name}_lac`, p.lac)
    add(`__${name}_ci`, p.ci)
  }
  cell('start', records.startCell)
  cell('end', records.endCell)
  const optionalText = (name: string, column: string | null): void =>
    add(name, column === null ? 'NULL::VARCHAR' : text(column))
  optionalText('__imei_raw', records.imei)
  optionalText('__imsi', records.imsi)
  optionalText('__charging_id', records.chargingId)
  optionalText('__rat', records.rat)
  add(
    '__bytes_up',
    records.bytesUp === null ? 'NULL::BIGINT' : `try_cast(${text(records.bytesUp)} AS BIGINT)`,
  )
  add(
    '__bytes_down',
    records.bytesDown === null ? 'NULL::BIGINT' : `try_cast(${text(records.bytesDown)} AS BIGINT)`,
  )
  const latLon = (i: 1 | 2): string =>
    records.cellLatLon === null
      ? 'NULL::DOUBLE'
      : `try_cast(trim(split_part(replace(${text(records.cellLatLon)}, ',', '/'), '/', ${i})) AS DOUBLE)`
  add('__cell_lat', records.cellLat === null ? latLon(1) : `try_cast(${text(records.cellLat)} AS DOUBLE)`)
  add('__cell_lon', records.cellLon === null ? latLon(2) : `try_cast(${text(records.cellLon)} AS DOUBLE)`)
  add(
    '__network',
    records.network === null
      ? 'NULL::VARCHAR'
      : 'column' in records.network
        ? text(records.network.column)
        : literal(records.network.constant),
  )

  const checks: RowCheck[] = []
  records.classColumns.forEach((c, i) =>
    checks.push({
      field: c,
      failWhen: `__class_raw_${i} IS NOT NULL AND NOT __class_known_${i}`,
      reason: `'unknown value "' || __class_raw_${i} || '" in column ${c.replaceAll("'", "''")}: add it to the mapping''s vocabulary'`,
      rawValue: `__class_raw_${i}`,
    }),
  )
  checks.push({
    field: records.classColumns.join(' / ') || 'type',
    failWhen: '__type IS NULL',
    reason: `'the event type could not be read from this row'`,
    rawValue: 'NULL',
  })
  const lateChecks: RowCheck[] = [
    {
      field: records.target !== null && 'column' in records.target ? records.target.column : 'target',
      failWhen: '__target_e164 IS NULL',
      reason: `CASE WHEN __target_raw IS NULL THEN 'no target number' ELSE 'target number "' || __target_raw || '" is not a valid phone number' END`,
      rawValue: '__target_raw',
    },
  ]
  checks.push({
    field: records.start.column,
    failWhen: '__start_parsed IS NULL',
    reason: `CASE WHEN __start_text IS NULL THEN 'no start time' ELSE ${timeFailureReason('start time', records.start.format, records.start.zone === 'value', '__start_text')} END`,
    rawValue: '__start_text',
  })
  if (records.end !== null)
    checks.push({
      field: records.end.column,
      failWhen: '__end_text IS NOT NULL AND __end_parsed IS NULL',
      reason: timeFailureReason('end time', records.end.format, false, '__end_text'),
      rawValue: '__end_text',
    })
  if (records.duration !== null) {
    checks.push({
      field: records.duration.column,
      failWhen: '__duration_raw IS NOT NULL AND __duration IS NULL',
      reason: `'duration "' || __duration_raw || '" is not a number of seconds${records.duration.unit === 'hms' ? ' or hh:mm:ss' : ''}'`,
      rawValue: '__duration_raw',
    })
    checks.push({
      field: records.duration.column,
      failWhen: '__duration < 0',
      reason: `'duration "' || __duration_raw || '" is negative'`,
      rawValue: '__duration_raw',
    })
  }

  const startUtc = localTimes.some((t) => t.parsed === '__start_parsed')
    ? '__start_parsed_utc'
    : '__start_parsed'
  const endUtc =
    records.end === null
      ? 'NULL'
      : localTimes.some((t) => t.parsed === '__end_parsed')
        ? '__end_parsed_utc'
        : '__end_parsed'
  const duration =
    records.duration !== null
      ? '__duration'
      : records.end === null
        ? 'NULL'
        : `CAST(date_diff('second', ${startUtc}, ${endUtc}) AS INTEGER)`
  const startAmbiguous = startUtc === '__start_parsed_utc' ? '__start_parsed_ambiguous' : 'false'
  const precision = /%S|iso|epoch/.test(records.start.format)
    ? /%f|%g/.test(records.start.format)
      ? 'millisecond'
      : 'second'
    : 'minute'
  const cgi = (name: 'start' | 'end'): string =>
    (name === 'start' ? records.startCell : records.endCell) === null
      ? 'NULL'
      : cgiOf({ mcc: `__${name}_mcc`, mnc: `__${name}_mnc`, lac: `__${name}_lac`, ci: `__${name}_ci` })

  const output: StageColumn[] = [
    { name: 'network', expr: '__network' },
    { name: 'target_msisdn', expr: '__target_e164' },
    { name: 'target_raw', expr: '__target_raw' },
    { name: 'other_msisdn', expr: '__other_e164' },
    { name: 'other_raw', expr: '__other_raw' },
    { name: 'other_kind', expr: `coalesce(__other_kind, 'absent')` },
    { name: 'direction', expr: '__direction' },
    { name: 'event_type', expr: '__type' },
    { name: 'start_utc', expr: startUtc },
    { name: 'start_text', expr: '__start_text' },
    {
      name: 'start_zone',
      expr: literal(records.start.zone === 'value' ? 'offset in value' : records.start.zone),
    },
    { name: 'start_precision', expr: literal(precision) },
    { name: 'start_ambiguous', expr: `coalesce(${startAmbiguous}, false)` },
    { name: 'end_utc', expr: endUtc },
    { name: 'duration_s', expr: duration },
    { name: 'start_cgi', expr: cgi('start') },
    { name: 'start_mcc', expr: records.startCell === null ? 'NULL' : '__start_mcc' },
    { name: 'start_mnc', expr: records.startCell === null ? 'NULL' : '__start_mnc' },
    { name: 'start_lac', expr: records.startCell === null ? 'NULL' : '__start_lac' },
    { name: 'start_ci', expr: records.startCell === null ? 'NULL' : '__start_ci' },
    { name: 'start_cell_raw', expr: records.startCell === null ? 'NULL' : '__start_cell_raw' },
    { name: 'start_cell_lat', expr: '__cell_lat' },
    { name: 'start_cell_lon', expr: '__cell_lon' },
    { name: 'end_cgi', expr: cgi('end') },
    { name: 'end_cell_raw', expr: records.endCell === null ? 'NULL' : '__end_cell_raw' },
    { name: 'imei', expr: records.imei === null ? 'NULL' : '__imei_core' },
    { name: 'imei_raw', expr: '__imei_raw' },
    { name: 'imsi', expr: '__imsi' },
    { name: 'charging_id', expr: '__charging_id' },
    { name: 'rat', expr: '__rat' },
    { name: 'bytes_up', expr: '__bytes_up' },
    { name: 'bytes_down', expr: '__bytes_down' },
    {
      name: 'time_semantics',
      expr: `CASE WHEN __type = 'data' THEN ${literal(records.dataTimeSemantics)} ELSE 'at' END`,
    },
  ]
  return {
    table: 'events',
    numberCountry: country,
    stage,
    checks,
    phones: [
      { raw: '__target_raw', alias: '__target' },
      { raw: '__other_raw', alias: '__other' },
    ],
    lookups:
      records.imei === null
        ? lookups
        : [...lookups, { raw: '__imei_raw', alias: '__imei', outputs: { core: 'ls_imei14(raw)' } }],
    lateChecks,
    localTimes,
    output,
    eventKey: [
      'network',
      'target_msisdn',
      'direction',
      'event_type',
      'start_utc',
      'coalesce(other_msisdn, other_raw)',
      'duration_s',
    ],
  }
}
