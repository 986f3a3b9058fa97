import type { DuckDBConnection } from '@duckdb/node-api'

/** LINESIGHT_SQL_TRACE=1 prints each import statement's time to stderr, for finding a slow step. */
export const traced = (c: DuckDBConnection): DuckDBConnection => {
  if (process.env['LINESIGHT_SQL_TRACE'] !== '1') return c
  return new Proxy(c, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown
      if ((prop !== 'run' && prop !== 'runAndReadAll') || typeof value !== 'function')
        return typeof value === 'function' ? value.bind(target) : value
      return async (sql: string, ...rest: unknown[]) => {
        const t = Date.now()
        const r = await (value as (...a: unknown[]) => Promise<unknown>).call(target, sql, ...rest)
        process.stderr.write(`[sql ${Date.now() - t} ms] ${sql.replace(/\s+/g, ' ').slice(0, 160)}\n`)
        return r
      }
    },
  })
}
