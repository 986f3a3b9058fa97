import type { EventEvidence } from '../../core/evidence.js'

/** A subscriber record a fact comes from (name, date of birth, address): the row and the file it was imported from. */
export interface SubscriberRef {
  readonly kind: 'subscriber'
  readonly id: string
  readonly sourceFile: string
  readonly sourceRow: number
}

/** `[...new Set(xs)].sort()`; lists already strictly increasing (rows read in id order) are only copied. */
function uniqueSorted(xs: readonly string[]): string[] {
  // `<` orders strings by UTF-16 code units, as `sort()` does.
  for (let i = 1; i < xs.length; i++)
    if (!((xs[i - 1] as string) < (xs[i] as string))) return [...new Set(xs)].sort()
  return xs.slice()
}

/**
 * Evidence naming exactly the rows behind a figure by id, with the numbers whose records hold them. Used when a
 * figure rests on chosen rows (a call-back and the contact it answers, a pair of co-located events).
 */
export function idsEvidence(owners: readonly string[], ids: readonly string[]): EventEvidence {
  // No rows: an empty target list matches nothing (an empty id list would mean "no id filter").
  if (ids.length === 0) return { kind: 'events', targets: [], count: 0 }
  const unique = uniqueSorted(ids)
  return { kind: 'events', targets: uniqueSorted(owners), ids: unique, count: unique.length }
}

/** Evidence of every row of some numbers' own records in an inclusive UTC window. */
export function windowEvidence(
  targets: readonly string[],
  from: string,
  to: string,
  count: number,
  extra: Partial<Pick<EventEvidence, 'others' | 'types' | 'directions' | 'cells'>> = {},
): EventEvidence {
  return {
    kind: 'events',
    targets: uniqueSorted(targets),
    ...(extra.others === undefined ? {} : { others: uniqueSorted(extra.others) }),
    from,
    to,
    ...(extra.types === undefined ? {} : { types: extra.types }),
    ...(extra.directions === undefined ? {} : { directions: extra.directions }),
    ...(extra.cells === undefined ? {} : { cells: uniqueSorted(extra.cells) }),
    count,
  }
}

/** Parses the `owner|id` pairs a query aggregates into an ids evidence. */
export function pairsEvidence(pairs: readonly string[]): EventEvidence {
  const owners: string[] = []
  const ids: string[] = []
  for (const p of pairs) {
    const at = p.indexOf('|')
    owners.push(p.slice(0, at))
    ids.push(p.slice(at + 1))
  }
  return idsEvidence(owners, ids)
}

/** Every evidence object anywhere in a result (for checks that each resolves to exactly its rows). */
export function collectEvidence(value: unknown, out: EventEvidence[] = []): EventEvidence[] {
  if (Array.isArray(value)) for (const v of value) collectEvidence(v, out)
  else if (value !== null && typeof value === 'object') {
    const o = value as Record<string, unknown>
    if (o['kind'] === 'events' && Array.isArray(o['targets']) && typeof o['count'] === 'number')
      out.push(o as unknown as EventEvidence)
    else for (const v of Object.values(o)) collectEvidence(v, out)
  }
  return out
}
