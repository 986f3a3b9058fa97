import Graph from 'graphology'
import FA2Layout from 'graphology-layout-forceatlas2/worker'
import { inferSettings } from 'graphology-layout-forceatlas2'
import Sigma from 'sigma'
import { useEffect, useRef, type ReactNode } from 'react'
import { toHex, type LinkGraphModel } from '@linesight/viz'

const EDGE_CONTACT = '#b8c2cc'
const EDGE_IDENTITY = '#7a5ef0'
const EDGE_SUBSCRIBER = '#5a5a5a'
const edgeColor = (kind: string): string =>
  kind === 'identity' ? EDGE_IDENTITY : kind === 'subscriber' ? EDGE_SUBSCRIBER : EDGE_CONTACT
const HIGHLIGHT = '#ffb000'

/**
 * The link chart on sigma's WebGL renderer (usable at 10,000 nodes). A force layout refines the starting positions
 * for a moment in a web worker, then stops so the picture holds still. Highlighted nodes and edges are drawn
 * bright and large; everything else keeps its role colour.
 */
export function SigmaCanvas(props: {
  readonly model: LinkGraphModel
  readonly highlightNodes: ReadonlySet<string>
  readonly highlightEdges: ReadonlySet<string>
  readonly layoutMs: number
  readonly onNode: (id: string) => void
  readonly onNodeDouble: (id: string) => void
  readonly onRendered?: (ms: number) => void
}): ReactNode {
  const container = useRef<HTMLDivElement>(null)
  const sigma = useRef<Sigma | null>(null)
  const graph = useRef<Graph | null>(null)
  const handlers = useRef({ onNode: props.onNode, onNodeDouble: props.onNodeDouble })
  handlers.current = { onNode: props.onNode, onNodeDouble: props.onNodeDouble }

  useEffect(() => {
    if (container.current === null) return
    const started = performance.now()
    const g = new Graph({ type: 'undirected', multi: false })
    for (const n of props.model.nodes)
      g.addNode(n.id, {
        label: n.label,
        x: n.x,
        y: n.y,
        size: n.size,
        color: toHex(n.color),
        baseColor: toHex(n.color),
        baseSize: n.size,
      })
    for (const e of props.model.edges)
      if (!g.hasEdge(e.source, e.target))
        g.addEdgeWithKey(e.id, e.source, e.target, {
          size: e.size,
          color: edgeColor(e.kind),
          baseColor: edgeColor(e.kind),
          baseSize: e.size,
        })
    const s = new Sigma(g, container.current, {
      settings: {
        labelRenderedSizeThreshold: 9,
        hideEdgesOnMove: g.size > 20_000,
        zIndex: true,
      },
    } as never)
    s.on('clickNode', ({ node }) => handlers.current.onNode(node))
    s.on('doubleClickNode', ({ node }) => handlers.current.onNodeDouble(node))
    sigma.current = s
    graph.current = g
    props.onRendered?.(performance.now() - started)
    let layout: FA2Layout | null = null
    let timer: ReturnType<typeof setTimeout> | undefined
    if (props.layoutMs > 0 && g.order > 1) {
      layout = new FA2Layout(g, {
        settings: { ...inferSettings(g), barnesHutOptimize: g.order > 500, slowDown: 5 },
      })
      layout.start()
      timer = setTimeout(() => layout?.stop(), props.layoutMs)
    }
    return () => {
      clearTimeout(timer)
      layout?.kill()
      s.kill()
      sigma.current = null
      graph.current = null
    }
    // The graph is rebuilt only when the model changes.
  }, [props.model, props.layoutMs])

  useEffect(() => {
    const g = graph.current
    if (g === null) return
    const any = props.highlightNodes.size > 0
    g.updateEachNodeAttributes((node, a) => {
      const on = props.highlightNodes.has(node)
      return {
        ...a,
        color: on ? HIGHLIGHT : any ? dim(String(a['baseColor'])) : a['baseColor'],
        size: on ? Math.max(8, Number(a['baseSize']) * 1.6) : a['baseSize'],
        zIndex: on ? 2 : 0,
        forceLabel: on,
      }
    })
    g.updateEachEdgeAttributes((edge, a) => {
      const on = props.highlightEdges.has(edge)
      return {
        ...a,
        color: on ? HIGHLIGHT : a['baseColor'],
        size: on ? Math.max(3, Number(a['baseSize']) * 2) : a['baseSize'],
        zIndex: on ? 2 : 0,
      }
    })
  }, [props.highlightNodes, props.highlightEdges, props.model])

  return <div ref={container} className="sigma-canvas" role="img" aria-label="Link chart" />
}

/** A role colour faded towards white, for nodes outside a highlight. */
function dim(hex: string): string {
  const n = Number.parseInt(hex.slice(1), 16)
  const mix = (v: number): number => Math.round(v + (255 - v) * 0.65)
  const r = mix((n >> 16) & 255)
  const g = mix((n >> 8) & 255)
  const b = mix(n & 255)
  return `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`
}
