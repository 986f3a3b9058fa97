const ISO_DURATION = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/
const CLOCK = /^(\d+):([0-5]\d):([0-5]\d(?:\.\d+)?)$/
const SECONDS = /^\d+(?:\.\d+)?$/

/**
 * Whole seconds from an ETSI duration: plain seconds (`80`), ISO 8601 (`PT1M20S`) or a clock (`00:01:20`).
 * Fractions of a second round to the nearest second. `null` when the text is none of these.
 *
 * @example
 * parseEtsiDuration('PT1M20S') // 80
 */
export function parseEtsiDuration(raw: string): number | null {
  const text = raw.trim()
  if (SECONDS.test(text)) return Math.round(Number(text))
  const clock = CLOCK.exec(text)
  if (clock !== null) return Math.round(Number(clock[1]) * 3600 + Number(clock[2]) * 60 + Number(clock[3]))
  const iso = ISO_DURATION.exec(text)
  // `P` and `PT` alone match the pattern but say nothing.
  if (iso === null || text === 'P' || text.endsWith('T')) return null
  const [, days = '0', hours = '0', minutes = '0', seconds = '0'] = iso
  return Math.round(
    Number(days) * 86_400 + Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds.replace(',', '.')),
  )
}
