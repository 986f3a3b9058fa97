export const fmt = (n: number, digits = 0): string =>
  n.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits })

/** Milliseconds with a precision that suits the size: 0.42, 12.3, 1,234. */
export const fmtMs = (ms: number): string => fmt(ms, ms < 10 ? 2 : ms < 100 ? 1 : 0)

/** A plain-text table: the first column left-aligned, the others right-aligned. */
export function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length))) ?? []
  return rows
    .map((r) =>
      r
        .map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0)))
        .join('   ')
        .trimEnd(),
    )
    .join('\n')
}
