import { ValidationError } from '@linesight/model'

/** One cell of a dump, by its global id parts (the LAC/TAC may be empty: an ECGI has none). */
export interface DumpCell {
  readonly cgi: string
  readonly mcc: string
  readonly mnc: string
  readonly lac: string
  readonly ci: string
}

/** A place and time: the cells a cell dump covers and its window, as the analyst wrote them. */
export interface DumpSpec {
  readonly label: string
  readonly cells: readonly DumpCell[]
  readonly from: string
  readonly to: string
}

const CGI = /^([0-9]{3})-([0-9]{2,3})-([0-9]*)-([0-9]+)$/
const TIME =
  /^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,6})?)?(Z|[+-][0-9]{2}:[0-9]{2})$/
const LABEL = /^[^=@|/,]+$/

/** The syntax of one dump, for messages and documentation. */
export const DUMP_SYNTAX =
  '[label=]CGI|CGI|…@FROM/TO, e.g. scene=234-15-1234-5678|234-15-1234-5679@2024-03-01T22:00:00Z/2024-03-01T23:30:00Z'

/**
 * Reads the `dumps` parameter: one item per place and time, `[label=]CGI|CGI|…@FROM/TO`. A CGI is
 * `mcc-mnc-lac-ci` in decimal (the LAC may be left empty for a 4G/5G cell: `234-10--131387253`); FROM and TO are
 * ISO 8601 with `Z` or an offset. Labels default to `dump 1`, `dump 2`, … and must be unique. Errors name the item
 * and part: `common-numbers.params.dumps[1].cells[0]`.
 */
export function parseDumps(items: readonly string[], path: string): DumpSpec[] {
  const dumps: DumpSpec[] = []
  items.forEach((raw, i) => {
    const at = `${path}[${i}]`
    const item = raw.trim()
    const parts = item.split('@')
    if (parts.length !== 2)
      throw new ValidationError(at, `expected one "@" between the cells and the time window (${DUMP_SYNTAX})`)
    const [place = '', window = ''] = parts
    const eq = place.indexOf('=')
    const label = eq >= 0 ? place.slice(0, eq).trim() : `dump ${i + 1}`
    if (eq >= 0 && !LABEL.test(label))
      throw new ValidationError(`${at}.label`, `a label is text without = @ | / or commas, got "${label}"`)
    const cellText = (eq >= 0 ? place.slice(eq + 1) : place).trim()
    if (cellText === '') throw new ValidationError(`${at}.cells`, `no cells given (${DUMP_SYNTAX})`)
    const cells = cellText.split('|').map((c, j): DumpCell => {
      const cgi = c.trim()
      const m = CGI.exec(cgi)
      if (m === null)
        throw new ValidationError(
          `${at}.cells[${j}]`,
          `"${cgi}" is not a cell global id mcc-mnc-lac-ci in decimal (e.g. 234-15-1234-5678)`,
        )
      return { cgi, mcc: m[1]!, mnc: m[2]!, lac: m[3]!, ci: m[4]! }
    })
    const times = window.split('/')
    if (times.length !== 2)
      throw new ValidationError(`${at}.window`, `expected FROM/TO after "@", got "${window}"`)
    const [from = '', to = ''] = times.map((t) => t.trim())
    if (!TIME.test(from))
      throw new ValidationError(`${at}.from`, `"${from}" is not an ISO 8601 time with Z or an offset`)
    if (!TIME.test(to))
      throw new ValidationError(`${at}.to`, `"${to}" is not an ISO 8601 time with Z or an offset`)
    if (dumps.some((d) => d.label === label))
      throw new ValidationError(`${at}.label`, `"${label}" is used twice`)
    dumps.push({ label, cells, from, to })
  })
  return dumps
}
