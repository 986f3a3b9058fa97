/** An undirected weighted edge of the aggregated contact graph. */
export interface WeightedEdge {
  readonly a: string
  readonly b: string
  readonly weight: number
}

const byText = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0)

/** Neighbours of every node, each list sorted by number, from an edge list. */
export function adjacency(edges: readonly WeightedEdge[]): Map<string, { node: string; weight: number }[]> {
  const adj = new Map<string, { node: string; weight: number }[]>()
  const add = (x: string, y: string, weight: number): void => {
    const list = adj.get(x)
    if (list === undefined) adj.set(x, [{ node: y, weight }])
    else list.push({ node: y, weight })
  }
  for (const e of edges) {
    if (e.a === e.b) continue
    add(e.a, e.b, e.weight)
    add(e.b, e.a, e.weight)
  }
  for (const list of adj.values()) list.sort((p, q) => byText(p.node, q.node))
  return new Map([...adj.entries()].sort(([x], [y]) => byText(x, y)))
}

/** Connected components, each labelled by its smallest number (as text). */
export function connectedComponents(edges: readonly WeightedEdge[]): Map<string, string> {
  const parent = new Map<string, string>()
  const find = (x: string): string => {
    let root = x
    while (parent.get(root) !== root) root = parent.get(root)!
    let cur = x
    while (cur !== root) {
      const next = parent.get(cur)!
      parent.set(cur, root)
      cur = next
    }
    return root
  }
  for (const e of edges) {
    if (!parent.has(e.a)) parent.set(e.a, e.a)
    if (!parent.has(e.b)) parent.set(e.b, e.b)
    const ra = find(e.a)
    const rb = find(e.b)
    // The smaller number becomes the root, so the label is the smallest member whatever the edge order.
    if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb)
  }
  const out = new Map<string, string>()
  for (const node of [...parent.keys()].sort(byText)) out.set(node, find(node))
  return out
}

export interface LabelPropagation {
  /** Community label of every node: the smallest number among the members once settled. */
  readonly labels: Map<string, string>
  readonly rounds: number
  readonly converged: boolean
}

/**
 * Deterministic weighted label propagation. Every node starts with its own number as label; in each round the
 * nodes are visited in number order and each takes the label with the greatest total edge weight among its
 * neighbours (its own label counts only through neighbours), keeping its current label when that is among the
 * best, else the smallest best label. Rounds repeat until no label changes or `maxRounds` is reached. Labels only
 * spread along edges, so every community lies inside one connected component. Finally each community is renamed
 * after its smallest member.
 */
export function labelPropagation(edges: readonly WeightedEdge[], maxRounds: number): LabelPropagation {
  const adj = adjacency(edges)
  const label = new Map<string, string>()
  for (const node of adj.keys()) label.set(node, node)
  let rounds = 0
  let converged = false
  while (rounds < maxRounds) {
    rounds++
    let changed = false
    for (const [node, neighbours] of adj) {
      const score = new Map<string, number>()
      for (const n of neighbours) {
        const l = label.get(n.node)!
        score.set(l, (score.get(l) ?? 0) + n.weight)
      }
      let best = -1
      for (const s of score.values()) if (s > best) best = s
      const current = label.get(node)!
      if (score.get(current) === best) continue
      let choice: string | undefined
      for (const [l, s] of score) if (s === best && (choice === undefined || l < choice)) choice = l
      if (choice !== undefined && choice !== current) {
        label.set(node, choice)
        changed = true
      }
    }
    if (!changed) {
      converged = true
      break
    }
  }
  // Rename each community after its smallest member so labels do not depend on how the rounds went.
  const smallest = new Map<string, string>()
  for (const [node, l] of label) {
    const s = smallest.get(l)
    if (s === undefined || node < s) smallest.set(l, node)
  }
  const labels = new Map<string, string>()
  for (const [node, l] of label) labels.set(node, smallest.get(l)!)
  return { labels, rounds, converged }
}

export type Weighting = 'log' | 'count' | 'equal'

/** What a link of `communications` weighs when numbers choose a group. */
export const weigh = (communications: number, weighting: Weighting): number =>
  weighting === 'equal' ? 1 : weighting === 'count' ? communications : Math.log2(1 + communications)

export interface CountedEdge {
  readonly a: string
  readonly b: string
  readonly communications: number
}

export interface Group {
  readonly id: string
  /** Members in number order. */
  readonly members: readonly string[]
  /** Members with their links inside the group, most communications first. */
  readonly memberStats: readonly {
    readonly number: string
    readonly ties: number
    readonly communications: number
  }[]
  /** Links inside the group, most communications first, then by numbers. */
  readonly ties: readonly CountedEdge[]
  readonly communications: number
}

/** The groups of a labelling, largest first, then most communications inside, then by id. */
export function groupCommunities(
  edges: readonly CountedEdge[],
  labels: ReadonlyMap<string, string>,
): Group[] {
  const members = new Map<string, string[]>()
  for (const [node, label] of labels) {
    const list = members.get(label)
    if (list === undefined) members.set(label, [node])
    else list.push(node)
  }
  const ties = new Map<string, CountedEdge[]>()
  for (const e of edges) {
    const label = labels.get(e.a)
    if (label === undefined || label !== labels.get(e.b)) continue
    const list = ties.get(label)
    if (list === undefined) ties.set(label, [e])
    else list.push(e)
  }
  const groups: Group[] = []
  for (const [id, nodes] of members) {
    const inside = [...(ties.get(id) ?? [])].sort(
      (x, y) => y.communications - x.communications || byText(x.a, y.a) || byText(x.b, y.b),
    )
    const stats = new Map(nodes.map((n) => [n, { number: n, ties: 0, communications: 0 }]))
    for (const t of inside)
      for (const n of [t.a, t.b]) {
        const s = stats.get(n)!
        s.ties++
        s.communications += t.communications
      }
    groups.push({
      id,
      members: [...nodes].sort(byText),
      memberStats: [...stats.values()].sort(
        (x, y) => y.communications - x.communications || byText(x.number, y.number),
      ),
      ties: inside,
      communications: inside.reduce((s, t) => s + t.communications, 0),
    })
  }
  return groups.sort(
    (x, y) =>
      y.members.length - x.members.length || y.communications - x.communications || byText(x.id, y.id),
  )
}
