export type Axis = 'lat' | 'lon'

const LIMIT: Record<Axis, number> = { lat: 90, lon: 180 }
const HEMISPHERES: Record<Axis, string> = { lat: 'NS', lon: 'EW' }

/**
 * Decimal degrees from a coordinate as ETSI exports write it: decimal (`51.5074`, `-0.1278`, `N51.5074`),
 * degrees-minutes-seconds with separators (`51 30 26.5N`, `51°30'26.5"N`) or packed (`513026.5N`, `N515715`,
 * `W0000746`: 2 degree digits for latitude, 2 or 3 for longitude). Rounded to 6 decimals (about 0.1 m).
 * `null` when the text is not a coordinate on that axis.
 *
 * @example
 * parseCoordinate('51 30 26.5N', 'lat') // 51.507361
 */
export function parseCoordinate(raw: string, axis: Axis): number | null {
  let text = raw.trim().toUpperCase()
  let hemisphere = ''
  const lead = /^([NSEW])\s*/.exec(text)
  const trail = /\s*([NSEW])$/.exec(text)
  if (lead !== null) {
    hemisphere = lead[1] ?? ''
    text = text.slice(lead[0].length)
  } else if (trail !== null) {
    hemisphere = trail[1] ?? ''
    text = text.slice(0, trail.index)
  }
  if (hemisphere !== '' && !HEMISPHERES[axis].includes(hemisphere)) return null
  // A lone decimal comma (51,5074) is a decimal point.
  if (/^-?\d+,\d+$/.test(text)) text = text.replace(',', '.')
  const parts = text
    .replace(/[°º'"′″]/g, ' ')
    .trim()
    .split(/\s+/)
  const value = parts.length > 1 ? fromParts(parts) : fromPacked(parts[0] ?? '', axis, hemisphere !== '')
  if (value === null || Math.abs(value) > LIMIT[axis]) return null
  if (value < 0 && hemisphere !== '') return null
  const signed = hemisphere === 'S' || hemisphere === 'W' ? -value : value
  return Math.round(signed * 1e6) / 1e6
}

/** Writes a coordinate for the CSV. */
export function coordinateText(value: number): string {
  return String(Object.is(value, -0) ? 0 : value)
}

/** `[deg, min?, sec?]` as separate numbers. */
function fromParts(parts: readonly string[]): number | null {
  if (parts.length > 3 || !parts.every((part) => /^-?\d+(?:\.\d+)?$/.test(part))) return null
  const [deg = 0, min = 0, sec = 0] = parts.map(Number)
  if (min < 0 || min >= 60 || sec < 0 || sec >= 60) return null
  const magnitude = Math.abs(deg) + min / 60 + sec / 3600
  return deg < 0 || parts[0]?.startsWith('-') === true ? -magnitude : magnitude
}

/** One number: decimal degrees, or packed DDMMSS / DDDMMSS when it has 6 or 7 whole digits. */
function fromPacked(text: string, axis: Axis, hasHemisphere: boolean): number | null {
  const match = /^(-?)(\d+)(\.\d+)?$/.exec(text)
  if (match === null) return null
  const [, sign = '', whole = '', fraction = ''] = match
  const packed = whole.length === 6 || (whole.length === 7 && axis === 'lon')
  // 6 or 7 whole digits cannot be decimal degrees (out of range), with or without a hemisphere letter.
  if (!packed) return Number(text)
  if (sign === '-' && hasHemisphere) return null
  const degDigits = whole.length - 4
  const deg = Number(whole.slice(0, degDigits))
  const min = Number(whole.slice(degDigits, degDigits + 2))
  const sec = Number(whole.slice(degDigits + 2) + fraction)
  if (min >= 60 || sec >= 60) return null
  const magnitude = deg + min / 60 + sec / 3600
  return sign === '-' ? -magnitude : magnitude
}
