/** Column types as the store sees them; every identifier is text, because leading zeros and hex forms matter. */
export type FieldType = 'text' | 'integer' | 'bigint' | 'double' | 'boolean' | 'timestamp' | 'date' | 'json'

/**
 * One declared field of a record: its column, type and label. The store's DDL, report headers and UI labels are
 * checked against or generated from these declarations, so nothing is typed out twice.
 */
export interface FieldSpec {
  readonly column: string
  readonly type: FieldType
  readonly nullable: boolean
  readonly label: string
  readonly description: string
}

export const field = (
  column: string,
  type: FieldType,
  label: string,
  description: string,
  nullable = true,
): FieldSpec => Object.freeze({ column, type, nullable, label, description })
