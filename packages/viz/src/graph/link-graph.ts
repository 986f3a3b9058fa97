import { roleColor, type Rgba } from '../colors.js'
import type { ContactLink, IdentityLink, SubscriberLink } from '../data.js'

export type NodeKind = 'number' | 'sim' | 'handset' | 'person'

export interface GraphNode {
  readonly id: string
  readonly kind: NodeKind
  readonly label: string
  /** Events on the node's edges (contacts) plus identity records: what its size shows. */
  readonly volume: number
  readonly size: number
  readonly role: string
  readonly color: Rgba
  /** True for numbers whose own records are in the case. */
  readonly isTarget: boolean
  readonly x: number
  readonly y: number
}

export interface GraphEdge {
  readonly id: string
  readonly source: string
  readonly target: string
  readonly kind: 'contact' | 'identity' | 'subscriber'
  readonly weight: number
  readonly size: number
  readonly firstUtc: string | null
  readonly lastUtc: string | null
}

export interface LinkGraphModel {
  readonly nodes: readonly GraphNode[]
  readonly edges: readonly GraphEdge[]
}

export interface LinkGraphInput {
  readonly contacts: readonly ContactLink[]
  readonly identities: readonly IdentityLink[]
  /** Numbers with records in the case. */
  readonly targets: readonly string[]
  /** Roles from analyses (number → role), when known. */
  readonly roles?: ReadonlyMap<string, string>
  /** Subscriber records: the person each number is registered to. */
  readonly subscribers?: readonly SubscriberLink[]
}

export const simNodeId = (imsi: string): string => `imsi:${imsi}`
export const handsetNodeId = (imei: string): string => `imei:${imei}`
/** One person per name and date of birth as registered (case and spacing ignored); no other matching is implied. */
export const personNodeId = (name: string, dateOfBirth: string | null): string =>
  `person:${name.trim().replace(/\s+/g, ' ').toUpperCase()}|${dateOfBirth ?? ''}`

/** A stable hash of a string into [0, 1): deterministic layouts without randomness. */
export function unitHash(text: string): number {
  let h = 2166136261
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 16777619)
  }
  return (h >>> 0) / 4294967296
}

const sizeOf = (volume: number, isTarget: boolean): number =>
  Math.min(24, (isTarget ? 5 : 2) + Math.sqrt(Math.max(0, volume)) * 0.6)

/**
 * The link chart: numbers, SIMs, handsets and people (as subscriber records register them) as nodes; contacts
 * (voice/SMS/MMS between two numbers), identity links (a number, SIM and handset seen in the same records) and
 * subscriber links (a number registered to a person) as edges. Node size follows volume and colour follows
 * role. Positions are a deterministic starting layout (targets on a circle, their contacts around them) that a
 * force layout can refine.
 */
