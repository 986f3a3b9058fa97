import type { NumberKind } from '@linesight/model'
import { describe, expect, it } from 'vitest'
import { normalisePhone } from './phone.js'

type Case = readonly [raw: string | null | undefined, country: string, e164: string | null, kind: NumberKind]

const CASES: readonly Case[] = [
  // GB mobile in every form a CDR uses.
  ['07911 123456', 'GB', '+447911123456', 'e164'],
  ['07911123456', 'GB', '+447911123456', 'e164'],
  ['+447911123456', 'GB', '+447911123456', 'e164'],
  ['00447911123456', 'GB', '+447911123456', 'e164'],
  ['0044 7911 123456', 'GB', '+447911123456', 'e164'],
  ['447911123456', 'GB', '+447911123456', 'e164'],
  ['+44 (0)7911 123456', 'GB', '+447911123456', 'e164'],
  ['7911123456', 'GB', '+447911123456', 'e164'],
  ['07911.123.456', 'GB', '+447911123456', 'e164'],
  [' 07911 123456 ', 'GB', '+447911123456', 'e164'],
  ['07624 123456', 'GB', '+447624123456', 'e164'],
  // GB landlines and freephone.
  ['020 7946 0123', 'GB', '+442079460123', 'e164'],
  ['(020) 7946-0123', 'GB', '+442079460123', 'e164'],
  ['0800 1111', 'GB', '+448001111', 'e164'],
  // US and India, national and international.
  ['2125551234', 'US', '+12125551234', 'e164'],
  ['1 212 555 1234', 'US', '+12125551234', 'e164'],
  ['+1 (212) 555-1234', 'GB', '+12125551234', 'e164'],
  ['011 44 7911 123456', 'US', '+447911123456', 'e164'],
  ['09876543210', 'IN', '+919876543210', 'e164'],
  ['+91 98765 43210', 'GB', '+919876543210', 'e164'],
  ['0707070707', 'CI', '+2250707070707', 'e164'],
  // Drama ranges and unallocated numbers parse but are not valid.
  ['07700 900123', 'GB', null, 'invalid'],
  ['01632 960123', 'GB', null, 'invalid'],
  ['2121234567', 'US', null, 'invalid'],
  ['07911123456#', 'GB', null, 'invalid'],
  ['12', 'GB', null, 'invalid'],
  ['0791112345678901', 'GB', null, 'invalid'],
  // Short codes, sender names and placeholders.
  ['999', 'GB', null, 'short-code'],
  ['150', 'GB', null, 'short-code'],
  ['61123', 'GB', null, 'short-code'],
  ['*123#', 'GB', null, 'short-code'],
  ['VODAFONE', 'GB', null, 'alphanumeric'],
  ['AmazonUK', 'GB', null, 'alphanumeric'],
  ['Ünïcode', 'GB', null, 'alphanumeric'],
  ['', 'GB', null, 'absent'],
  ['   ', 'GB', null, 'absent'],
  ['-', 'GB', null, 'absent'],
  [null, 'GB', null, 'absent'],
  [undefined, 'GB', null, 'absent'],
]

describe('normalisePhone', () => {
  it.each(CASES)('%j (%s) → %s %s', (raw, country, e164, kind) => {
    expect(normalisePhone(raw, country)).toEqual({ e164, kind })
  })

  it('refuses a country code libphonenumber does not know, such as UK for GB', () => {
    expect(() => normalisePhone('07911 123456', 'UK')).toThrow(/"UK".*GB/)
  })

  it('returns frozen results', () => {
    expect(Object.isFrozen(normalisePhone('07911 123456', 'GB'))).toBe(true)
    expect(Object.isFrozen(normalisePhone('999', 'GB'))).toBe(true)
  })
})
