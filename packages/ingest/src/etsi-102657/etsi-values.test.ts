import { describe, expect, it } from 'vitest'
import { readCellIdentity } from './cell-identity.js'
import { parseCoordinate } from './coordinate.js'
import { parseEtsiDuration } from './etsi-duration.js'
import { parseEtsiTime } from './etsi-time.js'
import { looksLikeEtsi102657 } from './looks-like-etsi-102657.js'
import { numberKey } from './target.js'
import { decodeUserLocationInformation } from './user-location-information.js'
import { sniffXmlEncoding } from './xml-encoding.js'

describe('parseEtsiTime', () => {
  it.each([
    ['20240305100007Z', '2024-03-05T10:00:07Z', true],
    ['20240305100007+0100', '2024-03-05T10:00:07+01:00', true],
    ['20240305100007-0530', '2024-03-05T10:00:07-05:30', true],
    ['20240305100007+01', '2024-03-05T10:00:07+01:00', true],
    ['20240305100007.123Z', '2024-03-05T10:00:07.123Z', true],
    ['20240305100007,5Z', '2024-03-05T10:00:07.5Z', true],
    ['202403051000Z', '2024-03-05T10:00Z', true],
    ['20240305100007', '2024-03-05T10:00:07', false],
    ['2024-03-05T10:00:07Z', '2024-03-05T10:00:07Z', true],
    ['2024-03-05T10:00:07.250+01:00', '2024-03-05T10:00:07.250+01:00', true],
    ['2024-03-05 10:00:07+0100', '2024-03-05T10:00:07+01:00', true],
    [' 20240229235959Z ', '2024-02-29T23:59:59Z', true],
  ])('%s → %s', (raw, iso, hasZone) => {
    expect(parseEtsiTime(raw)).toEqual({ iso, hasZone })
  })

  it.each([
    '20230229100000Z',
    '20240305250000Z',
    '20240305106000Z',
    '20240305100007+1500',
    '05/03/2024 10:00',
    '',
  ])('rejects %j', (raw) => {
    expect(parseEtsiTime(raw)).toBeNull()
  })
})

describe('parseEtsiDuration', () => {
  it.each([
    ['82', 82],
    ['82.6', 83],
    ['PT1M20S', 80],
    ['PT1H', 3600],
    ['P1DT2S', 86_402],
    ['PT0.4S', 0],
    ['00:01:20', 80],
    ['1:00:00', 3600],
  ])('%s → %d', (raw, seconds) => {
    expect(parseEtsiDuration(raw)).toBe(seconds)
  })

  it.each(['P', 'PT', '1:20', '-5', 'eighty'])('rejects %j', (raw) => {
    expect(parseEtsiDuration(raw)).toBeNull()
  })
})

describe('parseCoordinate', () => {
  it.each([
    ['51.5074', 'lat', 51.5074],
    ['-0.1278', 'lon', -0.1278],
    ['51,5074', 'lat', 51.5074],
    ['N51.5074', 'lat', 51.5074],
    ['W000.1278', 'lon', -0.1278],
    ['51 30 26.5N', 'lat', 51.507361],
    ['51 30 26.5 S', 'lat', -51.507361],
    ['0 07 39.2W', 'lon', -0.127556],
    ['513026.5N', 'lat', 51.507361],
    ['N515715', 'lat', 51.954167],
    ['E0144130', 'lon', 14.691667],
    ['0000739.2W', 'lon', -0.127556],
    ['E014413', 'lon', 1.736944],
    ['52°28\'59"N', 'lat', 52.483056],
    ['1°53′37″W', 'lon', -1.893611],
    ['-1 53 37', 'lon', -1.893611],
  ] as const)('%s (%s) → %d', (raw, axis, value) => {
    expect(parseCoordinate(raw, axis)).toBe(value)
  })

  it.each([
    ['N51.5', 'lon'],
    ['E0.5', 'lat'],
    ['91.0', 'lat'],
    ['516126N', 'lat'],
    ['51 60 00N', 'lat'],
    ['-51.5N', 'lat'],
    ['north', 'lat'],
  ] as const)('rejects %s as %s', (raw, axis) => {
    expect(parseCoordinate(raw, axis)).toBeNull()
  })
})

