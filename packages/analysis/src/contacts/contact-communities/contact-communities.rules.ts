/** An undirected weighted edge of the aggregated contact graph. */
export interface WeightedEdge {
  readonly a: string
  readonly b: string
  readonly weight: number
}

const byText = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0)

/**
 * The graph with each number replaced by its rank in text order, neighbours as flat arrays: `neighbour` and
 * `weight` from `start[i]` to `start[i + 1]` are node i's links, sorted by number (links given twice stay in the
 * order given). Links of a number to itself are left out.
 */
export interface IndexedGraph {
  readonly nodes: readonly string[]
  readonly start: Int32Array
  readonly neighbour: Int32Array
  readonly weight: Float64Array
}

/** Positions of `order` sorted by `keys` (integers below `size`), keeping the order given among equal keys. */
function countingSort(
  keys: Int32Array,
  size: number,
  order: Int32Array,
): { sorted: Int32Array; start: Int32Array } {
  const start = new Int32Array(size + 1)
  for (const k of keys) start[k + 1]!++
  for (let i = 0; i < size; i++) start[i + 1]! += start[i]!
  const next = start.slice(0, size)
  const sorted = new Int32Array(order.length)
  for (const pos of order) sorted[next[keys[pos]!]!++] = pos
  return { sorted, start }
}

/** The links of an edge list as an `IndexedGraph`. */
export function indexGraph(edges: readonly WeightedEdge[]): IndexedGraph {
  const links = edges.filter((e) => e.a !== e.b)
  const names = new Set<string>()
  for (const e of links) names.add(e.a).add(e.b)
  // The default sort orders by UTF-16 code units, as `byText` does, without calling a comparator.
  const nodes = [...names].sort()
  const rank = new Map<string, number>()
  for (let i = 0; i < nodes.length; i++) rank.set(nodes[i]!, i)
  // Each link twice (a to b, then b to a), in the order given.
  const from = new Int32Array(2 * links.length)
  const to = new Int32Array(2 * links.length)
  const given = new Int32Array(2 * links.length)
  for (let k = 0; k < links.length; k++) {
    const e = links[k]!
    from[2 * k] = to[2 * k + 1] = rank.get(e.a)!
    to[2 * k] = from[2 * k + 1] = rank.get(e.b)!
    given[2 * k] = 2 * k
    given[2 * k + 1] = 2 * k + 1
  }
  // By neighbour, then by node: each node's links sorted by neighbour, equal ones in the order given.
  const byNeighbour = countingSort(to, nodes.length, given).sorted
  const { sorted, start } = countingSort(from, nodes.length, byNeighbour)
  const neighbour = new Int32Array(sorted.length)
  const weight = new Float64Array(sorted.length)
  for (let i = 0; i < sorted.length; i++) {
    const pos = sorted[i]!
    neighbour[i] = to[pos]!
    weight[i] = links[pos >> 1]!.weight
  }
  return { nodes, start, neighbour, weight }
}

/** How many connected components the graph's numbers form. */
export function componentCount(graph: IndexedGraph): number {
  const { nodes, start, neighbour } = graph
  const parent = new Int32Array(nodes.length)
  for (let i = 0; i < parent.length; i++) parent[i] = i
  const find = (x: number): number => {
    let root = x
    while (parent[root] !== root) root = parent[root]!
    for (let cur = x; cur !== root;) {
      const next = parent[cur]!
      parent[cur] = root
      cur = next
    }
    return root
  }
  for (let x = 0; x < nodes.length; x++)
    for (let k = start[x]!; k < start[x + 1]!; k++) {
      const ra = find(x)
      const rb = find(neighbour[k]!)
      if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb)
    }
  let roots = 0
  for (let x = 0; x < nodes.length; x++) if (find(x) === x) roots++
  return roots
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
export function labelPropagation(graph: IndexedGraph, maxRounds: number): LabelPropagation {
  const { nodes, start, neighbour, weight } = graph
  // Labels are ranks too: the smallest label is the smallest number.
  const label = Int32Array.from(nodes, (_, i) => i)
  // Per label: its score for the node in hand, and whether a neighbour has it (scores are summed in neighbour order).
  const score = new Float64Array(nodes.length)
  const seen = new Uint8Array(nodes.length)
  const touched = new Int32Array(nodes.length)
  let rounds = 0
  let converged = false
  while (rounds < maxRounds) {
    rounds++
    let changed = false
    for (let node = 0; node < nodes.length; node++) {
      let count = 0
      for (let k = start[node]!; k < start[node + 1]!; k++) {
        const l = label[neighbour[k]!]!
        if (seen[l] === 0) {
          seen[l] = 1
          score[l] = 0
          touched[count++] = l
        }
        score[l]! += weight[k]!
      }
      let best = -1
      for (let t = 0; t < count; t++) if (score[touched[t]!]! > best) best = score[touched[t]!]!
      const current = label[node]!
      let choice = -1
      if (seen[current] === 0 || score[current] !== best)
        for (let t = 0; t < count; t++) {
          const l = touched[t]!
          if (score[l] === best && (choice === -1 || l < choice)) choice = l
        }
      for (let t = 0; t < count; t++) seen[touched[t]!] = 0
      if (choice !== -1 && choice !== current) {
        label[node] = choice
        changed = true
      }
    }
    if (!changed) {
      converged = true
      break
    }
  }
  // Rename each community after its smallest member so labels do not depend on how the rounds went.
  const smallest = new Int32Array(nodes.length).fill(-1)
  for (let node = 0; node < nodes.length; node++)
    if (smallest[label[node]!] === -1) smallest[label[node]!] = node
  const labels = new Map<string, string>()
  nodes.forEach((n, node) => labels.set(n, nodes[smallest[label[node]!]!]!))
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
  /** Links inside the group, in the order given. */
  readonly inside: readonly CountedEdge[]
  readonly communications: number
}

export interface GroupDetail {
  /** Members with their links inside the group, most communications first. */
  readonly memberStats: readonly {
    readonly number: string
    readonly ties: number
    readonly communications: number
  }[]
  /** Links inside the group, most communications first, then by numbers. */
  readonly ties: readonly CountedEdge[]
}

/**
 * The groups of a labelling, largest first, then most communications inside, then by id. Only what orders them
 * is computed here; `describeGroup` gives a listed group's ties and member figures.
 */
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
    const inside = ties.get(id) ?? []
    groups.push({
      id,
      // The default sort orders by UTF-16 code units, as `byText` does.
      members: [...nodes].sort(),
      inside,
      communications: inside.reduce((s, t) => s + t.communications, 0),
    })
  }
  return groups.sort(
    (x, y) =>
      y.members.length - x.members.length || y.communications - x.communications || byText(x.id, y.id),
  )
}

/** A group's links, most communications first, and each member's links and communications inside the group. */
export function describeGroup(group: Group): GroupDetail {
  const ties = [...group.inside].sort(
    (x, y) => y.communications - x.communications || byText(x.a, y.a) || byText(x.b, y.b),
  )
  const stats = new Map(group.members.map((n) => [n, { number: n, ties: 0, communications: 0 }]))
  for (const t of ties)
    for (const n of [t.a, t.b]) {
      const s = stats.get(n)!
      s.ties++
      s.communications += t.communications
    }
  return {
    ties,
    memberStats: [...stats.values()].sort(
      (x, y) => y.communications - x.communications || byText(x.number, y.number),
    ),
  }
}
