import type { AnalysisDefinition } from '../../core/definition.js'
import type { EventEvidence } from '../../core/evidence.js'
import { idsEvidence, windowEvidence, type SubscriberRef } from '../common/evidence.js'
import { readIdentifierUse } from '../common/identifiers.js'
import { bool, list } from '../common/params.js'
import { identityReachQuery, simHandsetQuery, subscriberIdentityQuery } from './identity-graph.sql.js'

export type IdentifierKind = 'msisdn' | 'imsi' | 'imei'

export interface IdentityNode {
  readonly kind: IdentifierKind
  readonly value: string
}

/** Two identifiers seen together: in the same event records (with the rows) or in a subscriber record. */
export interface IdentityEdge {
  readonly a: IdentityNode
  readonly b: IdentityNode
  readonly basis: 'events' | 'subscriber'
  readonly firstSeen: string | null
  readonly lastSeen: string | null
  readonly records: number
  /** IMEIs as delivered, when the edge has one (they are compared on the 14-digit core). */
  readonly raw: readonly string[]
  readonly evidence: EventEvidence | null
  readonly subscriberRecords: readonly SubscriberRef[]
}

export interface IdentityFinding {
  readonly kind:
    | 'handset-with-several-sims'
    | 'handset-with-several-numbers'
    | 'sim-in-several-handsets'
    | 'number-on-several-sims'
  readonly subject: IdentityNode
  readonly related: readonly IdentityNode[]
  readonly text: string
}

export interface IdentityComponent {
  readonly msisdns: readonly string[]
  readonly imsis: readonly string[]
  readonly imeis: readonly string[]
  readonly edges: readonly IdentityEdge[]
  readonly findings: readonly IdentityFinding[]
}

export interface IdentityGraphResult {
  readonly components: readonly IdentityComponent[]
}

const key = (n: IdentityNode): string => `${n.kind}:${n.value}`

