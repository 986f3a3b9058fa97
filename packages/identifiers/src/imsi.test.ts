import type { Imsi } from '@linesight/model'
import { describe, expect, it } from 'vitest'
import { imsiPlmn, parseImsi } from './imsi.js'

describe('parseImsi', () => {
  it.each([
    ['234151234567890', '234151234567890'],
    ['234 15 1234567890', '234151234567890'],
    ['234-15-1234567890', '234151234567890'],
    ['23415123456789', '23415123456789'],
  ])('%s → %s', (raw, imsi) => {
    expect(parseImsi(raw)).toBe(imsi)
  })

  it.each(['2341512345678', '2341512345678901', '23415123456789X', '', null, undefined])(
    '%j is not an IMSI',
    (raw) => {
      expect(parseImsi(raw)).toBeNull()
    },
  )
})

describe('imsiPlmn', () => {
  it.each([
    ['234101234567890', '234', '10', 'O2'],
    ['234151234567890', '234', '15', 'Vodafone'],
    ['234201234567890', '234', '20', 'Three'],
    ['234331234567890', '234', '33', 'EE'],
    ['234031234567890', '234', '03', 'Airtel-Vodafone'],
    ['234991234567890', '234', '99', null],
    ['310260123456789', '310', '260', 'T-Mobile US'],
    ['311480123456789', '311', '480', 'Verizon'],
    ['313100123456789', '313', '100', null],
    ['404981234567890', '404', '98', 'Airtel'],
    ['612031234567890', '612', '03', "Orange Côte d'Ivoire"],
  ])('%s → %s-%s %s', (imsi, mcc, mnc, network) => {
    expect(imsiPlmn(imsi as Imsi)).toEqual({ mcc, mnc, network })
  })
})
