import type { Imei, Imsi, Msisdn, SourceFileId } from '../values/branded.js'
import { field, type FieldSpec } from './field-spec.js'

/** A subscriber (account holder) record as a network supplied it. It is a record, not an attribution. */
export interface SubscriberRecord {
  readonly id: string
  readonly source_file_id: SourceFileId
  readonly source_row: number
  readonly msisdn: Msisdn | null
  readonly msisdn_raw: string | null
  readonly name: string | null
  readonly date_of_birth: string | null
  readonly address: string | null
  readonly postcode: string | null
  readonly lat: number | null
  readonly lon: number | null
  readonly account_type: string | null
  readonly imsi: Imsi | null
  readonly imei: Imei | null
  readonly valid_from: string | null
  readonly valid_to: string | null
}

export const SUBSCRIBER_RECORD_VERSION = 1

export const SUBSCRIBER_FIELDS: readonly FieldSpec[] = Object.freeze([
  field('id', 'text', 'Subscriber record id', 'Source file id and row', false),
  field('source_file_id', 'text', 'Source file', 'SHA-256 prefix of the original file', false),
  field('source_row', 'bigint', 'Row', 'Record number in the source', false),
  field('msisdn', 'text', 'Number', 'E.164'),
  field('msisdn_raw', 'text', 'Number (as supplied)', 'Original text'),
  field('name', 'text', 'Name', 'Account holder name'),
  field('date_of_birth', 'date', 'Date of birth', 'As recorded by the network'),
  field('address', 'text', 'Address', 'Registered address'),
  field('postcode', 'text', 'Postcode', 'Registered postcode'),
  field('lat', 'double', 'Latitude', 'Address position, WGS84'),
  field('lon', 'double', 'Longitude', 'Address position, WGS84'),
  field('account_type', 'text', 'Account type', 'e.g. PAYG or contract'),
  field('imsi', 'text', 'IMSI', 'SIM identity'),
  field('imei', 'text', 'IMEI', '14-digit core'),
  field('valid_from', 'date', 'From', 'Start of the registration'),
  field('valid_to', 'date', 'To', 'End of the registration'),
])
