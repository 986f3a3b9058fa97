import type {
  EventDirection,
  EventType,
  SourceKind,
  TimePrecision,
  TimeSemantics,
} from '../values/vocabulary.js'

/**
 * The declarative contract between `ingest` (which works out what a file means) and a store engine (which reads
 * it in bulk and normalises it in SQL). A plan is plain data: it can be printed, saved with the import, and
 * re-run by a third party to get the same rows.
 */
export interface DelimitedSource {
  /** UTF-8 text file the engine reads (the original, or a transcoded/converted working copy of it). */
  readonly path: string
  readonly delimiter: string
  readonly quote: string
  readonly header: boolean
  /** Column names in file order (generated `column1…` when the file has no header). */
  readonly columns: readonly string[]
  /** Physical lines before the first data record (header and any preamble). */
  readonly linesBeforeData: number
}

/** Where a time comes from and how to read it. */
export interface TimeSpec {
  readonly column: string
  /** A second column holding the time of day when date and time are split. */
  readonly timeColumn?: string
  /** strptime format of the value (date and time joined by one space when split), or an epoch unit. */
  readonly format: string
  /** IANA zone the local text is in, `UTC`, or `value` when every value carries its own offset. */
  readonly zone: string
  readonly zoneSource: 'profile' | 'header' | 'value' | 'case-default' | 'user'
  readonly precision: TimePrecision
}

/** How a cell identity is given. */
export type CellSpec =
  | { readonly kind: 'cgi-text'; readonly column: string }
  | {
      readonly kind: 'parts'
      readonly mcc: string | null
      readonly mnc: string | null
      readonly mccColumn?: string
      readonly mncColumn?: string
      readonly lacColumn: string | null
      readonly ciColumn: string
      readonly ciFormat: 'decimal' | 'hex'
    }
  | {
      readonly kind: 'node-sector'
      readonly mcc: string | null
      readonly mnc: string | null
      readonly mccColumn?: string
      readonly mncColumn?: string
      readonly lacColumn: string | null
      readonly nodeColumn: string
      readonly sectorColumn: string
    }
  /** The first of several forms that yields a cell (e.g. LTE site/sector, else LAC/CI on 2G/3G rows). */
  | { readonly kind: 'first-of'; readonly specs: readonly CellSpec[] }

/** A raw value (trimmed, lower-cased) → what it means. Either part may be absent. */
export type EventClassVocabulary = Readonly<
  Record<string, { readonly type?: EventType; readonly direction?: EventDirection }>
>

export interface CdrPlan {
  readonly kind: 'cdr'
  readonly target: { readonly column: string } | { readonly constant: string } | null
  readonly other: { readonly column: string } | null
  /** Calling and called party columns, when the layout names parties instead of giving a direction. */
  readonly parties: { readonly calling: string; readonly called: string } | null
  /** Columns whose values say the type and/or direction, read through the vocabulary in order. */
  readonly classColumns: readonly string[]
  readonly vocabulary: EventClassVocabulary
  readonly defaultType: EventType | null
  readonly start: TimeSpec
  readonly end: TimeSpec | null
  readonly duration: { readonly column: string; readonly unit: 'seconds' | 'milliseconds' | 'hms' } | null
  readonly startCell: CellSpec | null
  readonly endCell: CellSpec | null
  readonly cellLat: string | null
  readonly cellLon: string | null
  /** One column holding "lat/long" or "lat,long", as Airtel's `First CGI Lat/Long`. */
  readonly cellLatLon: string | null
  readonly imei: string | null
  readonly imsi: string | null
  readonly chargingId: string | null
  readonly rat: string | null
  readonly bytesUp: string | null
  readonly bytesDown: string | null
  readonly network: { readonly column: string } | { readonly constant: string } | null
  /** How data events relate cell to time: O2 gives the cell of the end time. */
  readonly dataTimeSemantics: TimeSemantics
}

export interface CellsPlan {
  readonly kind: 'cells'
  readonly sourceKind: 'network' | 'public-fallback'
  readonly cell: CellSpec
  readonly technology: { readonly column: string } | { readonly constant: string } | null
  readonly network: { readonly column: string } | { readonly constant: string } | null
  readonly siteId: string | null
  readonly siteName: string | null
  readonly lat: string | null
  readonly lon: string | null
  readonly easting: string | null
  readonly northing: string | null
  readonly azimuth: string | null
  readonly beamwidth: string | null
  readonly rangeM: string | null
  readonly validFrom: TimeSpec | null
  readonly validTo: TimeSpec | null
}

export interface SubscribersPlan {
  readonly kind: 'subscribers'
  readonly msisdn: string
  readonly name: string | null
  readonly dateOfBirth: { readonly column: string; readonly format: string } | null
  readonly address: string | null
  readonly postcode: string | null
  readonly lat: string | null
  readonly lon: string | null
  readonly accountType: string | null
  readonly imsi: string | null
  readonly imei: string | null
  readonly validFrom: { readonly column: string; readonly format: string } | null
  readonly validTo: { readonly column: string; readonly format: string } | null
}

export type RecordPlan = CdrPlan | CellsPlan | SubscribersPlan

/** Everything the engine needs to load one file (or one sheet) as records. */
export interface ImportPlan {
  readonly source: DelimitedSource
  readonly profile: { readonly id: string; readonly version: string }
  /** Country whose national number forms apply (07… → +447…), as an ISO 3166 code. */
  readonly numberCountry: string
  readonly sheet: string | null
  readonly records: RecordPlan
}

export const kindOfPlan = (plan: ImportPlan): SourceKind => plan.records.kind
