/** One mobile network (PLMN): its country code (MCC) and network code (MNC), both as text. */
export interface PlmnEntry {
  /** 3 digits. */
  readonly mcc: string
  /** 2 or 3 digits; leading zeros matter (`02` is not `2`). */
  readonly mnc: string
  /** ISO 3166-1 alpha-2 code of the territory, e.g. `JE` for Jersey. */
  readonly country: string
  readonly network: string
}

const entry = (mcc: string, mnc: string, country: string, network: string): PlmnEntry =>
  Object.freeze({ mcc, mnc, country, network })

/**
 * Vendored MCC/MNC snapshot, written by hand: the UK and Crown Dependency networks a UK case meets, plus the foreign
 * networks our fixtures and profiles use. Extend it here, never at run time, so a report names the table it used.
 */
export const MCC_MNC: readonly PlmnEntry[] = Object.freeze([
  entry('234', '02', 'GB', 'O2'),
  entry('234', '03', 'JE', 'Airtel-Vodafone'),
  entry('234', '10', 'GB', 'O2'),
  entry('234', '11', 'GB', 'O2'),
  entry('234', '15', 'GB', 'Vodafone'),
  entry('234', '20', 'GB', 'Three'),
  entry('234', '30', 'GB', 'EE'),
  entry('234', '31', 'GB', 'EE'),
  entry('234', '32', 'GB', 'EE'),
  entry('234', '33', 'GB', 'EE'),
  entry('234', '34', 'GB', 'EE'),
  entry('234', '50', 'JE', 'JT'),
  entry('234', '55', 'GG', 'Sure'),
  entry('234', '58', 'IM', 'Manx Telecom'),
  entry('234', '91', 'GB', 'Vodafone'),
  entry('234', '94', 'GB', 'Three'),
  entry('310', '260', 'US', 'T-Mobile US'),
  entry('310', '410', 'US', 'AT&T'),
  entry('311', '480', 'US', 'Verizon'),
  entry('404', '10', 'IN', 'Airtel'),
  entry('404', '98', 'IN', 'Airtel'),
  entry('612', '03', 'CI', "Orange Côte d'Ivoire"),
])

/**
 * MCCs whose networks use 3-digit MNCs when the table has no entry to say otherwise: the North American (NANP) and
 * a few Latin American countries. India's 405 mixes both lengths, so it stays at the 2-digit default.
 */
export const THREE_DIGIT_MNC_MCCS: readonly string[] = Object.freeze([
  '302',
  '310',
  '311',
  '312',
  '313',
  '314',
  '315',
  '316',
  '334',
  '338',
  '342',
  '344',
  '346',
  '348',
  '354',
  '356',
  '358',
  '360',
  '365',
  '376',
  '708',
  '722',
])

const byPlmn: ReadonlyMap<string, PlmnEntry> = new Map(MCC_MNC.map((e) => [`${e.mcc}-${e.mnc}`, e]))
const threeDigitMccs: ReadonlySet<string> = new Set(THREE_DIGIT_MNC_MCCS)

/**
 * The network for an MCC and MNC, or null when the vendored table does not list it.
 *
 * @example
 * lookupPlmn('234', '15')?.network // 'Vodafone'
 */
export function lookupPlmn(mcc: string, mnc: string): PlmnEntry | null {
  return byPlmn.get(`${mcc}-${mnc}`) ?? null
}

/**
 * How many of the digits after an MCC belong to the MNC, when nothing in the value says so (an IMSI, or a
 * concatenated ECGI): a 3-digit network in the table wins, then a 2-digit one, then the MCC's usual length.
 *
 * @param after the digits that follow the MCC (at least 3 are examined when present).
 * @example
 * mncLength('310', '260123456789') // 3
 * mncLength('234', '150123456789') // 2
 */
export function mncLength(mcc: string, after: string): 2 | 3 {
  if (after.length >= 3 && byPlmn.has(`${mcc}-${after.slice(0, 3)}`)) return 3
  if (byPlmn.has(`${mcc}-${after.slice(0, 2)}`)) return 2
  return threeDigitMccs.has(mcc) ? 3 : 2
}
