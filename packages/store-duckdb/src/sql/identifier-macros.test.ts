import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api'
import { imeiCheckDigit, imeiCore, normalisePhone, parseCellId } from '@linesight/identifiers'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { identifierMacrosSql } from './identifier-macros.js'

let db: DuckDBInstance
let c: DuckDBConnection

beforeAll(async () => {
  db = await DuckDBInstance.create(':memory:')
  c = await db.connect()
  await c.run(identifierMacrosSql())
})

afterAll(() => {
  c.closeSync()
  db.closeSync()
})

const lit = (text: string | null): string =>
  text === null ? 'NULL::VARCHAR' : `'${text.replaceAll("'", "''")}'`

/** Runs `select <expr(raw)>` over the values and returns one JSON row per value, in order. */
async function overValues<T>(values: readonly (string | null)[], columns: string): Promise<T[]> {
  const rows = values.map((v, i) => `(${i}, ${lit(v)})`).join(',\n')
  const result = await c.runAndReadAll(`select ${columns} from (values ${rows}) t(id, raw) order by id`)
  return result.getRowObjectsJson() as unknown as T[]
}

// ---------------------------------------------------------------------------------------------------------------
// Phone numbers

type PhoneCase = readonly [raw: string | null, country: string]

const PHONE_CORPUS: readonly PhoneCase[] = [
  // GB mobiles in every form.
  ['07911 123456', 'GB'],
  ['07911123456', 'GB'],
  ['+447911123456', 'GB'],
  ['+44 7911 123456', 'GB'],
  ['00447911123456', 'GB'],
  ['0044 7911 123456', 'GB'],
  ['447911123456', 'GB'],
  ['4407911123456', 'GB'],
  ['+4407911123456', 'GB'],
  ['+44 (0)7911 123456', 'GB'],
  ['+44(0)7911-123-456', 'GB'],
  ['00 44 (0)7911 123456', 'GB'],
  ['(0)7911 123456', 'GB'],
  ['7911123456', 'GB'],
  ['07911.123.456', 'GB'],
  ['07911-123-456', 'GB'],
  ['07911/123456', 'GB'],
  [' 07911 123456 ', 'GB'],
  ['\u00a007911\u00a0123456', 'GB'],
  ['07624 123456', 'GB'],
  ['07400 123456', 'GB'],
  // GB landlines and non-geographic numbers.
  ['020 7946 0123', 'GB'],
  ['(020) 7946-0123', 'GB'],
  ['+44 20 7946 0123', 'GB'],
  ['+44 (0) 20 7946 0123', 'GB'],
  ['0113 496 0123', 'GB'],
  ['0121 496 0123', 'GB'],
  ['028 9649 6123', 'GB'],
  ['029 2018 0123', 'GB'],
  ['0808 157 0123', 'GB'],
  ['0800 1111', 'GB'],
  ['+44 800 1111', 'GB'],
  ['0300 123 4567', 'GB'],
  // GB values libphonenumber calls invalid.
  ['07700 900123', 'GB'],
  ['+447700900999', 'GB'],
  ['01632 960123', 'GB'],
  ['0791112345', 'GB'],
  ['911123456', 'GB'],
  ['079111234567', 'GB'],
  ['0447911123456', 'GB'],
  ['+4479111234567', 'GB'],
  ['0000000000', 'GB'],
  ['1234567', 'GB'],
  ['07911123456#', 'GB'],
  ['++447911123456', 'GB'],
  ['12', 'GB'],
  ['0', 'GB'],
  // Foreign numbers written in a UK record.
  ['+1 (212) 555-1234', 'GB'],
  ['0012125551234', 'GB'],
  ['+91 98765 43210', 'GB'],
  ['0091 98765 43210', 'GB'],
  ['+225 07 07 07 07 07', 'GB'],
  ['+33 6 12 34 56 78', 'GB'],
  ['+49 151 23456789', 'GB'],
  ['+353 85 123 4567', 'GB'],
  ['+234 803 123 4567', 'GB'],
  ['+1 876 210 1234', 'GB'],
  ['+61 412 345 678', 'GB'],
  // US.
  ['2125551234', 'US'],
  ['12125551234', 'US'],
  ['1-212-555-1234', 'US'],
  ['212.555.1234', 'US'],
  ['(212) 555-1234', 'US'],
  ['+1 212 555 1234', 'US'],
  ['011 44 7911 123456', 'US'],
  ['2121234567', 'US'],
  ['1234567890', 'US'],
  ['8762101234', 'US'],
  ['00447911123456', 'US'],
  // India.
  ['9876543210', 'IN'],
  ['09876543210', 'IN'],
  ['919876543210', 'IN'],
  ['+91 98765 43210', 'IN'],
  ['9198765432', 'IN'],
  ['1800123456', 'IN'],
  // Others in the table.
  ['0707070707', 'CI'],
  ['2250707070707', 'CI'],
  ['0612345678', 'FR'],
  ['015123456789', 'DE'],
  ['0851234567', 'IE'],
  ['612345678', 'ES'],
  ['0612345678', 'NL'],
  ['512345678', 'PL'],
  ['0712345678', 'RO'],
  ['03001234567', 'PK'],
  ['08031234567', 'NG'],
  ['8762101234', 'JM'],
  // Short codes, sender names, placeholders and garbage.
  ['999', 'GB'],
  ['150', 'GB'],
  ['61123', 'GB'],
  ['*123#', 'GB'],
  ['+44 999', 'GB'],
  ['VODAFONE', 'GB'],
  ['AmazonUK', 'GB'],
  ['O2 UK', 'GB'],
  ['Withheld', 'GB'],
  ['07911 123456 ext 2', 'GB'],
  ['Ünïcode', 'GB'],
  ['', 'GB'],
  ['   ', 'GB'],
  ['-', 'GB'],
  ['()', 'GB'],
  [null, 'GB'],
  ['#########', 'GB'],
  ['+', 'GB'],
  ['1234567890123456789', 'GB'],
]

