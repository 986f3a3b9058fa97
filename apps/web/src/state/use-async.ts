import { useEffect, useState } from 'react'

export interface AsyncState<T> {
  readonly data: T | null
  readonly error: Error | null
  readonly loading: boolean
}

const cache = new Map<string, unknown>()

/**
 * Runs `load` when `key` changes (aborting the previous run) and keeps the last answer per key, so switching views
 * does not fetch again. `key` null means "nothing to load".
 */
export function useAsync<T>(key: string | null, load: (signal: AbortSignal) => Promise<T>): AsyncState<T> {
  const [state, setState] = useState<AsyncState<T>>(() =>
    key !== null && cache.has(key)
      ? { data: cache.get(key) as T, error: null, loading: false }
      : { data: null, error: null, loading: key !== null },
  )
  useEffect(() => {
    if (key === null) {
      setState({ data: null, error: null, loading: false })
      return
    }
    if (cache.has(key)) {
      setState({ data: cache.get(key) as T, error: null, loading: false })
      return
    }
    const controller = new AbortController()
    setState((s) => ({ data: s.data, error: null, loading: true }))
    load(controller.signal).then(
      (data) => {
        cache.set(key, data)
        if (!controller.signal.aborted) setState({ data, error: null, loading: false })
      },
      (error: unknown) => {
        if (!controller.signal.aborted)
          setState({
            data: null,
            error: error instanceof Error ? error : new Error(String(error)),
            loading: false,
          })
      },
    )
    return () => controller.abort()
    // `load` is keyed by `key`: a new function with the same key must not reload.
  }, [key])
  return state
}

/** Forget cached answers for a case (after an import). */
export function forgetCase(caseId: string): void {
  for (const k of [...cache.keys()]) if (k.includes(`|${caseId}|`)) cache.delete(k)
}
