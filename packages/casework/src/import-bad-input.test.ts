import ExcelJS from 'exceljs'
import { afterEach, describe, expect, it } from 'vitest'
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import type { CaseSession } from './case-session.js'
import { importFiles, type FileResult } from './import-files.js'
import { scratchCase, sql } from './test-kit.js'

const HEADER = 'Target Number,Other Party,Call Date,Call Time,Direction,Call Type,Duration (s),Start Cell'
const ROW = (day: string, time = '10:00:00', duration = '42'): string =>
  `07911123456,07922654321,${day},${time},Outgoing,Voice,${duration},234-30-1234-5678901`

let session: CaseSession | null = null
afterEach(async () => {
  await session?.close()
  session = null
})

async function file(name: string, content: string | Buffer): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), 'linesight-input-')), name)
  await writeFile(path, content)
  return path
}

const now = (): Date => new Date('2026-01-01T00:00:00Z')

async function importOne(
  path: string,
  options: Partial<Parameters<typeof importFiles>[2]> = {},
): Promise<FileResult> {
  session ??= await scratchCase()
  const [result] = await importFiles(session, [path], { now, ...options })
  return result!
}

const eventCount = async (): Promise<number> =>
  Number((await sql(session!, 'SELECT count(*) AS n FROM events'))[0]!['n'])

