import { describe, expect, it } from 'vitest'
import { imeiCheckDigit, imeiCore, imeiTac } from './imei.js'

describe('imeiCheckDigit', () => {
  // 49015420323751-8 is the worked Luhn example in GSMA TS.06 and on Wikipedia's IMEI page.
  it.each([
    ['49015420323751', '8'],
    ['35209900176148', '1'],
    ['00000000000000', '0'],
  ])('%s → %s', (core, check) => {
    expect(imeiCheckDigit(core)).toBe(check)
  })

  it('refuses anything but 14 digits', () => {
    expect(() => imeiCheckDigit('4901542032375')).toThrow(/14 digits/)
    expect(() => imeiCheckDigit('4901542032375X')).toThrow(/14 digits/)
  })
})

describe('imeiCore', () => {
  it.each([
    ['49015420323751', '49015420323751'],
    ['490154203237518', '49015420323751'],
    ['49-015420-323751-8', '49015420323751'],
    ['49 015420 323751 8', '49015420323751'],
    // Networks record the spare digit as 0 instead of the check digit.
    ['490154203237510', '49015420323751'],
    // IMEISV: core plus a 2-digit software version.
    ['4901542032375123', '49015420323751'],
  ])('%s → %s', (raw, core) => {
    expect(imeiCore(raw)).toBe(core)
  })

  it.each([
    ['490154203237511', 'wrong check digit'],
    ['4901542032375', '13 digits'],
    ['49015420323751234', '17 digits'],
    ['4901542032375A8', 'a letter'],
    ['', 'empty'],
    [null, 'null'],
    [undefined, 'undefined'],
  ])('%j is not an IMEI (%s)', (raw, why) => {
    expect(imeiCore(raw), why).toBeNull()
  })
})

describe('imeiTac', () => {
  it('is the first 8 digits', () => {
    expect(imeiTac(imeiCore('490154203237518')!)).toBe('49015420')
  })
})
