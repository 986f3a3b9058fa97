/** The Linesight canonical CDR columns (docs/formats.md), in file order. */
export const CANONICAL_CDR_COLUMNS = [
  'target_msisdn',
  'other_party',
  'direction',
  'event_type',
  'start_time',
  'end_time',
  'duration_s',
  'start_cell',
  'end_cell',
  'imei',
  'imsi',
  'charging_id',
  'rat',
  'bytes_up',
  'bytes_down',
  'network',
  'start_cell_lat',
  'start_cell_lon',
] as const

/** Provenance columns the ETSI converter appends: which record a row came from, and in which shape. */
export const ETSI_PROVENANCE_COLUMNS = ['etsi_record_number', 'etsi_shape'] as const

export const ETSI_CSV_COLUMNS = [...CANONICAL_CDR_COLUMNS, ...ETSI_PROVENANCE_COLUMNS] as const
export type EtsiCsvColumn = (typeof ETSI_CSV_COLUMNS)[number]

/** One CSV row: every column as text, `''` where the record did not say. */
export type EtsiCsvRow = Readonly<Record<EtsiCsvColumn, string>>

/** The row's fields in column order. */
export function etsiCsvFields(row: EtsiCsvRow): string[] {
  return ETSI_CSV_COLUMNS.map((column) => row[column])
}
