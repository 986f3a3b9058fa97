import { DuckDBConnection } from '@duckdb/node-api'
import { createCase, importFiles } from '@linesight/casework'
import { mkdtemp, writeFile, readFile } from 'node:fs/promises'
import { readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
const log = []
const rss = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))[1]) / 1024
let peak = 0
setInterval(() => {
  peak = Math.max(peak, rss())
}, 100).unref()
let t0 = 0
const orig = DuckDBConnection.prototype.run
DuckDBConnection.prototype.run = async function (sql, ...rest) {
  const t = performance.now()
  peak = rss()
  const r = await orig.call(this, sql, ...rest)
  log.push({
    at: Math.round(t - t0),
    ms: Math.round(performance.now() - t),
    peakMb: Math.round(Math.max(peak, rss())),
    sql,
  })
  return r
}
const file = process.argv[2]
const dir = await mkdtemp(join(tmpdir(), 'linesight-bench-cap-'))
const s = await createCase(join(dir, 'case'), { id: 'cap', now: new Date() })
t0 = performance.now()
log.length = 0
const r = await importFiles(s, [file], { now: () => new Date() })
const total = Math.round(performance.now() - t0)
console.log('total', total, r[0].status, 'maxRSS', Math.round(process.resourceUsage().maxRSS / 1024))
await s.close()
await writeFile(process.argv[3], JSON.stringify(log, null, 1))
let prevEnd = 0
for (const x of log) {
  const gap = x.at - prevEnd
  if (gap > 100) console.log(`   (JS/other ${gap} ms)`)
  if (x.ms > 30 || gap > 100)
    console.log(`@${x.at} ${x.ms} ms peak ${x.peakMb} MB: ${x.sql.replace(/\s+/g, ' ').slice(0, 110)}`)
  prevEnd = x.at + x.ms
}
console.log(`   (after last statement ${total - prevEnd} ms)`)
