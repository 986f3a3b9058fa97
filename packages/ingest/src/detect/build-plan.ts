import type {
  CdrPlan,
  CellSpec,
  CellsPlan,
  DelimitedSource,
  EventClassVocabulary,
  Imsi,
  ImportPlan,
  ImportWarning,
  SourceKind,
  SubscribersPlan,
  TimeSemantics,
  TimeSpec,
} from '@linesight/model'
import { imsiPlmn, lookupPlmn, parseCellId } from '@linesight/identifiers'
import type { Profile } from '../profiles/profile.js'
import type { Question } from './detection.js'
import type { Role } from './header-roles.js'
import { inferTimeShape, resolveTemplate } from './time-format.js'
import { looksLikeHex, looksLikeHms } from './value-shapes.js'

export interface PlanInputs {
  readonly kind: SourceKind
  readonly source: DelimitedSource
  readonly profile: Profile | null
  readonly profileRef: { readonly id: string; readonly version: string }
  readonly roles: ReadonlyMap<Role, string>
  readonly values: (column: string) => readonly string[]
  readonly vocabulary: EventClassVocabulary
  readonly numberCountry: string
  readonly sheet: string | null
  readonly start: TimeSpec | null
  readonly end: TimeSpec | null
  readonly validFrom: TimeSpec | null
  readonly validTo: TimeSpec | null
  readonly target: string | null
  readonly dateOrder: 'dmy' | 'mdy' | null
}

export interface PlanResult {
  readonly plan: ImportPlan | null
  readonly questions: readonly Question[]
  readonly warnings: readonly ImportWarning[]
}

const col = (roles: ReadonlyMap<Role, string>, role: Role): string | null => roles.get(role) ?? null
const warn = (code: string, message: string): ImportWarning => ({ code, message, count: 1 })

/** The network (MCC, MNC) that cells without their own MCC/MNC belong to: the profile's, else the target SIM's. */
function cellPlmn(
  input: PlanInputs,
  warnings: ImportWarning[],
): { mcc: string | null; mnc: string | null; network: string | null } {
  if (input.profile?.mcc !== undefined && input.profile.mnc !== undefined)
    return { mcc: input.profile.mcc, mnc: input.profile.mnc, network: input.profile.network ?? null }
  const imsiColumn = col(input.roles, 'imsi')
  if (imsiColumn !== null) {
    const plmns = new Map<string, { mcc: string; mnc: string; network: string | null }>()
    for (const v of input.values(imsiColumn)) {
      const p = /^[0-9]{14,15}$/.test(v.trim()) ? imsiPlmn(v.trim() as Imsi) : null
      if (p !== null) plmns.set(`${p.mcc}-${p.mnc}`, p)
    }
    if (plmns.size === 1) {
      const p = [...plmns.values()][0]!
      warnings.push(
        warn(
          'cell-plmn-from-imsi',
          `The file gives cells without MCC/MNC: read as ${p.mcc}-${p.mnc}${p.network ? ` (${p.network})` : ''}, the network of the target's SIM`,
        ),
      )
      return p
    }
  }
  warnings.push(
    warn(
      'cell-plmn-unknown',
      'The file gives cells without MCC/MNC and no single network could be told from the SIMs: cells are kept as supplied but cannot be matched to a cell list. Pass --mapping with "mcc" and "mnc" to fix this.',
    ),
  )
  return { mcc: null, mnc: null, network: null }
}

function cellSpec(
  input: PlanInputs,
  end: boolean,
  plmn: () => { mcc: string | null; mnc: string | null },
): CellSpec | null {
  const r = (s: Role, e: Role): string | null => col(input.roles, end ? e : s)
  const whole = r('startCell', 'endCell')
  if (whole !== null) return { kind: 'cgi-text', column: whole }
  const forms: CellSpec[] = []
  const node = r('startNode', 'endNode')
  const sector = r('startSector', 'endSector')
  const lac = r('startLac', 'endLac')
  const ci = r('startCi', 'endCi')
  if (node === null && ci === null) return null
  // MCC and MNC come from their own columns when the file has them, else from the profile or the SIM.
  const mccColumn = col(input.roles, 'mcc')
  const mncColumn = col(input.roles, 'mnc')
  const fromColumns = mccColumn !== null && mncColumn !== null
  const p = fromColumns ? { mcc: null, mnc: null } : plmn()
  const plmnParts = { mcc: p.mcc, mnc: p.mnc, ...(fromColumns ? { mccColumn, mncColumn } : {}) }
  // A full cell identity (LAC/TAC + CI/ECI) is preferred; site + sector is the fallback for rows without one.
  if (ci !== null)
    forms.push({
      kind: 'parts',
      ...plmnParts,
      lacColumn: lac,
      ciColumn: ci,
      ciFormat: looksLikeHex(input.values(ci)) ? 'hex' : 'decimal',
    })
  if (node !== null && sector !== null)
    forms.push({ kind: 'node-sector', ...plmnParts, lacColumn: lac, nodeColumn: node, sectorColumn: sector })
  if (forms.length === 0) return null
  return forms.length === 1 ? forms[0]! : { kind: 'first-of', specs: forms }
}

