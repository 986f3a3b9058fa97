import { useEffect, useState } from 'react'

export const VIEWS = [
  'overview',
  'board',
  'map',
  'chart',
  'timeline',
  'workspace',
  'tables',
  'import',
  'documents',
] as const
export type View = (typeof VIEWS)[number]

export const VIEW_LABELS: Readonly<Record<View, string>> = {
  overview: 'Overview',
  board: 'Drug lines',
  map: 'Map',
  chart: 'Link chart',
  timeline: 'Timeline',
  workspace: 'Workspace',
  tables: 'Tables',
  import: 'Import',
  documents: 'Documents',
}

export type Route =
  { readonly page: 'cases' } | { readonly page: 'case'; readonly caseId: string; readonly view: View }

/** `#/` is the cases list; `#/case/<id>/<view>` a case's view. */
export function parseRoute(hash: string): Route {
  const m = /^#\/case\/([^/]+)(?:\/([a-z]+))?/.exec(hash)
  if (m === null) return { page: 'cases' }
  const view = (VIEWS as readonly string[]).includes(m[2] ?? '') ? (m[2] as View) : 'overview'
  return { page: 'case', caseId: decodeURIComponent(m[1]!), view }
}

export const hrefOf = (route: Route): string =>
  route.page === 'cases' ? '#/' : `#/case/${encodeURIComponent(route.caseId)}/${route.view}`

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash))
  useEffect(() => {
    const on = (): void => setRoute(parseRoute(window.location.hash))
    window.addEventListener('hashchange', on)
    return () => window.removeEventListener('hashchange', on)
  }, [])
  return route
}

export const navigate = (route: Route): void => {
  window.location.hash = hrefOf(route)
}
