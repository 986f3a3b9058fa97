import type { IdentityUseRow } from './identity-history.sql.js'

export interface ChangeStep {
  readonly number: string
  readonly kind: 'handset' | 'sim'
  readonly from: IdentityUseRow
  readonly to: IdentityUseRow
}

/**
 * The changes in a number's periods: each period after the first of its kind starts a change from the one before.
 * Periods come ordered by number, kind and time.
 */
export function changesOf(periods: readonly IdentityUseRow[]): ChangeStep[] {
  const out: ChangeStep[] = []
  for (let i = 1; i < periods.length; i++) {
    const before = periods[i - 1]!
    const after = periods[i]!
    if (before.number === after.number && before.kind === after.kind && before.value !== after.value)
      out.push({ number: after.number, kind: after.kind, from: before, to: after })
  }
  return out
}

/** Groups rows by a key, keeping the rows' order within each group and the groups in order of first appearance. */
export function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>()
  for (const row of rows) {
    const k = key(row)
    const list = out.get(k)
    if (list === undefined) out.set(k, [row])
    else list.push(row)
  }
  return out
}
