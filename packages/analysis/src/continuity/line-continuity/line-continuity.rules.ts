import type { NodeRow, PairRow } from './line-continuity.sql.js'

export interface LinkRules {
  readonly minSharedCustomers: number
  readonly minJaccard: number
  readonly minOverlap: number
}

/** One scored pair: how B might continue A, and whether it qualifies as a link. */
export interface ScoredPair {
  readonly pair: PairRow
  readonly jaccard: number
  readonly overlap: number
  /** Shared handset (IMEI) or SIM (IMSI) in both numbers' records. */
  readonly identifierLink: boolean
  /** Customers carried over within the handover gap, with B flaring (or given as a line number). */
  readonly customerLink: boolean
}

const round = (x: number, places = 4): number => Math.round(x * 10 ** places) / 10 ** places

/** Jaccard |C_A ∩ C_B| / |C_A ∪ C_B| and overlap |C_A ∩ C_B| / min(|C_A|, |C_B|), 0 when a set is empty. */
export function similarity(cA: number, cB: number, shared: number): { jaccard: number; overlap: number } {
  const union = cA + cB - shared
  const smaller = Math.min(cA, cB)
  return {
    jaccard: union > 0 ? round(shared / union) : 0,
    overlap: smaller > 0 ? round(shared / smaller) : 0,
  }
}

/**
 * Scores one pair. Jaccard is required only when both numbers' own records are in the case: a number seen only
 * through other targets' records shows only those targets as customers, so Jaccard understates and the overlap
 * coefficient carries the rule.
 */
export function scorePair(
  pair: PairRow,
  a: NodeRow | undefined,
  b: NodeRow | undefined,
  rules: LinkRules,
): ScoredPair {
  const { jaccard, overlap } = similarity(pair.c_a, pair.c_b, pair.shared)
  const bIsLine = b !== undefined && (b.flares > 0 || b.given)
  const bothOwn = a?.has_own === true && b?.has_own === true
  return {
    pair,
    jaccard,
    overlap,
    identifierLink: pair.shared_ids.length > 0,
    customerLink:
      pair.timing_ok &&
      bIsLine &&
      pair.shared >= rules.minSharedCustomers &&
      (!bothOwn || jaccard >= rules.minJaccard) &&
      overlap >= rules.minOverlap,
  }
}

/** Orders competing links: identifier links first, then within the handover gap, then Jaccard, then the shorter gap. */
function better(x: ScoredPair, y: ScoredPair): boolean {
  const key = (s: ScoredPair): number[] => [
    s.identifierLink ? 1 : 0,
    s.pair.timing_ok ? 1 : 0,
    s.jaccard,
    -Math.abs(s.pair.gap_s),
  ]
  const a = key(x)
  const b = key(y)
  for (let i = 0; i < a.length; i++)
    if ((a[i] as number) !== (b[i] as number)) return (a[i] as number) > (b[i] as number)
  return `${x.pair.a}>${x.pair.b}` < `${y.pair.a}>${y.pair.b}`
}

/**
 * Keeps the qualifying pairs that are each other's best: B is A's best successor and A is B's best predecessor.
 * So every number has at most one predecessor and one successor, and the links form chains.
 */
export function chooseLinks(scored: readonly ScoredPair[]): ScoredPair[] {
  const qualifying = scored.filter((s) => s.identifierLink || s.customerLink)
  const bestSucc = new Map<string, ScoredPair>()
  const bestPred = new Map<string, ScoredPair>()
  for (const s of qualifying) {
    const succ = bestSucc.get(s.pair.a)
    if (succ === undefined || better(s, succ)) bestSucc.set(s.pair.a, s)
    const pred = bestPred.get(s.pair.b)
    if (pred === undefined || better(s, pred)) bestPred.set(s.pair.b, s)
  }
  return qualifying
    .filter((s) => bestSucc.get(s.pair.a) === s && bestPred.get(s.pair.b) === s)
    .sort((x, y) => (x.pair.a < y.pair.a ? -1 : x.pair.a > y.pair.a ? 1 : x.pair.b < y.pair.b ? -1 : 1))
}

/**
 * Chains of numbers joined by links, in time order, keeping only chains that hold at least one given number.
 * Given numbers without links are chains of one. Chains are ordered by their first number's first activity.
 */
export function chains(nodes: readonly NodeRow[], links: readonly ScoredPair[]): string[][] {
  const next = new Map(links.map((l) => [l.pair.a, l.pair.b]))
  const hasPred = new Set(links.map((l) => l.pair.b))
  const byNumber = new Map(nodes.map((n) => [n.msisdn, n]))
  const order = (n: string): string => `${byNumber.get(n)?.first_utc ?? ''}|${n}`
  const out: string[][] = []
  const heads = nodes.map((n) => n.msisdn).filter((n) => !hasPred.has(n))
  for (const head of heads) {
    const chain = [head]
    const seen = new Set(chain)
    for (let n = next.get(head); n !== undefined && !seen.has(n); n = next.get(n)) {
      chain.push(n)
      seen.add(n)
    }
    if (chain.some((n) => byNumber.get(n)?.given === true)) out.push(chain)
  }
  return out.sort((a, b) => (order(a[0] as string) < order(b[0] as string) ? -1 : 1))
}
