import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname, join, normalize, resolve, sep } from 'node:path'
import { sendJson, SECURITY_HEADERS } from './http/respond.js'

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.map': 'application/json; charset=utf-8',
  '.pmtiles': 'application/octet-stream',
  '.txt': 'text/plain; charset=utf-8',
}

/** Serves one file, honouring a single `Range` (PMTiles reads the basemap in ranges). */
export async function sendFile(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  immutable: boolean,
): Promise<void> {
  const info = await stat(path)
  const type = TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream'
  const headers: Record<string, string | number> = {
    ...SECURITY_HEADERS,
    'Content-Type': type,
    'Accept-Ranges': 'bytes',
    'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  }
  const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '')
  if (range !== null && (range[1] !== '' || range[2] !== '')) {
    const start = range[1] === '' ? Math.max(0, info.size - Number(range[2])) : Number(range[1])
    const end = range[1] === '' || range[2] === '' ? info.size - 1 : Math.min(Number(range[2]), info.size - 1)
    if (start > end || start >= info.size) {
      res.writeHead(416, { ...SECURITY_HEADERS, 'Content-Range': `bytes */${info.size}` })
      res.end()
      return
    }
    res.writeHead(206, {
      ...headers,
      'Content-Range': `bytes ${start}-${end}/${info.size}`,
      'Content-Length': end - start + 1,
    })
    if (req.method === 'HEAD') return void res.end()
    createReadStream(path, { start, end }).pipe(res)
    return
  }
  res.writeHead(200, { ...headers, 'Content-Length': info.size })
  if (req.method === 'HEAD') return void res.end()
  createReadStream(path).pipe(res)
}

/**
 * The built web app: files under `root`, `index.html` for any other path (client-side routes). Paths that would
 * leave the folder are refused.
 */
export async function serveStatic(
  req: IncomingMessage,
  res: ServerResponse,
  root: string | null,
  pathname: string,
): Promise<void> {
  if (root === null) {
    sendJson(res, 404, {
      error: { message: 'the web app is not built here: run "npm run build -w @linesight/web"' },
    })
    return
  }
  const base = resolve(root)
  const wanted = resolve(join(base, normalize(decodeURIComponent(pathname))))
  if (wanted !== base && !wanted.startsWith(base + sep)) {
    sendJson(res, 400, { error: { message: 'bad path' } })
    return
  }
  const info = await stat(wanted).catch(() => null)
  if (info?.isFile()) return sendFile(req, res, wanted, pathname.startsWith('/assets/'))
  if (extname(pathname) !== '' && pathname !== '/') {
    sendJson(res, 404, { error: { message: `no file ${pathname}` } })
    return
  }
  const index = join(base, 'index.html')
  if (!(await stat(index).catch(() => null))) {
    sendJson(res, 404, {
      error: { message: 'the web app is not built here: run "npm run build -w @linesight/web"' },
    })
    return
  }
  return sendFile(req, res, index, false)
}
