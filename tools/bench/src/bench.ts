/**
 * `npm run bench`: the import benchmark, every analysis and the drug-lines pipeline on a scale-20 scenario, and
 * common numbers across ten cell dumps of a million rows. Each part runs in its own child process; generated
 * files and imported cases are cached under `.bench/` (`--fresh` rebuilds them). Prints tables and writes
 * `.bench/analysis-bench.json` (the import part keeps writing `.bench/import-bench.json`).
 *
 *   npm run bench -- [--only import,analyses,lines,dumps,web] [--seed 1] [--scale 20] [--fresh] [--repeat 3]
 *                    [--numbers 50] [--pipeline-runs 1] [--analyses id,id] [--dumps 10] [--dump-rows 1000000]
 *                    [--rows 5000000] [--runs 1] [--keep] [--trace]        (import part, as before)
 */
import { fork } from 'node:child_process'
import { mkdir, writeFile } from 'node:fs/promises'
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { answerPart, runPart } from './child-part.js'
import type { CellDumpBench } from './cell-dumps.js'
import type { FirstViewBench } from './first-view-part.js'
import {
  analysesPart,
  dumpsPart,
  linesPart,
  webPart,
  type AnalysesPart,
  type LinesPart,
  type PartOptions,
} from './parts.js'
import { BENCH_DIR } from './paths.js'
import { analysesReport, dumpsReport, firstViewReport, linesReport, LINES_GOAL_MS } from './report.js'

const SCRIPT = fileURLToPath(import.meta.url)
const IMPORT_SCRIPT = fileURLToPath(new URL('./import-bench.js', import.meta.url))
const USAGE = `npm run bench -- [--only import,analyses,lines,dumps,web] [--seed 1] [--scale 20] [--fresh] [--repeat 3]
                 [--numbers 50] [--pipeline-runs 1] [--analyses id,id] [--dumps 10] [--dump-rows 1000000]
                 [--rows 5000000] [--runs 1] [--keep] [--trace]
`
const PARTS = ['import', 'analyses', 'lines', 'dumps', 'web'] as const
type Part = (typeof PARTS)[number]

const wholeNumber = (name: string, text: string, min: number): number => {
  const n = Number(text)
  if (!Number.isSafeInteger(n) || n < min)
    throw new Error(`--${name} must be a whole number ≥ ${min}, not "${text}"`)
  return n
}

