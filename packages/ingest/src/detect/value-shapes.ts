/** Tests on sample values that confirm or refute what a header name suggests. */
const share = (values: readonly string[], test: (v: string) => boolean): number => {
  const present = values.map((v) => v.trim()).filter((v) => v !== '')
  return present.length === 0 ? 0 : present.filter(test).length / present.length
}

export const isBlankColumn = (values: readonly string[]): boolean => values.every((v) => v.trim() === '')

const PHONE = /^(\+|00)?[0-9 ()\-.]{3,20}#?$/
const ALPHANUMERIC = /^[A-Za-z][A-Za-z0-9 &.-]{1,15}$/
export const looksLikePhones = (values: readonly string[]): boolean =>
  share(values, (v) => PHONE.test(v) || ALPHANUMERIC.test(v)) >= 0.8

const CGI_SEPARATED =
  /^(0x)?[0-9A-Fa-f]{3}[-\s/:.][0-9A-Fa-f]{2,3}[-\s/:.](0x)?[0-9A-Fa-f]*[-\s/:.](0x)?[0-9A-Fa-f]+$/
const CGI_HEX = /^(0x)?[0-9]{5,6}[0-9A-Fa-f]{7,8}$/
export const looksLikeCgiText = (values: readonly string[]): boolean =>
  share(values, (v) => CGI_SEPARATED.test(v) || CGI_HEX.test(v)) >= 0.8

export const looksLikeIntegers = (values: readonly string[]): boolean =>
  share(values, (v) => /^-?[0-9]+$/.test(v)) >= 0.9
export const looksLikeHex = (values: readonly string[]): boolean =>
  share(values, (v) => /^(0x)?[0-9A-Fa-f]+$/.test(v)) >= 0.9 &&
  share(values, (v) => /[A-Fa-f]/.test(v.replace(/^0x/, ''))) > 0
export const looksLikeNumbers = (values: readonly string[]): boolean =>
  share(values, (v) => /^-?[0-9]+(\.[0-9]+)?$/.test(v)) >= 0.9
export const looksLikeHms = (values: readonly string[]): boolean =>
  share(values, (v) => /^[0-9]{1,3}:[0-9]{2}(:[0-9]{2})?$/.test(v)) >= 0.8
export const looksLikeImei = (values: readonly string[]): boolean =>
  share(values, (v) => /^[0-9]{14,16}$/.test(v)) >= 0.8
export const looksLikeImsi = (values: readonly string[]): boolean =>
  share(values, (v) => /^[0-9]{14,15}$/.test(v)) >= 0.8
export const looksLikeLatLon = (values: readonly string[]): boolean =>
  share(values, (v) => /^-?[0-9.]+\s*[/,]\s*-?[0-9.]+$/.test(v)) >= 0.8

/** Share of values a vocabulary knows (keys compared trimmed and lower-cased). */
export const vocabularyCoverage = (values: readonly string[], known: ReadonlySet<string>): number =>
  share(values, (v) => known.has(v.trim().toLowerCase()))
