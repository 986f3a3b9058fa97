import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ETSI_CSV_COLUMNS } from './canonical-row.js'
import {
  convertEtsiXmlToCsv,
  type EtsiConversionOptions,
  type EtsiConversionResult,
} from './convert-etsi-xml-to-csv.js'

const fixture = (name: string): string => new URL(`./fixtures/${name}`, import.meta.url).pathname
const HEADER =
  'target_msisdn,other_party,direction,event_type,start_time,end_time,duration_s,start_cell,end_cell,imei,imsi,' +
  'charging_id,rat,bytes_up,bytes_down,network,start_cell_lat,start_cell_lon,etsi_record_number,etsi_shape'

let dir = ''
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'linesight-etsi-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

interface Case {
  readonly name: string
  readonly fixture: string
  readonly options: EtsiConversionOptions
  /** CSV rows after the header. */
  readonly rows: readonly string[]
  readonly expected: Omit<EtsiConversionResult, 'rowsWritten'>
}

const TIE =
  'Two or more numbers appear in the same number of records (2); the target was picked among them by digit ' +
  'order. Pass targetHint to say which number the request was about.'

/** Table of fixtures (DuckDB-wasm's CSV_INSERT_TESTS style): each converted file compared row by row, exactly. */
const CASES: readonly Case[] = [
  {
    name: 'schema 1.26.1, default namespace: voice legs, ULI with and without its IE header, +0100 offset kept',
    fixture: 'v1.26.1-default-ns-voice.xml',
    options: {},
    rows: [
      '+447911123456,+447911654321,out,voice,2024-03-05T10:00:07Z,2024-03-05T10:01:29Z,82,234-15-6699-19088743,,' +
        '35693803564380,234150000000001,,,,,TestNet,51.5074,-0.1278,1,telephony-legs',
      '+447911123456,+447911200300,in,voice,2024-03-05T11:30:00+01:00,,15,234-15-6700-169552957,,,234150000000001,' +
        ',,,,TestNet,,,2,telephony-legs',
    ],
    expected: {
      records: 2,
      warnings: [],
      header: {
        requestNumber: 'REQ-2024-0001',
        cSPID: 'TestNet',
        timeStamp: '20240306090000Z',
        countryCode: 'GB',
        authorisedOrganisationID: 'TEST-FORCE-01',
      },
      shapes: { 'telephony-legs': 2 },
    },
  },
  {
    name: 'schema 1.28.1, ns2: prefixes: SMS legs, national-form hint, cGI and eCGI+tAI elements, xs:dateTime',
    fixture: 'v1.28.1-ns2-sms.xml',
    options: { targetHint: '07911 123456' },
    rows: [
      '07911123456,+447911200300,out,sms,2024-03-05T10:00:07Z,,,234-15-1234-5678,,,234150000000001,,,,,TestNet,' +
        '51.5074,-0.1278,7,telephony-legs',
      '447911123456,+447911200300,in,sms,2024-03-05T10:05:00.250+01:00,,,234-15-6699-11259375,,,,,,,,TestNet,,,8,' +
        'telephony-legs',
    ],
    expected: {
      records: 2,
      warnings: [],
      header: {
        requestNumber: 'REQ-2024-0002',
        cSPID: 'TestNet',
        timeStamp: '2024-03-06T09:00:00Z',
        countryCode: 'GB',
        authorisedOrganisationID: 'TEST-FORCE-01',
      },
      shapes: { 'telephony-legs': 2 },
    },
  },
  {
    name: 'the same SMS file without a hint picks the target by frequency and says the pick was a tie',
    fixture: 'v1.28.1-ns2-sms.xml',
    options: {},
    rows: [
      '07911123456,+447911200300,out,sms,2024-03-05T10:00:07Z,,,234-15-1234-5678,,,234150000000001,,,,,TestNet,' +
        '51.5074,-0.1278,7,telephony-legs',
      '447911123456,+447911200300,in,sms,2024-03-05T10:05:00.250+01:00,,,234-15-6699-11259375,,,,,,,,TestNet,,,8,' +
        'telephony-legs',
    ],
    expected: {
      records: 2,
      warnings: [{ recordNumber: null, message: TIE }],
      header: {
        requestNumber: 'REQ-2024-0002',
        cSPID: 'TestNet',
        timeStamp: '2024-03-06T09:00:00Z',
        countryCode: 'GB',
        authorisedOrganisationID: 'TEST-FORCE-01',
      },
      shapes: { 'telephony-legs': 2 },
    },
  },
  {
    name: 'internetAccess data sessions: interval, naDeviceId as IMEI, ULI, charging id, hh:mm:ss and PT durations',
    fixture: 'internet-access.xml',
    options: { targetHint: '+447911123456' },
    rows: [
      '447911123456,,out,data,2024-03-05T10:00:07.123Z,2024-03-05T10:30:07.123Z,1800,234-15-6699-19088743,,' +
        '356938035643809,234150000000001,4000000123,lTE,,,TestNet Data,,,21,internet-access',
      '447911123456,,out,data,2024-03-05T11:00:00+00:00,,80,234-15-1234-5678,,,,,uMTS,,,TestNet Data,,,22,' +
        'internet-access',
    ],
    expected: {
      records: 2,
      warnings: [
        { recordNumber: '22', message: 'naDeviceId is not an IMEI (14 to 16 digits); it was not written' },
      ],
      header: {
        requestNumber: 'REQ-2024-0003',
        cSPID: 'TestNet Data',
        timeStamp: '20240306090000Z',
        countryCode: 'GB',
        authorisedOrganisationID: 'TEST-FORCE-01',
      },
      shapes: { 'internet-access': 2 },
    },
  },
  {
    name: 'hybrid data records: time and cell from the sibling partyInformation, one tied to the target by IMSI',
    fixture: 'internet-access-hybrid.xml',
    options: {},
    rows: [
      '+447911123456,+447911200300,out,voice,2024-03-05T09:00:00Z,,,,,,234150000000001,,,,,TestNet,,,31,' +
        'telephony-legs',
      '+447911123456,,out,data,2024-03-05T12:00:00Z,2024-03-05T12:15:00Z,900,234-15-6699-19088743,,' +
        '356938035643809,234150000000001,,lTE,,,TestNet,51.507361,-0.127556,32,internet-access-hybrid',
      '+447911123456,,out,data,2024-03-05T13:00:00Z,,,,,,234150000000001,,lTE,,,TestNet,,,33,' +
        'internet-access-hybrid',
    ],
    expected: {
      records: 3,
      warnings: [
        {
          recordNumber: null,
          message:
            "1 rows had no number on the target's side and were attributed to the target through an IMSI seen " +
            "only with the target's number elsewhere in this file.",
        },
      ],
      header: { requestNumber: 'REQ-2024-0004', cSPID: 'TestNet', countryCode: 'GB' },
      shapes: { 'telephony-legs': 1, 'internet-access-hybrid': 2 },
    },
  },
  {
    name: 'ISO-8859-1 file with DMS coordinates spelt three ways, and an ED50 position left out with a warning',
    fixture: 'dms-coordinates.xml',
    options: { targetHint: '447911123456' },
    rows: [
      '+447911123456,+447911654321,out,voice,2024-03-05T10:00:00Z,,,,,,,,,,,TestNet,51.507361,-0.127556,41,' +
        'telephony-legs',
      '+447911123456,+447911654321,out,voice,2024-03-05T10:05:00Z,,,,,,,,,,,TestNet,51.507361,-0.127556,42,' +
        'telephony-legs',
      '+447911123456,+447911654321,out,voice,2024-03-05T10:10:00Z,,,,,,,,,,,TestNet,,,43,telephony-legs',
      '+447911123456,+447911654321,in,voice,2024-03-05T10:15:00Z,,,,,,,,,,,TestNet,52.483056,-1.893611,44,' +
        'telephony-legs',
    ],
    expected: {
      records: 4,
      warnings: [
        { recordNumber: '43', message: 'coordinates use map datum eD50, not WGS84; they were not written' },
      ],
      header: { requestNumber: 'REQ-2024-0005', cSPID: 'TestNet' },
      shapes: { 'telephony-legs': 4 },
    },
  },
  {
    name: 'an unknown shape is written with the fields found, and a record with no time is still written',
    fixture: 'unknown-shape.xml',
    options: { targetHint: '+447911123456' },
    rows: [
      '+447911123456,+447911654321,out,voice,2024-03-05T10:00:00Z,,,,,,,,,,,TestNet,,,51,telephony-legs',
      '+447911123456,,,,2024-03-05T11:00:00Z,,35,,,,234150000000001,,,,,TestNet,,,52,unknown',
      '+447911123456,+447911654321,in,voice,,,,,,,,,,,,TestNet,,,53,telephony-legs',
    ],
    expected: {
      records: 3,
      warnings: [
        {
          recordNumber: '52',
          message:
            'Unknown record shape recordPayload/telephonyRecord/telephonyServiceUsage/nationalTelephonyServiceUsage/' +
            'voiceMailAccess: written with the fields found; check it.',
        },
        { recordNumber: '53', message: 'No start time: written without one.' },
      ],
      header: { requestNumber: 'REQ-2024-0006', cSPID: 'TestNet' },
      shapes: { 'telephony-legs': 2, unknown: 1 },
    },
  },
]

