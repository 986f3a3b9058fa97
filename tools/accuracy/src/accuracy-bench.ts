import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createCase, importFiles, listInputs } from '@linesight/casework'
import { findRepoRoot, generateScenario, type GroundTruth } from '@linesight/generator'
import { EVALUATIONS } from './evaluations.js'
import type { AccuracyRow } from './metrics.js'

/** Seeds of the benchmark: never the demo seed (7), so the demo is not what the methods were tuned on. */
const SEEDS = (process.env['LINESIGHT_ACCURACY_SEEDS'] ?? '11,23,37').split(',').map(Number)
const SCALE = Number(process.env['LINESIGHT_ACCURACY_SCALE'] ?? '1')

async function main(): Promise<void> {
  const rows: AccuracyRow[] = []
  for (const seed of SEEDS) {
    const dir = await mkdtemp(join(tmpdir(), `linesight-accuracy-${seed}-`))
    try {
      const started = Date.now()
      await generateScenario({ seed, scale: SCALE, outDir: join(dir, 'scenario') })
      const truth = JSON.parse(await readFile(join(dir, 'scenario', 'truth.json'), 'utf8')) as GroundTruth
      const session = await createCase(join(dir, 'case'), { id: `accuracy-${seed}`, now: new Date() })
      try {
        const files = await listInputs(['cdr', 'cells', 'subscribers'].map((d) => join(dir, 'scenario', d)))
        await importFiles(session, files, { now: () => new Date() })
        for (const evaluate of EVALUATIONS) rows.push(...(await evaluate(session, truth, seed)))
      } finally {
        await session.close()
      }
      process.stderr.write(`seed ${seed}: ${((Date.now() - started) / 1000).toFixed(1)} s\n`)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  }
  printTable(rows)
  const out = join(findRepoRoot(), '.bench')
  await mkdir(out, { recursive: true })
  await writeFile(
    join(out, 'accuracy.json'),
    JSON.stringify({ seeds: SEEDS, scale: SCALE, rows }, null, 2) + '\n',
  )
  if (rows.some((r) => !r.met)) process.exitCode = 1
}

function printTable(rows: readonly AccuracyRow[]): void {
  const keys = [...new Set(rows.map((r) => `${r.analysis}\u0000${r.measure}`))]
  const header = ['analysis', 'measure', ...SEEDS.map((s) => `seed ${s}`), 'overall', 'goal', 'met']
  const lines = keys.map((k) => {
    const [analysis, measure] = k.split('\u0000') as [string, string]
    const of = rows.filter((r) => r.analysis === analysis && r.measure === measure)
    const fmt = (v: number): string => (Number.isInteger(v) ? String(v) : v.toFixed(3))
    const overall = of.reduce((s, r) => s + r.value, 0) / Math.max(of.length, 1)
    return [
      analysis,
      measure,
      ...SEEDS.map((s) => {
        const r = of.find((x) => x.seed === s)
        return r ? fmt(r.value) : '—'
      }),
      fmt(overall),
      of[0]?.goal ?? '',
      of.every((r) => r.met) ? 'yes' : 'NO',
    ]
  })
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)))
  const render = (cells: readonly string[]): string =>
    `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`
  process.stdout.write(
    [render(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.map(render)].join('\n') +
      `\n\nscale ${SCALE}, seeds ${SEEDS.join(', ')}\n`,
  )
}

await main()