/** The one network every sampled SIM or cell belongs to, named from the MCC/MNC table; null when mixed or unknown. */
function sampledNetwork(input: PlanInputs): string | null {
  const names = new Set<string>()
  const imsi = col(input.roles, 'imsi')
  for (const v of imsi === null ? [] : input.values(imsi))
    if (/^[0-9]{14,15}$/.test(v.trim())) names.add(imsiPlmn(v.trim() as Imsi).network ?? '?')
  const cell = col(input.roles, 'startCell')
  for (const v of cell === null ? [] : input.values(cell)) {
    const parsed = v.trim() === '' ? null : parseCellId(v.trim())
    if (parsed !== null) names.add(lookupPlmn(parsed.mcc, parsed.mnc)?.network ?? '?')
  }
  return names.size === 1 && !names.has('?') ? [...names][0]! : null
}

function dataSemantics(
  input: PlanInputs,
  plmn: { mcc: string | null; mnc: string | null },
  warnings: ImportWarning[],
): TimeSemantics {
  if (input.profile?.dataTimeSemantics !== undefined) return input.profile.dataTimeSemantics
  const cell = col(input.roles, 'startCell')
  const o2 =
    (plmn.mcc === '234' && plmn.mnc === '10') ||
    (cell !== null && input.values(cell).some((v) => /^(0x)?23410|^234[-\s/:.]10[-\s/:.]/.test(v.trim())))
  if (o2) {
    warnings.push(
      warn(
        'o2-end-time',
        'O2 data records give the cell of the end time: data events are worded "at or before the end time"',
      ),
    )
    return 'at-or-before-end'
  }
  return 'at-or-before-start'
}

function cdrPlan(input: PlanInputs, questions: Question[], warnings: ImportWarning[]): CdrPlan | null {
  const roles = input.roles
  if (input.start === null) return null
  let memo: { mcc: string | null; mnc: string | null; network: string | null } | null = null
  const plmn = (): { mcc: string | null; mnc: string | null; network: string | null } =>
    (memo ??= cellPlmn(input, warnings))
  const calling = col(roles, 'calling')
  const called = col(roles, 'called')
  const parties = calling !== null && called !== null ? { calling, called } : null
  const classColumns = [col(roles, 'eventClass'), col(roles, 'direction')].filter(
    (c): c is string => c !== null,
  )
  const targetColumn = col(roles, 'target')
  const target =
    targetColumn !== null
      ? { column: targetColumn }
      : input.target !== null
        ? { constant: input.target }
        : null
  const declaresDirection = classColumns.some((c) =>
    input.values(c).some((v) => input.vocabulary[v.trim().toLowerCase()]?.direction !== undefined),
  )
  if (target === null && !(parties !== null && declaresDirection))
    questions.push({
      code: 'no-target',
      column: null,
      message:
        'no column says which number the records are about: pass --target NUMBER, or a mapping file naming the target column',
    })
  const defaultType = input.profile?.defaultType ?? null
  if (classColumns.length === 0 && defaultType === null)
    questions.push({
      code: 'unknown-kind',
      column: null,
      message: 'no column gives the event type (voice, SMS, data…): name it in a mapping file',
    })
  const durationColumn = col(roles, 'duration')
  const durationUnit =
    durationColumn === null
      ? 'seconds'
      : looksLikeHms(input.values(durationColumn))
        ? 'hms'
        : /\bms\b|millis/i.test(durationColumn)
          ? 'milliseconds'
          : 'seconds'
  const startCell = cellSpec(input, false, plmn)
  const endCell = cellSpec(input, true, plmn)
  const usesPlmn = memo !== null
  const networkColumn = col(roles, 'network')
  const sampled = usesPlmn && memo!.network !== null ? memo!.network : sampledNetwork(input)
  const network =
    networkColumn !== null
      ? { column: networkColumn }
      : input.profile?.network !== undefined
        ? { constant: input.profile.network }
        : sampled !== null
          ? { constant: sampled }
          : null
  return {
    kind: 'cdr',
    target,
    other: col(roles, 'other') === null ? null : { column: col(roles, 'other')! },
    parties,
    classColumns,
    vocabulary: input.vocabulary,
    defaultType,
    start: input.start,
    end: input.end,
    duration: durationColumn === null ? null : { column: durationColumn, unit: durationUnit },
    startCell,
    endCell,
    cellLat: col(roles, 'lat'),
    cellLon: col(roles, 'lon'),
    cellLatLon: col(roles, 'latLon'),
    imei: col(roles, 'imei'),
    imsi: col(roles, 'imsi'),
    chargingId: col(roles, 'chargingId'),
    rat: col(roles, 'rat'),
    bytesUp: col(roles, 'bytesUp'),
    bytesDown: col(roles, 'bytesDown'),
    network,
    dataTimeSemantics: dataSemantics(input, usesPlmn ? memo! : { mcc: null, mnc: null }, warnings),
  }
}

