/** Quotes an identifier for DuckDB (a header such as `Duration (s)` or one holding a quote). */
export const ident = (name: string): string => `"${name.replaceAll('"', '""')}"`

/** Quotes a text literal for DuckDB. */
export const literal = (value: string): string => `'${value.replaceAll("'", "''")}'`

/** A nullable literal. */
export const literalOrNull = (value: string | null | undefined): string =>
  value == null ? 'NULL' : literal(value)
