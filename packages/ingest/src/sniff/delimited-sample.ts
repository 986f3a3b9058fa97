import { parse } from 'csv-parse/sync'

export const DELIMITERS = [',', ';', '\t', '|'] as const

export interface DelimitedSample {
  readonly delimiter: string
  /** Rows of the sample (the last, possibly cut, line of the head removed). */
  readonly rows: readonly (readonly string[])[]
  /** The line of the file on which each row starts (1-based), for messages. */
  readonly lines: readonly number[]
  /** The field count most rows have. */
  readonly width: number
  /** Share of rows with that field count. */
  readonly consistency: number
  /**
   * The line on which a quoted field opens that nothing in the head closes, or null. The rows are then those
   * before it: the quote would swallow the rest of the text into one value.
   */
  readonly unclosedQuoteLine: number | null
}

const describeDelimiter = (d: string): string => (d === '\t' ? 'tab' : `"${d}"`)

/**
 * The line (1-based) on which a quoted field opens that no later quote closes, or null. A quote opens a field only
 * at its start and `""` inside a quoted field is a literal quote, as the CSV parser and the engine read them.
 */
export function unclosedQuoteLine(text: string, delimiter: string): number | null {
  let line = 1
  let openedAt = 0
  let inQuote = false
  let fieldStart = true
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; i++) {
    const ch = text[i]
    if (inQuote) {
      if (ch === '"' && text[i + 1] === '"') i++
      else if (ch === '"') [inQuote, fieldStart] = [false, false]
      else if (ch === '\n') line++
    } else if (ch === '"' && fieldStart) [inQuote, openedAt] = [true, line]
    else if (ch === '\n') [line, fieldStart] = [line + 1, true]
    else if (ch === delimiter) fieldStart = true
    else if (ch !== '\r') fieldStart = false
  }
  return inQuote ? openedAt : null
}

const isQuoteNotClosed = (e: unknown): boolean =>
  typeof e === 'object' && e !== null && (e as { code?: unknown }).code === 'CSV_QUOTE_NOT_CLOSED'

interface ParsedRows {
  readonly rows: string[][]
  readonly lines: number[]
}

function parseRows(text: string, delimiter: string, maxRows: number): ParsedRows {
  const parsed = parse(text, {
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    to: maxRows,
    bom: true,
    info: true,
  }) as unknown as { record: string[]; info: { lines: number } }[]
  // The parser gives the line a record ends on; one with line breaks in quoted values started that many earlier.
  const breaks = (r: readonly string[]): number =>
    r.reduce((n, f) => n + (f.match(/\r\n|\n|\r/g)?.length ?? 0), 0)
  return { rows: parsed.map((p) => p.record), lines: parsed.map((p) => p.info.lines - breaks(p.record)) }
}

/**
 * Parses the head with a proven CSV parser for each candidate delimiter and keeps the most consistent reading. A
 * quote left open does not hide the delimiter: the lines before it are read, and the line is reported.
 */
export function sampleDelimited(text: string, complete: boolean, maxRows = 200): DelimitedSample | null {
  const body = complete ? text : text.slice(0, Math.max(text.lastIndexOf('\n'), 0))
  let best: DelimitedSample | null = null
  for (const delimiter of DELIMITERS) {
    let parsed: ParsedRows
    let unclosed: number | null = null
    try {
      parsed = parseRows(body, delimiter, maxRows)
    } catch (e) {
      if (!isQuoteNotClosed(e)) continue
      unclosed = unclosedQuoteLine(body, delimiter)
      if (unclosed === null) continue
      try {
        parsed = parseRows(
          body
            .split('\n')
            .slice(0, unclosed - 1)
            .join('\n'),
          delimiter,
          maxRows,
        )
      } catch {
        continue
      }
    }
    const { rows, lines } = parsed
    if (rows.length === 0) continue
    const counts = new Map<number, number>()
    for (const r of rows) counts.set(r.length, (counts.get(r.length) ?? 0) + 1)
    const [width, n] = [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]!
    if (width < 2) continue
    const candidate = {
      delimiter,
      rows,
      lines,
      width,
      consistency: n / rows.length,
      unclosedQuoteLine: unclosed,
    }
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
