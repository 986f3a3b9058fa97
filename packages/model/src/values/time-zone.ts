/** Whether `name` is an IANA time zone this runtime knows (e.g. `Europe/London`, `UTC`). */
export function isTimeZoneName(name: string): boolean {
  if (name.trim() === '' || name.length > 64) return false
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: name })
    return true
  } catch {
    return false
  }
}

/** The refusal for a zone that is not one: what was given and what is expected. */
export const timeZoneProblem = (name: string): string =>
  `"${name}" is not a known time zone: give an IANA name such as Europe/London or UTC`
