import type { CaseStore } from '@linesight/store'

export interface QueryTime {
  readonly id: string
  readonly ms: number
}

/**
 * The store with every `run` timed by query id (LINESIGHT_SQL_TRACE covers the import's statements, not analysis
 * queries). `take()` returns the queries since the last call, slowest first.
 */
export function traceQueries(store: CaseStore): { store: CaseStore; take: () => QueryTime[] } {
  let times: QueryTime[] = []
  const run: CaseStore['run'] = async (spec, params) => {
    const t = performance.now()
    try {
      return await store.run(spec, params)
    } finally {
      times.push({ id: spec.id, ms: performance.now() - t })
    }
  }
  const traced = new Proxy(store, {
    get: (target, prop) => {
      if (prop === 'run') return run
      const value: unknown = Reflect.get(target, prop, target)
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value
    },
  })
  return {
    store: traced,
    take: () => {
      const out = [...times].sort((a, b) => b.ms - a.ms)
      times = []
      return out
    },
  }
}
