/**
 * How one country writes its phone numbers: the facts the bulk (SQL) normaliser needs to turn national,
 * international and calling-code-prefixed forms into E.164 without libphonenumber.
 *
 * Regex sources are RE2-compatible (DuckDB's engine) and JavaScript-compatible, and always match the whole
 * national significant number (NSN): callers anchor them.
 */
export interface NumberingPlan {
  /** ISO 3166-1 alpha-2 code, e.g. `GB` (never `UK`). */
  readonly country: string
  /** Country calling code without `+`, e.g. `44`. */
  readonly callingCode: string
  /** Digits dialled before a national number inside the country (`0` in GB, `1` in the US); `''` when none. */
  readonly trunkPrefix: string
  /** Digits dialled before an international number from inside the country (`00` in GB, `011` in the US). */
  readonly internationalPrefix: string
  /** Every length a valid NSN can have, as libphonenumber's metadata lists them. */
  readonly nationalLengths: readonly number[]
  /** Leading-digit shape a valid NSN must have; it also keeps a calling-code-prefixed number from passing as national. */
  readonly nationalPattern: string
  /** NSNs of mobile numbers, where the country has a separate mobile range. */
  readonly mobilePattern?: string
  /** Ranges reserved for drama and fiction, which libphonenumber calls invalid (Ofcom's 07700 900xxx in GB). */
  readonly fictionalPattern?: string
}

const plan = (p: NumberingPlan): NumberingPlan =>
  Object.freeze({ ...p, nationalLengths: Object.freeze([...p.nationalLengths]) })

/**
 * The countries the normalisers know, one entry each. Lengths and prefixes are checked against libphonenumber's
 * metadata in the tests, so an upgrade that changes them fails loudly instead of drifting.
 */
export const NUMBERING_PLANS: readonly NumberingPlan[] = Object.freeze([
  plan({
    country: 'GB',
    callingCode: '44',
    trunkPrefix: '0',
    internationalPrefix: '00',
    // 7 digits covers the two short freephone numbers 0800 1111 (Childline) and 0845 4647 (NHS Direct).
    nationalLengths: [7, 9, 10],
    nationalPattern: '[1-357-9]\\d{8,9}|8\\d{6}',
    mobilePattern: '7(?:[1-57-9]\\d{8}|624\\d{6})',
    fictionalPattern: '7700900\\d{3}|1632\\d{6}',
  }),
  plan({
    country: 'US',
    callingCode: '1',
    trunkPrefix: '1',
    internationalPrefix: '011',
    nationalLengths: [10],
    // NANP: area code and exchange both start 2-9.
    nationalPattern: '[2-9]\\d{2}[2-9]\\d{6}',
  }),
  plan({
    country: 'JM',
    callingCode: '1',
    trunkPrefix: '1',
    internationalPrefix: '011',
    nationalLengths: [10],
    nationalPattern: '(?:658|876)[2-9]\\d{6}',
  }),
  plan({
    country: 'IN',
    callingCode: '91',
    trunkPrefix: '0',
    internationalPrefix: '00',
    // 10 digits for mobiles and landlines; the others are 1800/1860 service numbers.
    nationalLengths: [8, 9, 10, 11, 12, 13],
    nationalPattern: '[2-9]\\d{9}|1\\d{7,12}',
    mobilePattern: '[6-9]\\d{9}',
  }),
  plan({
    country: 'CI',
    callingCode: '225',
    // Since 2021 the leading 0 is part of every 10-digit Ivorian number, not a trunk prefix.
    trunkPrefix: '',
    internationalPrefix: '00',
    nationalLengths: [10],
    nationalPattern: '[02]\\d{9}',
    mobilePattern: '0[157]\\d{8}',
  }),
  plan({
    country: 'IE',
    callingCode: '353',
    trunkPrefix: '0',
    internationalPrefix: '00',
    nationalLengths: [7, 8, 9, 10],
    nationalPattern: '[124-9]\\d{6,9}',
    mobilePattern: '8[35-9]\\d{7}',
  }),
  plan({
    country: 'FR',
    callingCode: '33',
    trunkPrefix: '0',
    internationalPrefix: '00',
    nationalLengths: [9],
    nationalPattern: '[1-9]\\d{8}',
    mobilePattern: '[67]\\d{8}',
  }),
  plan({
    country: 'DE',
    callingCode: '49',
    trunkPrefix: '0',
    internationalPrefix: '00',
    nationalLengths: [4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15],
    nationalPattern: '[1-9]\\d{3,14}',
    mobilePattern: '1[5-7]\\d{8,9}',
  }),
  plan({
    country: 'ES',
    callingCode: '34',
    trunkPrefix: '',
    internationalPrefix: '00',
    nationalLengths: [9],
    nationalPattern: '[4-9]\\d{8}',
    mobilePattern: '[67]\\d{8}',
  }),
  plan({
    country: 'NL',
    callingCode: '31',
    trunkPrefix: '0',
    internationalPrefix: '00',
    nationalLengths: [5, 6, 7, 8, 9, 10, 11],
    nationalPattern: '[1-7]\\d{8}|[89]\\d{6,10}|1\\d{4,5}',
    mobilePattern: '6[1-58]\\d{7}',
  }),
  plan({
    country: 'PL',
    callingCode: '48',
    trunkPrefix: '',
    internationalPrefix: '00',
    nationalLengths: [6, 7, 8, 9, 10],
    nationalPattern: '[1-9]\\d{5,8}|8\\d{9}',
    mobilePattern: '(?:45|5[0137]|6[069]|7[2389]|88)\\d{7}',
  }),
  plan({
    country: 'RO',
    callingCode: '40',
    trunkPrefix: '0',
    internationalPrefix: '00',
    nationalLengths: [6, 9],
    nationalPattern: '[237-9]\\d{8}|[23]\\d{5}',
    mobilePattern: '7\\d{8}',
  }),
  plan({
    country: 'PK',
    callingCode: '92',
    trunkPrefix: '0',
    internationalPrefix: '00',
    nationalLengths: [8, 9, 10, 11, 12],
    // National numbers starting 92 exist but are rare; excluding them keeps 92-prefixed international forms apart.
    nationalPattern: '[1-8]\\d{7,11}|9[013-9]\\d{6,10}',
    mobilePattern: '3\\d{9}',
  }),
  plan({
    country: 'NG',
    callingCode: '234',
    trunkPrefix: '0',
    internationalPrefix: '009',
    nationalLengths: [10, 11, 12, 13, 14],
    nationalPattern: '[29]\\d{9}|[78]\\d{9,13}',
    mobilePattern: '[7-9][01]\\d{8}',
  }),
])

const byCountry: ReadonlyMap<string, NumberingPlan> = new Map(NUMBERING_PLANS.map((p) => [p.country, p]))

/**
 * The numbering plan for an ISO 3166-1 alpha-2 country code.
 *
 * @example
 * numberingPlan('GB').callingCode // '44'
 * @throws Error naming the unknown code and the known ones, e.g. for `UK` instead of `GB`.
 */
export function numberingPlan(country: string): NumberingPlan {
  const found = byCountry.get(country)
  if (found === undefined) {
    const known = NUMBERING_PLANS.map((p) => p.country).join(', ')
    throw new Error(`No numbering plan for country "${country}"; known countries: ${known}`)
  }
  return found
}
