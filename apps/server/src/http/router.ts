import type { IncomingMessage, ServerResponse } from 'node:http'

/** What a route handler gets: the request, its response, path parameters and the parsed query. */
export interface RouteContext {
  readonly req: IncomingMessage
  readonly res: ServerResponse
  readonly params: Readonly<Record<string, string>>
  readonly query: URLSearchParams
}

/** Returns a value to send as JSON (200), or `STREAMED` when the handler wrote the response itself. */
export type Handler = (ctx: RouteContext) => Promise<unknown>

export const STREAMED = Symbol('streamed')

interface Route {
  readonly method: string
  readonly pattern: RegExp
  readonly names: readonly string[]
  readonly handler: Handler
}

/** A small method + path router: `/api/cases/:id` style patterns, parameters URL-decoded. */
export class Router {
  readonly #routes: Route[] = []

  on(method: string, path: string, handler: Handler): this {
    const names: string[] = []
    const source = path
      .split('/')
      .map((part) => {
        if (!part.startsWith(':')) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
        names.push(part.slice(1))
        return '([^/]+)'
      })
      .join('/')
    this.#routes.push({ method, pattern: new RegExp(`^${source}$`), names, handler })
    return this
  }

  /** The matching route, `'method'` when the path exists under another method, or null. */
  match(
    method: string,
    pathname: string,
  ): { handler: Handler; params: Record<string, string> } | 'method' | null {
    let pathMatched = false
    for (const r of this.#routes) {
      const m = r.pattern.exec(pathname)
      if (m === null) continue
      pathMatched = true
      if (r.method !== method) continue
      const params: Record<string, string> = {}
      r.names.forEach((n, i) => {
        params[n] = decodeURIComponent(m[i + 1]!)
      })
      return { handler: r.handler, params }
    }
    return pathMatched ? 'method' : null
  }
}
