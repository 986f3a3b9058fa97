import type { Imsi } from '@linesight/model'
import { lookupPlmn, mncLength } from './mcc-mnc.js'

/** The network part of an IMSI. `network` is null when the vendored MCC/MNC table does not list it. */
export interface ImsiPlmn {
  readonly mcc: string
  readonly mnc: string
  readonly network: string | null
}

const SEPARATORS = /[\s-]/g
// MCC (3) + MNC (2-3) + MSIN: 15 digits in practice; some older SIMs carry 14.
const IMSI_SHAPE = /^\d{14,15}$/

/**
 * The IMSI in a raw value, digits only, or null when it is not 14 or 15 digits once spaces and dashes are removed.
 *
 * @example
 * parseImsi('234 15 1234567890') // '234151234567890'
 */
export function parseImsi(raw: string | null | undefined): Imsi | null {
  if (raw === null || raw === undefined) return null
  const digits = raw.replace(SEPARATORS, '')
  return IMSI_SHAPE.test(digits) ? (digits as Imsi) : null
}

/**
 * Splits an IMSI into MCC and MNC and names the network. Whether the MNC has 2 or 3 digits is not written in the
 * IMSI, so the vendored table decides, then the MCC's usual length (2 for the UK's 234/235, 3 for 310-316).
 *
 * @example
 * imsiPlmn(parseImsi('234151234567890')!) // { mcc: '234', mnc: '15', network: 'Vodafone' }
 * imsiPlmn(parseImsi('310260123456789')!) // { mcc: '310', mnc: '260', network: 'T-Mobile US' }
 */
export function imsiPlmn(imsi: Imsi): ImsiPlmn {
  const mcc = imsi.slice(0, 3)
  const mnc = imsi.slice(3, 3 + mncLength(mcc, imsi.slice(3)))
  return Object.freeze({ mcc, mnc, network: lookupPlmn(mcc, mnc)?.network ?? null })
}
