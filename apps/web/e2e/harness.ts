import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { createCase, importFiles, listInputs } from '@linesight/casework'
import { generateScenario } from '@linesight/generator'
import { startServer, type RunningServer } from '@linesight/server'

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))
export const webDir = fileURLToPath(new URL('../', import.meta.url))
export const screenshotsDir = join(repoRoot, 'docs', 'screenshots')

/** Debian's chromium unless LINESIGHT_CHROMIUM names another binary. */
export const CHROMIUM = process.env['LINESIGHT_CHROMIUM'] ?? '/usr/bin/chromium'
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/**
 * Builds the web app into apps/web/dist with Vite (the server serves it from there), or into `outDir` so test
 * files running side by side do not write the same folder.
 */
export async function buildWeb(outDir?: string): Promise<number> {
  const started = performance.now()
  await promisify(execFile)(
    process.execPath,
    [
      join(repoRoot, 'node_modules/vite/bin/vite.js'),
      'build',
      '--logLevel',
      'error',
      ...(outDir === undefined ? [] : ['--outDir', outDir, '--emptyOutDir']),
    ],
    // vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
    { cwd: webDir, env: { ...process.env, NODE_ENV: 'production' } },
  )
  return performance.now() - started
}

/** A demo-like case: a small generated scenario imported into a fresh case folder under `parent`. */
export async function buildCase(
  parent: string,
  id: string,
  scale: number,
): Promise<{ ms: number; rows: number }> {
  const started = performance.now()
  const scenario = await mkdtemp(join(tmpdir(), 'linesight-e2e-scenario-'))
  const summary = await generateScenario({ seed: 7, scale, outDir: scenario })
  const session = await createCase(join(parent, id), {
    id,
    name: 'E2E: synthetic county lines (not real data)',
    now: new Date('2026-01-01T00:00:00Z'),
  })
  try {
    const files = await listInputs(['cdr', 'cells', 'subscribers'].map((d) => join(scenario, d)))
    const results = await importFiles(session, files, { now: () => new Date('2026-01-01T00:00:00Z') })
    const failed = results.filter((r) => r.status === 'failed')
    if (failed.length > 0) throw new Error(`the e2e scenario did not import: ${JSON.stringify(failed)}`)
  } finally {
    await session.close()
  }
  return { ms: performance.now() - started, rows: summary.cdrRows }
}

export interface Harness {
  readonly server: RunningServer
  readonly context: BrowserContext
  readonly page: Page
  /** Console errors, page errors and requests that left the server (must stay empty). */
  readonly problems: string[]
}

export async function startHarness(casesDir: string, webRoot = join(webDir, 'dist')): Promise<Harness> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `no browser at ${CHROMIUM}: install Debian's chromium (apt-get install chromium) or set LINESIGHT_CHROMIUM`,
    )
  const server = await startServer({
    casesDirs: [casesDir],
    port: 0,
    webRoot,
    log: () => undefined,
  })
  const profile = await mkdtemp(join(tmpdir(), 'linesight-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: CHROMIUM_FLAGS,
    headless: true,
    viewport: { width: 1400, height: 900 },
    acceptDownloads: true,
  })
  const page = context.pages()[0] ?? (await context.newPage())
  const problems: string[] = []
  const origin = new URL(server.url).origin
  page.on('console', (m) => {
    if (m.type() === 'error' && !/GPU stall due to ReadPixels/.test(m.text()))
      problems.push(`console: ${m.text()}`)
  })
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`))
  context.on('request', (r) => {
    const url = r.url()
    if (!url.startsWith(origin) && !url.startsWith('blob:') && !url.startsWith('data:'))
      problems.push(`external request: ${url}`)
  })
  return { server, context, page, problems }
}

/** How many distinct colours a PNG has (counted in the page, on a 4-bit-per-channel grid to ignore noise). */
export async function distinctColours(page: Page, png: Buffer): Promise<number> {
  return page.evaluate(async (b64) => {
    const img = new Image()
    img.src = `data:image/png;base64,${b64}`
    await img.decode()
    const canvas = document.createElement('canvas')
    canvas.width = img.width
    canvas.height = img.height
    const ctx = canvas.getContext('2d')!
    ctx.drawImage(img, 0, 0)
    const data = ctx.getImageData(0, 0, img.width, img.height).data
    const seen = new Set<number>()
    for (let i = 0; i < data.length; i += 4)
      seen.add(((data[i]! >> 4) << 8) | ((data[i + 1]! >> 4) << 4) | (data[i + 2]! >> 4))
    return seen.size
  }, png.toString('base64'))
}

/** The share of pixels that differ between two screenshots of the same size (0–1). */
export async function pixelChange(page: Page, a: Buffer, b: Buffer): Promise<number> {
  return page.evaluate(
    async ([x, y]) => {
      const read = async (b64: string): Promise<Uint8ClampedArray> => {
        const img = new Image()
        img.src = `data:image/png;base64,${b64}`
        await img.decode()
        const canvas = document.createElement('canvas')
        canvas.width = img.width
        canvas.height = img.height
        const ctx = canvas.getContext('2d')!
        ctx.drawImage(img, 0, 0)
        return ctx.getImageData(0, 0, img.width, img.height).data
      }
      const [p, q] = [await read(x), await read(y)]
      if (p.length !== q.length) return 1
      let changed = 0
      for (let i = 0; i < p.length; i += 4)
        if (Math.abs(p[i]! - q[i]!) + Math.abs(p[i + 1]! - q[i + 1]!) + Math.abs(p[i + 2]! - q[i + 2]!) > 24)
          changed++
      return changed / (p.length / 4)
    },
    [a.toString('base64'), b.toString('base64')] as const,
  )
}

/**
 * Takes a screenshot for the pixel checks; with LINESIGHT_UPDATE_SCREENSHOTS=1 it also refreshes docs/screenshots, so
 * an ordinary test run never rewrites files in the repository.
 */
export async function saveScreenshot(page: Page, name: string, fullPage = false): Promise<Buffer> {
  if (process.env['LINESIGHT_UPDATE_SCREENSHOTS'] !== '1') return page.screenshot({ fullPage })
  await mkdir(screenshotsDir, { recursive: true })
  return page.screenshot({ path: join(screenshotsDir, `${name}.png`), fullPage })
}

export const writeText = (path: string, text: string): Promise<void> => writeFile(path, text)
