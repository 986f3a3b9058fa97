import { describe, expect, it } from 'vitest'
import { parseCellId, type CellIdHints } from './cell-id.js'

type Case = readonly [
  text: string,
  hints: CellIdHints,
  mcc: string,
  mnc: string,
  lac: string | null,
  ci: string,
]

const PARSED: readonly Case[] = [
  // Separated decimal forms.
  ['234-15-1234-5678901', {}, '234', '15', '1234', '5678901'],
  ['234 15 1234 5678901', {}, '234', '15', '1234', '5678901'],
  ['234/15/1234/5678901', {}, '234', '15', '1234', '5678901'],
  ['234:15:1234:5678901', {}, '234', '15', '1234', '5678901'],
  ['234.15.1234.5678901', {}, '234', '15', '1234', '5678901'],
  ['  234 - 15 - 1234 - 5678901 ', {}, '234', '15', '1234', '5678901'],
  ['404-98-8331-230711555', {}, '404', '98', '8331', '230711555'],
  ['310-260-12345-30062753', {}, '310', '260', '12345', '30062753'],
  // MNC leading zeros are kept; LAC and CI become canonical decimal.
  ['234-02-01234-0005678', {}, '234', '02', '1234', '5678'],
  ['612-03-0-0', {}, '612', '03', '0', '0'],
  // Parts given as 0x hex.
  ['234-15-0x04D2-0x1CA4B3', {}, '234', '15', '1234', '1877171'],
  ['234-15-0X04d2-5678901', {}, '234', '15', '1234', '5678901'],
  // Decimal ECGI without a LAC.
  ['234-15-30062753', {}, '234', '15', null, '30062753'],
  // Concatenated hex ECGI: PLMN digits then the 28-bit ECI in hex.
  ['2341500A1B2C3', {}, '234', '15', null, '10597059'],
  ['0x2341500A1B2C3', {}, '234', '15', null, '10597059'],
  ['234150A1B2C3', {}, '234', '15', null, '10597059'],
  ['3102601CAB0A1', {}, '310', '260', null, '30060705'],
  ['31026001CAB0A1', {}, '310', '260', null, '30060705'],
  // 13 characters, both readings fit: the table knows 234-15, and 234 defaults to 2-digit MNCs.
  ['2349900A1B2C3', {}, '234', '99', null, '10597059'],
  // The same 13 characters with a hint for a 3-digit MNC.
  ['2349900A1B2C3', { mnc: '990' }, '234', '990', null, '10597059'],
  // 13 characters where an 8-hex ECI would exceed 28 bits: only a 3-digit MNC fits.
  ['31048012345AB', {}, '310', '480', null, '19088811'],
  // Hints complete values that leave out the network.
  ['1234-5678901', { mcc: '234', mnc: '15' }, '234', '15', '1234', '5678901'],
  ['5678901', { mcc: '234', mnc: '20' }, '234', '20', null, '5678901'],
  ['0x1CA4B3', { mcc: '234', mnc: '20' }, '234', '20', null, '1877171'],
]

describe('parseCellId', () => {
  it.each(PARSED)('%j %j → %s-%s-%s-%s', (text, hints, mcc, mnc, lac, ci) => {
    const parsed = parseCellId(text, hints)
    expect(parsed).toEqual({ mcc, mnc, lac, ci, cgi: `${mcc}-${mnc}-${lac ?? ''}-${ci}` })
  })

  it.each(PARSED)('%j: the cgi text parses back to the same value', (text, hints) => {
    const parsed = parseCellId(text, hints)!
    expect(parseCellId(parsed.cgi)).toEqual(parsed)
  })

  it.each([
    ['', 'empty'],
    ['   ', 'blank'],
    ['234-15', 'two parts and no hints'],
    ['5678901', 'bare cell id and no hints'],
    ['23-15-1234-5678901', '2-digit MCC'],
    ['234-1-1234-5678901', '1-digit MNC'],
    ['234-1555-1234-5678901', '4-digit MNC'],
    ['234-15-16777216-5678901', 'LAC over 24 bits'],
    ['234-15-1234-68719476736', 'CI over 36 bits'],
    ['234-15-04D2-5678901', 'hex part without 0x'],
    ['-234-15-1234-5678901', 'leading separator'],
    ['234-15-1234-5678901-7', 'five parts'],
    ['234-15-12x4-5678901', 'garbage in a part'],
    ['23415FFFFFFFF', '13 characters, 8 hex over 28 bits and a non-digit MNC'],
    ['2341A00A1B2C3', 'hex digit inside the PLMN'],
    ['2341500A1B2C3G', 'not hex'],
    ['234150A1B2C', 'too short for a concatenated ECGI'],
  ])('%j is refused (%s)', (text) => {
    expect(parseCellId(text)).toBeNull()
  })

  it('ignores hints when the value carries its own network', () => {
    expect(parseCellId('234-15-1234-5678901', { mcc: '310', mnc: '260' })?.cgi).toBe('234-15-1234-5678901')
  })

  it('returns frozen values', () => {
    expect(Object.isFrozen(parseCellId('234-15-1234-5678901'))).toBe(true)
  })
})