describe('convertEtsiXmlToCsv', () => {
  it.each(CASES)('$name', async ({ fixture: name, options, rows, expected }) => {
    const output = join(dir, 'out.csv')

    const result = await convertEtsiXmlToCsv(fixture(name), output, options)

    expect(await readFile(output, 'utf8')).toBe([HEADER, ...rows, ''].join('\n'))
    expect(result).toEqual({ ...expected, rowsWritten: rows.length })
  })

  it('writes one row per target leg, picks the opposite leg as other party, and warns about odd legs', async () => {
    const input = join(dir, 'legs.xml')
    const leg = (role: string | null, number: string | null, start = ''): string =>
      '<x:TelephonyPartyInformation>' +
      (role === null ? '' : `<x:partyRole><x:${role}/></x:partyRole>`) +
      (number === null ? '' : `<x:partyNumber>${number}</x:partyNumber>`) +
      (start === '' ? '' : `<x:communicationTime><x:startTime>${start}</x:startTime></x:communicationTime>`) +
      '</x:TelephonyPartyInformation>'
    const legs = [
      // A call to oneself: two rows, out and in.
      [leg('originating-Party', '+447911123456', '20240305100000Z'), leg('terminating-Party', '07911123456')],
      // Three parties: the other party is the first on the opposite side, not the first listed.
      [
        leg('terminating-Party', '+447911300500'),
        leg('terminating-Party', '+447911123456', '20240305100100Z'),
        leg('originating-Party', '+447911300400'),
      ],
      // No role on the target's leg, then a role nobody knows.
      [leg(null, '+447911123456', '20240305100200Z'), leg('originating-Party', '+447911300400')],
      [
        leg('forwardedTo-Party', '+447911123456', '20240305100300Z'),
        leg('originating-Party', '+447911300400'),
      ],
      // Not the target's record at all.
      [
        leg('originating-Party', '+447911300400', '20240305100400Z'),
        leg('terminating-Party', '+447911300500'),
      ],
    ]
    await writeFile(
      input,
      handover(legs.length, (n) => recordWithLegs(n, legs[n - 1]!.join(''))),
    )

    const result = await convertEtsiXmlToCsv(input, join(dir, 'out.csv'), { targetHint: '+447911123456' })

    expect((await readFile(join(dir, 'out.csv'), 'utf8')).split('\n').slice(1, -1)).toEqual([
      '+447911123456,07911123456,out,voice,2024-03-05T10:00:00Z,,,,,,,,,,,,,,1,telephony-legs',
      '07911123456,+447911123456,in,voice,2024-03-05T10:00:00Z,,,,,,,,,,,,,,1,telephony-legs',
      '+447911123456,+447911300400,in,voice,2024-03-05T10:01:00Z,,,,,,,,,,,,,,2,telephony-legs',
      '+447911123456,+447911300400,,voice,2024-03-05T10:02:00Z,,,,,,,,,,,,,,3,telephony-legs',
      '+447911123456,+447911300400,in,voice,2024-03-05T10:03:00Z,,,,,,,,,,,,,,4,telephony-legs',
      ',,,voice,2024-03-05T10:04:00Z,,,,,,,,,,,,,,5,telephony-legs',
    ])
    expect(result.warnings).toEqual([
      {
        recordNumber: '2',
        message: '3 parties: other_party is the first party on the other side of the call.',
      },
      {
        recordNumber: '3',
        message: 'The target party has no role (originating or terminating): direction left empty.',
      },
      {
        recordNumber: '4',
        message: 'Party role forwardedTo-Party is not recognised: direction written as in.',
      },
      {
        recordNumber: '5',
        message: 'No party of this record is the target: written with an empty target_msisdn.',
      },
    ])
  })

  it('writes the canonical header with the two provenance columns last', () => {
    expect(ETSI_CSV_COLUMNS.join(',')).toBe(HEADER)
  })

  it('lists the first 50 records of a systematic problem, then counts the rest', async () => {
    const input = join(dir, 'local-times.xml')
    await writeFile(
      input,
      handover(60, (n) => voiceRecord(n, `2024030510${String(n % 60).padStart(2, '0')}00`)),
    )

    const result = await convertEtsiXmlToCsv(input, join(dir, 'out.csv'), {})

    expect(result.rowsWritten).toBe(60)
    expect(result.warnings).toHaveLength(51)
    expect(result.warnings[0]).toEqual({
      recordNumber: '1',
      message: 'The start time "20240305100100" has no zone or offset.',
    })
    expect(result.warnings[50]).toEqual({
      recordNumber: null,
      message: '…and 10 more times without a zone or offset (the importer will apply the declared zone).',
    })
  })

  it('streams a large file record by record', async () => {
    const input = join(dir, 'large.xml')
    const count = 20_000
    await writeFile(
      input,
      handover(count, (n) => voiceRecord(n, '20240305100000Z')),
    )

    const result = await convertEtsiXmlToCsv(input, join(dir, 'out.csv'), {})

    expect(result).toMatchObject({ records: count, rowsWritten: count, warnings: [] })
    expect((await readFile(join(dir, 'out.csv'), 'utf8')).split('\n')).toHaveLength(count + 2)
  })

  it('reads UTF-16 with a byte-order mark', async () => {
    const input = join(dir, 'utf16.xml')
    const text = handover(1, (n) => voiceRecord(n, '20240305100000Z')).replace('UTF-8', 'UTF-16')
    await writeFile(input, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))

    const result = await convertEtsiXmlToCsv(input, join(dir, 'out.csv'), {})

    expect(result.rowsWritten).toBe(1)
  })

  it('refuses XML that is not well formed, saying where, and leaves no partial CSV behind', async () => {
    const input = join(dir, 'broken.xml')
    await writeFile(
      input,
      handover(2, (n) => voiceRecord(n, '20240305100000Z')).replace('</x:recordNumber>', '</x:recordNum>'),
    )
    const output = join(dir, 'out.csv')

    await expect(convertEtsiXmlToCsv(input, output, {})).rejects.toMatchObject({
      name: 'EtsiXmlError',
      message: expect.stringMatching(
        /broken\.xml is not well-formed XML: broken\.xml:\d+:\d+: unexpected close tag/,
      ),
    })
    await expect(stat(output)).rejects.toMatchObject({ code: 'ENOENT' })
  })

  it('refuses a target hint too short to compare', async () => {
    await expect(
      convertEtsiXmlToCsv(fixture('v1.26.1-default-ns-voice.xml'), join(dir, 'out.csv'), {
        targetHint: '150',
      }),
    ).rejects.toThrow('targetHint has fewer than 9 digits')
  })
})

