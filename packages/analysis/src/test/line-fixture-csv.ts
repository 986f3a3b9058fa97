import type { CaseStore } from '@linesight/store'
import { resolveEvidence } from '../core/resolve-evidence.js'
import { collectEvidence } from '../continuity/common/evidence.js'

/**
 * Small canonical CSV builders for the line-network tests (hand-computed fixtures for `caseFromFiles`). Times are
 * in March 2024, before British Summer Time starts, so UTC and London local time agree unless a test says otherwise.
 */

/** Canonical CDR header with the handset and SIM columns. */
export const CDR_IDS_HEADER =
  'target_msisdn,other_party,direction,event_type,start_time,duration_s,start_cell,imei,imsi'

/** Canonical cell list header. */
export const CELLS_HEADER =
  'network,mcc,mnc,lac,ci,technology,site_id,site_name,lat,lon,easting,northing,azimuth,beamwidth,valid_from,valid_to'

/** Canonical subscriber list header. */
export const SUBSCRIBERS_HEADER =
  'msisdn,name,date_of_birth,address,postcode,lat,lon,account_type,imsi,imei,valid_from,valid_to'

const pad = (n: number): string => String(n).padStart(2, '0')

/** `2024-03-DDTHH:MM:SSZ`. */
export const at = (day: number, hour: number, minute = 0, second = 0): string =>
  `2024-03-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}Z`

export interface Row {
  readonly target: string
  readonly other?: string
  readonly dir: 'in' | 'out'
  readonly type: 'voice' | 'sms' | 'data'
  readonly t: string
  readonly dur?: number
  readonly cell?: string
  readonly imei?: string
  readonly imsi?: string
}

export const cdr = (rows: readonly Row[]): string =>
  [
    CDR_IDS_HEADER,
    ...rows.map((r) =>
      [
        r.target,
        r.other ?? '',
        r.dir,
        r.type,
        r.t,
        r.dur ?? '',
        r.cell ?? '',
        r.imei ?? '',
        r.imsi ?? '',
      ].join(','),
    ),
  ].join('\n')

/** A flare: one SMS to each recipient, `gapSeconds` apart, starting at `start` (day, hour). */
export function flare(
  line: string,
  recipients: readonly string[],
  day: number,
  hour: number,
  extra: Partial<Row> = {},
  gapSeconds = 5,
): Row[] {
  return recipients.map((to, i) => ({
    target: line,
    other: to,
    dir: 'out',
    type: 'sms',
    t: at(day, hour, Math.floor((i * gapSeconds) / 60), (i * gapSeconds) % 60),
    ...extra,
  }))
}

/** Numbers `+447911PPPNNN` (valid UK mobile form; prefixes 100–299 and 700–899 pass the importer's number check) for a 3-digit prefix and a count, e.g. customers. */
export const numbers = (prefix: string, count: number): string[] =>
  Array.from({ length: count }, (_, i) => `+447911${prefix}${String(i + 1).padStart(3, '0')}`)

export interface CellSpec {
  readonly network: string
  readonly mnc: string
  readonly lac: string
  readonly ci: string
  readonly site: string
  readonly lat: number
  readonly lon: number
  readonly azimuth?: number
  readonly beamwidth?: number
}

export const cellId = (c: CellSpec): string => `234-${c.mnc}-${c.lac}-${c.ci}`

export const cellList = (cells: readonly CellSpec[]): string =>
  [
    CELLS_HEADER,
    ...cells.map((c) =>
      [
        c.network,
        '234',
        c.mnc,
        c.lac,
        c.ci,
        'lte',
        c.site,
        `${c.site} site`,
        c.lat,
        c.lon,
        '',
        '',
        c.azimuth ?? '',
        c.beamwidth ?? '',
        '2015-01-01',
        '',
      ].join(','),
    ),
  ].join('\n')

export interface SubscriberSpec {
  readonly msisdn: string
  readonly name?: string
  readonly dob?: string
  readonly address?: string
  readonly lat?: number
  readonly lon?: number
}

export const subscriberList = (rows: readonly SubscriberSpec[]): string =>
  [
    SUBSCRIBERS_HEADER,
    ...rows.map((s) =>
      [
        s.msisdn,
        s.name ?? '',
        s.dob ?? '',
        s.address === undefined ? '' : `"${s.address}"`,
        '',
        s.lat ?? '',
        s.lon ?? '',
        'PAYG',
        '',
        '',
        '2023-01-01',
        '',
      ].join(','),
    ),
  ].join('\n')

/**
 * Every evidence object in a result whose filter does not resolve to exactly `count` rows, as readable text
 * (empty when all agree). For tests: each figure must trace back to exactly its rows.
 */
export async function evidenceMismatches(store: CaseStore, result: unknown): Promise<string[]> {
  const out: string[] = []
  for (const e of collectEvidence(result)) {
    const rows = await resolveEvidence(store, e, 1_000_000)
    if (rows.length !== e.count)
      out.push(`${JSON.stringify(e).slice(0, 300)} resolves to ${rows.length} rows`)
  }
  return out
}