function cellsPlan(input: PlanInputs, questions: Question[], warnings: ImportWarning[]): CellsPlan | null {
  const roles = input.roles
  const cell = cellSpec(input, false, () => {
    if (input.profile?.mcc !== undefined) return { mcc: input.profile.mcc, mnc: input.profile.mnc ?? null }
    warnings.push(
      warn('cell-plmn-unknown', 'The cell list has no MCC/MNC columns: pass --mapping with "mcc" and "mnc"'),
    )
    return { mcc: null, mnc: null }
  })
  if (cell === null) {
    questions.push({
      code: 'unknown-kind',
      column: null,
      message: 'no cell identity columns (CGI, or LAC/TAC with CI/ECI) were found in this cell list',
    })
    return null
  }
  const techColumn = col(roles, 'technology')
  const ltePattern = /\b(eci|tac|enb|enodeb)\b/i
  const impliesLte = input.source.columns.some((c) => ltePattern.test(c.replace(/[^a-z]/gi, ' ')))
  const networkColumn = col(roles, 'network')
  return {
    kind: 'cells',
    sourceKind: input.profile?.cellSource ?? 'network',
    cell,
    technology: techColumn !== null ? { column: techColumn } : impliesLte ? { constant: 'lte' } : null,
    network:
      networkColumn !== null
        ? { column: networkColumn }
        : input.profile?.network !== undefined
          ? { constant: input.profile.network }
          : null,
    siteId: col(roles, 'siteId'),
    siteName: col(roles, 'siteName'),
    lat: col(roles, 'lat'),
    lon: col(roles, 'lon'),
    easting: col(roles, 'easting'),
    northing: col(roles, 'northing'),
    azimuth: col(roles, 'azimuth'),
    beamwidth: col(roles, 'beamwidth'),
    rangeM: col(roles, 'range'),
    validFrom: input.validFrom,
    validTo: input.validTo,
  }
}

function dateColumn(
  input: PlanInputs,
  role: Role,
  questions: Question[],
): { column: string; format: string } | null {
  const column = col(input.roles, role)
  if (column === null) return null
  const shape = inferTimeShape(input.values(column))
  if (shape === null) return null
  const decided =
    shape.firstOver12 > 0
      ? 'dmy'
      : shape.secondOver12 > 0
        ? 'mdy'
        : (input.dateOrder ?? input.profile?.dateOrder ?? null)
  if (shape.orderSensitive && decided === null)
    questions.push({
      code: 'date-order',
      column,
      message: `dates in "${column}" never have a day above 12, so dd/mm and mm/dd both fit: pass --date-order dmy or mdy`,
    })
  const order = shape.orderSensitive ? decided : null
  return { column, format: resolveTemplate(shape, order) }
}

function subscribersPlan(input: PlanInputs, questions: Question[]): SubscribersPlan | null {
  const msisdn = col(input.roles, 'target')
  if (msisdn === null) {
    questions.push({
      code: 'no-target',
      column: null,
      message: 'the subscriber list has no number (MSISDN) column',
    })
    return null
  }
  const c = (r: Role): string | null => col(input.roles, r)
  return {
    kind: 'subscribers',
    msisdn,
    name: c('name'),
    dateOfBirth: dateColumn(input, 'dateOfBirth', questions),
    address: c('address'),
    postcode: c('postcode'),
    lat: c('lat'),
    lon: c('lon'),
    accountType: c('accountType'),
    imsi: c('imsi'),
    imei: c('imei'),
    validFrom: dateColumn(input, 'validFrom', questions),
    validTo: dateColumn(input, 'validTo', questions),
  }
}

/** Builds the import plan from settled roles and times; open questions leave the plan null. */
export function buildPlan(input: PlanInputs): PlanResult {
  const questions: Question[] = []
  const warnings: ImportWarning[] = []
  const records =
    input.kind === 'cdr'
      ? cdrPlan(input, questions, warnings)
      : input.kind === 'cells'
        ? cellsPlan(input, questions, warnings)
        : subscribersPlan(input, questions)
  const plan: ImportPlan | null =
    records === null || questions.length > 0
      ? null
      : {
          source: input.source,
          profile: input.profileRef,
          numberCountry: input.numberCountry,
          sheet: input.sheet,
          records,
        }
  return { plan, questions, warnings }
}
