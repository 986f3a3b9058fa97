import type { Imei, Imsi, Msisdn } from '../values/branded.js'
import { field, type FieldSpec } from './field-spec.js'

/** Number ↔ SIM ↔ handset seen together, with the period and the count of records behind it. */
export interface IdentityLinkRecord {
  readonly msisdn: Msisdn | null
  readonly imsi: Imsi | null
  readonly imei: Imei | null
  readonly first_seen: string | null
  readonly last_seen: string | null
  readonly record_count: number
  readonly basis: 'events' | 'subscribers'
}

export const IDENTITY_LINK_FIELDS: readonly FieldSpec[] = Object.freeze([
  field('msisdn', 'text', 'Number', 'E.164'),
  field('imsi', 'text', 'IMSI', 'SIM identity'),
  field('imei', 'text', 'IMEI', '14-digit core'),
  field('first_seen', 'timestamp', 'First seen (UTC)', 'Earliest record'),
  field('last_seen', 'timestamp', 'Last seen (UTC)', 'Latest record'),
  field('record_count', 'bigint', 'Records', 'Records showing the link', false),
  field('basis', 'text', 'Basis', 'events or subscribers', false),
])
