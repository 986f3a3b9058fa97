/** A line as the line-network analyses take it: a key (its first number) and every number it has used. */
export interface LineGroup {
  readonly key: string
  readonly numbers: readonly string[]
}

/** Splits the `lines` parameter: each item is one number, or one line's numbers separated by spaces, ";" or "|". */
export function parseLineItems(items: readonly string[]): string[][] {
  return items
    .map((item) =>
      item
        .split(/[\s;|]+/)
        .map((s) => s.trim())
        .filter((s) => s !== ''),
    )
    .filter((g) => g.length > 0)
}

/**
 * Joins items that share a number, and items joined by links (pairs of numbers), into groups. Each group keeps its
 * numbers in the order `order` gives (time order from continuity when known, else as given); its key is the first.
 */
export function joinGroups(
  items: readonly (readonly string[])[],
  links: readonly (readonly [string, string])[] = [],
  order: readonly string[] = [],
): LineGroup[] {
  const parent = new Map<string, string>()
  const find = (x: string): string => {
    let r = x
    while (parent.get(r) !== r) r = parent.get(r) ?? r
    parent.set(x, r)
    return r
  }
  const add = (x: string): void => {
    if (!parent.has(x)) parent.set(x, x)
  }
  const union = (a: string, b: string): void => {
    add(a)
    add(b)
    const ra = find(a)
    const rb = find(b)
    if (ra !== rb) parent.set(rb, ra)
  }
  const given: string[] = []
  for (const item of items)
    for (const n of item) {
      add(n)
      given.push(n)
      union(item[0] as string, n)
    }
  for (const [a, b] of links) union(a, b)
  const rank = new Map<string, number>()
  for (const n of [...order, ...given]) if (!rank.has(n)) rank.set(n, rank.size)
  for (const n of parent.keys()) if (!rank.has(n)) rank.set(n, rank.size)
  const byRoot = new Map<string, string[]>()
  for (const n of parent.keys()) {
    const r = find(n)
    byRoot.set(r, [...(byRoot.get(r) ?? []), n])
  }
  const groups = [...byRoot.values()].map((ns) =>
    [...ns].sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0) || (a < b ? -1 : a > b ? 1 : 0)),
  )
  groups.sort((a, b) => (rank.get(a[0] as string) ?? 0) - (rank.get(b[0] as string) ?? 0))
  return groups.map((numbers) => ({ key: numbers[0] as string, numbers }))
}

/** The parallel lists the SQL fragments take (`$groups`, `$numbers`). */
export function groupQueryParams(groups: readonly LineGroup[]): { groups: string[]; numbers: string[] } {
  const g: string[] = []
  const n: string[] = []
  for (const group of groups)
    for (const number of group.numbers) {
      g.push(group.key)
      n.push(number)
    }
  return { groups: g, numbers: n }
}