describe('bad input gives a clear message or a reject row, and never loses what the case holds', () => {
  it.each([
    ['an empty file', '', /is empty: there is nothing to import/],
    ['blank lines only', '\n\n  \n', /only blank lines/],
    ['a header with no records', `${HEADER}\n`, /has a header but no records/],
    [
      'binary garbage',
      Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)),
      /looks like a binary file/,
    ],
    ['one column, no delimiter', 'just some words\nmore words here\n', /no delimiter .* splits its lines/],
    ['no recognisable header', 'a,b,c\n1,2,3\n4,5,6\n', /no header row was recognised/],
  ])('%s', async (_name, content, message) => {
    const result = await importOne(await file('input.csv', content))
    expect(result.status).toBe('failed')
    expect(result.status === 'failed' && result.error).toMatch(message)
  })

  it('a 100 MB single line is refused from its first half-megabyte', async () => {
    const result = await importOne(await file('long.csv', Buffer.alloc(100 * 1024 * 1024, 'x')))
    expect(result.status === 'failed' && result.error).toMatch(/first line is longer than/)
  })

  it('rows with impossible dates, negative durations, mixed formats and a truncated last line become rejects with reasons', async () => {
    const content = [
      HEADER,
      ROW('13/02/2024'),
      ROW('31/02/2024'),
      ROW('14/02/2024', '10:00:00', '-5'),
      ROW('2024-02-15'),
      ROW('16/02/2024', '25:61:00'),
      '07911123456,07922654321,17/02/2024',
    ].join('\n')
    const result = await importOne(await file('dirty.csv', content))
    expect(result.status).toBe('imported')
    if (result.status !== 'imported') return
    const r = result.reports[0]!
    expect({ read: r.read, imported: r.imported, rejected: r.rejected }).toEqual({
      read: 6,
      imported: 1,
      rejected: 5,
    })
    const rejects = await sql(
      session!,
      'SELECT source_row, source_line, field, reason FROM rejects ORDER BY source_row',
    )
    expect(rejects).toEqual([
      {
        source_row: 2,
        source_line: 3,
        field: 'Call Date',
        reason: 'start time "31/02/2024 10:00:00" is not a real date (there is no "31 February 2024")',
      },
      { source_row: 3, source_line: 4, field: 'Duration (s)', reason: 'duration "-5" is negative' },
      {
        source_row: 4,
        source_line: 5,
        field: 'Call Date',
        reason: 'start time "2024-02-15 10:00:00" does not match %d/%m/%Y %H:%M:%S',
      },
      {
        source_row: 5,
        source_line: 6,
        field: 'Call Date',
        reason: 'start time "16/02/2024 25:61:00" is not a real time (hour "25" is past 23)',
      },
      {
        source_row: 6,
        source_line: 7,
        field: 'Call Time',
        reason: 'too few fields: Expected Number of Columns: 8 Found: 3',
      },
    ])
  })

  it('a file whose dates never show a day above 12 is refused, and --date-order settles it', async () => {
    const content = [HEADER, ROW('01/02/2024'), ROW('03/04/2024'), ROW('12/11/2024')].join('\n')
    const path = await file('undecided.csv', content)
    const refused = await importOne(path)
    expect(refused.status === 'failed' && refused.error).toMatch(
      /never has a day above 12, so dd\/mm and mm\/dd both fit/,
    )
    expect(await eventCount()).toBe(0)
    const settled = await importOne(path, { dateOrder: 'mdy' })
    expect(settled.status).toBe('imported')
    expect(
      await sql(session!, `SELECT strftime(start_utc, '%Y-%m-%d') AS d FROM events ORDER BY source_row`),
    ).toEqual([{ d: '2024-01-02' }, { d: '2024-03-04' }, { d: '2024-12-11' }])
  })

  it('day-first is decided from a day above 12 far beyond the sample', async () => {
    const rows = Array.from({ length: 30_000 }, (_, i) => ROW(`0${1 + (i % 9)}/02/2024`))
    rows.push(ROW('28/02/2024'))
    const result = await importOne(await file('late-evidence.csv', [HEADER, ...rows].join('\n')))
    expect(result.status).toBe('imported')
    expect(await sql(session!, `SELECT strftime(max(start_utc), '%Y-%m-%d') AS d FROM events`)).toEqual([
      { d: '2024-02-28' },
    ])
  })

  it('a file with day-first and month-first dates mixed is refused', async () => {
    const result = await importOne(
      await file('mixed.csv', [HEADER, ROW('13/02/2024'), ROW('02/13/2024')].join('\n')),
    )
    expect(result.status === 'failed' && result.error).toMatch(/mixes day-first and month-first dates/)
  })

  it('importing the same file twice changes nothing', async () => {
    const path = await file('twice.csv', [HEADER, ROW('13/02/2024'), ROW('14/02/2024')].join('\n'))
    expect((await importOne(path)).status).toBe('imported')
    const before = await sql(
      session!,
      'SELECT (SELECT count(*) FROM events) AS e, (SELECT count(*) FROM source_files) AS f',
    )
    expect((await importOne(path)).status).toBe('already-imported')
    expect(
      await sql(
        session!,
        'SELECT (SELECT count(*) FROM events) AS e, (SELECT count(*) FROM source_files) AS f',
      ),
    ).toEqual(before)
  })

  it('the same call delivered in two files is flagged as a duplicate, never deleted', async () => {
    await importOne(await file('a.csv', [HEADER, ROW('13/02/2024'), ROW('14/02/2024')].join('\n')))
    const second = await importOne(
      await file('b.csv', [HEADER, ROW('14/02/2024'), ROW('15/02/2024')].join('\r\n') + '\r\n'),
    )
    expect(second.status === 'imported' && second.reports[0]!.duplicates).toBe(1)
    expect(await sql(session!, 'SELECT count(*) AS n, count(duplicate_of) AS flagged FROM events')).toEqual([
      { n: 4, flagged: 1 },
    ])
  })

  it('a workbook repeating a call on its second sheet and within a sheet flags both repeats, first delivery kept', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'linesight-input-')), 'return.xlsx')
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path })
    const sheets = [
      ['January', [ROW('13/02/2024'), ROW('14/02/2024')]],
      ['February', [ROW('14/02/2024'), ROW('15/02/2024'), ROW('15/02/2024')]],
    ] as const
    for (const [name, rows] of sheets) {
      const sheet = workbook.addWorksheet(name)
      for (const line of [HEADER, ...rows]) sheet.addRow(line.split(',')).commit()
      sheet.commit()
    }
    await workbook.commit()
    const result = await importOne(path)
    expect(result.status === 'imported' && result.reports.map((r) => r.duplicates)).toEqual([0, 2])
    expect(
      await sql(
        session!,
        `SELECT e.source_sheet AS sheet, e.source_row AS row, f.source_sheet AS first_sheet, f.source_row AS first_row
         FROM events e JOIN events f ON f.id = e.duplicate_of ORDER BY sheet, row`,
      ),
    ).toEqual([
      { sheet: 'February', row: 1, first_sheet: 'January', first_row: 2 },
      { sheet: 'February', row: 3, first_sheet: 'February', first_row: 2 },
    ])
  })

  it('a CRLF file with LF lines in it imports from an all-LF working copy, lines as in the original', async () => {
    const content = `${HEADER}\r\n${ROW('13/02/2024')}\r\n${ROW('14/02/2024')}\n${ROW('15/02/2024')}\r\n\n`
    const path = await file('mixed.csv', content)
    const result = await importOne(path)
    expect(result.status === 'imported' && result.reports[0]).toMatchObject({
      read: 3,
      imported: 3,
      rejected: 0,
    })
    expect(result.status === 'imported' && result.reports[0]!.warnings.map((w) => w.code)).toContain(
      'mixed-line-endings',
    )
    expect(await sql(session!, `SELECT source_line, start_text FROM events ORDER BY source_line`)).toEqual([
      { source_line: 2, start_text: '13/02/2024 10:00:00' },
      { source_line: 3, start_text: '14/02/2024 10:00:00' },
      { source_line: 4, start_text: '15/02/2024 10:00:00' },
    ])
    expect(await readFile(path, 'utf8')).toBe(content)
    const [logged] = await sql(session!, `SELECT details_json FROM audit_log WHERE action = 'import'`)
    expect(JSON.parse(String(logged!['details_json']))).toHaveProperty('workingCopy')
  })

  it('a mixed-line-ending file whose date order needs a whole-column scan is scanned and read from the LF copy', async () => {
    const rows = Array.from({ length: 5_000 }, (_, i) =>
      ROW(`0${1 + (i % 9)}/02/2024`, '10:00:00', String(i)),
    )
    const content = `${[HEADER, ...rows].join('\r\n')}\n${ROW('28/02/2024')}\r\n`
    const result = await importOne(await file('mixed-late-day.csv', content))
    expect(result.status === 'imported' && result.reports[0]).toMatchObject({ read: 5_001, imported: 5_001 })
    expect(result.status === 'imported' && result.reports[0]!.warnings.map((w) => w.code)).toContain(
      'mixed-line-endings',
    )
  })

  it('a lone carriage return inside a record is refused with what to do, and nothing is stored', async () => {
    const result = await importOne(
      await file('cr.csv', `${HEADER}\r\n${ROW('13/02/2024')}\r\n07911123456,0792\r2654321\r\n`),
    )
    expect(result.status).toBe('failed')
    expect(result.status === 'failed' && result.error).toMatch(
      /could not follow the file's lines.*nothing was imported/,
    )
    expect(await eventCount()).toBe(0)
  })

  it('UTF-16 text from Excel (tab-delimited, BOM) imports', async () => {
    const text = [HEADER, ROW('13/02/2024'), ROW('14/02/2024')].join('\r\n').replaceAll(',', '\t')
    const result = await importOne(
      await file('excel.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])),
    )
    expect(result.status === 'imported' && result.reports[0]!.encoding).toBe('utf-16le')
    expect(await eventCount()).toBe(2)
  })

  it('local times in the spring gap are rejected and autumn-overlap times are flagged', async () => {
    const content = [
      HEADER,
      ROW('31/03/2024', '01:30:00'),
      ROW('27/10/2024', '01:30:00'),
      ROW('27/10/2024', '02:30:00'),
    ].join('\n')
    const result = await importOne(await file('bst.csv', content))
    expect(result.status === 'imported' && result.reports[0]!.rejectReasons.map((r) => r.reason)).toEqual([
      'local time "…" does not exist in Europe/London (the clocks went forward)',
    ])
    expect(
      await sql(
        session!,
        `SELECT strftime(start_utc, '%Y-%m-%d %H:%M') AS t, start_ambiguous AS a FROM events ORDER BY source_row`,
      ),
    ).toEqual([
      { t: '2024-10-27 00:30', a: true },
      { t: '2024-10-27 02:30', a: false },
    ])
  })
})

