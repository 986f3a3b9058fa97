/** A named parameter value a query may take. Dates travel as ISO text so every engine reads them the same way. */
export type ParamValue = string | number | boolean | null | readonly string[]

/** A row as an engine returns it: JSON-safe values (big integers as numbers, timestamps as ISO text). */
export type SqlRow = Readonly<Record<string, string | number | boolean | null | readonly unknown[]>>

/**
 * One query an analysis asks for: an id, SQL text per dialect, its named parameters and a row reader.
 * The store picks its dialect; analyses never know which engine answered.
 *
 * @example
 * const countEvents: QuerySpec<{ n: number }> = {
 *   id: 'count-events',
 *   sql: { duckdb: 'SELECT count(*) AS n FROM events WHERE target_msisdn = $target' },
 *   params: ['target'],
 *   row: (r) => ({ n: Number(r.n) }),
 * }
 */
export interface QuerySpec<R, P extends string = string> {
  readonly id: string
  readonly sql: { readonly duckdb: string; readonly clickhouse?: string }
  readonly params: readonly P[]
  readonly row: (row: SqlRow) => R
}

export class QueryError extends Error {
  override readonly name = 'QueryError'
  constructor(
    readonly queryId: string,
    message: string,
    override readonly cause?: unknown,
  ) {
    super(`Query ${queryId}: ${message}`)
  }
}
