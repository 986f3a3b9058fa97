import { describe, expect, it } from 'vitest'
import { spawn, spawnSync } from 'node:child_process'
import { createWriteStream, existsSync } from 'node:fs'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../../../', import.meta.url))
const main = join(root, 'apps/cli/dist/main.js')

// The CLI is tested as a user runs it: the built program in a child process (npm test builds first).
function linesight(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  if (!existsSync(main)) throw new Error(`${main} is missing: run "npm run build" first`)
  const r = spawnSync(process.execPath, [main, ...args], {
    encoding: 'utf8',
    // `--json` results with their evidence run to megabytes.
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, LINESIGHT_ANALYST: 'test-analyst' },
  })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

const json = (r: { stdout: string }): Record<string, unknown> =>
  JSON.parse(r.stdout) as Record<string, unknown>

describe('linesight CLI', () => {
  it('creates a case, imports a folder of layouts, and reports every row', async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'linesight-cli-')), 'op-test')
    expect(linesight('case', 'create', dir, '--name', 'Op Test', '--json').code).toBe(0)
    const imported = linesight('import', dir, join(root, 'fixtures/layouts'), '--json')
    expect(imported.code).toBe(0)
    const totals = json(imported)['totals'] as Record<string, number>
    expect(totals['read']).toBe(totals['imported']! + totals['rejected']!)
    expect(totals['rejected']).toBe(2)
    const info = json(linesight('case', 'info', dir, '--json'))
    expect(info['counts']).toMatchObject({ sources: 13, rejects: 2 })
    expect((info['audit'] as { action: string; actor: string }[]).map((a) => a.action)).toContain('import')
    // The import built the analysis indexes (audited); asked again, there is nothing to build.
    expect((info['audit'] as { action: string }[]).map((a) => a.action)).toContain('analysis-index.build')
    expect(json(linesight('case', 'index', dir, '--json'))).toEqual({ built: [] })
    const run = linesight(
      'run',
      dir,
      'top-contacts',
      '--param',
      'target=+447911123456',
      '--param',
      'limit=3',
      '--json',
    )
    expect(run.code).toBe(0)
    const audit = json(linesight('case', 'info', dir, '--json'))['audit'] as {
      action: string
      details_json: string
    }[]
    const logged = audit
      .filter((a) => a.action === 'analysis.run')
      .map((a) => JSON.parse(a.details_json) as object)
    expect(logged).toEqual([
      expect.objectContaining({
        analysis: 'top-contacts',
        parameters: expect.objectContaining({ target: '+447911123456', limit: 3 }),
        parametersDigest: json(run)['parametersDigest'],
        via: 'cli',
      }),
    ])
    const rejects = JSON.parse(linesight('rejects', dir, '--json').stdout) as { reason: string }[]
    expect(rejects.map((r) => r.reason).sort()).toEqual([
      'azimuth "400.0" is outside 0–360 degrees',
      'number "0792265432" is not a valid phone number',
    ])
  })

  it('says what is wrong in one line, with no stack trace, and exits non-zero', () => {
    const r = linesight('case', 'info', join(tmpdir(), 'no-such-case-here'))
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/^linesight: .* is not a Linesight case \(no case\.json\)/)
    expect(r.stderr).not.toMatch(/\n\s+at /)
  })

  it('refuses a bad zone, date or number before it reaches the case, and reads numbers as an analyst writes them', async () => {
    const base = await mkdtemp(join(tmpdir(), 'linesight-cli-input-'))
    const dir = join(base, 'case')
    const zone = linesight('case', 'create', join(base, 'mars'), '--zone', 'Mars/Phobos')
    expect(zone.code).not.toBe(0)
    expect(zone.stderr).toMatch(/"Mars\/Phobos" is not a known time zone/)
    expect(existsSync(join(base, 'mars'))).toBe(false)
    expect(linesight('case', 'list', join(base, 'no-such-folder')).stderr).toMatch(/is not a folder/)

    expect(linesight('case', 'create', dir).code).toBe(0)
    expect(linesight('import', dir, join(root, 'fixtures/layouts/canonical-cdr.csv')).code).toBe(0)
    const contacts = (target: string): unknown =>
      json(linesight('run', dir, 'top-contacts', '--param', `target=${target}`))
    const stored = contacts('+447911123456') as { result: { contacts: unknown[] } }
    expect(stored.result.contacts.length).toBeGreaterThan(0)
    for (const written of ['07911 123456', '447911123456', '+44 (0)7911 123456'])
      expect((contacts(written) as typeof stored).result).toEqual(stored.result)
    const absent = linesight('run', dir, 'top-contacts', '--param', 'target=+447000000001')
    expect(absent.code).toBe(0)
    expect(absent.stderr).toMatch(
      /warning: no record in this case names \+447000000001; the result says nothing about it/,
    )
    expect((json(absent) as { numbersNotInCase: string[] }).numbersNotInCase).toEqual(['+447000000001'])
    expect((stored as unknown as { numbersNotInCase: string[] }).numbersNotInCase).toEqual([])
    const notNumber = linesight('run', dir, 'top-contacts', '--param', 'target=VODAFONE')
    expect(notNumber.stderr).toMatch(/top-contacts\.params\.target: "VODAFONE" is not a phone number/)

    const bad = (args: string[], message: RegExp): void => {
      const r = linesight(...args)
      expect(r.code, args.join(' ')).toBe(2)
      expect(r.stderr).toMatch(message)
      expect(r.stderr).not.toMatch(/\n\s+at |Conversion Error|LINE \d/)
    }
    const run = ['run', dir, 'top-contacts', '--param', 'target=+447911123456', '--param']
    bad([...run, 'from=2024-02-30T00:00:00Z'], /does not fall on a day on the calendar/)
    bad([...run, 'from=2024-03-05T10:00:00'], /is not a time with its zone/)
    bad(
      ['run', dir, 'daily-customers', '--param', 'line=+447911123456', '--param', 'to=2024-02-30'],
      /not a day/,
    )
    const report = [
      'report',
      'exhibit-schedule',
      dir,
      '--number',
      '+447911123456',
      '--out',
      join(base, 'x.pdf'),
    ]
    bad(
      [...report, '--from', '2024-02-10', '--to', '2024-02-31'],
      /--to: "2024-02-31" is not a day on the calendar/,
    )
    bad(
      [...report, '--from', '2024-03-20', '--to', '2024-03-10'],
      /--from 2024-03-20 is after --to 2024-03-10/,
    )
    bad(
      ['report', 'line-profile', dir, '--line', '+447000000001', '--out', join(base, 'y.pdf')],
      /no record in case "case" names \+447000000001/,
    )
    bad(
      ['report', 'exhibit-schedule', dir, '--number', '+447911123456', '--out', join(base, 'nope', 'x.pdf')],
      /--out: the folder .*nope does not exist/,
    )
    expect(existsSync(join(base, 'x.pdf'))).toBe(false)

    // A reader that stops early closes the pipe: the command stops quietly.
    const piped = spawnSync('sh', ['-c', `"${process.execPath}" "${main}" analyses | head -1`], {
      encoding: 'utf8',
    })
    expect(piped.stdout.trim()).not.toBe('')
    expect(piped.stderr).not.toMatch(/EPIPE/)
  })

  it('evidence: opens every shape a result holds, names the field of bad input and reports truncation', async () => {
    const base = await mkdtemp(join(tmpdir(), 'linesight-cli-evidence-'))
    const dir = join(base, 'case')
    const A = '+447911123456'
    const B = '+447922654321'
    await writeFile(
      join(base, 'cdr.csv'),
      [
        'target_msisdn,other_party,direction,event_type,start_time,duration_s',
        `${A},${B},out,voice,2024-03-05T10:00:07Z,42`,
        `${A},${B},in,sms,2024-03-05T11:00:00Z,`,
        `${B},${A},in,voice,2024-03-05T10:00:07Z,42`,
      ].join('\n'),
    )
    expect(linesight('case', 'create', dir).code).toBe(0)
    expect(linesight('import', dir, join(base, 'cdr.csv')).code).toBe(0)
    const run = json(linesight('run', dir, 'contact-matrix', '--param', `numbers=${A},${B}`, '--json'))
    const pair = (run['result'] as { pairs: { communications: number; evidence: unknown }[] }).pairs[0]!
    const evidence = JSON.stringify(pair.evidence)
    // A record of named parts: both sides' records and the copy seen in both, each checked.
    const all = linesight('evidence', dir, evidence, '--json')
    expect(all.code).toBe(0)
    expect(all.stderr).toBe('')
    expect(json(all)).toMatchObject({ matches: true, truncated: false, rowsHeld: 3 })
    expect(linesight('evidence', dir, evidence).stdout.split('\n').slice(0, 3)).toEqual([
      '# evidence.records[0]: 2 rows',
      '# evidence.records[1]: 1 rows',
      '# evidence.seenInBoth: 1 rows',
    ])
    // A list of evidence objects.
    const parts = (pair.evidence as { records: unknown[] }).records
    expect(json(linesight('evidence', dir, JSON.stringify(parts), '--json'))['rows']).toHaveLength(3)
    // The cap cuts the output: said as truncation, with the limit that prints every row, not as a mismatch.
    const cut = linesight('evidence', dir, evidence, '--limit', '1')
    expect(cut.code).toBe(0)
    expect(cut.stderr).toBe(
      'warning: output truncated at the cap of 1 rows: showing the first 1 in time order of 3\n' +
        'warning: pass --limit 3 to print them all\n',
    )
    const stale = linesight('evidence', dir, JSON.stringify({ kind: 'events', targets: [A], count: 5 }))
    expect(stale.stderr).toBe('warning: the figure says 5 rows but the case now holds 2\n')
    for (const [input, message] of [
      ['{"kind":"foo"}', /^linesight: At evidence\.kind: unknown evidence kind "foo"/],
      ['{"kind":"events","ids":["x"]}', /^linesight: At evidence\.targets: is required/],
      [`{"kind":"events","targets":["${A}"]}`, /^linesight: At evidence\.count: is required/],
      [
        '{"records":[{"kind":"events","targets":["x"],"count":-1}]}',
        /^linesight: At evidence\.records\[0\]\.count/,
      ],
    ] as const) {
      const bad = linesight('evidence', dir, input)
      expect(bad.code, input).toBe(2)
      expect(bad.stderr, input).toMatch(message)
      expect(bad.stderr, input).not.toMatch(/Query|ANY/)
    }
    expect(linesight('evidence', dir, evidence, '--limit', '0').stderr).toMatch(
      /--limit "0" is not a whole number/,
    )
  })

  it('import --dry-run exits 2 for a file the import would refuse, as the import does, and 0 when all would import', async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'linesight-cli-dry-')), 'case')
    expect(linesight('case', 'create', dir).code).toBe(0)
    const undecided = join(root, 'fixtures/bad-input/undecided-date-order.csv')
    const dry = linesight('import', dir, undecided, '--dry-run')
    expect(dry.stdout).toContain('NOT SETTLED (the import would refuse)')
    expect(dry.stdout).toContain('1 file(s) would not be imported')
    expect(dry.code).toBe(2)
    expect(linesight('import', dir, undecided, '--dry-run', '--json').code).toBe(2)
    expect(linesight('import', dir, undecided).code).toBe(2)
    expect(linesight('import', dir, undecided, '--dry-run', '--date-order', 'dmy').code).toBe(0)
    expect(linesight('import', dir, join(root, 'fixtures/layouts/canonical-cdr.csv'), '--dry-run').code).toBe(
      0,
    )
    expect(json(linesight('case', 'info', dir, '--json'))['counts']).toMatchObject({ sources: 0 })
  })

  it('import names an unterminated quote and its line, not a missing delimiter', async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'linesight-cli-quote-')), 'case')
    expect(linesight('case', 'create', dir).code).toBe(0)
    const quote = join(root, 'fixtures/bad-input/unterminated-quote.csv')
    for (const args of [[], ['--dry-run']]) {
      const r = linesight('import', dir, quote, ...args)
      expect(r.code).toBe(2)
      expect(r.stdout).toContain(
        'unterminated-quote.csv: line 4 opens a quote (") that is never closed, so everything from there to the end of the file would be read as one value (the lines before it split into 5 columns at ",")',
      )
    }
  })

  it('import reads a date column with one unreadable value and rejects that row with its line', async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'linesight-cli-date-')), 'case')
    expect(linesight('case', 'create', dir).code).toBe(0)
    const r = linesight('import', dir, join(root, 'fixtures/bad-input/unreadable-date.csv'))
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('read 2 = imported 1 + rejected 1')
    expect(r.stdout).toContain(
      'row 2 (line 3) Datetime: start time "not a date" does not match %Y-%m-%d %H:%M:%S',
    )
  })

  it('a kill -9 in the middle of an import leaves the case exactly as before', async () => {
    const base = await mkdtemp(join(tmpdir(), 'linesight-kill-'))
    const dir = join(base, 'case')
    expect(linesight('case', 'create', dir).code).toBe(0)
    expect(linesight('import', dir, join(root, 'fixtures/layouts/canonical-cdr.csv')).code).toBe(0)
    const before = json(linesight('case', 'info', dir, '--json'))['counts']
    const big = join(base, 'big.csv')
    await new Promise<void>((resolve, reject) => {
      const out = createWriteStream(big)
      out.on('error', reject)
      out.write('target_msisdn,other_party,direction,event_type,start_time,duration_s\n')
      for (let i = 0; i < 1_500_000; i++)
        out.write(
          `+447911123456,+4479${String(22000000 + (i % 500000)).padStart(8, '0')},out,voice,2024-03-05T10:${String(i % 60).padStart(2, '0')}:00Z,${i % 300}\n`,
        )
      out.end(resolve)
    })
    const child = spawn(process.execPath, [main, 'import', dir, big], { stdio: 'ignore' })
    const exit = await new Promise<NodeJS.Signals | null>((resolve) => {
      setTimeout(() => child.kill('SIGKILL'), 2500)
      child.on('exit', (_code, signal) => resolve(signal))
    })
    expect(exit).toBe('SIGKILL')
    expect(json(linesight('case', 'info', dir, '--json'))['counts']).toEqual(before)
  })

  it('lines: prints each flagged number with its customer base and daily customers, the same as customer-base and daily-customers give', async () => {
    const base = await mkdtemp(join(tmpdir(), 'linesight-cli-lines-'))
    const gen = join(base, 'gen')
    const dir = join(base, 'case')
    expect(linesight('demo', 'generate', '--out', gen, '--seed', '3', '--scale', '0.2').code).toBe(0)
    expect(linesight('case', 'create', dir).code).toBe(0)
    // The scenario carries deliberately bad rows, so the import reports rejects (exit 2) and keeps the rest.
    expect([0, 2]).toContain(linesight('import', dir, gen).code)
    const all = json(linesight('lines', dir, '--json'))
    const flagged = (
      all['detection'] as { result: { candidates: { number: string; verdict: string }[] } }
    ).result.candidates.filter((c) => c.verdict === 'deal-line')
    const figures = (
      all['figures'] as {
        result: { lines: { line: string; customerBase: { members: unknown[] }; dailyCustomers: unknown }[] }
      }
    ).result.lines
    expect(flagged.length).toBeGreaterThan(0)
    expect(figures.map((f) => f.line)).toEqual(flagged.map((c) => c.number))
    const first = figures[0]!
    const single = (id: string): unknown =>
      json(linesight('run', dir, id, '--param', `line=${first.line}`, '--json'))['result']
    expect(first.customerBase).toEqual(single('customer-base'))
    expect(first.dailyCustomers).toEqual(single('daily-customers'))
    const text = linesight('lines', dir).stdout
    expect(text).toContain(`${first.line}: customer base ${first.customerBase.members.length}; `)
    // Days in the case's zone, data sessions "at or before", and the first leads and entries by name.
    expect(text).toContain('Days and times are local to Europe/London.')
    expect(text).toMatch(
      /live: current number \+44\d+; last activity (at or before )?\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} (GMT|BST)/,
    )
    const leads = all['cuckooing'] as { result: { leads: { line: string; victim: { number: string } }[] } }
    const lead = leads.result.leads[0]!
    expect(text).toContain(`  1. line ${lead.line}: the cells serving the home of ${lead.victim.number}`)
  })
})
