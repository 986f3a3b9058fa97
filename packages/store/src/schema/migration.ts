/** One schema version: statements per engine, applied in order inside one transaction. */
export interface Migration {
  readonly version: number
  readonly description: string
  readonly duckdb: readonly string[]
}