/** Number ↔ SIM ↔ handset links and the groups of identifiers they join. */
export const identityGraph: AnalysisDefinition<IdentityGraphResult> = {
  id: 'identity-graph',
  version: '1',
  title: 'Identity graph (numbers, SIMs and handsets)',
  description:
    'Joins phone numbers (MSISDN), SIMs (IMSI) and handsets (IMEI, compared on the 14-digit core of type code and serial so 15- and 16-digit forms match) that appear in the same records, with the first and last record, the count and the rows; subscriber records that name a SIM or handset are shown as a separate basis. One handset with several SIMs or numbers suggests a new SIM in the same phone; one SIM in several handsets suggests the SIM was moved. A shared identifier shows that the records share it, not who used the phone.',
  params: {
    numbers: {
      type: 'string-list',
      phone: 'each',
      default: [],
      description:
        'Numbers (E.164) whose groups to show; every group in the case when empty. Groups reach numbers not listed through shared SIMs or handsets',
    },
    includeSubscriberRecords: {
      type: 'boolean',
      default: true,
      description: 'Add links from subscriber records (registration details) as well as from event records',
    },
  },
  run: async (store, params) => {
    const wanted = list(params, 'numbers')
    const withSubscribers = bool(params, 'includeSubscriberRecords')
    // Given numbers: only the identifiers their groups can reach are read (the groups come out the same).
    const reach =
      wanted.length === 0
        ? null
        : (await store.run(identityReachQuery, { numbers: wanted, includeSubscribers: withSubscribers })).map(
            (r) => r.k,
          )
    const values = (kind: IdentifierKind): string[] =>
      (reach ?? []).filter((k) => k.startsWith(`${kind}:`)).map((k) => k.slice(kind.length + 1))
    const scope = {
      whole: reach === null,
      msisdns: values('msisdn'),
      imsis: values('imsi'),
      imeis: values('imei'),
    }
    const edges: IdentityEdge[] = []
    const uses =
      reach === null
        ? await readIdentifierUse(store, [])
        : scope.msisdns.length === 0
          ? []
          : await readIdentifierUse(store, scope.msisdns)
    for (const u of uses) {
      edges.push({
        a: { kind: 'msisdn', value: u.msisdn },
        b: { kind: u.kind, value: u.value },
        basis: 'events',
        firstSeen: u.first_utc,
        lastSeen: u.last_utc,
        records: u.records,
        raw: u.kind === 'imei' ? u.raw : [],
        evidence:
          u.ids === null
            ? windowEvidence([u.msisdn], u.first_utc, u.last_utc, u.records)
            : idsEvidence([u.msisdn], u.ids),
        subscriberRecords: [],
      })
    }
    const simHandsets =
      reach !== null && scope.imsis.length === 0
        ? []
        : await store.run(simHandsetQuery, { whole: scope.whole, imsis: scope.imsis })
    for (const p of simHandsets) {
      edges.push({
        a: { kind: 'imsi', value: p.imsi },
        b: { kind: 'imei', value: p.imei },
        basis: 'events',
        firstSeen: p.first_utc,
        lastSeen: p.last_utc,
        records: p.records,
        raw: [],
        evidence:
          p.ids === null
            ? windowEvidence(p.msisdns, p.first_utc, p.last_utc, p.records)
            : idsEvidence(p.msisdns, p.ids),
        subscriberRecords: [],
      })
    }
    if (withSubscribers) {
      const grouped = new Map<
        string,
        { a: IdentityNode; b: IdentityNode; refs: SubscriberRef[]; from: string | null; to: string | null }
      >()
      for (const s of await store.run(subscriberIdentityQuery, scope)) {
        const ref: SubscriberRef = {
          kind: 'subscriber',
          id: s.id,
          sourceFile: s.source_file,
          sourceRow: s.source_row,
        }
        const pairs: [IdentityNode, IdentityNode][] = []
        if (s.msisdn !== null && s.imsi !== null)
          pairs.push([
            { kind: 'msisdn', value: s.msisdn },
            { kind: 'imsi', value: s.imsi },
          ])
        if (s.msisdn !== null && s.imei !== null)
          pairs.push([
            { kind: 'msisdn', value: s.msisdn },
            { kind: 'imei', value: s.imei },
          ])
        if (s.imsi !== null && s.imei !== null)
          pairs.push([
            { kind: 'imsi', value: s.imsi },
            { kind: 'imei', value: s.imei },
          ])
        for (const [a, b] of pairs) {
          const k = `${key(a)}|${key(b)}`
          const g = grouped.get(k) ?? { a, b, refs: [], from: s.valid_from, to: s.valid_to }
          g.refs.push(ref)
          if (s.valid_from !== null && (g.from === null || s.valid_from < g.from)) g.from = s.valid_from
          if (s.valid_to !== null && (g.to === null || s.valid_to > g.to)) g.to = s.valid_to
          grouped.set(k, g)
        }
      }
      for (const g of [...grouped.values()].sort((x, y) =>
        `${key(x.a)}|${key(x.b)}` < `${key(y.a)}|${key(y.b)}` ? -1 : 1,
      ))
        edges.push({
          a: g.a,
          b: g.b,
          basis: 'subscriber',
          firstSeen: g.from,
          lastSeen: g.to,
          records: g.refs.length,
          raw: [],
          evidence: null,
          subscriberRecords: g.refs,
        })
    }
    // Components: union-find over identifiers; each component's root is its smallest key.
    const parent = new Map<string, string>()
    const find = (x: string): string => {
      let r = x
      while (parent.get(r) !== undefined && parent.get(r) !== r) r = parent.get(r) as string
      for (let n = x; n !== r;) {
        const next = parent.get(n) as string
        parent.set(n, r)
        n = next
      }
      return r
    }
    const add = (x: string): void => {
      if (!parent.has(x)) parent.set(x, x)
    }
    for (const e of edges) {
      add(key(e.a))
      add(key(e.b))
      const ra = find(key(e.a))
      const rb = find(key(e.b))
      if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb)
    }
    const roots = new Set(
      wanted.length === 0
        ? [...parent.keys()].map(find)
        : wanted.filter((n) => parent.has(`msisdn:${n}`)).map((n) => find(`msisdn:${n}`)),
    )
    // Edges by component, in edge order (one pass instead of one per component).
    const byRoot = new Map<string, IdentityEdge[]>()
    for (const e of edges) {
      const root = find(key(e.a))
      if (!roots.has(root)) continue
      const list = byRoot.get(root)
      if (list === undefined) byRoot.set(root, [e])
      else list.push(e)
    }
    const components: IdentityComponent[] = []
    for (const root of [...roots].sort()) {
      const mine = byRoot.get(root) ?? []
      const nodes = [...new Set(mine.flatMap((e) => [key(e.a), key(e.b)]))].sort()
      const values = (kind: IdentifierKind): string[] =>
        nodes.filter((n) => n.startsWith(`${kind}:`)).map((n) => n.slice(kind.length + 1))
      components.push({
        msisdns: values('msisdn'),
        imsis: values('imsi'),
        imeis: values('imei'),
        edges: mine,
        findings: findings(mine.filter((e) => e.basis === 'events')),
      })
    }
    components.sort((x, y) =>
      (x.msisdns[0] ?? x.imsis[0] ?? '') < (y.msisdns[0] ?? y.imsis[0] ?? '') ? -1 : 1,
    )
    return { components }
  },
}

