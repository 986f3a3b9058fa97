import { describe, expect, it } from 'vitest'
import { spawn, spawnSync } from 'node:child_process'
import { createWriteStream, existsSync } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
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
  })
})
