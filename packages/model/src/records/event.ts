import type { CellGlobalId, EventId, Imei, Imsi, Msisdn, SourceFileId } from '../values/branded.js'
import type {
  EventDirection,
  EventType,
  NumberKind,
  TimePrecision,
  TimeSemantics,
} from '../values/vocabulary.js'
import { field, type FieldSpec } from './field-spec.js'

/**
 * One communication event from a network record, normalised. Properties use the store's column names, so a row
 * read from the store is an `EventRecord` without renaming. Missing values stay missing (null): never 0, never "".
 */
export interface EventRecord {
  readonly id: EventId
  readonly source_file_id: SourceFileId
  readonly source_sheet: string | null
  readonly source_row: number
  readonly source_line: number | null
  readonly profile_id: string
  readonly profile_version: string
  readonly network: string | null
  readonly target_msisdn: Msisdn | null
  readonly target_raw: string | null
  readonly other_msisdn: Msisdn | null
  readonly other_raw: string | null
  readonly other_kind: NumberKind
  readonly direction: EventDirection
  readonly event_type: EventType
  /** ISO 8601 text in UTC, e.g. `2024-03-05T09:00:00Z`. */
  readonly start_utc: string
  readonly start_text: string
  readonly start_zone: string
  readonly start_precision: TimePrecision
  readonly start_ambiguous: boolean
  readonly end_utc: string | null
  readonly duration_s: number | null
  readonly start_cgi: CellGlobalId | null
  readonly start_mcc: string | null
  readonly start_mnc: string | null
  readonly start_lac: string | null
  readonly start_ci: string | null
  readonly start_cell_raw: string | null
  readonly start_cell_lat: number | null
  readonly start_cell_lon: number | null
  readonly end_cgi: CellGlobalId | null
  readonly end_cell_raw: string | null
  readonly imei: Imei | null
  readonly imei_raw: string | null
  readonly imsi: Imsi | null
  readonly charging_id: string | null
  readonly rat: string | null
  readonly bytes_up: number | null
  readonly bytes_down: number | null
  readonly time_semantics: TimeSemantics
  readonly event_key: string
  readonly duplicate_of: EventId | null
}

export const EVENT_RECORD_VERSION = 1

/** The declared fields of `EventRecord`, in table order. */
export const EVENT_FIELDS: readonly FieldSpec[] = Object.freeze([
  field('id', 'text', 'Event id', 'Source file id, sheet and row: where the event came from', false),
  field(
    'source_file_id',
    'text',
    'Source file',
    'First 16 hex digits of the SHA-256 of the original file',
    false,
  ),
  field('source_sheet', 'text', 'Sheet', 'Worksheet name for XLSX sources'),
  field(
    'source_row',
    'bigint',
    'Row',
    'Data record number in the source (1 = first record after the header)',
    false,
  ),
  field('source_line', 'bigint', 'Line', 'Physical line of the record in a text source'),
  field('profile_id', 'text', 'Layout', 'Import profile or mapping that read the record', false),
  field('profile_version', 'text', 'Layout version', 'Version of that profile', false),
  field('network', 'text', 'Network', 'Network that supplied the record'),
  field('target_msisdn', 'text', 'Target number', 'The number the record is about, E.164'),
  field('target_raw', 'text', 'Target number (as supplied)', 'Original text'),
  field('other_msisdn', 'text', 'Other party', 'The other party, E.164 when it is a valid number'),
  field('other_raw', 'text', 'Other party (as supplied)', 'Original text'),
  field('other_kind', 'text', 'Other party kind', 'e164, short-code, alphanumeric, invalid or absent', false),
  field('direction', 'text', 'Direction', 'out (target originated), in (target received) or unknown', false),
  field('event_type', 'text', 'Type', 'voice, sms, mms, data, voicemail, forward or other', false),
  field('start_utc', 'timestamp', 'Start (UTC)', 'Start time in UTC', false),
  field('start_text', 'text', 'Start (as supplied)', 'Original time text', false),
  field('start_zone', 'text', 'Declared zone', 'Time zone the source time was read in', false),
  field(
    'start_precision',
    'text',
    'Precision',
    'second, minute or millisecond, as the source gave it',
    false,
  ),
  field(
    'start_ambiguous',
    'boolean',
    'Ambiguous local time',
    'Local time fell in the autumn clock-change hour',
    false,
  ),
  field('end_utc', 'timestamp', 'End (UTC)', 'End time in UTC'),
  field('duration_s', 'integer', 'Duration (s)', 'Duration in seconds'),
  field('start_cgi', 'text', 'Start cell', 'Global cell id mcc-mnc-lac-ci'),
  field('start_mcc', 'text', 'Start cell MCC', 'Mobile country code'),
  field('start_mnc', 'text', 'Start cell MNC', 'Mobile network code'),
  field('start_lac', 'text', 'Start cell LAC/TAC', 'Location or tracking area code'),
  field('start_ci', 'text', 'Start cell CI/ECI/NCI', 'Cell identity, decimal'),
  field('start_cell_raw', 'text', 'Start cell (as supplied)', 'Original text'),
  field(
    'start_cell_lat',
    'double',
    'Cell latitude (in record)',
    'Latitude the record itself gave for the cell',
  ),
  field(
    'start_cell_lon',
    'double',
    'Cell longitude (in record)',
    'Longitude the record itself gave for the cell',
  ),
  field('end_cgi', 'text', 'End cell', 'Global cell id mcc-mnc-lac-ci'),
  field('end_cell_raw', 'text', 'End cell (as supplied)', 'Original text'),
  field('imei', 'text', 'IMEI', '14-digit core of the handset identity'),
  field('imei_raw', 'text', 'IMEI (as supplied)', 'Original text'),
  field('imsi', 'text', 'IMSI', 'SIM identity'),
  field('charging_id', 'text', 'Charging id', 'Data session identifier'),
  field('rat', 'text', 'Technology', 'Radio access technology as supplied'),
  field('bytes_up', 'bigint', 'Bytes up', 'Uploaded bytes'),
  field('bytes_down', 'bigint', 'Bytes down', 'Downloaded bytes'),
  field('time_semantics', 'text', 'Cell/time relation', 'at, at-or-before-start or at-or-before-end', false),
  field(
    'event_key',
    'text',
    'Event key',
    'Hash of network, target, direction, type, start and other party',
    false,
  ),
  field(
    'duplicate_of',
    'text',
    'Duplicate of',
    'Id of the first event with the same key; flagged, never deleted',
  ),
])
