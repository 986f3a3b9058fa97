import type { CaseStore, QuerySpec } from '@linesight/store'
import type { AnalysisContext } from '../../core/context.js'
import { memoized } from '../../core/memo.js'
import type { Params } from '../../core/params.js'
import type { LineGroup } from './line-groups.js'
import { BASE_CTE, FLARES_CTE } from './line-sql.js'
import { runIndexed, writeRowIndex, type RowIndex } from '../../core/row-index.js'
import { FLARE_PARAMS, FLARE_QUERY_PARAMS, flareQueryParams, pick, type FlareQueryParams } from './params.js'

export interface LineBaseRow {
  readonly g: string
  readonly c: string
  /** First time the customer was flared, as microseconds since the epoch (exact; text, as lists bind as text). */
  readonly first_us: string
  readonly flares: number
}

/** One number's flare recipients: a `LineBaseRow` of the number alone (`n` for `g`). */
export interface NumberBaseRow {
  readonly n: string
  readonly c: string
  readonly first_us: string
  readonly flares: number
}

/**
 * Each number's customer base (domain §3.2) from its own flare bursts: every flare recipient, when it was first
 * flared and how many flares it received; of every number that sent a text when none is given.
 */
export const numberBaseQuery: QuerySpec<
  NumberBaseRow,
  'numbers' | 'burstWindowSeconds' | 'burstMinRecipients' | 'flareTypes'
> = {
  id: 'line-network-base',
  sql: {
    duckdb: `WITH line_groups AS (
        SELECT DISTINCT target_msisdn AS g, target_msisdn AS n FROM events_unique
        WHERE target_msisdn IS NOT NULL AND list_contains($flareTypes::VARCHAR[], event_type) AND direction = 'out'
          AND (len($numbers::VARCHAR[]) = 0 OR list_contains($numbers::VARCHAR[], target_msisdn))),
      ${FLARES_CTE}, ${BASE_CTE}
      SELECT g AS n, c, epoch_us(first_flared)::VARCHAR AS first_us, flares FROM base ORDER BY n, c`,
  },
  params: ['numbers', ...FLARE_QUERY_PARAMS],
  row: (r) => r as unknown as NumberBaseRow,
}

/** The name every number's customer base is kept under in the case's analysis indexes. */
export const NUMBER_BASE_INDEX_NAME = 'line-network-number-base'

/** Every number's customer base, kept by the import: each number's rows rest on its own records alone. */
const NUMBER_BASE_INDEX: RowIndex<NumberBaseRow, 'numbers' | keyof FlareQueryParams> = {
  name: NUMBER_BASE_INDEX_NAME,
  query: numberBaseQuery,
  filter: 'numbers',
  keyOf: (row) => row.n,
}

/** Keeps every number's customer base under this flare rule (the default at import). True when it was built. */
export const writeNumberBaseIndex = (store: CaseStore, flare: Params): Promise<boolean> =>
  writeRowIndex(store, NUMBER_BASE_INDEX, { numbers: [], ...flareQueryParams(flare) })

/** The customer base of each given number on its own under the flare rule (from the case's index when current). */
export function numberBase(
  store: CaseStore,
  numbers: readonly string[],
  params: Params,
  ctx: AnalysisContext,
): Promise<readonly NumberBaseRow[]> {
  return numbers.length === 0
    ? Promise.resolve([])
    : runIndexed(store, NUMBER_BASE_INDEX, { numbers, ...flareQueryParams(pick(params, FLARE_PARAMS)) }, ctx)
}

/** The `base` rows as the parallel lists `GIVEN_BASE_CTE` reads. */
export interface BaseLists {
  readonly base_g: readonly string[]
  readonly base_c: readonly string[]
  readonly base_t: readonly string[]
  readonly base_k: readonly string[]
}

export type BaseParams = keyof BaseLists

/**
 * `base` (g, c, first_flared, flares) from the lists a query is given: the rows `BASE_CTE` gives, computed once
 * (`lineBase`) instead of once per query (the flare rule is the costly part of each).
 */
export const GIVEN_BASE_CTE = `base AS MATERIALIZED (
  SELECT unnest($base_g::VARCHAR[]) AS g, unnest($base_c::VARCHAR[]) AS c,
    make_timestamp(unnest($base_t::VARCHAR[])::BIGINT) AS first_flared, unnest($base_k::VARCHAR[])::BIGINT AS flares)`

export const baseLists = (rows: readonly LineBaseRow[]): BaseLists => ({
  base_g: rows.map((r) => r.g),
  base_c: rows.map((r) => r.c),
  base_t: rows.map((r) => r.first_us),
  base_k: rows.map((r) => String(r.flares)),
})

/**
 * The customer base of the given lines under the flare rule, shared through the run's memo by line-roles and
 * cuckooing-leads (kept under the groups and the flare-rule parameters, the only ones it reads). A line's base is
 * its numbers' bases together: bursts are each number's own, so a recipient's first flare is the earliest of its
 * numbers' and its flares their sum. Rows in order of line, then recipient.
 */
export function lineBase(
  store: CaseStore,
  groups: readonly LineGroup[],
  params: Params,
  ctx: AnalysisContext,
): Promise<readonly LineBaseRow[]> {
  const flare = pick(params, FLARE_PARAMS)
  return memoized(ctx, 'line-base', { groups, params: flare }, async () => {
    const numbers = [...new Set(groups.flatMap((g) => g.numbers))]
    const byNumber = new Map<string, NumberBaseRow[]>()
    for (const row of await numberBase(store, numbers, flare, ctx)) {
      const rows = byNumber.get(row.n)
      if (rows) rows.push(row)
      else byNumber.set(row.n, [row])
    }
    const numbersOf = new Map<string, Set<string>>()
    for (const g of groups) numbersOf.set(g.key, new Set([...(numbersOf.get(g.key) ?? []), ...g.numbers]))
    const out: LineBaseRow[] = []
    for (const key of [...numbersOf.keys()].sort(byText)) {
      const merged = new Map<string, { first: bigint; flares: number }>()
      for (const n of numbersOf.get(key) ?? [])
        for (const row of byNumber.get(n) ?? []) {
          const first = BigInt(row.first_us)
          const m = merged.get(row.c)
          if (m === undefined) merged.set(row.c, { first, flares: row.flares })
          else merged.set(row.c, { first: first < m.first ? first : m.first, flares: m.flares + row.flares })
        }
      for (const c of [...merged.keys()].sort(byText)) {
        const m = merged.get(c)!
        out.push({ g: key, c, first_us: String(m.first), flares: m.flares })
      }
    }
    return out
  })
}

/** Text order as the engine sorts text (by code unit; every number and key here is ASCII). */
const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)
