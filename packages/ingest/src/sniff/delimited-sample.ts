import { parse } from 'csv-parse/sync'

export const DELIMITERS = [',', ';', '\t', '|'] as const

export interface DelimitedSample {
  readonly delimiter: string
  /** Rows of the sample (the last, possibly cut, line of the head removed). */
  readonly rows: readonly (readonly string[])[]
  /** The field count most rows have. */
  readonly width: number
  /** Share of rows with that field count. */
  readonly consistency: number
}

const describeDelimiter = (d: string): string => (d === '\t' ? 'tab' : `"${d}"`)

/** Parses the head with a proven CSV parser for each candidate delimiter and keeps the most consistent reading. */
export function sampleDelimited(text: string, complete: boolean, maxRows = 200): DelimitedSample | null {
  const body = complete ? text : text.slice(0, Math.max(text.lastIndexOf('\n'), 0))
  let best: DelimitedSample | null = null
  for (const delimiter of DELIMITERS) {
    let rows: string[][]
    try {
      rows = parse(body, {
        delimiter,
        relax_column_count: true,
        relax_quotes: true,
        skip_empty_lines: true,
        to: maxRows,
        bom: true,
      }) as string[][]
    } catch {
      continue
    }
    if (rows.length === 0) continue
    const counts = new Map<number, number>()
    for (const r of rows) counts.set(r.length, (counts.get(r.length) ?? 0) + 1)
    const [width, n] = [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]!
    if (width < 2) continue
    const candidate = { delimiter, rows, width, consistency: n / rows.length }
    if (
      best === null ||
      candidate.consistency > best.consistency + 0.05 ||
      (Math.abs(candidate.consistency - best.consistency) <= 0.05 && candidate.width > best.width)
    )
      best = candidate
  }
  return best
}

export { describeDelimiter }
