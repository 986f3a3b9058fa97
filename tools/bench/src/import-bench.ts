/**
 * `npm run bench`: generates a UK CDR CSV, then times DuckDB's own `read_csv` and our full import on the same
 * file, each in a fresh child process so each peak RSS is its own. Prints a table and writes
 * `.bench/import-bench.json` at the repository root.
 *
 *   npm run bench -- [--rows 5000000] [--seed 1] [--runs 1] [--keep] [--trace]
 */
import { fork } from 'node:child_process'
import { createReadStream } from 'node:fs'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { ensureCdrCsv, type CdrFile } from './cdr-csv.js'
import { measureOurs, measureRaw, type ChildResult, type OurResult, type RawResult } from './measure.js'

const GOAL_RATIO = 0.5
const GOAL_RSS_MB = 1500
const SCRIPT = fileURLToPath(import.meta.url)
const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url))

interface TracedStatement {
  readonly ms: number
  readonly sql: string
}

interface ChildOutcome<R> {
  readonly result: R
  readonly trace: readonly TracedStatement[]
}

type ChildMessage =
  { readonly ok: true; readonly result: ChildResult } | { readonly ok: false; readonly error: string }

const mb = (bytes: number): number => bytes / 1024 / 1024
const fmt = (n: number, digits = 0): string =>
  n.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits })

/** Runs one measurement in a fresh process; the importer's SQL trace (stderr) is collected, anything else passed on. */
function runChild<R extends ChildResult>(
  mode: R['mode'],
  file: string,
  work: string,
  trace: boolean,
): Promise<ChildOutcome<R>> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, ...(trace ? { LINESIGHT_SQL_TRACE: '1' } : {}) }
    const child = fork(SCRIPT, ['--child', mode, '--file', file, '--work', work], {
      stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
      env,
    })
    const statements: TracedStatement[] = []
    let message: ChildMessage | undefined
    if (child.stderr !== null)
      createInterface({ input: child.stderr }).on('line', (line) => {
        const m = /^\[sql (\d+) ms\] (.*)$/.exec(line)
        if (m === null) process.stderr.write(`[${mode}] ${line}\n`)
        else statements.push({ ms: Number(m[1]), sql: m[2] ?? '' })
      })
    child.on('message', (m) => (message = m as ChildMessage))
    child.on('error', reject)
    child.on('exit', (code, signal) => {
      if (message?.ok === true) resolve({ result: message.result as R, trace: statements })
      else
        reject(
          new Error(
            `${mode} measurement failed (exit ${code ?? signal}): ${message?.ok === false ? message.error : 'no result'}`,
          ),
        )
    })
  })
}

async function child(mode: string, file: string, work: string): Promise<void> {
  const send = (m: ChildMessage): Promise<void> =>
    new Promise((resolve) => (process.send === undefined ? resolve() : process.send(m, () => resolve())))
  try {
    await mkdir(work, { recursive: true })
    const result = mode === 'raw' ? await measureRaw(file, work) : await measureOurs(file, work)
    await send({ ok: true, result })
  } catch (e) {
    await send({ ok: false, error: e instanceof Error ? (e.stack ?? e.message) : String(e) })
    process.exitCode = 1
  }
}

/** Reads the file once so both measurements start from the same (warm) page cache. */
async function warm(path: string): Promise<void> {
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 22 })) void chunk
}

interface RunPair {
  readonly raw: RawResult
  readonly ours: OurResult
  readonly trace: readonly TracedStatement[]
}

