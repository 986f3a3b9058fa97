import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TimeSpec } from '@linesight/model'
import { literal } from '../sql/quote.js'
import { parseTime } from './expressions.js'
import { timeFailureReason } from './time-reason.js'

let db: DuckDBInstance
let c: DuckDBConnection

beforeAll(async () => {
  db = await DuckDBInstance.create(':memory:')
  c = await db.connect()
})

afterAll(() => {
  c.closeSync()
  db.closeSync()
})

/** The reason the engine gives for one text, read as the import reads it, or null when the text parses. */
async function reasonFor(format: string, offsetRequired: boolean, text: string): Promise<unknown> {
  const spec: TimeSpec = {
    column: 'start',
    format,
    zone: offsetRequired ? 'value' : 'Europe/London',
    zoneSource: offsetRequired ? 'value' : 'user',
    precision: 'second',
  }
  const reason = timeFailureReason('start time', format, offsetRequired, 't')
  const result = await c.runAndReadAll(
    `SELECT CASE WHEN ${parseTime(spec, 't')} IS NULL THEN ${reason} END AS reason FROM (SELECT ${literal(text)} AS t)`,
  )
  return result.getRowObjectsJson()[0]!['reason']
}

describe('a time that does not parse is refused as a wrong format or as a date or time that does not exist', () => {
  it.each([
    // Impossible dates in the expected format.
    [
      '%d/%m/%Y %H:%M:%S',
      '31/02/2024 07:18:41',
      'start time "31/02/2024 07:18:41" is not a real date (there is no "31 February 2024")',
    ],
    [
      '%d/%m/%Y %H:%M:%S',
      '29/02/2023 07:18:41',
      'start time "29/02/2023 07:18:41" is not a real date (there is no "29 February 2023")',
    ],
    ['%d/%m/%Y %H:%M:%S', '29/02/2024 07:18:41', null],
    [
      '%d/%m/%Y %H:%M',
      '12/13/2024 10:00',
      'start time "12/13/2024 10:00" is not a real date (there is no month "13")',
    ],
    [
      '%m/%d/%Y %H:%M',
      '04/31/2024 10:00',
      'start time "04/31/2024 10:00" is not a real date (there is no "31 April 2024")',
    ],
    ['%d/%m/%y', '00/01/24', 'start time "00/01/24" is not a real date (there is no "0 January 2024")'],
    ['%d-%b-%Y', '31-Apr-2024', 'start time "31-Apr-2024" is not a real date (there is no "31 April 2024")'],
    ['%d-%b-%Y', '01-Foo-2024', 'start time "01-Foo-2024" is not a real date (there is no month "Foo")'],
    [
      '%Y-%m-%d %H:%M:%S',
      '2024-06-31 10:00:00',
      'start time "2024-06-31 10:00:00" is not a real date (there is no "31 June 2024")',
    ],
    // Impossible times of day.
    [
      '%d/%m/%Y %H:%M:%S',
      '16/02/2024 25:61:00',
      'start time "16/02/2024 25:61:00" is not a real time (hour "25" is past 23)',
    ],
    [
      '%d/%m/%Y %H:%M:%S',
      '16/02/2024 23:61:00',
      'start time "16/02/2024 23:61:00" is not a real time (minute "61" is past 59)',
    ],
    [
      '%d/%m/%Y %H:%M:%S',
      '16/02/2024 23:59:60',
      'start time "16/02/2024 23:59:60" is not a real time (second "60" is past 59)',
    ],
    ['%H:%M', '24:00', 'start time "24:00" is not a real time (hour "24" is past 23)'],
    // ISO 8601, with and without a required offset.
    [
      'iso',
      '2024-02-30T10:00:00',
      'start time "2024-02-30T10:00:00" is not a real date (there is no "30 February 2024")',
    ],
    [
      'iso',
      '2024-02-30T10:00:00+01:00',
      'start time "2024-02-30T10:00:00+01:00" is not a real date (there is no "30 February 2024")',
      true,
    ],
    [
      'iso',
      '2024-02-10 25:00Z',
      'start time "2024-02-10 25:00Z" is not a real time (hour "25" is past 23)',
      true,
    ],
    [
      'iso',
      '2024-02-10T10:00:00',
      'start time "2024-02-10T10:00:00" does not match iso with a UTC offset',
      true,
    ],
    // Wrong format stays a wrong format.
    [
      '%d/%m/%Y %H:%M:%S',
      '2024-02-15 10:00:00',
      'start time "2024-02-15 10:00:00" does not match %d/%m/%Y %H:%M:%S',
    ],
    ['%d/%m/%Y %H:%M:%S', 'not a date', 'start time "not a date" does not match %d/%m/%Y %H:%M:%S'],
    ['epoch-s', 'yesterday', 'start time "yesterday" does not match epoch-s'],
    // A directive it does not know: no finer reason is claimed.
    [
      '%d/%m/%Y %I:%M %p',
      '31/02/2024 10:00 AM',
      'start time "31/02/2024 10:00 AM" does not match %d/%m/%Y %I:%M %p',
    ],
  ] as const)('%s: %s', async (format, text, expected, offsetRequired = false) => {
    expect(await reasonFor(format, offsetRequired, text)).toBe(expected)
  })
})
