import type { CellGlobalId, SourceFileId } from '../values/branded.js'
import type { CellSource, RadioTechnology } from '../values/vocabulary.js'
import { field, type FieldSpec } from './field-spec.js'

/** A cell from a network cell list, a public fallback list, or the positions a record carried. */
export interface CellRecord {
  readonly id: string
  readonly source_file_id: SourceFileId
  readonly source_row: number
  readonly source_kind: CellSource
  readonly network: string | null
  readonly technology: RadioTechnology
  readonly mcc: string
  readonly mnc: string
  readonly lac: string
  readonly ci: string
  readonly cgi: CellGlobalId
  /** eNodeB id for LTE (ECI >> 8), gNodeB id for NR when the profile declares the gNB id length. */
  readonly node_id: string | null
  /** Cell within the node (ECI & 0xFF for LTE). */
  readonly node_cell: string | null
  readonly site_id: string | null
  readonly site_name: string | null
  readonly lat: number | null
  readonly lon: number | null
  readonly easting: number | null
  readonly northing: number | null
  readonly azimuth: number | null
  readonly beamwidth: number | null
  readonly range_m: number | null
  readonly valid_from: string | null
  readonly valid_to: string | null
}

export const CELL_RECORD_VERSION = 1

export const CELL_FIELDS: readonly FieldSpec[] = Object.freeze([
  field('id', 'text', 'Cell record id', 'Source file id and row', false),
  field('source_file_id', 'text', 'Source file', 'SHA-256 prefix of the original file', false),
  field('source_row', 'bigint', 'Row', 'Record number in the source', false),
  field('source_kind', 'text', 'Source', 'network, public-fallback (never evidential) or record', false),
  field('network', 'text', 'Network', 'Network name'),
  field('technology', 'text', 'Technology', 'gsm, umts, lte, nr or unknown', false),
  field('mcc', 'text', 'MCC', 'Mobile country code', false),
  field('mnc', 'text', 'MNC', 'Mobile network code', false),
  field('lac', 'text', 'LAC/TAC', 'Location or tracking area code', false),
  field('ci', 'text', 'CI/ECI/NCI', 'Cell identity, decimal', false),
  field('cgi', 'text', 'Global cell id', 'mcc-mnc-lac-ci', false),
  field('node_id', 'text', 'eNB/gNB', 'Base station id split from the cell identity'),
  field('node_cell', 'text', 'Sector', 'Cell within the base station'),
  field('site_id', 'text', 'Site id', 'Site identifier'),
  field('site_name', 'text', 'Site name', 'Site name or address'),
  field('lat', 'double', 'Latitude', 'WGS84 latitude'),
  field('lon', 'double', 'Longitude', 'WGS84 longitude'),
  field('easting', 'double', 'Easting', 'OSGB36 easting as supplied'),
  field('northing', 'double', 'Northing', 'OSGB36 northing as supplied'),
  field('azimuth', 'double', 'Azimuth', 'Degrees from true north'),
  field('beamwidth', 'double', 'Beamwidth', 'Horizontal beamwidth in degrees'),
  field('range_m', 'double', 'Range (m)', 'Estimated serving radius, where the source gives one'),
  field('valid_from', 'timestamp', 'Valid from', 'First time the record applies (UTC)'),
  field('valid_to', 'timestamp', 'Valid to', 'Last time the record applies (UTC)'),
])