describe('a quote left open is reported as such, with its line', () => {
  const MINIMAL = 'From,To,Datetime,Duration,Cell'
  const call = (to: string, at: string): string => `+447911123401,+44791112${to},${at},30,234-10-1-1`

  it.each([
    [
      'on the last line',
      [MINIMAL, call('3402', '2024-03-01 10:00:00'), `"${call('3403', '2024-03-01 11:00:00')}`].join('\n'),
      3,
    ],
    [
      'in the middle of a CRLF file, swallowing the lines after it',
      [
        MINIMAL,
        call('3402', '2024-03-01 10:00:00'),
        '',
        `+447911123401,"+447911123403,2024-03-01 11:00:00,30,234-10-1-1`,
        call('3404', '2024-03-01 12:00:00'),
        call('3405', '2024-03-01 13:00:00'),
      ].join('\r\n') + '\r\n',
      4,
    ],
    ['on the header line', `"From,To,Datetime,Duration,Cell\n${call('3402', '2024-03-01 10:00:00')}\n`, 1],
  ])('%s', async (_name, content, line) => {
    const result = await importOne(await file('quote.csv', content))
    expect(result.status).toBe('failed')
    const error = result.status === 'failed' ? result.error : ''
    expect(error).toContain(`quote.csv: line ${line} opens a quote (") that is never closed`)
    expect(error).toMatch(/Ask the supplier for a corrected file, or correct line \d+ in a copy/)
    expect(error).not.toMatch(/no delimiter/)
    expect(await eventCount()).toBe(0)
  })

  it('in the first half-megabyte of a bigger file is refused too, not read as one reject swallowing the rest', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) =>
      call(String(3000 + (i % 1000)), `2024-03-01 10:${String(i % 60).padStart(2, '0')}:00`),
    )
    rows[4] = `"${rows[4]!}`
    const result = await importOne(await file('big-quote.csv', [MINIMAL, ...rows].join('\n')))
    expect(result.status === 'failed' && result.error).toContain(
      'big-quote.csv: line 6 opens a quote (") that is not closed in the first 512 KB',
    )
    expect(await eventCount()).toBe(0)
  })

  it('names the delimiter that splits the lines before it', async () => {
    const result = await importOne(
      await file(
        'quote.csv',
        [MINIMAL, call('3402', '2024-03-01 10:00:00'), `"${call('3403', '2024-03-01 11:00:00')}`]
          .join('\n')
          .replaceAll(',', ';'),
      ),
    )
    expect(result.status === 'failed' && result.error).toContain(
      'the lines before it split into 5 columns at ";"',
    )
  })

  it('a quote that opens and closes across lines is one value, not an error', async () => {
    const content = [
      `${HEADER},Notes`,
      `${ROW('13/02/2024')},"first line`,
      `second line"`,
      `${ROW('14/02/2024')},plain`,
    ].join('\n')
    const result = await importOne(await file('multiline.csv', content))
    expect(result.status === 'imported' && result.reports[0]).toMatchObject({ read: 2, imported: 2 })
  })
})

