/**
 * Decimal text of a number with no exponent, so an IMEI or MSISDN stored as a number prints as its digits
 * (`356938035643809`, never `3.56938035643809e+14`).
 *
 * @example
 * plainNumberText(1.2345e25) // '12345000000000000000000000'
 * plainNumberText(1.5e-7) // '0.00000015'
 */
export function plainNumberText(value: number): string {
  if (!Number.isFinite(value)) return String(value)
  // Expand the shortest round-trip digits rather than print BigInt(value): BigInt(1.2345e25) gives the double's
  // exact binary value, 12344999999999999704301568, digits the sheet never held.
  const text = String(value)
  return text.includes('e') ? expandExponent(text) : text
}

/** Digits before the decimal point: 16 or more means Excel may already have dropped digits (it keeps 15). */
export function integerDigits(value: number): number {
  if (!Number.isFinite(value)) return 0
  const whole = plainNumberText(Math.abs(value)).split('.')[0] ?? ''
  return whole === '0' ? 0 : whole.length
}

/** Rewrites JavaScript's shortest round-trip form `d.ddde±x` as plain decimal text with the same digits. */
function expandExponent(text: string): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text)
  if (match === null) return text
  const [, sign = '', whole = '', fraction = '', exponentText = '0'] = match
  const digits = whole + fraction
  const point = whole.length + Number(exponentText)
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`
}