/**
 * Numbers libphonenumber calls invalid that the SQL accepts, because it checks NSN lengths and leading digits but not
 * every allocated range. Each is listed with the E.164 the SQL gives and why; the test fails if one stops happening.
 */
const SQL_LENIENT: ReadonlyMap<string, { readonly e164: string; readonly why: string }> = new Map([
  ['GB|0791112345', { e164: '+44791112345', why: '9-digit NSNs exist in GB (01xxx areas), not in 07' }],
  [
    'GB|911123456',
    { e164: '+44911123456', why: 'a bare 9-digit NSN has a valid GB length and leading digit' },
  ],
])

const key = (raw: string | null, country: string): string => `${country}|${raw ?? '<null>'}`

describe('ls_phone_e164 / ls_phone_kind', () => {
  interface Row {
    readonly raw: string | null
    readonly country: string
    readonly e164: string | null
    readonly kind: string
  }
  let rows: readonly Row[]

  beforeAll(async () => {
    const values = PHONE_CORPUS.map(([raw, country], i) => `(${i}, ${lit(raw)}, ${lit(country)})`).join(',\n')
    const result = await c.runAndReadAll(
      `select raw, country, ls_phone_e164(raw, country) as e164, ls_phone_kind(raw, country) as kind
       from (values ${values}) t(id, raw, country) order by id`,
    )
    rows = result.getRowObjectsJson() as unknown as Row[]
  })

  it('the corpus is varied enough', () => {
    expect(PHONE_CORPUS.length).toBeGreaterThanOrEqual(60)
    const kinds = new Set(PHONE_CORPUS.map(([raw, country]) => normalisePhone(raw, country).kind))
    expect([...kinds].sort()).toEqual(['absent', 'alphanumeric', 'e164', 'invalid', 'short-code'])
    expect(new Set(PHONE_CORPUS.map(([raw, country]) => key(raw, country))).size).toBe(PHONE_CORPUS.length)
  })

  it.each(PHONE_CORPUS.map((c, i) => [i, ...c] as const))(
    '#%i %j (%s) matches normalisePhone',
    (i, raw, country) => {
      const ts = normalisePhone(raw, country)
      const sql = rows[i]!
      expect(sql.raw).toBe(raw)
      const lenient = SQL_LENIENT.get(key(raw, country))
      if (lenient !== undefined) {
        expect(ts).toEqual({ e164: null, kind: 'invalid' })
        expect({ e164: sql.e164, kind: sql.kind }).toEqual({ e164: lenient.e164, kind: 'e164' })
      } else {
        expect({ e164: sql.e164, kind: sql.kind }).toEqual(ts)
      }
    },
  )

  it('every listed exception is in the corpus', () => {
    const corpus = new Set(PHONE_CORPUS.map(([raw, country]) => key(raw, country)))
    for (const k of SQL_LENIENT.keys()) expect(corpus).toContain(k)
  })

  it('raises an error for a country without a numbering plan, as normalisePhone throws', async () => {
    await expect(c.runAndReadAll(`select ls_phone_e164('07911 123456', 'UK')`)).rejects.toThrow(/UK.*GB/)
    await expect(c.runAndReadAll(`select ls_phone_kind('07911 123456', 'UK')`)).rejects.toThrow(/UK.*GB/)
  })

  it('normalises 1,000,000 generated numbers in one SELECT', async () => {
    // Mixed forms of GB mobiles, landlines, US numbers and short codes, so every branch runs. The numbers are staged
    // in a table first, as the importer stages a file, and only the normalising SELECT is timed.
    await c.run(`
      create or replace temp table million as
      select case i % 6
        when 0 then '07' || lpad(cast(900000000 + i as varchar), 9, '0')
        when 1 then '+44 7' || lpad(cast(i as varchar), 9, '0')
        when 2 then '0044 (0)20 ' || lpad(cast(i % 100000000 as varchar), 8, '0')
        when 3 then '447' || lpad(cast(i as varchar), 9, '0')
        when 4 then '+1 212 555 ' || lpad(cast(i % 10000 as varchar), 4, '0')
        else cast(i % 100000 as varchar)
      end as raw
      from range(1000000) r(i)`)
    const started = performance.now()
    const result = await c.runAndReadAll(`
      select count(*) as n, count(e164) as valid, count(distinct kind) as kinds
      from (select ls_phone_e164(raw, 'GB') as e164, ls_phone_kind(raw, 'GB') as kind from million)`)
    const elapsed = performance.now() - started
    console.log(`ls_phone_e164 + ls_phone_kind over 1,000,000 numbers: ${elapsed.toFixed(0)} ms`)
    expect(result.getRowObjectsJson()).toEqual([{ n: '1000000', valid: expect.any(String), kinds: '3' }])
  })
})

