import { afterEach, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import type { CaseSession } from './case-session.js'
import { importFiles, type FileResult } from './import-files.js'
import { layoutFixture, repoRoot, scratchCase, sql } from './test-kit.js'

interface LayoutCase {
  readonly name: string
  readonly file: string
  readonly profile: string
  readonly kind: 'cdr' | 'cells' | 'subscribers'
  readonly read: number
  readonly imported: number
  readonly rejected?: number
  readonly duplicates?: number
  readonly zone?: string
  /** Reject reasons (numbers and quoted values masked), most frequent first. */
  readonly reasons?: readonly string[]
  /** SQL over the case, and the rows it must return exactly. */
  readonly check?: { readonly query: string; readonly rows: readonly Record<string, unknown>[] }
}

const etsi = (name: string): string => join(repoRoot, 'packages/ingest/src/etsi-102657/fixtures', name)

// Each layout imports with no mapping file; the check pins what the normalised rows must say.
const CASES: readonly LayoutCase[] = [
  {
    name: 'Linesight canonical CDR',
    file: layoutFixture('canonical-cdr.csv'),
    profile: 'linesight-canonical-cdr',
    kind: 'cdr',
    read: 3,
    imported: 3,
    check: {
      query: `SELECT target_msisdn, other_msisdn, other_raw, other_kind, direction, event_type, strftime(start_utc, '%Y-%m-%d %H:%M:%S') AS t, duration_s, start_cgi, time_semantics
        FROM events ORDER BY source_row`,
      rows: [
        {
          target_msisdn: '+447911123456',
          other_msisdn: '+447922654321',
          other_raw: '+447922654321',
          other_kind: 'e164',
          direction: 'out',
          event_type: 'voice',
          t: '2024-03-05 10:00:07',
          duration_s: 42,
          start_cgi: '234-15-1234-5678901',
          time_semantics: 'at',
        },
        {
          target_msisdn: '+447911123456',
          other_msisdn: null,
          other_raw: 'VODAFONE',
          other_kind: 'alphanumeric',
          direction: 'in',
          event_type: 'sms',
          t: '2024-07-01 08:15:00',
          duration_s: null,
          start_cgi: '234-15-1234-5678901',
          time_semantics: 'at',
        },
        {
          target_msisdn: '+447911123456',
          other_msisdn: null,
          other_raw: null,
          other_kind: 'absent',
          direction: 'out',
          event_type: 'data',
          t: '2024-07-01 08:20:00',
          duration_s: 1800,
          start_cgi: '234-15-1234-5678902',
          time_semantics: 'at-or-before-start',
        },
      ],
    },
  },
  {
    name: 'T-Mobile US (UTC, mm/dd, calling/called parties, LTE site+sector or LAC/CI)',
    file: layoutFixture('tmobile-us.csv'),
    profile: 'tmobile-us',
    kind: 'cdr',
    read: 3,
    imported: 3,
    check: {
      query: `SELECT target_msisdn, other_msisdn, direction, event_type, strftime(start_utc, '%Y-%m-%d %H:%M:%S') AS t, start_cgi FROM events ORDER BY source_row`,
      rows: [
        {
          target_msisdn: '+12025550143',
          other_msisdn: '+12025550177',
          direction: 'out',
          event_type: 'voice',
          t: '2024-03-15 14:02:11',
          start_cgi: '310-260--31604737',
        },
        {
          target_msisdn: '+12025550143',
          other_msisdn: '+12025550177',
          direction: 'in',
          event_type: 'sms',
          t: '2024-03-15 15:20:00',
          start_cgi: '310-260--31604738',
        },
        {
          target_msisdn: '+12025550143',
          other_msisdn: '+12025550199',
          direction: 'out',
          event_type: 'voice',
          t: '2024-03-16 09:01:02',
          start_cgi: '310-260-1234-5678',
        },
      ],
    },
  },
  {
    name: 'Verizon V1 (coded directions, site/face cells, zone from --zone)',
    file: layoutFixture('verizon-v1.csv'),
    profile: 'verizon-v1',
    kind: 'cdr',
    read: 3,
    imported: 3,
    zone: 'America/New_York',
    check: {
      query: `SELECT direction, event_type, strftime(start_utc, '%Y-%m-%d %H:%M') AS t, start_precision, start_cgi FROM events ORDER BY source_row`,
      rows: [
        {
          direction: 'out',
          event_type: 'voice',
          t: '2024-03-15 18:02',
          start_precision: 'minute',
          start_cgi: '311-480--25858',
        },
        {
          direction: 'in',
          event_type: 'voice',
          t: '2024-03-16 13:00',
          start_precision: 'minute',
          start_cgi: '311-480--25857',
        },
        {
          direction: 'in',
          event_type: 'voicemail',
          t: '2024-03-16 14:00',
          start_precision: 'minute',
          start_cgi: '311-480--25857',
        },
      ],
    },
  },
  {
    name: 'Airtel India (dashed CGI with 28-bit ECI, lat/long in one cell, IST)',
    file: layoutFixture('airtel-in.csv'),
    profile: 'airtel-in',
    kind: 'cdr',
    read: 2,
    imported: 2,
    check: {
      query: `SELECT target_msisdn, other_msisdn, direction, event_type, strftime(start_utc, '%Y-%m-%d %H:%M:%S') AS t, start_cgi, start_cell_lat, start_cell_lon FROM events ORDER BY source_row`,
      rows: [
        {
          target_msisdn: '+919876543210',
          other_msisdn: '+919812345678',
          direction: 'out',
          event_type: 'voice',
          t: '2024-03-15 08:32:11',
          start_cgi: '404-98-8331-230711555',
          start_cell_lat: 28.6139,
          start_cell_lon: 77.209,
        },
        {
          target_msisdn: '+919876543210',
          other_msisdn: '+919812345678',
          direction: 'in',
          event_type: 'sms',
          t: '2024-03-16 03:30:00',
          start_cgi: '404-98-8331-230711555',
          start_cell_lat: 28.6139,
          start_cell_lon: 77.209,
        },
      ],
    },
  },
  {
    name: 'Orange D4D (headerless, semicolon, service codes)',
    file: layoutFixture('orange-d4d.txt'),
    profile: 'orange-d4d',
    kind: 'cdr',
    read: 3,
    imported: 3,
    check: {
      query: `SELECT target_msisdn, direction, event_type, start_cell_lat, start_cell_lon FROM events ORDER BY source_row`,
      rows: [
        {
          target_msisdn: '+2250707123456',
          direction: 'unknown',
          event_type: 'voice',
          start_cell_lat: 5.36,
          start_cell_lon: -4.0083,
        },
        {
          target_msisdn: '+2250707123456',
          direction: 'in',
          event_type: 'sms',
          start_cell_lat: 5.36,
          start_cell_lon: -4.0083,
        },
        {
          target_msisdn: '+2250707123456',
          direction: 'out',
          event_type: 'sms',
          start_cell_lat: 5.3411,
          start_cell_lon: -4.012,
        },
      ],
    },
  },
  {
    name: 'Minimal From,To,Datetime,Duration,Cell',
    file: layoutFixture('minimal.csv'),
    profile: 'minimal-cdr',
    kind: 'cdr',
    read: 3,
    imported: 3,
    check: {
      query: `SELECT target_msisdn, other_msisdn, direction, event_type, strftime(start_utc, '%Y-%m-%d %H:%M:%S') AS t FROM events ORDER BY source_row`,
      rows: [
        {
          target_msisdn: '+447911123456',
          other_msisdn: '+447922654321',
          direction: 'out',
          event_type: 'voice',
          t: '2024-03-05 10:00:00',
        },
        {
          target_msisdn: '+447911123456',
          other_msisdn: '+447922654321',
          direction: 'in',
          event_type: 'voice',
          t: '2024-03-15 11:00:00',
        },
        {
          target_msisdn: '+447911123456',
          other_msisdn: '+447933111222',
          direction: 'out',
          event_type: 'voice',
          t: '2024-03-16 12:00:00',
        },
      ],
    },
  },
  {
    name: 'UK network, semicolon, UTC header, LAC/CI with MCC/MNC from the SIM',
    file: layoutFixture('vodafone-uk.csv'),
    profile: 'detected',
    kind: 'cdr',
    read: 3,
    imported: 3,
    check: {
      query: `SELECT direction, event_type, strftime(start_utc, '%Y-%m-%d %H:%M:%S') AS t, start_zone, duration_s, start_cgi, end_cgi, charging_id FROM events ORDER BY source_row`,
      rows: [
        {
          direction: 'out',
          event_type: 'voice',
          t: '2024-03-30 23:59:59',
          start_zone: 'UTC',
          duration_s: 125,
          start_cgi: '234-15-1234-5678901',
          end_cgi: '234-15-1234-5678902',
          charging_id: null,
        },
        {
          direction: 'in',
          event_type: 'sms',
          t: '2024-03-31 01:30:00',
          start_zone: 'UTC',
          duration_s: null,
          start_cgi: '234-15-1234-5678901',
          end_cgi: null,
          charging_id: null,
        },
        {
          direction: 'unknown',
          event_type: 'data',
          t: '2024-03-31 02:00:00',
          start_zone: 'UTC',
          duration_s: 600,
          start_cgi: '234-15-1234-5678902',
          end_cgi: null,
          charging_id: 'AB12CD',
        },
      ],
    },
  },
  {
    name: 'UK network, tab, Windows-1252, CRLF, minute precision, hex ECGI, O2 end-time semantics',
    file: layoutFixture('o2-uk.txt'),
    profile: 'detected',
    kind: 'cdr',
    read: 2,
    imported: 2,
    check: {
      query: `SELECT strftime(start_utc, '%Y-%m-%d %H:%M:%S') AS t, start_precision, duration_s, start_cgi, event_type, time_semantics FROM events ORDER BY source_row`,
      rows: [
        {
          t: '2024-03-13 10:00:00',
          start_precision: 'minute',
          duration_s: 120,
          start_cgi: '234-10--5678901',
          event_type: 'voice',
          time_semantics: 'at',
        },
        {
          t: '2024-03-13 11:00:00',
          start_precision: 'minute',
          duration_s: 1800,
          start_cgi: '234-10--5678902',
          event_type: 'data',
          time_semantics: 'at-or-before-end',
        },
      ],
    },
  },
  {
    name: 'UK network, pipe, explicit offsets, hh:mm:ss durations, 0044 numbers',
    file: layoutFixture('three-uk.csv'),
    profile: 'detected',
    kind: 'cdr',
    read: 2,
    imported: 2,
    check: {
      query: `SELECT target_msisdn, other_msisdn, direction, strftime(start_utc, '%Y-%m-%d %H:%M:%S') AS t, duration_s, start_cgi FROM events ORDER BY source_row`,
      rows: [
        {
          target_msisdn: '+447911123456',
          other_msisdn: '+447922654321',
          direction: 'out',
          t: '2024-06-01 09:00:07',
          duration_s: 125,
          start_cgi: '234-20-1234-5678901',
        },
        {
          target_msisdn: '+447911123456',
          other_msisdn: '+447922654321',
          direction: 'in',
          t: '2024-12-01 10:00:07',
          duration_s: null,
          start_cgi: '234-20-1234-5678901',
        },
      ],
    },
  },
  {
    name: 'Network cell list with OSGB36 eastings/northings',
    file: layoutFixture('ee-cells.csv'),
    profile: 'detected',
    kind: 'cells',
    read: 2,
    imported: 2,
    check: {
      query: `SELECT cgi, technology, node_id, node_cell, round(lat, 3) AS lat, round(lon, 3) AS lon, easting, azimuth, source_kind FROM cells ORDER BY source_row`,
      rows: [
        {
          cgi: '234-30-1234-5678901',
          technology: 'lte',
          node_id: '22183',
          node_cell: '53',
          lat: 51.507,
          lon: -0.128,
          easting: 530034,
          azimuth: 120,
          source_kind: 'network',
        },
        {
          cgi: '234-30-1234-5678902',
          technology: 'lte',
          node_id: '22183',
          node_cell: '54',
          lat: 51.507,
          lon: -0.128,
          easting: 530034,
          azimuth: 240,
          source_kind: 'network',
        },
      ],
    },
  },
  {
    name: 'Network cell list with WGS84 (one bad azimuth rejected)',
    file: layoutFixture('vodafone-cells.csv'),
    profile: 'detected',
    kind: 'cells',
    read: 2,
    imported: 1,
    rejected: 1,
    reasons: ['azimuth "…" is outside 0–360 degrees'],
  },
  {
    name: 'OpenCelliD public fallback (headerless), labelled as such',
    file: layoutFixture('opencellid-sample.csv'),
    profile: 'opencellid',
    kind: 'cells',
    read: 3,
    imported: 3,
    check: {
      query: `SELECT DISTINCT source_kind FROM cells`,
      rows: [{ source_kind: 'public-fallback' }],
    },
  },
  {
    name: 'Subscriber list (invalid number rejected)',
    file: layoutFixture('subscribers.csv'),
    profile: 'linesight-canonical-subscribers',
    kind: 'subscribers',
    read: 3,
    imported: 2,
    rejected: 1,
    reasons: ['number "…" is not a valid phone number'],
    check: {
      query: `SELECT msisdn, name, strftime(date_of_birth, '%Y-%m-%d') AS dob, postcode, imei FROM subscribers ORDER BY source_row`,
      rows: [
        { msisdn: '+447911123456', name: null, dob: null, postcode: null, imei: '35678901234567' },
        {
          msisdn: '+447922654321',
          name: 'Jordan Example',
          dob: '2008-09-14',
          postcode: 'SS1 1AA',
          imei: '35678901234568',
        },
      ],
    },
  },
  {
    name: 'ETSI TS 102 657 v1.26.1, default namespace',
    file: etsi('v1.26.1-default-ns-voice.xml'),
    profile: 'linesight-canonical-cdr',
    kind: 'cdr',
    read: 2,
    imported: 2,
  },
  {
    name: 'ETSI TS 102 657 v1.28.1, ns2 prefixes',
    file: etsi('v1.28.1-ns2-sms.xml'),
    profile: 'linesight-canonical-cdr',
    kind: 'cdr',
    read: 2,
    imported: 2,
  },
  {
    name: 'ETSI TS 102 657 internet access',
    file: etsi('internet-access.xml'),
    profile: 'linesight-canonical-cdr',
    kind: 'cdr',
    read: 2,
    imported: 2,
  },
]

let session: CaseSession | null = null
afterEach(async () => {
  await session?.close()
  session = null
})

const imported = (r: FileResult | undefined): Extract<FileResult, { status: 'imported' }> => {
  if (r?.status !== 'imported') throw new Error(`expected an import, got ${JSON.stringify(r)}`)
  return r
}

describe('every supported layout imports with no mapping file', () => {
  it.each(CASES)('$name', async (c) => {
    session = await scratchCase()
    const [result] = await importFiles(session, [c.file], {
      now: () => new Date('2026-01-01T00:00:00Z'),
      ...(c.zone ? { zone: c.zone } : {}),
    })
    const report = imported(result).reports[0]!
    expect({ profile: report.profile.id, kind: report.kind }).toEqual({ profile: c.profile, kind: c.kind })
    expect({
      read: report.read,
      imported: report.imported,
      rejected: report.rejected,
      duplicates: report.duplicates,
      reasons: report.rejectReasons.map((r) => r.reason),
    }).toEqual({
      reasons: c.reasons ?? [],
      read: c.read,
      imported: c.imported,
      rejected: c.rejected ?? 0,
      duplicates: c.duplicates ?? 0,
    })
    if (c.check) expect(await sql(session, c.check.query)).toEqual(c.check.rows)
  })
})
