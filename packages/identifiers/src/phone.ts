import type { Msisdn, NumberKind } from '@linesight/model'
import { isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js/max'

/** A phone value after normalisation: the E.164 form when there is one, and what kind of value it was. */
export interface NormalisedPhone {
  readonly e164: Msisdn | null
  readonly kind: NumberKind
}

const result = (kind: NumberKind): NormalisedPhone => Object.freeze({ e164: null, kind })
const ABSENT = result('absent')
const ALPHANUMERIC = result('alphanumeric')
const SHORT_CODE = result('short-code')
const INVALID = result('invalid')

/** Any letter in any script: sender names such as `VODAFONE` or `AmazonUK`. */
export const PHONE_LETTER_PATTERN = '\\p{L}'
/** Nothing but spaces, punctuation and symbols: `''`, `'  '`, `'-'`, `'()'` are placeholders for "no number". */
export const PHONE_ABSENT_PATTERN = '^[\\s\\p{Z}\\p{P}\\p{S}]*$'
/** Numbers of 3 to 6 digits are network short codes (`150`, `999`, `61123`), never E.164 numbers. */
export const SHORT_CODE_DIGITS = Object.freeze({ min: 3, max: 6 })

const LETTER = new RegExp(PHONE_LETTER_PATTERN, 'u')
const ABSENT_TEXT = new RegExp(PHONE_ABSENT_PATTERN, 'u')
const NON_DIGIT = /[^0-9]/g

/**
 * Normalises one phone value to E.164 with libphonenumber's full (`/max`) metadata, after cheap rules that need no
 * parsing. Call it once per *distinct* value and join back: libphonenumber manages only ~50k parses a second.
 *
 * Rules, in order: null or only spaces and punctuation is `absent`; any letter is `alphanumeric`; 3 to 6 digits is
 * a `short-code`; otherwise the value is parsed with `country` as the default, and a number libphonenumber calls
 * valid is `e164`. Everything else, including well-formed numbers in unallocated ranges such as Ofcom's drama range
 * 07700 900xxx, is `invalid` with `e164` null, so it is listed in the rejects and never silently dropped.
 *
 * @param country ISO 3166-1 alpha-2 code of the network the data came from, used for national forms.
 * @example
 * normalisePhone('+44 (0)7911 123456', 'GB') // { e164: '+447911123456', kind: 'e164' }
 * normalisePhone('VODAFONE', 'GB')           // { e164: null, kind: 'alphanumeric' }
 * @throws Error when `country` is not a code libphonenumber knows (e.g. `UK` for `GB`).
 */
export function normalisePhone(raw: string | null | undefined, country: string): NormalisedPhone {
  if (!isSupportedCountry(country)) {
    throw new Error(
      `Unknown country "${country}" for phone normalisation; expected an ISO 3166-1 code such as GB`,
    )
  }
  if (raw === null || raw === undefined) return ABSENT
  if (LETTER.test(raw)) return ALPHANUMERIC
  if (ABSENT_TEXT.test(raw)) return ABSENT
  const digits = raw.replace(NON_DIGIT, '').length
  if (digits >= SHORT_CODE_DIGITS.min && digits <= SHORT_CODE_DIGITS.max) return SHORT_CODE
  const parsed = parsePhoneNumberFromString(raw, country)
  if (parsed === undefined || !parsed.isValid()) return INVALID
  return Object.freeze({ e164: parsed.number as Msisdn, kind: 'e164' })
}
