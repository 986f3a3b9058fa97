import { describe, expect, it } from 'vitest'
import { lookupPlmn, MCC_MNC, mncLength } from './mcc-mnc.js'

describe('MCC_MNC', () => {
  it('lists each network once, with 3-digit MCCs and 2- or 3-digit MNCs', () => {
    const keys = MCC_MNC.map((e) => `${e.mcc}-${e.mnc}`)
    expect(new Set(keys).size).toBe(keys.length)
    for (const e of MCC_MNC) {
      expect(e.mcc).toMatch(/^\d{3}$/)
      expect(e.mnc).toMatch(/^\d{2,3}$/)
    }
  })

  it.each([
    ['234', '10', 'O2'],
    ['234', '15', 'Vodafone'],
    ['234', '20', 'Three'],
    ['234', '30', 'EE'],
    ['234', '33', 'EE'],
    ['234', '50', 'JT'],
    ['234', '55', 'Sure'],
    ['234', '58', 'Manx Telecom'],
    ['234', '03', 'Airtel-Vodafone'],
    ['310', '260', 'T-Mobile US'],
    ['311', '480', 'Verizon'],
    ['404', '98', 'Airtel'],
    ['404', '10', 'Airtel'],
    ['612', '03', "Orange Côte d'Ivoire"],
  ])('%s-%s is %s', (mcc, mnc, network) => {
    expect(lookupPlmn(mcc, mnc)?.network).toBe(network)
  })

  it('keeps MNC leading zeros: 234-03 is listed, 234-3 is not', () => {
    expect(lookupPlmn('234', '03')).not.toBeNull()
    expect(lookupPlmn('234', '3')).toBeNull()
  })
})

describe('mncLength', () => {
  it.each([
    ['234', '15012345678', 2, 'listed 2-digit network'],
    ['234', '99912345678', 2, 'unlisted, UK default'],
    ['310', '26012345678', 3, 'listed 3-digit network'],
    ['316', '01012345678', 3, 'unlisted, NANP default'],
    ['404', '98123456789', 2, 'listed Indian network'],
    ['612', '03123456789', 2, 'listed Ivorian network'],
  ] as const)('%s then %s → %i (%s)', (mcc, after, length, why) => {
    expect(mncLength(mcc, after), why).toBe(length)
  })
})
