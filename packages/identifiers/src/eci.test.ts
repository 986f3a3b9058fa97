import { describe, expect, it } from 'vitest'
import { composeEci, splitEci, splitNci } from './eci.js'

describe('splitEci', () => {
  it.each([
    // 117432 × 256 + 161 = 30062753
    ['30062753', '117432', '161'],
    ['0', '0', '0'],
    ['255', '0', '255'],
    ['256', '1', '0'],
    // The largest 28-bit ECI: eNB 2^20 - 1, cell 255.
    ['268435455', '1048575', '255'],
  ])('%s → eNB %s cell %s', (eci, enb, cell) => {
    expect(splitEci(eci)).toEqual({ enb, cell })
    expect(composeEci(enb, cell)).toBe(String(Number(eci)))
  })

  it('refuses values that are not 28-bit decimals', () => {
    expect(() => splitEci('268435456')).toThrow(/28 bits/)
    expect(() => splitEci('0x1CAB')).toThrow(/decimal/)
    expect(() => splitEci('')).toThrow(/decimal/)
  })
})

describe('composeEci', () => {
  it('refuses an eNB over 20 bits or a cell over 8 bits', () => {
    expect(() => composeEci('1048576', '0')).toThrow(/20 bits/)
    expect(() => composeEci('1', '256')).toThrow(/8 bits/)
  })
})

describe('splitNci', () => {
  it.each([
    // 36 bits all set: a 24-bit gNB leaves 12 bits of cell.
    ['68719476735', 24, '16777215', '4095'],
    // gNB 1, cell 1 with a 22-bit gNB id: 1 × 2^14 + 1.
    ['16385', 22, '1', '1'],
    // gNB 1, cell 1 with a 32-bit gNB id: 1 × 2^4 + 1.
    ['17', 32, '1', '1'],
    // A gNB id above 2^31, where JavaScript's 32-bit bit operators would wrap: 3,000,000,000 × 2^4 + 9.
    ['48000000009', 32, '3000000000', '9'],
  ] as const)('%s with a %i-bit gNB → gNB %s cell %s', (nci, bits, gnb, cell) => {
    expect(splitNci(nci, bits)).toEqual({ gnb, cell })
  })

  it('refuses gNB lengths outside 22..32 and values over 36 bits', () => {
    expect(() => splitNci('1', 21)).toThrow(/22 to 32/)
    expect(() => splitNci('1', 33)).toThrow(/22 to 32/)
    expect(() => splitNci('1', 24.5)).toThrow(/22 to 32/)
    expect(() => splitNci('68719476736', 24)).toThrow(/36 bits/)
  })
})