describe('decodeUserLocationInformation (3GPP TS 29.274 §8.21)', () => {
  it.each([
    ['TAI+ECGI', '1832f4511a2b32f45101234567', '234-15-6699-19088743'],
    ['TAI+ECGI, spare ECI nibble set', '1832f4511a2b32f451f1234567', '234-15-6699-19088743'],
    ['with the IE header (type 86)', '56000d001832f4511a2c32f4510a1b2c3d', '234-15-6700-169552957'],
    ['spaced upper-case hex', '18 32F451 1A2B 32F451 01234567', '234-15-6699-19088743'],
    ['3-digit MNC', '1813001400011300140abcdef1', '310-410-1-180150001'],
    ['CGI', '0132f45104d2162e', '234-15-1234-5678'],
    ['SAI', '0232f45104d20001', '234-15-1234-1'],
    ['TS 29.061 type 130 (TAI+ECGI)', '8232f4511a2b32f45101234567', '234-15-6699-19088743'],
  ])('%s', (_, hex, cell) => {
    expect(decodeUserLocationInformation(hex)).toEqual({ cell, problem: null })
  })

  it.each([
    ['ECGI only', '1032f45101234567', 'an ECGI without a TAI, so there is no TAC for mcc-mnc-tac-eci'],
    ['TAI only', '0832f4511a2b', 'only an area (TAI, RAI or LAI) or an eNodeB, no cell'],
    ['flags and length disagree', '1832f4511a2b', null],
    ['not hex', 'zz', null],
  ])('%s → no cell, with the reason', (_, hex, reason) => {
    const decoded = decodeUserLocationInformation(hex)
    expect(decoded.cell).toBeNull()
    expect(decoded.problem).toContain(reason ?? `userLocationInformation "${hex}"`)
  })
})

describe('readCellIdentity', () => {
  it.each([
    ['cgi', '32f45104d2162e', null, '234-15-1234-5678'],
    ['cgi', '234-15-01234-5678901', null, '234-15-1234-5678901'],
    ['ecgi', '32f45100abcdef', '32f4511a2b', '234-15-6699-11259375'],
    ['ecgi', '32f45100abcdef', '0032f4511a2b', '234-15-6699-11259375'],
  ] as const)('%s %s (tAI %s) → %s', (kind, text, tai, cell) => {
    expect(readCellIdentity(kind, text, tai)).toEqual({ cell, problem: null })
  })

  it('needs a tAI to place an eCGI', () => {
    expect(readCellIdentity('ecgi', '32f45100abcdef', null)).toEqual({
      cell: null,
      problem: 'eCGI "32f45100abcdef" has no tAI beside it, so there is no TAC',
    })
  })
})

describe('numberKey', () => {
  it.each([
    ['+447911123456', '911123456'],
    ['07911 123456', '911123456'],
    ['00447911123456', '911123456'],
    ['tel:+44-7911-123456', '911123456'],
    ['150', null],
    ['VODAFONE', null],
    [null, null],
  ])('%s → %s', (text, key) => {
    expect(numberKey(text)).toBe(key)
  })
})

describe('looksLikeEtsi102657', () => {
  it.each([
    ['<?xml version="1.0"?>\n<RetainedDataMessage xmlns="urn:x"><retainedDataHeader>', true],
    ['\uFEFF<ns2:RetainedDataMessage xmlns:ns2="urn:x"><ns2:ResponseRecord>', true],
    ['<a:x xmlns:a="urn:x"><a:retainedDataRecords/>', true],
    ['<?xml version="1.0"?><root><responseRecordCount>3</responseRecordCount></root>', false],
    ['target_msisdn,other_party\n+447911123456,<ResponseRecord>', false],
    ['<?xml version="1.0"?><html><body>', false],
  ])('%j → %s', (head, expected) => {
    expect(looksLikeEtsi102657(head)).toBe(expected)
  })

  it('looks only at the first 64 KB', () => {
    expect(looksLikeEtsi102657(`<root>${' '.repeat(70_000)}<ResponseRecord>`)).toBe(false)
  })
})

describe('sniffXmlEncoding', () => {
  it.each([
    [[0xef, 0xbb, 0xbf, 0x3c], 'utf8'],
    [[0xff, 0xfe, 0x3c, 0x00], 'utf16le'],
    [[0xfe, 0xff, 0x00, 0x3c], 'utf16be'],
    [[0x3c, 0x00, 0x3f, 0x00], 'utf16le'],
    [[...Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><a/>')], 'ISO-8859-1'],
    [[...Buffer.from("<?xml version='1.0' encoding='windows-1252'?><a/>")], 'windows-1252'],
    [[...Buffer.from('<a/>')], 'utf8'],
  ])('%j → %s', (bytes, encoding) => {
    expect(sniffXmlEncoding(Buffer.from(bytes))).toBe(encoding)
  })

  it('refuses an encoding it cannot decode', () => {
    expect(() => sniffXmlEncoding(Buffer.from('<?xml version="1.0" encoding="x-klingon"?>'))).toThrow(
      'The XML declares encoding "x-klingon", which this reader cannot decode.',
    )
  })
})
