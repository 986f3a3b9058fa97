import { ValidationError } from '@linesight/model'
import { normalisePhone } from '@linesight/identifiers'

/** Already E.164 text: kept as given (a case may hold numbers outside the ranges in use today). */
const E164_TEXT = /^\+[1-9][0-9]{6,14}$/

/** Numbers written as an analyst would (07…, 447…, 0044…, spaces) are read as UK numbers when not international. */
const PARAM_COUNTRY = 'GB'

/**
 * One phone number given as a parameter, in E.164, so `07913 187091` finds the records stored as `+447913187091`
 * instead of matching nothing. Anything that is not a phone number is refused, never searched for.
 */
export function phoneParamValue(text: string, at: string): string {
  const t = text.trim()
  if (E164_TEXT.test(t)) return t
  const n = normalisePhone(t, PARAM_COUNTRY)
  if (n.e164 !== null) return n.e164
  throw new ValidationError(
    at,
    `"${text}" is not a phone number in use (${n.kind}): write it in E.164 (e.g. +447911123456) or as a UK number (e.g. 07911 123456)`,
  )
}

/** An item holding the numbers of one line separated by spaces, ";" or "|", each in E.164, joined by a space. */
export const phoneGroupValue = (text: string, at: string): string =>
  text
    .split(/[\s;|]+/)
    .filter((t) => t !== '')
    .map((t) => phoneParamValue(t, at))
    .join(' ')