function checks(data: CdrFile, runs: readonly RunPair[]): string[] {
  const problems: string[] = []
  const f = data.facts
  const expectedRejects = f.badDates + f.negativeDurations
  for (const [i, { raw, ours }] of runs.entries()) {
    const run = runs.length > 1 ? ` (run ${i + 1})` : ''
    if (ours.imported + ours.rejected !== ours.read)
      problems.push(
        `accounting${run}: read ${ours.read} ≠ imported ${ours.imported} + rejected ${ours.rejected}`,
      )
    if (ours.read !== f.rows)
      problems.push(`read${run}: ${fmt(ours.read)} rows, but the file has ${fmt(f.rows)}`)
    if (ours.rejected !== expectedRejects)
      problems.push(
        `rejects${run}: ${fmt(ours.rejected)}, but the file has ${fmt(expectedRejects)} dirty rows`,
      )
    if (ours.duplicates < f.duplicateRows - f.dirtyRepeats)
      problems.push(
        `duplicates${run}: ${fmt(ours.duplicates)} flagged, but the file repeats ${fmt(f.duplicateRows - f.dirtyRepeats)} clean records`,
      )
    if (ours.provenance.wrongLine > 0)
      problems.push(
        `provenance${run}: ${fmt(ours.provenance.wrongLine)} of ${fmt(ours.provenance.sampled)} sampled rows name a line that holds another record`,
      )
    if (raw.rows !== f.rows)
      problems.push(`raw read_csv${run}: ${fmt(raw.rows)} rows, but the file has ${fmt(f.rows)}`)
  }
  return problems
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      rows: { type: 'string', default: '5000000' },
      seed: { type: 'string', default: '1' },
      runs: { type: 'string', default: '1' },
      keep: { type: 'boolean', default: false },
      trace: { type: 'boolean', default: false },
      child: { type: 'string' },
      file: { type: 'string' },
      work: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  })
  if (values.child !== undefined) {
    if (values.file === undefined || values.work === undefined)
      throw new Error('--child needs --file and --work')
    return child(values.child, values.file, values.work)
  }
  if (values.help) {
    process.stdout.write('npm run bench -- [--rows 5000000] [--seed 1] [--runs 1] [--keep] [--trace]\n')
    return
  }
  const rows = Number(values.rows)
  const seed = Number(values.seed)
  const runCount = Number(values.runs)
  if (!Number.isSafeInteger(rows) || rows < 1)
    throw new Error(`--rows must be a positive integer, not "${values.rows}"`)
  if (!Number.isSafeInteger(seed) || seed < 0)
    throw new Error(`--seed must be a non-negative integer, not "${values.seed}"`)
  if (!Number.isSafeInteger(runCount) || runCount < 1) throw new Error(`--runs must be a positive integer`)
  const trace = values.trace || process.env['LINESIGHT_SQL_TRACE'] === '1'

  process.stdout.write(`Generating ${fmt(rows)} rows (seed ${seed})…\n`)
  const data = await ensureCdrCsv(tmpdir(), rows, seed)
  process.stdout.write(
    data.reused
      ? `Reusing ${data.path} (${fmt(mb(data.facts.bytes), 1)} MB)\n`
      : `Wrote ${data.path} (${fmt(mb(data.facts.bytes), 1)} MB) in ${fmt(data.generateSeconds, 1)} s\n`,
  )
  const work = await mkdtemp(join(tmpdir(), 'linesight-bench-run-'))
  // Other work on the machine skews both timings; the load average is recorded so a noisy run can be told apart.
  const loadBefore = loadavg()
  const runs: RunPair[] = []
  try {
    await warm(data.path)
    for (let i = 1; i <= runCount; i++) {
      const label = runCount > 1 ? ` (run ${i}/${runCount})` : ''
      process.stdout.write(`DuckDB read_csv${label}…\n`)
      const raw = await runChild<RawResult>('raw', data.path, join(work, `raw-${i}`), false)
      process.stdout.write(`  ${fmt(raw.result.seconds, 2)} s\nLinesight import${label}…\n`)
      const ours = await runChild<OurResult>('ours', data.path, join(work, `ours-${i}`), trace)
      process.stdout.write(`  ${fmt(ours.result.seconds, 2)} s\n`)
      runs.push({ raw: raw.result, ours: ours.result, trace: ours.trace })
      if (!values.keep) {
        await rm(join(work, `raw-${i}`), { recursive: true, force: true })
        await rm(join(work, `ours-${i}`), { recursive: true, force: true })
      }
    }
  } finally {
    if (!values.keep) {
      await rm(work, { recursive: true, force: true })
      await rm(data.folder, { recursive: true, force: true })
    }
  }

  const loadAfter = loadavg()
  // Each ratio compares a pair measured back to back; the run with the median ratio (the lower one of an even
  // count) is reported, so the table, the ratio and the trace all come from one run.
  const ratioOf = (r: RunPair): number => r.raw.seconds / r.ours.seconds
  const byRatio = [...runs].sort((a, b) => ratioOf(a) - ratioOf(b))
  const chosen = byRatio[Math.floor((byRatio.length - 1) / 2)]
  if (chosen === undefined) throw new Error('no runs')
  const { raw, ours } = chosen
  const rawRssMb = Math.max(...runs.map((r) => r.raw.maxRssKb)) / 1024
  const ourRssMb = Math.max(...runs.map((r) => r.ours.maxRssKb)) / 1024
  const ratio = ratioOf(chosen)
  const problems = checks(data, runs)
  const cpu = cpus()[0]?.model ?? 'unknown CPU'
  const machine = {
    cores: availableParallelism(),
    cpu,
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    platform: `${process.platform} ${process.arch}`,
    node: process.version,
    duckdb: raw.duckdbVersion,
    loadAverage1m: { before: loadBefore[0] ?? 0, after: loadAfter[0] ?? 0 },
  }
  const f = data.facts
  const sizeMb = mb(f.bytes)

  const table = [
    ['', 'seconds', 'rows/s', runCount > 1 ? 'peak RSS MB (max)' : 'peak RSS MB', 'database MB'],
    [
      'DuckDB read_csv (raw)',
      fmt(raw.seconds, 2),
      fmt(rows / raw.seconds),
      fmt(rawRssMb),
      fmt(mb(raw.databaseBytes), 1),
    ],
    [
      'Linesight import',
      fmt(ours.seconds, 2),
      fmt(rows / ours.seconds),
      fmt(ourRssMb),
      fmt(mb(ours.databaseBytes), 1),
    ],
  ]
  const widths = table[0]?.map((_, c) => Math.max(...table.map((r) => (r[c] ?? '').length))) ?? []
  const lines = table.map((r) =>
    r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0))).join('   '),
  )
  const verdict = (ok: boolean): string => (ok ? 'met' : 'NOT MET')
  const out = [
    '',
    `Import benchmark: ${fmt(rows)} rows, ${fmt(sizeMb, 1)} MB CSV (seed ${seed}; ${fmt(f.badDates)} bad dates, ${fmt(f.negativeDurations)} negative durations, ${fmt(f.duplicateRows)} repeated records)`,
    ...lines,
    `Ratio raw/ours: ${fmt(ratio, 2)} (goal ≥ ${GOAL_RATIO}: ${verdict(ratio >= GOAL_RATIO)}); our peak RSS ${fmt(ourRssMb)} MB (goal < ${fmt(GOAL_RSS_MB)} MB: ${verdict(ourRssMb < GOAL_RSS_MB)})`,
    `Ours: read ${fmt(ours.read)} = imported ${fmt(ours.imported)} + rejected ${fmt(ours.rejected)}; duplicates ${fmt(ours.duplicates)}; profile ${ours.profile}; zone ${ours.timeZone}`,
    `  file import ${fmt(ours.fileElapsedMs / 1000, 2)} s, then cell positions and derived tables ${fmt(ours.seconds - ours.fileElapsedMs / 1000, 2)} s; close ${fmt(ours.closeSeconds, 2)} s (raw close ${fmt(raw.closeSeconds, 2)} s)`,
    ...ours.rejectReasons.map((r) => `  reject ${fmt(r.count)} × ${r.reason}`),
    ...ours.warnings.map((w) => `  warning ${w.code} (${fmt(w.count)}): ${w.message}`),
    `Raw: DuckDB threads ${raw.threads}, memory_limit ${raw.memoryLimit}; sniffed ${raw.columns.map((c) => `${c.name} ${c.type}`).join(', ')}`,
    `Machine: ${machine.cores} cores (${cpu}), ${machine.memoryGiB} GiB, ${machine.platform}, Node ${machine.node}, DuckDB ${machine.duckdb}; load average ${fmt(machine.loadAverage1m.before, 2)} before, ${fmt(machine.loadAverage1m.after, 2)} after`,
    ...(runCount > 1
      ? [
          `Run ${runs.indexOf(chosen) + 1} of ${runCount} shown (median ratio); raw/ours each run: ${runs.map((r) => `${fmt(r.raw.seconds, 2)}/${fmt(r.ours.seconds, 2)} s (${fmt(ratioOf(r), 2)})`).join(', ')}`,
        ]
      : []),
    problems.length === 0
      ? `Checks: read = rows in the file, rejects = its ${fmt(f.badDates + f.negativeDurations)} dirty rows, every repeated clean record flagged, ${fmt(chosen.ours.provenance.sampled)} sampled rows each at its own line: ok`
      : `CHECK FAILED: ${problems.join('; ')}`,
  ]
  const traced = chosen.trace
  if (traced.length > 0) {
    const sqlMs = traced.reduce((n, s) => n + s.ms, 0)
    out.push(
      `SQL trace of our import (${traced.length} statements, ${fmt(sqlMs / 1000, 2)} s of ${fmt(ours.seconds, 2)} s):`,
      ...traced.filter((s) => s.ms >= 50).map((s) => `  ${fmt(s.ms).padStart(7)} ms  ${s.sql.slice(0, 130)}`),
    )
  }
  process.stdout.write(`${out.join('\n')}\n`)

  const json = {
    at: new Date().toISOString(),
    rows,
    seed,
    file: {
      path: data.path,
      sizeMb: Math.round(sizeMb * 10) / 10,
      reused: data.reused,
      generateSeconds: data.generateSeconds,
      facts: f,
    },
    raw: { ...raw, rowsPerSecond: rows / raw.seconds, peakRssMb: rawRssMb },
    ours: { ...ours, rowsPerSecond: rows / ours.seconds, peakRssMb: ourRssMb },
    ratio,
    goals: {
      ratio: { goal: GOAL_RATIO, value: ratio, met: ratio >= GOAL_RATIO },
      peakRssMb: { goal: GOAL_RSS_MB, value: ourRssMb, met: ourRssMb < GOAL_RSS_MB },
    },
    checks: problems,
    machine,
    reportedRun: runs.indexOf(chosen) + 1,
    runs: runs.map((r) => ({
      rawSeconds: r.raw.seconds,
      oursSeconds: r.ours.seconds,
      ratio: ratioOf(r),
      rawRssKb: r.raw.maxRssKb,
      oursRssKb: r.ours.maxRssKb,
    })),
    sqlTrace: traced,
  }
  await mkdir(join(REPO_ROOT, '.bench'), { recursive: true })
  const jsonPath = join(REPO_ROOT, '.bench', 'import-bench.json')
  await writeFile(jsonPath, `${JSON.stringify(json, null, 2)}\n`)
  process.stdout.write(`Wrote ${jsonPath}${values.keep ? `; kept ${data.folder} and ${work}` : ''}\n`)
  if (problems.length > 0) process.exitCode = 1
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`)
  process.exitCode = 1
})