function findings(edges: readonly IdentityEdge[]): IdentityFinding[] {
  const out: IdentityFinding[] = []
  // Each node's neighbours by key, first occurrence kept (edges joined once instead of once per node).
  const adjacent = new Map<string, Map<string, IdentityNode>>()
  const link = (from: IdentityNode, to: IdentityNode): void => {
    const k = key(from)
    const m = adjacent.get(k) ?? new Map<string, IdentityNode>()
    if (!m.has(key(to))) m.set(key(to), to)
    adjacent.set(k, m)
  }
  for (const e of edges) {
    link(e.a, e.b)
    link(e.b, e.a)
  }
  const neighbours = (node: IdentityNode, kind: IdentifierKind): IdentityNode[] =>
    [...(adjacent.get(key(node))?.values() ?? [])]
      .filter((n) => n.kind === kind)
      .sort((x, y) => (x.value < y.value ? -1 : 1))
  const nodes = [...new Map(edges.flatMap((e) => [e.a, e.b]).map((n) => [key(n), n])).values()].sort(
    (x, y) => (key(x) < key(y) ? -1 : 1),
  )
  for (const n of nodes) {
    if (n.kind === 'imei') {
      const sims = neighbours(n, 'imsi')
      if (sims.length > 1)
        out.push({
          kind: 'handset-with-several-sims',
          subject: n,
          related: sims,
          text: `Handset ${n.value} appears with ${sims.length} SIMs (IMSI): consistent with new SIMs put in the same handset.`,
        })
      const numbers = neighbours(n, 'msisdn')
      if (numbers.length > 1)
        out.push({
          kind: 'handset-with-several-numbers',
          subject: n,
          related: numbers,
          text: `Handset ${n.value} appears in the records of ${numbers.length} numbers.`,
        })
    }
    if (n.kind === 'imsi') {
      const handsets = neighbours(n, 'imei')
      if (handsets.length > 1)
        out.push({
          kind: 'sim-in-several-handsets',
          subject: n,
          related: handsets,
          text: `SIM ${n.value} appears in ${handsets.length} handsets: consistent with the SIM being moved.`,
        })
    }
    if (n.kind === 'msisdn') {
      const sims = neighbours(n, 'imsi')
      if (sims.length > 1)
        out.push({
          kind: 'number-on-several-sims',
          subject: n,
          related: sims,
          text: `Number ${n.value} appears with ${sims.length} SIMs (IMSI).`,
        })
    }
  }
  return out
}