// ---------------------------------------------------------------------------------------------------------------
// Cell identifiers

const CELL_CORPUS: readonly string[] = [
  '234-15-1234-5678901',
  '234 15 1234 5678901',
  '234/15/1234/5678901',
  '234:15:1234:5678901',
  '234.15.1234.5678901',
  '  234 - 15 - 1234 - 5678901 ',
  '404-98-8331-230711555',
  '310-260-12345-30062753',
  '234-02-01234-0005678',
  '612-03-0-0',
  '234-15-0x04D2-0x1CA4B3',
  '234-15-0X04d2-5678901',
  '234-15-30062753',
  '234-15--30062753',
  '2341500A1B2C3',
  '0x2341500A1B2C3',
  '234150A1B2C3',
  '3102601CAB0A1',
  '31026001CAB0A1',
  '2349900A1B2C3',
  '31048012345AB',
  '3169900A1B2C3',
  '234150000000000',
  '',
  '   ',
  '234-15',
  '5678901',
  '23-15-1234-5678901',
  '234-1-1234-5678901',
  '234-1555-1234-5678901',
  '234-15-16777216-5678901',
  '234-15-16777215-68719476735',
  '234-15-1234-68719476736',
  '234-15-04D2-5678901',
  '-234-15-1234-5678901',
  '234-15-1234-5678901-7',
  '234-15-12x4-5678901',
  '234-15-1e3-5678901',
  '234-15-1_000-5678901',
  '234-15-+12-5678901',
  '23415FFFFFFFF',
  '2341A00A1B2C3',
  '2341500A1B2C3G',
  '234150A1B2C',
  '234-15-99999999999999999999-1',
]

