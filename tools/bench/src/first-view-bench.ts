import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { measureFirstView } from './first-view.js'

/**
 * `node tools/bench/dist/first-view-bench.js --case DIR [--runs N]`: how long the web app's first view of a case
 * takes once the server has the case open (issue 6 asks for under 1 s on a 5-million-row case). Each run starts
 * the server and a fresh browser; the slowest API requests of the last run are listed.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { case: { type: 'string' }, runs: { type: 'string', default: '3' } },
  })
  if (values.case === undefined) throw new Error('usage: first-view-bench --case <case folder> [--runs N]')
  const runs = Number(values.runs)
  if (!Number.isInteger(runs) || runs < 1)
    throw new Error(`--runs must be a whole number, not "${values.runs}"`)
  const dir = resolve(values.case)
  const results = []
  for (let i = 0; i < runs; i++) {
    const r = await measureFirstView(dir)
    results.push(r)
    console.log(
      `run ${i + 1}: case open ${Math.round(r.openMs)} ms, first view ${Math.round(r.firstViewMs)} ms (${r.requests.length} API requests)`,
    )
  }
  const views = results.map((r) => r.firstViewMs).sort((a, b) => a - b)
  const median = views[Math.floor(views.length / 2)]!
  console.log(
    `first view: median ${Math.round(median)} ms, best ${Math.round(views[0]!)} ms over ${runs} runs`,
  )
  const last = results.at(-1)!
  for (const q of [...last.requests].sort((a, b) => b.ms - a.ms))
    console.log(`  ${String(q.ms).padStart(6)} ms  ${q.path}`)
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e))
  process.exitCode = 1
})