function handover(count: number, record: (n: number) => string): string {
  const records = Array.from({ length: count }, (_, i) => record(i + 1)).join('\n')
  return `<?xml version="1.0" encoding="UTF-8"?>\n<x:RetainedDataMessage xmlns:x="urn:test">\n${records}\n</x:RetainedDataMessage>\n`
}

function recordWithLegs(n: number, legs: string): string {
  return (
    `<x:ResponseRecord><x:recordNumber>${n}</x:recordNumber><x:recordPayload><x:telephonyRecord>` +
    `<x:telephonyServiceUsage><x:partyInformation>${legs}</x:partyInformation></x:telephonyServiceUsage>` +
    '</x:telephonyRecord></x:recordPayload></x:ResponseRecord>'
  )
}

function voiceRecord(n: number, start: string): string {
  return recordWithLegs(
    n,
    '<x:TelephonyPartyInformation><x:partyRole><x:originating-Party/></x:partyRole>' +
      `<x:partyNumber>+447911123456</x:partyNumber><x:communicationTime><x:startTime>${start}</x:startTime>` +
      '</x:communicationTime></x:TelephonyPartyInformation>' +
      '<x:TelephonyPartyInformation><x:partyRole><x:terminating-Party/></x:partyRole>' +
      `<x:partyNumber>+4479116${String(n % 100000).padStart(5, '0')}</x:partyNumber></x:TelephonyPartyInformation>`,
  )
}
