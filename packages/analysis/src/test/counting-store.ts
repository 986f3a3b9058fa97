import type { CaseStore } from '@linesight/store'

/** The store, counting the queries it runs by id (everything else passes through). */
export function countingStore(store: CaseStore): { store: CaseStore; counts: Map<string, number> } {
  const counts = new Map<string, number>()
  const run: CaseStore['run'] = (spec, params) => {
    counts.set(spec.id, (counts.get(spec.id) ?? 0) + 1)
    return store.run(spec, params)
  }
  return {
    counts,
    store: new Proxy(store, {
      get: (target, prop) => {
        if (prop === 'run') return run
        const value: unknown = Reflect.get(target, prop, target)
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value
      },
    }),
  }
}