describe('ls_cgi_*', () => {
  interface Row {
    readonly mcc: string | null
    readonly mnc: string | null
    readonly lac: string | null
    readonly ci: string | null
  }
  let rows: readonly Row[]

  beforeAll(async () => {
    rows = await overValues<Row>(
      CELL_CORPUS,
      'ls_cgi_mcc(raw) as mcc, ls_cgi_mnc(raw) as mnc, ls_cgi_lac(raw) as lac, ls_cgi_ci(raw) as ci',
    )
  })

  it('the corpus has both parsed and refused values', () => {
    const parsed = CELL_CORPUS.filter((t) => parseCellId(t) !== null).length
    expect(parsed).toBeGreaterThan(15)
    expect(CELL_CORPUS.length - parsed).toBeGreaterThan(15)
  })

  it.each(CELL_CORPUS.map((t, i) => [i, t] as const))('#%i %j matches parseCellId', (i, text) => {
    const ts = parseCellId(text)
    const expected = ts === null ? { mcc: null, mnc: null, lac: null, ci: null } : { ...ts, cgi: undefined }
    expect({ ...rows[i]!, cgi: undefined }).toEqual(expected)
  })
})

// ---------------------------------------------------------------------------------------------------------------
// IMEI

const IMEI_CORPUS: readonly (string | null)[] = [
  '49015420323751',
  '490154203237518',
  '490154203237510',
  '490154203237511',
  '4901542032375123',
  '49-015420-323751-8',
  '49 015420 323751 8',
  '35209900176148',
  '352099001761481',
  '352099001761482',
  '4901542032375',
  '49015420323751234',
  '4901542032375A8',
  '',
  null,
]

describe('ls_imei14', () => {
  let rows: readonly { imei: string | null }[]

  beforeAll(async () => {
    rows = await overValues(IMEI_CORPUS, 'ls_imei14(raw) as imei')
  })

  it.each(IMEI_CORPUS.map((t, i) => [i, t] as const))('#%i %j matches imeiCore', (i, raw) => {
    expect(rows[i]!.imei).toBe(imeiCore(raw))
  })

  it('computes the same Luhn check digit as imeiCheckDigit for 1,000 generated cores', async () => {
    // A wrong doubling position would disagree on most of them.
    const result = await c.runAndReadAll(`
      select core, ls_imei_check_digit(core) as check_digit
      from (select lpad(cast((i * 7919 + 12345) * 1000003 % 100000000000000 as varchar), 14, '0') as core
            from range(1000) r(i))`)
    const generated = result.getRowObjectsJson() as unknown as { core: string; check_digit: string }[]
    expect(generated).toHaveLength(1000)
    for (const row of generated) expect(row.check_digit).toBe(imeiCheckDigit(row.core))
  })
})

// ---------------------------------------------------------------------------------------------------------------
// Durations

describe('ls_hms_seconds', () => {
  const CASES: readonly (readonly [string | null, number | null])[] = [
    ['01:02:03', 3723],
    ['1:02:03', 3723],
    ['00:00:00', 0],
    ['25:00:00', 90000],
    ['02:03', 123],
    ['2:03', 123],
    ['75:10', 4510],
    ['45', 45],
    ['0', 0],
    [' 00:01:05 ', 65],
    ['3600', 3600],
    ['01:60:00', null],
    ['01:00:60', null],
    ['1:2:3', null],
    ['12.5', null],
    ['-5', null],
    ['1e3', null],
    ['', null],
    ['abc', null],
    ['01:02:03:04', null],
    ['9999999999', null],
    [null, null],
  ]

  let rows: readonly { s: number | null }[]

  beforeAll(async () => {
    rows = await overValues(
      CASES.map(([raw]) => raw),
      'ls_hms_seconds(raw) as s',
    )
  })

  it.each(CASES.map((c, i) => [i, ...c] as const))('#%i %j → %s', (i, _raw, seconds) => {
    expect(rows[i]!.s).toBe(seconds)
  })
})

describe('identifierMacrosSql', () => {
  it('can be run twice (CREATE OR REPLACE)', async () => {
    await c.run(identifierMacrosSql())
    const result = await c.runAndReadAll(`select ls_phone_e164('07911 123456', 'GB') as e164`)
    expect(result.getRowObjectsJson()).toEqual([{ e164: '+447911123456' }])
  })
})
