/**
 * The case data the server sends to the browser: the inputs of the view-model transforms. Identifiers are text;
 * times are UTC ISO strings ending in `Z`.
 */

/** One cell of the case's cell lists, with the position it was listed at. */
export interface CellSite {
  readonly cgi: string
  readonly lat: number
  readonly lon: number
  /** Degrees from true north; null when the list gives none (drawn as a circle). */
  readonly azimuth: number | null
  readonly beamwidth: number | null
  /** Listed range in metres; null when the list gives none (an assumed radius is used and labelled). */
  readonly rangeMetres: number | null
  /** `network` (a network's cell list) or `public-fallback` (crowd-sourced, never evidential). */
  readonly sourceKind: string
  readonly siteName: string | null
  readonly network: string | null
  readonly technology: string
  /** How many events of the case name this cell (0 when not used). */
  readonly events: number
}

/** One event of a target number, for maps and timelines. */
export interface EventPoint {
  readonly id: string
  readonly target: string
  readonly other: string | null
  readonly direction: string
  readonly type: string
  readonly startUtc: string
  readonly durationS: number | null
  readonly cgi: string | null
  readonly imei: string | null
  readonly imsi: string | null
  readonly timeSemantics: string
}

/** Events between a target number and another party, aggregated. */
export interface ContactLink {
  readonly a: string
  readonly b: string
  readonly events: number
  readonly seconds: number
  readonly firstUtc: string
  readonly lastUtc: string
}

/** A number, SIM (IMSI) and handset (IMEI) seen together. */
export interface IdentityLink {
  readonly msisdn: string | null
  readonly imsi: string | null
  readonly imei: string | null
  readonly firstUtc: string | null
  readonly lastUtc: string | null
  readonly records: number
}

/** A number and the person a subscriber record registers it to (as the network was told: not verified). */
export interface SubscriberLink {
  readonly msisdn: string
  readonly name: string
  readonly dateOfBirth: string | null
  readonly address: string | null
  readonly postcode: string | null
  readonly records: number
}
