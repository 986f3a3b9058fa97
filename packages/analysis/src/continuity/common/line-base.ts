import type { CaseStore, QuerySpec } from '@linesight/store'
import type { AnalysisContext } from '../../core/context.js'
import { memoized } from '../../core/memo.js'
import type { Params } from '../../core/params.js'
import { groupQueryParams, type LineGroup } from './line-groups.js'
import { BASE_CTE, FLARES_CTE, LINE_GROUPS_CTE } from './line-sql.js'
import { FLARE_PARAMS, flareQueryParams, pick } from './params.js'

export interface LineBaseRow {
  readonly g: string
  readonly c: string
  /** First time the customer was flared, as microseconds since the epoch (exact; text, as lists bind as text). */
  readonly first_us: string
  readonly flares: number
}

/** Each line's customer base (domain §3.2): every flare recipient, when it was first flared and how many flares. */
export const lineBaseQuery: QuerySpec<
  LineBaseRow,
  'groups' | 'numbers' | 'burstWindowSeconds' | 'burstMinRecipients'
> = {
  id: 'line-network-base',
  sql: {
    duckdb: `WITH ${LINE_GROUPS_CTE}, ${FLARES_CTE}, ${BASE_CTE}
      SELECT g, c, epoch_us(first_flared)::VARCHAR AS first_us, flares FROM base ORDER BY g, c`,
  },
  params: ['groups', 'numbers', 'burstWindowSeconds', 'burstMinRecipients'],
  row: (r) => r as unknown as LineBaseRow,
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
 * cuckooing-leads (kept under the groups and the flare-rule parameters, the only ones it reads).
 */
export function lineBase(
  store: CaseStore,
  groups: readonly LineGroup[],
  params: Params,
  ctx: AnalysisContext,
): Promise<readonly LineBaseRow[]> {
  const flare = pick(params, FLARE_PARAMS)
  return memoized(ctx, 'line-base', { groups, params: flare }, () =>
    groups.length === 0
      ? Promise.resolve([])
      : store.run(lineBaseQuery, { ...groupQueryParams(groups), ...flareQueryParams(flare) }),
  )
}