export function buildLinkGraph(input: LinkGraphInput): LinkGraphModel {
  const targets = new Set(input.targets)
  const volume = new Map<string, number>()
  const kind = new Map<string, NodeKind>()
  const anchor = new Map<string, string>()
  const edges = new Map<string, GraphEdge>()
  const addVolume = (id: string, k: NodeKind, v: number): void => {
    volume.set(id, (volume.get(id) ?? 0) + v)
    if (!kind.has(id)) kind.set(id, k)
  }
  const addEdge = (
    a: string,
    b: string,
    k: GraphEdge['kind'],
    weight: number,
    first: string | null,
    last: string | null,
  ): void => {
    if (a === b) return
    const [s, t] = a < b ? [a, b] : [b, a]
    const id = `${k}:${s}|${t}`
    const prev = edges.get(id)
    const w = (prev?.weight ?? 0) + weight
    edges.set(id, {
      id,
      source: s,
      target: t,
      kind: k,
      weight: w,
      size: Math.min(8, 0.5 + Math.log2(1 + w) * 0.6),
      firstUtc: minIso(prev?.firstUtc ?? null, first),
      lastUtc: maxIso(prev?.lastUtc ?? null, last),
    })
  }
  for (const c of input.contacts) {
    addVolume(c.a, 'number', c.events)
    addVolume(c.b, 'number', c.events)
    addEdge(c.a, c.b, 'contact', c.events, c.firstUtc, c.lastUtc)
    if (!anchor.has(c.b) && targets.has(c.a)) anchor.set(c.b, c.a)
    if (!anchor.has(c.a) && targets.has(c.b)) anchor.set(c.a, c.b)
  }
  for (const l of input.identities) {
    const ids: [string, NodeKind][] = []
    if (l.msisdn !== null) ids.push([l.msisdn, 'number'])
    if (l.imsi !== null) ids.push([simNodeId(l.imsi), 'sim'])
    if (l.imei !== null) ids.push([handsetNodeId(l.imei), 'handset'])
    for (const [id, k] of ids) addVolume(id, k, l.records)
    // number — SIM — handset as a chain, or number — handset when the SIM is unknown.
    for (let i = 0; i + 1 < ids.length; i++)
      addEdge(ids[i]![0], ids[i + 1]![0], 'identity', l.records, l.firstUtc, l.lastUtc)
    if (l.msisdn !== null) for (const [id] of ids.slice(1)) if (!anchor.has(id)) anchor.set(id, l.msisdn)
  }
  const personLabel = new Map<string, string>()
  for (const s of input.subscribers ?? []) {
    const id = personNodeId(s.name, s.dateOfBirth)
    if (!personLabel.has(id))
      personLabel.set(id, `${s.name.trim()}${s.dateOfBirth === null ? '' : ` (b. ${s.dateOfBirth})`}`)
    addVolume(id, 'person', s.records)
    addEdge(id, s.msisdn, 'subscriber', s.records, null, null)
    if (!kind.has(s.msisdn)) kind.set(s.msisdn, 'number')
    // Drawn beside the number's own group: its target when the number is not one.
    if (!anchor.has(id)) anchor.set(id, targets.has(s.msisdn) ? s.msisdn : (anchor.get(s.msisdn) ?? s.msisdn))
  }
  for (const t of targets) if (!kind.has(t)) addVolume(t, 'number', 0)

  const targetList = [...targets].filter((t) => kind.has(t)).sort()
  const ring = Math.max(200, targetList.length * 40)
  // Each target's contacts spread over the room its place on the ring leaves.
  const room = Math.max(150, ((2 * Math.PI * ring) / Math.max(1, targetList.length)) * 0.6)
  const centre = new Map<string, readonly [number, number]>()
  targetList.forEach((t, i) => {
    const a = (2 * Math.PI * i) / Math.max(1, targetList.length)
    centre.set(t, [Math.cos(a) * ring, Math.sin(a) * ring])
  })
  const nodes: GraphNode[] = []
  for (const [id, k] of [...kind.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const isTarget = targets.has(id)
    const v = volume.get(id) ?? 0
    const role =
      input.roles?.get(id) ??
      (k === 'sim'
        ? 'sim'
        : k === 'handset'
          ? 'handset'
          : k === 'person'
            ? 'person'
            : isTarget
              ? 'target'
              : 'other')
    let x: number
    let y: number
    const own = centre.get(id)
    if (own !== undefined) [x, y] = own
    else {
      const [cx, cy] = centre.get(anchor.get(id) ?? '') ?? [0, 0]
      const a = 2 * Math.PI * unitHash(id)
      const r = room * (0.2 + 0.8 * Math.sqrt(unitHash(`${id}#r`)))
      x = cx + Math.cos(a) * r
      y = cy + Math.sin(a) * r
    }
    nodes.push({
      id,
      kind: k,
      label:
        k === 'sim'
          ? `SIM ${id.slice(5)}`
          : k === 'handset'
            ? `Handset ${id.slice(5)}`
            : k === 'person'
              ? `Subscriber ${personLabel.get(id) ?? id.slice(7)}`
              : id,
      volume: v,
      size: sizeOf(v, isTarget),
      role,
      color: roleColor(role),
      isTarget,
      x,
      y,
    })
  }
  return { nodes, edges: [...edges.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)) }
}

const minIso = (a: string | null, b: string | null): string | null =>
  a === null ? b : b === null ? a : a < b ? a : b
const maxIso = (a: string | null, b: string | null): string | null =>
  a === null ? b : b === null ? a : a > b ? a : b

/**
 * The shortest chain of links between two nodes (fewest edges; ties broken by node id so the answer is stable),
 * or null when they are not connected. `allow` limits the edges used (for a time filter).
 */
export function shortestPath(
  model: LinkGraphModel,
  from: string,
  to: string,
  allow: (edge: GraphEdge) => boolean = () => true,
): string[] | null {
  const adjacent = new Map<string, string[]>()
  for (const e of model.edges) {
    if (!allow(e)) continue
    ;(adjacent.get(e.source) ?? adjacent.set(e.source, []).get(e.source)!).push(e.target)
    ;(adjacent.get(e.target) ?? adjacent.set(e.target, []).get(e.target)!).push(e.source)
  }
  if (!adjacent.has(from) || !adjacent.has(to)) return from === to ? [from] : null
  for (const list of adjacent.values()) list.sort()
  const previous = new Map<string, string>([[from, from]])
  let frontier = [from]
  while (frontier.length > 0 && !previous.has(to)) {
    const next: string[] = []
    for (const n of frontier)
      for (const m of adjacent.get(n) ?? [])
        if (!previous.has(m)) {
          previous.set(m, n)
          next.push(m)
        }
    frontier = next
  }
  if (!previous.has(to)) return null
  const path = [to]
  while (path[0] !== from) path.unshift(previous.get(path[0]!)!)
  return path
}

/** The edges along a path, as edge ids, for highlighting. */
export function pathEdgeIds(model: LinkGraphModel, path: readonly string[]): Set<string> {
  const out = new Set<string>()
  const byPair = new Map<string, string>()
  for (const e of model.edges) {
    byPair.set(`${e.source}|${e.target}`, e.id)
    byPair.set(`${e.target}|${e.source}`, e.id)
  }
  for (let i = 0; i + 1 < path.length; i++) {
    const id = byPair.get(`${path[i]}|${path[i + 1]}`)
    if (id !== undefined) out.add(id)
  }
  return out
}

/** True when an edge was active inside [from, to] (ISO bounds; either may be null for open). */
export function edgeInWindow(edge: GraphEdge, from: string | null, to: string | null): boolean {
  if (from !== null && edge.lastUtc !== null && edge.lastUtc < from) return false
  if (to !== null && edge.firstUtc !== null && edge.firstUtc > to) return false
  return true
}
