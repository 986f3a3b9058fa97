import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { stat } from 'node:fs/promises'
import { SOFTWARE_VERSION } from '@linesight/casework'
import { CaseDirectory } from './cases/case-directory.js'
import { defaultWebRoot, type ServerOptions } from './config.js'
import { HttpError, toErrorResponse } from './http/errors.js'
import { sendJson } from './http/respond.js'
import { Router, STREAMED } from './http/router.js'
import { registerAnalysisRoutes } from './routes/analyses.js'
import { registerCaseRoutes } from './routes/cases.js'
import { registerExportRoutes } from './routes/export.js'
import { registerImportRoutes } from './routes/imports.js'
import { registerReportRoutes } from './routes/reports.js'
import { registerPlaceRoutes } from './routes/places.js'
import { sendFile, serveStatic } from './static-files.js'

export interface RunningServer {
  readonly url: string
  readonly host: string
  readonly port: number
  readonly cases: CaseDirectory
  close(): Promise<void>
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1'])

/**
 * Starts the local HTTP server: the JSON API over casework and the analysis registry, and the built web app.
 * Bound to 127.0.0.1 unless told otherwise. A failing request answers with `{ error: { message, path? } }` and
 * never stops the server.
 *
 * @example
 * const server = await startServer({ casesDirs: ['cases'], port: 0 })
 * console.log(server.url) // http://127.0.0.1:40123/
 * await server.close()
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1'
  const log = options.log ?? ((m: string) => void process.stderr.write(`${m}\n`))
  const cases = new CaseDirectory(options.casesDirs)
  const router = new Router()
  registerCaseRoutes(router, cases)
  registerAnalysisRoutes(router, cases)
  registerExportRoutes(router)
  registerReportRoutes(router, cases)
  registerPlaceRoutes(router, cases)
  const closeUploads = registerImportRoutes(router, cases, options.maxUploadBytes ?? 4096 * 1024 * 1024)
  const pmtiles = options.pmtiles ?? null
  const webRoot = options.webRoot === undefined ? defaultWebRoot() : options.webRoot
  if (pmtiles !== null && !(await stat(pmtiles).catch(() => null))?.isFile())
    throw new Error(`the PMTiles basemap ${pmtiles} does not exist`)
  router.on('GET', '/api/config', async () => ({
    version: SOFTWARE_VERSION,
    basemap: pmtiles === null ? { kind: 'world-atlas' } : { kind: 'pmtiles', url: '/basemap.pmtiles' },
  }))

  let allowedHosts = new Set<string>()
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    // A page on another site must not reach this server through a DNS name pointing at 127.0.0.1.
    if (LOOPBACK.has(host) && !allowedHosts.has(req.headers.host ?? ''))
      throw new HttpError(421, `requests must name this server (${[...allowedHosts][0]}) as their Host`)
    const origin = req.headers.origin
    if (
      origin !== undefined &&
      req.method !== 'GET' &&
      req.method !== 'HEAD' &&
      !allowedHosts.has(origin.replace(/^https?:\/\//, ''))
    )
      throw new HttpError(403, 'requests from other sites are refused')
    if (url.pathname.startsWith('/api/')) {
      const found = router.match(req.method ?? 'GET', url.pathname)
      if (found === null) throw new HttpError(404, `no API endpoint ${url.pathname}`)
      if (found === 'method') throw new HttpError(405, `${req.method} is not allowed on ${url.pathname}`)
      const value = await found.handler({ req, res, params: found.params, query: url.searchParams })
      if (value !== STREAMED) sendJson(res, 200, value)
      return
    }
    if (req.method !== 'GET' && req.method !== 'HEAD')
      throw new HttpError(405, `${req.method} is not allowed here`)
    if (url.pathname === '/basemap.pmtiles' && pmtiles !== null) return sendFile(req, res, pmtiles, false)
    return serveStatic(req, res, webRoot, url.pathname)
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      const { status, body } = toErrorResponse(e)
      if (status >= 500)
        log(
          `linesight server: ${req.method} ${req.url}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`,
        )
      if (res.headersSent) {
        if (!res.writableEnded) res.end()
        return
      }
      // Drain what the client is still sending, so the error reaches it.
      req.resume()
      sendJson(res, status, body)
    })
  })
  server.requestTimeout = 60 * 60_000
  server.on('clientError', (_e, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n')
  })
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, () => resolveListen())
  })
  const port = (server.address() as AddressInfo).port
  const shown = host.includes(':') ? `[${host}]` : host
  allowedHosts = new Set([`${shown}:${port}`, `localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`])
  return {
    url: `http://${shown}:${port}/`,
    host,
    port,
    cases,
    close: async () => {
      await new Promise<void>((r) => {
        server.close(() => r())
        server.closeAllConnections()
      })
      await closeUploads()
      await cases.closeAll()
    },
  }
}
