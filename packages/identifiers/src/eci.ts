/** An LTE cell identity split into its base station (eNodeB) and the cell within it, as decimal text. */
export interface EciParts {
  readonly enb: string
  readonly cell: string
}

/** A 5G NR cell identity split into its base station (gNodeB) and the cell within it, as decimal text. */
export interface NciParts {
  readonly gnb: string
  readonly cell: string
}

const DECIMAL = /^\d+$/
const ECI_BITS = 28
const ENB_BITS = 20
const CELL_BITS = 8
const NCI_BITS = 36n

function decimal(text: string, bits: number | bigint, what: string): bigint {
  if (!DECIMAL.test(text)) throw new Error(`${what} must be decimal digits, got "${text}"`)
  const value = BigInt(text)
  if (value >= 1n << BigInt(bits)) throw new Error(`${what} ${text} does not fit in ${bits} bits`)
  return value
}

/**
 * Splits a 28-bit E-UTRAN cell identity: `eNB = ECI >> 8`, `cell = ECI & 0xFF`.
 *
 * @example
 * splitEci('30062753') // { enb: '117432', cell: '161' }
 * @throws Error when `eci` is not decimal or does not fit in 28 bits.
 */
export function splitEci(eci: string): EciParts {
  const value = decimal(eci, ECI_BITS, 'ECI')
  return Object.freeze({ enb: String(value >> 8n), cell: String(value & 0xffn) })
}

/**
 * Joins an eNodeB id and a cell id into the ECI, `eNB × 256 + cell`, for networks (T-Mobile US) that supply them
 * as separate columns.
 *
 * @example
 * composeEci('117432', '161') // '30062753'
 * @throws Error when the eNB id exceeds 20 bits or the cell id 8 bits.
 */
export function composeEci(enb: string, cell: string): string {
  const e = decimal(enb, ENB_BITS, 'eNB id')
  const c = decimal(cell, CELL_BITS, 'Cell id')
  return String((e << 8n) | c)
}

/**
 * Splits a 36-bit NR cell identity. The gNB id takes the top `gnbBits` bits (22 to 32, chosen by each network and
 * declared in its import profile) and the cell the rest. BigInt, because 36 bits overflow JavaScript's 32-bit
 * bit operators.
 *
 * @example
 * splitNci('68719476735', 24) // { gnb: '16777215', cell: '4095' }
 * @throws Error when `nci` is not decimal, exceeds 36 bits, or `gnbBits` is outside 22..32.
 */
export function splitNci(nci: string, gnbBits: number): NciParts {
  if (!Number.isInteger(gnbBits) || gnbBits < 22 || gnbBits > 32) {
    throw new Error(`gNB id length must be an integer from 22 to 32 bits, got ${gnbBits}`)
  }
  const value = decimal(nci, NCI_BITS, 'NCI')
  const cellBits = NCI_BITS - BigInt(gnbBits)
  return Object.freeze({ gnb: String(value >> cellBits), cell: String(value & ((1n << cellBits) - 1n)) })
}
