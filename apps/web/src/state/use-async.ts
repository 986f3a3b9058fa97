import { useEffect, useState } from 'react'

export interface AsyncState<T> {
  readonly data: T | null
  readonly error: Error | null
  readonly loading: boolean
}

const cache = new Map<string, unknown>()

interface InFlight {
  readonly promise: Promise<unknown>
  readonly controller: AbortController
  users: number
}
// One request per key, shared by every component asking at once; aborted when the last of them stops waiting.
const inFlight = new Map<string, InFlight>()

function join(key: string, load: (signal: AbortSignal) => Promise<unknown>): InFlight {
  let f = inFlight.get(key)
  if (f === undefined) {
    const controller = new AbortController()
    const entry: InFlight = { promise: load(controller.signal), controller, users: 0 }
    entry.promise.then(
      (data) => {
        if (!controller.signal.aborted) cache.set(key, data)
      },
      () => undefined,
    )
    void entry.promise
      .catch(() => undefined)
      .finally(() => {
        if (inFlight.get(key) === entry) inFlight.delete(key)
      })
    inFlight.set(key, entry)
    f = entry
  }
  f.users++
  return f
}

function leave(key: string, f: InFlight): void {
  f.users--
  if (f.users > 0) return
  f.controller.abort()
  if (inFlight.get(key) === f) inFlight.delete(key)
}

/**
 * Runs `load` when `key` changes (aborting the previous run unless another component still waits for it) and keeps
 * the last answer per key, so switching views does not fetch again and two views asking at once fetch once. `key`
 * null means "nothing to load".
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
    let active = true
    setState((s) => ({ data: s.data, error: null, loading: true }))
    const f = join(key, load)
    f.promise.then(
      (data) => {
        if (active) setState({ data: data as T, error: null, loading: false })
      },
      (error: unknown) => {
        if (active)
          setState({
            data: null,
            error: error instanceof Error ? error : new Error(String(error)),
            loading: false,
          })
      },
    )
    return () => {
      active = false
      leave(key, f)
    }
    // `load` is keyed by `key`: a new function with the same key must not reload.
  }, [key])
  return state
}

/** Forget cached answers for a case (after an import). */
export function forgetCase(caseId: string): void {
  for (const k of [...cache.keys()]) if (k.includes(`|${caseId}|`)) cache.delete(k)
}