describe('a time column with values that are no date at all', () => {
  const MINIMAL = 'From,To,Datetime,Duration,Cell'
  const call = (to: string, at: string): string => `+447911123401,+44791112${to},${at},30,234-10-1-1`

  it('is read in the format most values have, and the others are rejected with their line and reason', async () => {
    const content = [MINIMAL, call('3402', '2024-03-01 10:00:00'), call('3403', 'not a date')].join('\n')
    const result = await importOne(await file('unreadable-date.csv', content))
    expect(result.status).toBe('imported')
    if (result.status !== 'imported') return
    expect(result.reports[0]).toMatchObject({ read: 2, imported: 1, rejected: 1 })
    expect(result.reports[0]!.warnings.map((w) => w.message)).toContain(
      'Column "Datetime": 1 of 2 sample values do not read like "2024-03-01 10:00:00": "not a date" (line 3). Rows like these are rejected, each with its line and reason; the others are imported',
    )
    expect(
      await sql(session!, 'SELECT source_row, source_line, field, raw_value, reason FROM rejects'),
    ).toEqual([
      {
        source_row: 2,
        source_line: 3,
        field: 'Datetime',
        raw_value: 'not a date',
        reason: 'start time "not a date" does not match %Y-%m-%d %H:%M:%S',
      },
    ])
  })

  it('that mostly does not read as dates is refused, naming those values and their lines', async () => {
    const content = [
      MINIMAL,
      call('3402', '2024-03-01 10:00:00'),
      call('3403', 'not a date'),
      call('3404', 'unknown'),
      call('3405', 'n/a'),
    ].join('\n')
    const result = await importOne(await file('mostly-unreadable.csv', content))
    expect(result.status === 'failed' && result.error).toContain(
      'column "Datetime" has no date/time format shared by most of its values: only 1 of 4 in the sample reads as one, like "2024-03-01 10:00:00" (line 2); these read as no date or time: "not a date" (line 3), "unknown" (line 4), "n/a" (line 5)',
    )
  })

  it('with no date in it is refused, naming what it holds', async () => {
    const content = [MINIMAL, call('3402', 'yesterday'), call('3403', 'today')].join('\n')
    const result = await importOne(await file('no-dates.csv', content))
    expect(result.status === 'failed' && result.error).toContain(
      'column "Datetime" has no recognisable date/time format: no value in the sample reads as a date or time, e.g. "yesterday" (line 2), "today" (line 3)',
    )
  })

  it('with two formats half and half is refused, not read in one of them', async () => {
    const content = [
      MINIMAL,
      call('3402', '2024-03-01 10:00:00'),
      call('3403', '2024-03-02 10:00:00'),
      call('3404', '03/03/2024 10:00'),
      call('3405', '04/03/2024 10:00'),
    ].join('\n')
    const result = await importOne(await file('two-formats.csv', content))
    expect(result.status === 'failed' && result.error).toContain(
      'column "Datetime" has no date/time format shared by most of its values: they mix 2 formats, 2 like "2024-03-01 10:00:00" (line 2) and 2 like "03/03/2024 10:00" (line 4)',
    )
  })

  it('still never guesses the date order: unreadable values do not settle dd/mm against mm/dd', async () => {
    const content = [HEADER, ROW('01/02/2024'), ROW('03/04/2024'), ROW('not a date')].join('\n')
    const result = await importOne(await file('undecided-with-junk.csv', content))
    expect(result.status === 'failed' && result.error).toMatch(
      /never has a day above 12, so dd\/mm and mm\/dd both fit/,
    )
    expect(await eventCount()).toBe(0)
  })
})

describe('the importer never writes beside the originals', () => {
  it('a Windows-1252 file whose date order needs a whole-column scan leaves its folder untouched', async () => {
    const rows = Array.from({ length: 30_000 }, (_, i) => `${ROW(`0${1 + (i % 9)}/02/2024`)},Caf\u00e9`)
    rows.push(`${ROW('28/02/2024')},Caf\u00e9`)
    const path = await file(
      'windows-1252.csv',
      Buffer.from([`${HEADER},Notes`, ...rows].join('\n'), 'latin1'),
    )
    const dir = dirname(path)
    const before = await readdir(dir)
    const result = await importOne(path)
    expect(result.status === 'imported' && result.reports[0]!.encoding).toBe('windows-1252')
    expect(await readdir(dir)).toEqual(before)
  })
})
