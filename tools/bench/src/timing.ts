/** Milliseconds since a `performance.now()` reading. */
export const msSince = (t: number): number => performance.now() - t

/** The median of a non-empty list (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  if (sorted.length === 0) throw new Error('median of an empty list')
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2
}

/** Runs `work` once to warm caches, then `runs` more times; returns each timed run in milliseconds. */
export async function timeWarm(runs: number, work: () => Promise<unknown>): Promise<number[]> {
  await work()
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    await work()
    times.push(msSince(t))
  }
  return times
}