/** The import benchmark, unchanged, in its own process with the flags it always took. */
function importPart(args: readonly string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = fork(IMPORT_SCRIPT, [...args], { stdio: 'inherit' })
    child.on('error', reject)
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`the import benchmark exited with ${code}`)),
    )
  })
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      only: { type: 'string', default: PARTS.join(',') },
      seed: { type: 'string', default: '1' },
      scale: { type: 'string', default: '20' },
      fresh: { type: 'boolean', default: false },
      repeat: { type: 'string', default: '3' },
      numbers: { type: 'string', default: '50' },
      'pipeline-runs': { type: 'string', default: '1' },
      analyses: { type: 'string', default: '' },
      dumps: { type: 'string', default: '10' },
      'dump-rows': { type: 'string', default: '1000000' },
      rows: { type: 'string' },
      runs: { type: 'string' },
      keep: { type: 'boolean', default: false },
      trace: { type: 'boolean', default: false },
      part: { type: 'string' },
      options: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  })
  if (values.part !== undefined) {
    const o = JSON.parse(values.options ?? '{}') as PartOptions
    const work = { analyses: analysesPart, lines: linesPart, dumps: dumpsPart, web: webPart }[values.part]
    if (work === undefined) throw new Error(`unknown part "${values.part}"`)
    return answerPart(() => work(o))
  }
  if (values.help) {
    process.stdout.write(USAGE)
    return
  }
  const only = values.only
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
  for (const p of only)
    if (!(PARTS as readonly string[]).includes(p))
      throw new Error(`--only: unknown part "${p}" (parts: ${PARTS.join(', ')})`)
  const wants = (p: Part): boolean => only.includes(p)
  const seed = wholeNumber('seed', values.seed, 0)
  const scale = Number(values.scale)
  if (!(scale > 0 && scale <= 100))
    throw new Error(`--scale must be above 0 and at most 100, not "${values.scale}"`)
  const options: PartOptions = {
    seed,
    scale,
    fresh: values.fresh,
    repeat: wholeNumber('repeat', values.repeat, 1),
    numbers: wholeNumber('numbers', values.numbers, 2),
    pipelineRuns: wholeNumber('pipeline-runs', values['pipeline-runs'], 1),
    analyses: values.analyses
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== ''),
    dumps: wholeNumber('dumps', values.dumps, 2),
    dumpRows: wholeNumber('dump-rows', values['dump-rows'], 1),
    // The first view is judged on a case the size the import benchmark uses (--rows, 5 million by default).
    firstViewRows: wholeNumber('rows', values.rows ?? '5000000', 1),
  }
  const trace = values.trace || process.env['LINESIGHT_SQL_TRACE'] === '1'
  if (trace) process.env['LINESIGHT_SQL_TRACE'] = '1'
  const loadBefore = loadavg()[0] ?? 0

  if (wants('import')) {
    const args = [
      '--seed',
      String(seed),
      ...(values.rows === undefined ? [] : ['--rows', values.rows]),
      ...(values.runs === undefined ? [] : ['--runs', values.runs]),
      ...(values.keep ? ['--keep'] : []),
      ...(values.trace ? ['--trace'] : []),
    ]
    await importPart(args)
  }
  let analyses: AnalysesPart | null = null
  let lines: LinesPart | null = null
  let dumps: CellDumpBench | null = null
  let web: FirstViewBench | null = null
  if (wants('analyses')) {
    analyses = await runPart<AnalysesPart>(SCRIPT, 'analyses', options)
    process.stdout.write(`${analysesReport(analyses)}\n`)
  }
  if (wants('lines')) {
    // The scenario case is rebuilt at most once per run, by whichever part comes first.
    lines = await runPart<LinesPart>(SCRIPT, 'lines', {
      ...options,
      fresh: options.fresh && analyses === null,
    })
    process.stdout.write(`${linesReport(lines)}\n`)
  }
  if (wants('dumps')) {
    dumps = await runPart<CellDumpBench>(SCRIPT, 'dumps', options)
    process.stdout.write(`${dumpsReport(dumps)}\n`)
  }
  if (wants('web')) {
    web = await runPart<FirstViewBench>(SCRIPT, 'web', options)
    process.stdout.write(`${firstViewReport(web)}\n`)
  }
  if (analyses === null && lines === null && dumps === null && web === null) return

  const machine = {
    cores: availableParallelism(),
    cpu: cpus()[0]?.model ?? 'unknown CPU',
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    platform: `${process.platform} ${process.arch}`,
    node: process.version,
    loadAverage1m: { before: loadBefore, after: loadavg()[0] ?? 0 },
  }
  process.stdout.write(
    `\nMachine: ${machine.cores} cores (${machine.cpu}), ${machine.memoryGiB} GiB, Node ${machine.node}; load average ${machine.loadAverage1m.before.toFixed(2)} before, ${machine.loadAverage1m.after.toFixed(2)} after\n`,
  )
  const firstLines = lines?.runs[0]
  const json = {
    at: new Date().toISOString(),
    options,
    machine,
    analyses,
    lines:
      lines === null || firstLines === undefined
        ? null
        : {
            ...lines,
            goal: {
              ms: LINES_GOAL_MS,
              value: firstLines.totalMs,
              met: !firstLines.failed && firstLines.totalMs < LINES_GOAL_MS,
            },
            ratioToScan: firstLines.totalMs / lines.scan.medianMs,
          },
    dumps,
    web,
  }
  await mkdir(BENCH_DIR, { recursive: true })
  const path = join(BENCH_DIR, 'analysis-bench.json')
  await writeFile(path, `${JSON.stringify(json, null, 2)}\n`)
  process.stdout.write(`Wrote ${path}\n`)
  if ((dumps?.problems.length ?? 0) > 0 || (dumps?.error ?? null) !== null) process.exitCode = 1
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`)
  process.exitCode = 1
})
