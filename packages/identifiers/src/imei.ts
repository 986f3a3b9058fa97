import type { Imei } from '@linesight/model'

/** Characters ignored inside a written IMEI: `49-015420-323751-8`, `49 015420 323751 8`. */
export const IMEI_SEPARATOR_PATTERN = '[-\\s\\p{Z}/.]'

const SEPARATORS = new RegExp(IMEI_SEPARATOR_PATTERN, 'gu')
const DIGITS = /^\d+$/
const CORE = /^\d{14}$/

/**
 * The Luhn check digit of a 14-digit IMEI core (TAC 8 + serial 6).
 *
 * @example
 * imeiCheckDigit('49015420323751') // '8'
 * @throws Error when `core14` is not 14 digits.
 */
export function imeiCheckDigit(core14: string): string {
  if (!CORE.test(core14)) throw new Error(`IMEI core must be 14 digits, got "${core14}"`)
  let sum = 0
  for (let i = 0; i < 14; i++) {
    const d = Number(core14[i])
    // Luhn doubles every second digit counting from the right of the full 15-digit IMEI: odd positions here.
    const v = i % 2 === 1 ? d * 2 : d
    sum += v > 9 ? v - 9 : v
  }
  return String((10 - (sum % 10)) % 10)
}

/**
 * The 14-digit IMEI core that handsets are compared on, or null when the value is not an IMEI.
 *
 * Accepts 14 digits; 15 digits whose last is the Luhn check digit, or `0` (networks record the spare digit as 0,
 * because the check digit is never sent over the air); and 16 digits (an IMEISV: core + 2-digit software version).
 * Spaces, dashes, dots and slashes are ignored.
 *
 * @example
 * imeiCore('49-015420-323751-8') // '49015420323751'
 * imeiCore('490154203237510')    // '49015420323751' (network form)
 * imeiCore('490154203237511')    // null (bad check digit)
 */
export function imeiCore(raw: string | null | undefined): Imei | null {
  if (raw === null || raw === undefined) return null
  const digits = raw.replace(SEPARATORS, '')
  if (!DIGITS.test(digits)) return null
  const core = digits.slice(0, 14)
  switch (digits.length) {
    case 14:
    case 16:
      return core as Imei
    case 15: {
      const last = digits.slice(14)
      return last === '0' || last === imeiCheckDigit(core) ? (core as Imei) : null
    }
    default:
      return null
  }
}

/**
 * The Type Allocation Code: the first 8 digits, which name the handset model.
 *
 * @example
 * imeiTac(imeiCore('490154203237518')!) // '49015420'
 */
export function imeiTac(imei: Imei): string {
  return imei.slice(0, 8)
}
