import type { CellGlobalId } from '@linesight/model'
import { mncLength } from './mcc-mnc.js'

/**
 * A cell identifier split into its parts, each as decimal text. `lac` is null for 4G/5G identities given without a
 * tracking area (an ECGI or NCGI is MCC + MNC + cell identity only).
 */
export interface ParsedCellId {
  readonly mcc: string
  readonly mnc: string
  readonly lac: string | null
  readonly ci: string
  /** `mcc-mnc-lac-ci`; an unknown LAC is an empty part, `234-15--30062753`, so the text still parses back. */
  readonly cgi: CellGlobalId
}

/** What the import profile knows about the network, for values that leave out the MCC and MNC. */
export interface CellIdHints {
  readonly mcc?: string
  readonly mnc?: string
}

/** Characters that separate the parts of a written CGI: `234-15-1234-5678901`, `234 15 1234 5678901`, `234/15/...`. */
export const CELL_ID_SEPARATOR_PATTERN = '[-\\s\\p{Z}/:.]+'
/** Largest LAC/TAC accepted: 16 bits for 2G to 4G, 24 bits for a 5G TAC. */
export const MAX_LAC = 0xffffffn
/** Largest cell identity accepted: 36 bits, the size of a 5G NCI (an LTE ECI is 28 bits, a GSM CI 16). */
export const MAX_CI = (1n << 36n) - 1n
/** Largest ECI: 28 bits. */
export const MAX_ECI = (1n << 28n) - 1n
/**
 * An ECGI written as one token: optional `0x`, the PLMN in decimal (MCC + 2- or 3-digit MNC), then the 28-bit ECI
 * as 7 or 8 hex digits, e.g. `2341500A1B2C3`.
 */
export const CONCATENATED_ECGI_PATTERN = '^(?:0[xX])?(\\d{5,6}[0-9a-fA-F]{7,8})$'

const SEPARATOR = new RegExp(CELL_ID_SEPARATOR_PATTERN, 'u')
const CONCATENATED = new RegExp(CONCATENATED_ECGI_PATTERN)
const MCC = /^\d{3}$/
const MNC = /^\d{2,3}$/
const DECIMAL = /^\d{1,20}$/
const PREFIXED_HEX = /^0[xX][0-9a-fA-F]{1,16}$/
const DIGITS = /^\d+$/
const HEX = /^[0-9a-fA-F]{7,8}$/

/** A decimal or `0x` hex part as canonical decimal text (no leading zeros), or null when malformed or too large. */
function partValue(text: string, max: bigint): string | null {
  if (!DECIMAL.test(text) && !PREFIXED_HEX.test(text)) return null
  const value = BigInt(text)
  return value <= max ? value.toString() : null
}

function build(mcc: string, mnc: string, lacText: string | null, ciText: string): ParsedCellId | null {
  if (!MCC.test(mcc) || !MNC.test(mnc)) return null
  const lac = lacText === null ? null : partValue(lacText, MAX_LAC)
  const ci = partValue(ciText, MAX_CI)
  if (ci === null || (lacText !== null && lac === null)) return null
  const cgi = `${mcc}-${mnc}-${lac ?? ''}-${ci}` as CellGlobalId
  return Object.freeze({ mcc, mnc, lac, ci, cgi })
}

/** The ECGI in a concatenated token, deciding a 2- or 3-digit MNC from shape, hints, then the MCC/MNC table. */
function concatenated(token: string, hints: CellIdHints): ParsedCellId | null {
  const body = CONCATENATED.exec(token)?.[1]
  if (body === undefined) return null
  const mcc = body.slice(0, 3)
  const fits = ([2, 3] as const).filter((len) => {
    const mnc = body.slice(3, 3 + len)
    const eci = body.slice(3 + len)
    return DIGITS.test(mnc) && HEX.test(eci) && BigInt(`0x${eci}`) <= MAX_ECI
  })
  const byHint = fits.find((len) => body.slice(3, 3 + len) === hints.mnc)
  const len =
    fits.length === 1 ? fits[0] : (byHint ?? (fits.length === 2 ? mncLength(mcc, body.slice(3)) : undefined))
  if (len === undefined) return null
  return build(mcc, body.slice(3, 3 + len), null, `0x${body.slice(3 + len)}`)
}

/**
 * Parses a cell identifier as networks write it, keeping MNC leading zeros (`02` is not `2`).
 *
 * Accepted forms:
 * - `mcc-mnc-lac-ci`, separated by `-`, spaces, `/`, `:` or `.`; parts decimal or `0x` hex
 *   (`234-15-1234-5678901`, Airtel's `404-98-8331-230711555`, `234 15 0x04D2 5678901`);
 * - `mcc-mnc-eci` (a decimal ECGI or NCGI: `lac` null);
 * - a concatenated hex ECGI, `2341500A1B2C3` or `0x2341500A1B2C3` (see {@link CONCATENATED_ECGI_PATTERN}); a 13-digit
 *   body fits both a 2-digit MNC + 8 hex and a 3-digit MNC + 7 hex, and the hints, then the MCC/MNC table, then the
 *   MCC's usual MNC length (2 for the UK) decide;
 * - with both hints: `lac-ci`, or a bare cell identity.
 *
 * Plain hex without `0x` inside separated forms is refused, because `1234` would be ambiguous.
 *
 * @example
 * parseCellId('234-15-1234-5678901')?.cgi // '234-15-1234-5678901'
 * parseCellId('2341500A1B2C3')?.cgi        // '234-15--10597059'
 * parseCellId('1234/5678', { mcc: '234', mnc: '20' })?.cgi // '234-20-1234-5678'
 * @returns null when the text is not a cell identifier in any accepted form.
 */
export function parseCellId(text: string, hints: CellIdHints = {}): ParsedCellId | null {
  const trimmed = text.trim()
  if (trimmed === '') return null
  const parts = trimmed.split(SEPARATOR)
  const [a = '', b = '', c = '', d = ''] = parts
  const { mcc, mnc } = hints
  switch (parts.length) {
    case 4:
      return build(a, b, c, d)
    case 3:
      return build(a, b, null, c)
    case 2:
      return mcc !== undefined && mnc !== undefined ? build(mcc, mnc, a, b) : null
    case 1:
      return (
        concatenated(a, hints) ?? (mcc !== undefined && mnc !== undefined ? build(mcc, mnc, null, a) : null)
      )
    default:
      return null
  }
}
