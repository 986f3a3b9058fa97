import { DuckDBConnection } from '@duckdb/node-api'
import { createCase, importFiles } from '@linesight/casework'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
const log = []
for (const m of ['run']) {
  const orig = DuckDBConnection.prototype[m]
  DuckDBConnection.prototype[m] = async function (sql, ...rest) {
    const t = performance.now()
    const r = await orig.call(this, sql, ...rest)
    log.push({ ms: Math.round(performance.now() - t), sql })
    return r
  }
}
const file = process.argv[2]
const dir = await mkdtemp(join(tmpdir(), 'linesight-bench-cap-'))
const s = await createCase(join(dir, 'case'), { id: 'cap', now: new Date() })
const t0 = performance.now()
const r = await importFiles(s, [file], { now: () => new Date() })
console.log('total', Math.round(performance.now() - t0), JSON.stringify(r[0]).slice(0, 300))
await s.close()
await writeFile(process.argv[3], JSON.stringify(log, null, 1))
const sum = log.reduce((n, x) => n + x.ms, 0)
console.log('sql sum', sum, 'statements', log.length)
for (const x of log) if (x.ms > 30) console.log(x.ms, x.sql.replace(/\s+/g, ' ').slice(0, 150))
