import type { CellSpec, TimeSpec } from '@linesight/model'
import { ident, literal } from '../sql/quote.js'

/** Trimmed text of a raw column, NULL when blank (a missing value stays missing). */
export const text = (column: string): string => `nullif(trim(${ident(column)}), '')`

/** The raw time text, joining split date and time columns with one space. */
export const timeText = (spec: TimeSpec): string =>
  spec.timeColumn === undefined
    ? text(spec.column)
    : `CASE WHEN ${text(spec.column)} IS NULL THEN NULL ELSE ${text(spec.column)} || ' ' || coalesce(${text(spec.timeColumn)}, '') END`

const OFFSET_PATTERN = `'(Z|z|[+-][0-9]{2}:?[0-9]{2})$'`

/**
 * Parses time text to a naive TIMESTAMP: UTC when the zone is UTC or carried by the value, local otherwise
 * (converted to UTC later through the zone table).
 */
export function parseTime(spec: TimeSpec, textExpr: string): string {
  if (spec.format === 'epoch-s') return `timezone('UTC', to_timestamp(try_cast(${textExpr} AS DOUBLE)))`
  if (spec.format === 'epoch-ms')
    return `timezone('UTC', to_timestamp(try_cast(${textExpr} AS DOUBLE) / 1000))`
  if (spec.zone === 'value') {
    // A value without an offset must not borrow the session zone: it fails and is rejected with its reason.
    const withOffset = `CASE WHEN regexp_matches(${textExpr}, ${OFFSET_PATTERN}) THEN ${textExpr} END`
    const parsed =
      spec.format === 'iso'
        ? `try_cast(replace(${withOffset}, 'T', ' ') AS TIMESTAMPTZ)`
        : `try_strptime(${withOffset}, ${literal(spec.format)})`
    return `timezone('UTC', ${parsed})`
  }
  if (spec.format === 'iso') return `try_cast(replace(${textExpr}, 'T', ' ') AS TIMESTAMP)`
  return `try_strptime(${textExpr}, ${literal(spec.format)})::TIMESTAMP`
}

/** True when the zone needs the local→UTC table (anything but UTC or an offset in the value). */
export const isLocalZone = (spec: TimeSpec): boolean =>
  spec.zone !== 'UTC' && spec.zone !== 'value' && spec.format !== 'epoch-s' && spec.format !== 'epoch-ms'

export interface CellParts {
  readonly mcc: string
  readonly mnc: string
  readonly lac: string
  readonly ci: string
  readonly raw: string
}

const valueOf = (constant: string | null, column: string | undefined): string =>
  column !== undefined ? text(column) : constant === null ? 'NULL::VARCHAR' : literal(constant)

/** SQL expressions for the parts of a cell identity, whatever form the layout gives it in. */
export function cellParts(spec: CellSpec): CellParts {
  switch (spec.kind) {
    case 'cgi-text': {
      const raw = text(spec.column)
      return {
        mcc: `ls_cgi_mcc(${raw})`,
        mnc: `ls_cgi_mnc(${raw})`,
        lac: `ls_cgi_lac(${raw})`,
        ci: `ls_cgi_ci(${raw})`,
        raw,
      }
    }
    case 'parts': {
      const ciRaw = text(spec.ciColumn)
      const ci =
        spec.ciFormat === 'hex'
          ? `CAST(try_cast('0x' || regexp_replace(${ciRaw}, '^0[xX]', '') AS UBIGINT) AS VARCHAR)`
          : `CAST(try_cast(${ciRaw} AS UBIGINT) AS VARCHAR)`
      const lac =
        spec.lacColumn === null
          ? 'NULL::VARCHAR'
          : `CAST(try_cast(${text(spec.lacColumn)} AS UBIGINT) AS VARCHAR)`
      const rawParts = [spec.lacColumn, spec.ciColumn].filter((c): c is string => c !== null).map(text)
      return {
        mcc: valueOf(spec.mcc, spec.mccColumn),
        mnc: valueOf(spec.mnc, spec.mncColumn),
        lac,
        ci,
        raw: `nullif(concat_ws('/', ${rawParts.join(', ')}), '')`,
      }
    }
    case 'node-sector': {
      const node = `try_cast(${text(spec.nodeColumn)} AS UBIGINT)`
      const sector = `try_cast(${text(spec.sectorColumn)} AS UBIGINT)`
      const lac =
        spec.lacColumn === null
          ? 'NULL::VARCHAR'
          : `CAST(try_cast(${text(spec.lacColumn)} AS UBIGINT) AS VARCHAR)`
      return {
        mcc: valueOf(spec.mcc, spec.mccColumn),
        mnc: valueOf(spec.mnc, spec.mncColumn),
        lac,
        ci: `CAST(${node} * 256 + ${sector} AS VARCHAR)`,
        raw: `nullif(concat_ws('/', ${text(spec.nodeColumn)}, ${text(spec.sectorColumn)}), '')`,
      }
    }
    case 'first-of': {
      // Each part comes from the first form whose cell id is present, so parts never mix across forms.
      const forms = spec.specs.map(cellParts)
      const pick = (part: keyof CellParts): string =>
        `CASE ${forms.map((f) => `WHEN ${f.ci} IS NOT NULL THEN ${f[part]}`).join(' ')} END`
      return {
        mcc: pick('mcc'),
        mnc: pick('mnc'),
        lac: pick('lac'),
        ci: pick('ci'),
        raw: `coalesce(${forms.map((f) => f.raw).join(', ')})`,
      }
    }
  }
}

/** `mcc-mnc-lac-ci`, with an empty LAC part when the source gave none; NULL without MCC, MNC and CI. */
export const cgiOf = (p: { mcc: string; mnc: string; lac: string; ci: string }): string =>
  `CASE WHEN ${p.mcc} IS NOT NULL AND ${p.mnc} IS NOT NULL AND ${p.ci} IS NOT NULL THEN ${p.mcc} || '-' || ${p.mnc} || '-' || coalesce(${p.lac}, '') || '-' || ${p.ci} END`
