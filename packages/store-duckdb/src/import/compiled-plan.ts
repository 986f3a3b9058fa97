/**
 * A plan compiled to SQL pieces. Stage expressions read the raw text columns; checks and output columns read the
 * stage. Local times are converted to UTC through a per-minute zone table, so the costly zone rules run once per
 * distinct minute rather than once per row.
 */
export interface StageColumn {
  readonly name: string
  readonly expr: string
}

/** A rule that rejects a row: `failWhen` over stage columns, with the field and the reason text (SQL). */
export interface RowCheck {
  readonly field: string
  readonly failWhen: string
  readonly reason: string
  readonly rawValue: string
}

/** A stage column holding a local time that must become UTC under a zone. */
export interface LocalTime {
  readonly parsed: string
  readonly zone: string
  readonly field: string
  readonly text: string
}

/**
 * A stage column of raw number text, normalised once per distinct value through the lookup table and joined
 * back: `<alias>_e164` and `<alias>_kind` become available to late checks and output columns.
 */
export interface PhoneLookup {
  readonly raw: string
  readonly alias: string
}

/**
 * A stage column whose distinct values are turned into several outputs by SQL (cell ids, IMEIs), once per value
 * and joined back: `<alias>_<output>` becomes available to late checks and output columns.
 */
export interface ValueLookup {
  readonly raw: string
  readonly alias: string
  /** Output name → SQL over `raw` (the lookup table's text column). */
  readonly outputs: Readonly<Record<string, string>>
}

export interface CompiledPlan {
  readonly table: 'events' | 'cells' | 'subscribers'
  readonly numberCountry: string
  readonly stage: readonly StageColumn[]
  readonly checks: readonly RowCheck[]
  readonly phones: readonly PhoneLookup[]
  readonly lookups: readonly ValueLookup[]
  /** Checks that need the joined values (numbers, UTC times); same shape as `checks`, over the joined row. */
  readonly lateChecks: readonly RowCheck[]
  readonly localTimes: readonly LocalTime[]
  /** Output columns over the stage (`s.`) and the UTC of each local time (`<parsed>_utc`, `<parsed>_ambiguous`). */
  readonly output: readonly StageColumn[]
  /** For events: expressions for the duplicate key. */
  readonly eventKey: readonly string[] | null
}
