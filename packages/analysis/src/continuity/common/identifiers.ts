import type { CaseStore } from '@linesight/store'
import { identifierIdsQuery, identifierWindowQuery, type IdentifierUseRow } from './identifiers.sql.js'

export type { IdentifierUseRow } from './identifiers.sql.js'

/**
 * Which handsets and SIMs each number's own records show (all numbers' when `numbers` is empty), in order of
 * number, kind, first record and value. Row ids are listed only where other identifiers interleave inside the
 * window: listing every row is the costly part, so they are read in a second query, only for those.
 */
export async function readIdentifierUse(
  store: CaseStore,
  numbers: readonly string[],
): Promise<IdentifierUseRow[]> {
  const windows = await store.run(identifierWindowQuery, { numbers })
  const inexact = windows.filter((w) => !w.exact)
  const key = (r: { msisdn: string; kind: string; value: string }): string =>
    `${r.msisdn}\u0000${r.kind}\u0000${r.value}`
  const ids =
    inexact.length === 0
      ? new Map<string, readonly string[]>()
      : new Map(
          (
            await store.run(identifierIdsQuery, {
              msisdns: inexact.map((w) => w.msisdn),
              kinds: inexact.map((w) => w.kind),
              values: inexact.map((w) => w.value),
            })
          ).map((r) => [key(r), r.ids]),
        )
  return windows.map(({ exact, ...w }) => {
    if (exact) return { ...w, ids: null }
    const found = ids.get(key(w))
    if (found === undefined) throw new Error(`line-network-identifier-ids: no rows for ${w.msisdn} ${w.kind}`)
    return { ...w, ids: found }
  })
}
