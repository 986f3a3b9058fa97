import { InvalidArgumentError } from 'commander'
import { isTimeZoneName, timeZoneProblem } from '@linesight/model'

/** Parses a `--zone` option: refused at once when it is not a time zone, not later by the engine mid-run. */
export function zoneOption(value: string): string {
  if (!isTimeZoneName(value)) throw new InvalidArgumentError(timeZoneProblem(value))
  return value
}
