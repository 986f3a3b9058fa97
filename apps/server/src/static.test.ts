import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startServer, type RunningServer } from './index.js'

let server: RunningServer

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'linesight-static-'))
  const web = join(dir, 'web')
  await mkdir(join(web, 'assets'), { recursive: true })
  await writeFile(join(web, 'index.html'), '<!doctype html><title>Linesight</title>')
  await writeFile(join(web, 'assets', 'app-1.js'), 'console.log(1)')
  await writeFile(join(dir, 'secret.txt'), 'not for the browser')
  await writeFile(join(dir, 'basemap.pmtiles'), Buffer.from('0123456789'))
  server = await startServer({
    casesDirs: [join(dir, 'cases')],
    port: 0,
    webRoot: web,
    pmtiles: join(dir, 'basemap.pmtiles'),
    log: () => undefined,
  })
})

afterAll(async () => {
  await server?.close()
})

const get = (path: string, headers: Record<string, string> = {}): Promise<Response> =>
  fetch(new URL(path, server.url), { headers })

it('serves the web app with its CSP, long-cached assets, and index.html for app routes', async () => {
  const index = await get('/')
  expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8')
  expect(index.headers.get('content-security-policy')).toMatch(/^default-src 'self';/)
  expect(await index.text()).toContain('<title>Linesight</title>')
  const asset = await get('/assets/app-1.js')
  expect(asset.headers.get('cache-control')).toContain('immutable')
  expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
  expect(await (await get('/case/demo')).text()).toContain('<title>')
  expect((await get('/missing.js')).status).toBe(404)
})

it('never serves a file outside the web app', async () => {
  for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt']) {
    const res = await get(path)
    expect(await res.text()).not.toContain('not for the browser')
  }
})

it('offers a configured PMTiles basemap with range requests', async () => {
  const config = (await (await get('/api/config')).json()) as { basemap: unknown }
  expect(config.basemap).toEqual({ kind: 'pmtiles', url: '/basemap.pmtiles' })
  const part = await get('/basemap.pmtiles', { Range: 'bytes=2-4' })
  expect(part.status).toBe(206)
  expect(part.headers.get('content-range')).toBe('bytes 2-4/10')
  expect(await part.text()).toBe('234')
  expect((await get('/basemap.pmtiles', { Range: 'bytes=20-30' })).status).toBe(416)
})

it('lists no cases from an empty folder and refuses a case id that is not one', async () => {
  expect(await (await get('/api/cases')).json()).toEqual({ cases: [] })
  const bad = await fetch(new URL('/api/cases', server.url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ id: '../escape' }),
  })
  expect(bad.status).toBe(400)
  expect(await bad.json()).toEqual({ error: { message: '"../escape" is not a valid case id', path: 'id' } })
})

it('creates a case in the first cases folder and opens it', async () => {
  const created = await fetch(new URL('/api/cases', server.url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ id: 'op-new', name: 'Op New', zone: 'Europe/London' }),
  })
  expect(created.status).toBe(200)
  expect(
    ((await (await get('/api/cases')).json()) as { cases: { id: string }[] }).cases.map((c) => c.id),
  ).toEqual(['op-new'])
  expect(((await (await get('/api/cases/op-new')).json()) as { counts: unknown }).counts).toMatchObject({
    cdr: 0,
  })
  const again = await fetch(new URL('/api/cases', server.url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ id: 'op-new', zone: 'Mars/Olympus' }),
  })
  expect(again.status).toBe(400)
})
