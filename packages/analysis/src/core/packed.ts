/**
 * Packed rows: many small records sent from the engine as one text per group instead of one row each. Reading a
 * value out of the engine costs about a microsecond, so 400,000 rows of seven columns took seconds; one text per
 * group and a split in JavaScript take a fraction of that. Fields are text without control characters
 * (identifiers, numbers, dates): a record that does not split into its fields fails loudly.
 */

const FIELD = '\u001f'
const RECORD = '\u001e'
const ITEM = '\u001d'

/**
 * The records of a group as one text, in `order`: `fields` (SQL text expressions, never NULL) joined by the unit
 * separator, records by the record separator.
 */
export const packSql = (fields: readonly string[], order: string): string =>
  `string_agg(concat_ws(chr(31), ${fields.join(', ')}), chr(30) ORDER BY ${order})`

/** A list of text (no NULL items) as one field: items joined by the group separator. */
export const packListSql = (list: string): string => `array_to_string(${list}, chr(29))`

/** The records of a packed text, each with exactly `width` fields. */
export function unpack(text: string, width: number, what: string): string[][] {
  return text.split(RECORD).map((record) => {
    const fields = record.split(FIELD)
    if (fields.length !== width)
      throw new Error(`${what}: a packed record has ${fields.length} fields instead of ${width}`)
    return fields
  })
}

/** The items of a field packed by `packListSql`. */
export const unpackList = (field: string): string[] => (field === '' ? [] : field.split(ITEM))

/** A row read from the engine with its `lists` fields (packed by `packListSql`) as arrays again. */
export function withLists(
  row: Readonly<Record<string, unknown>>,
  lists: readonly string[],
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...row }
  for (const name of lists) out[name] = unpackList(String(row[name]))
  return out
}

/**
 * Records (lists of fields) as one text parameter: fields joined by the unit separator, records by the record
 * separator, list items inside a field by the group separator (as results are packed above). Binding a list
 * parameter costs microseconds an item, tens of thousands of items hundreds of milliseconds; one text costs next to
 * nothing and `recordsSql` splits it in the engine. Fields are identifiers, numbers and dates: an empty field or one
 * holding a separator fails loudly.
 */
export function packRecords(records: readonly (readonly (string | readonly string[])[])[]): string {
  const text = (value: string): string => {
    if (value === '' || value.includes('\u001d') || value.includes('\u001e') || value.includes('\u001f'))
      throw new Error(`packRecords: a field is empty or holds a separator: ${JSON.stringify(value)}`)
    return value
  }
  return records
    .map((r) => r.map((f) => (typeof f === 'string' ? text(f) : f.map(text).join('\u001d'))).join('\u001f'))
    .join('\u001e')
}

/** The records of a `packRecords` parameter as a table with the named text columns (no rows for an empty text). */
export const recordsSql = (param: string, columns: readonly string[]): string =>
  `(SELECT ${columns.map((c, i) => `split_part(r, chr(31), ${i + 1}) AS ${c}`).join(', ')}
    FROM (SELECT unnest(string_split(nullif(${param}::VARCHAR, ''), chr(30))) AS r))`
