import { describe, expect, it } from 'vitest'
import { cellText } from './cell-text.js'
import { csvField, csvLine } from './csv-writer.js'
import { excelDateText, excelSerialToDate, isDateFormat } from './excel-date.js'
import { integerDigits, plainNumberText } from './number-text.js'
import { sheetCsvName } from './sheet-csv.js'

describe('plainNumberText', () => {
  it.each([
    [356938035643809, '356938035643809'],
    [1e21, '1000000000000000000000'],
    [1.2345e25, '12345000000000000000000000'],
    [-4.5e21, '-4500000000000000000000'],
    [1.5e-7, '0.00000015'],
    [-2.5e-10, '-0.00000000025'],
    [0.1, '0.1'],
    [-0, '0'],
    [42.75, '42.75'],
  ])('%d → %s', (value, expected) => {
    expect(plainNumberText(value)).toBe(expected)
  })

  it('counts integer digits for the 15-digit warning', () => {
    expect([
      integerDigits(999999999999999),
      integerDigits(1e15),
      integerDigits(-1234.5),
      integerDigits(0.25),
    ]).toEqual([15, 16, 4, 0])
  })
})

describe('excel dates', () => {
  it.each([
    [45356.41674768519, false, '2024-03-05 10:00:07'],
    [45382.0416666667, false, '2024-03-31 01:00:00'],
    [36007 / 86400, false, '10:00:07'],
    [43894.41674768519, true, '2024-03-05 10:00:07'],
  ])('serial %d (1904: %s) → %s', (serial, date1904, expected) => {
    expect(excelDateText(excelSerialToDate(serial, date1904))).toBe(expected)
  })

  it('writes nothing for an invalid date', () => {
    expect(excelDateText(new Date(Number.NaN))).toBeNull()
  })

  it.each([
    ['mm-dd-yy', true],
    ['DD/MM/YYYY HH:MM', true],
    ['[h]:mm:ss', true],
    ['General', false],
    ['0.00E+00', false],
    ['#,##0 "days"', false],
    ['[Red]0.00', false],
    [undefined, false],
  ])('isDateFormat(%s) is %s', (format, expected) => {
    expect(isDateFormat(format)).toBe(expected)
  })
})

describe('cellText', () => {
  it.each([
    [null, undefined, ''],
    ['07911 123456', undefined, '07911 123456'],
    [false, undefined, 'FALSE'],
    [45356.41674768519, 'dd/mm/yyyy hh:mm:ss', '2024-03-05 10:00:07'],
    [{ formula: 'A1', result: 45356.5 }, 'yyyy-mm-dd', '2024-03-05 12:00:00'],
    [{ formula: 'A1', result: 'text' }, undefined, 'text'],
    [{ formula: 'A1' }, undefined, ''],
    [{ error: '#DIV/0!' }, undefined, '#DIV/0!'],
    [{ richText: [{ text: 'a' }, { font: {}, text: 'b' }] }, undefined, 'ab'],
  ])('%j → %s', (value, numFmt, expected) => {
    expect(cellText(value, numFmt, false).text).toBe(expected)
  })

  it('flags what it cannot write faithfully', () => {
    expect(cellText({ formula: 'A1/0', result: Number.NaN }, undefined, false).problem).toBe('formula-error')
    expect(cellText({ sharedString: 3 }, undefined, false).problem).toBe('unknown-value')
    expect(cellText(Number('12345678901234567'), undefined, false)).toEqual({
      text: '12345678901234568',
      numberDigits: 17,
      problem: null,
    })
  })
})

describe('csv text', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\r', '"cr\r"'],
    ['', ''],
  ])('csvField(%j) → %j', (value, expected) => {
    expect(csvField(value)).toBe(expected)
  })

  it('writes a lone empty field as "" so the record is not a blank line', () => {
    expect([csvLine(['']), csvLine(['', '']), csvLine(['a', ''])]).toEqual(['""\n', ',\n', 'a,\n'])
  })

  it.each([
    [1, 'CDR export', '1-CDR_export.csv'],
    [2, 'Calls/2024: "in"', '2-Calls_2024_in.csv'],
    [3, '...', '3-sheet.csv'],
    [4, 'Zellen ü', '4-Zellen_ü.csv'],
  ])('sheetCsvName(%d, %j) → %s', (position, name, expected) => {
    expect(sheetCsvName(position, name)).toBe(expected)
  })
})
