import { resolve } from 'node:path'
import type { Command } from 'commander'
import { optionsFromEnv, startServer, type ServerOptions } from '@linesight/server'
import { UsageError } from '../output.js'

/**
 * Starts the web app's server and keeps it running until Ctrl-C (SIGINT) or SIGTERM, then closes every case
 * cleanly. Prints the URL on stdout.
 */
export async function serveUntilStopped(given: Partial<ServerOptions>): Promise<void> {
  const options = optionsFromEnv(process.env, given)
  if (options.webRoot === null)
    process.stderr.write(
      'The web app is not built, so only the API is served: run "npm run build -w @linesight/web".\n',
    )
  const server = await startServer(options)
  process.stdout.write(
    `Linesight is running at ${server.url} (cases: ${server.cases.dirs.join(', ')}). Press Ctrl-C to stop.\n`,
  )
  await new Promise<void>((done) => {
    const stop = (): void => {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      done()
    }
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  })
  process.stderr.write('Stopping …\n')
  await server.close()
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description(
      'serve the web app and its JSON API on this machine (127.0.0.1 unless LINESIGHT_HOST is set)',
    )
    .option(
      '--cases <dir>',
      'folder of case folders, or one case folder (default LINESIGHT_CASES, else ./cases)',
    )
    .option('--port <n>', 'port (default LINESIGHT_PORT, else 4173; 0 picks a free one)')
    .option('--host <host>', 'interface to bind (default 127.0.0.1)')
    .action(async (o: { cases?: string; port?: string; host?: string }) => {
      const port = o.port === undefined ? undefined : Number(o.port)
      if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port <= 65535))
        throw new UsageError(`--port must be a port number from 0 to 65535, not "${o.port}"`)
      await serveUntilStopped({
        ...(o.cases === undefined ? {} : { casesDirs: [resolve(o.cases)] }),
        ...(port === undefined ? {} : { port }),
        ...(o.host === undefined ? {} : { host: o.host }),
      })
    })
}
