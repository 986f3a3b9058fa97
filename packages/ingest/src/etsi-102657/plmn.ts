/** A PLMN (network) as text digits: MNC keeps its leading zero, since `02` and `2` are different networks. */
export interface Plmn {
  readonly mcc: string
  readonly mnc: string
}

/**
 * Reads the 3-octet BCD PLMN of 3GPP TS 24.008 §10.5.1.3 at `offset`: octet 1 = MCC2|MCC1, octet 2 = MNC3|MCC3,
 * octet 3 = MNC2|MNC1, with MNC3 = F for a 2-digit MNC. `null` when a nibble is not a digit.
 */
export function readPlmn(bytes: Uint8Array, offset: number): Plmn | null {
  const [o1, o2, o3] = [bytes[offset], bytes[offset + 1], bytes[offset + 2]]
  if (o1 === undefined || o2 === undefined || o3 === undefined) return null
  const mcc = [o1 & 0x0f, o1 >> 4, o2 & 0x0f]
  const mnc = o2 >> 4 === 0x0f ? [o3 & 0x0f, o3 >> 4] : [o3 & 0x0f, o3 >> 4, o2 >> 4]
  if (![...mcc, ...mnc].every((digit) => digit <= 9)) return null
  return { mcc: mcc.join(''), mnc: mnc.join('') }
}

/** Bytes from hex text, ignoring spaces, colons, dashes and a `0x` prefix; `null` when it is not whole octets. */
export function hexBytes(text: string): Uint8Array | null {
  const hex = text
    .trim()
    .replace(/^0x/i, '')
    .replace(/[\s:-]/g, '')
  if (hex === '' || hex.length % 2 !== 0 || !/^[0-9a-f]+$/i.test(hex)) return null
  return Uint8Array.from(hex.match(/../g) ?? [], (pair) => parseInt(pair, 16))
}

/** Big-endian unsigned integer of `length` octets at `offset`. */
export function readUint(bytes: Uint8Array, offset: number, length: number): number {
  let value = 0
  for (let i = 0; i < length; i++) value = value * 256 + (bytes[offset + i] ?? 0)
  return value
}

/** The canonical cell id `mcc-mnc-lac-ci`, every part decimal text. */
export function cellGlobalId(plmn: Plmn, area: number, cell: number): string {
  return `${plmn.mcc}-${plmn.mnc}-${area}-${cell}`
}
