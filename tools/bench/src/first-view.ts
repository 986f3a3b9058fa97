import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { optionsFromEnv, startServer } from '@linesight/server'

export interface FirstView {
  /** Server start to the case open and answering (what `linesight serve` does before the analyst looks). */
  readonly openMs: number
  /** Navigation start to the overview fully rendered (counts and the numbers list), measured in the page. */
  readonly firstViewMs: number
  /** Every API request the first view made, with its time from request to the end of the response. */
  readonly requests: readonly { readonly path: string; readonly ms: number }[]
}

/** Debian's chromium unless LINESIGHT_CHROMIUM names another binary (as the browser tests use). */
const CHROMIUM = process.env['LINESIGHT_CHROMIUM'] ?? '/usr/bin/chromium'
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

// Run in the page, checked on every frame: the time (from navigation start) when the overview could first be
// painted with its counts and its numbers list. A string, because this package is compiled without DOM types.
const RENDERED = `new Promise((done) => {
  const check = () => {
    if (document.querySelector('[data-testid=case-facts]') && document.querySelector('.target-list li'))
      done(performance.now())
    else requestAnimationFrame(check)
  }
  check()
})`

/**
 * Serves one case folder as `linesight serve` does, opens the case, then loads the web app in a fresh headless
 * chromium (empty cache) at the case's overview and times it until the counts and the numbers list are on screen.
 * Needs the web app built (apps/web/dist, or LINESIGHT_WEB_ROOT).
 */
export async function measureFirstView(caseDir: string): Promise<FirstView> {
  if (!existsSync(CHROMIUM))
    throw new Error(`no browser at ${CHROMIUM}: install Debian's chromium or set LINESIGHT_CHROMIUM`)
  const manifest = JSON.parse(await readFile(join(caseDir, 'case.json'), 'utf8')) as { id: string }
  const options = optionsFromEnv(process.env, { casesDirs: [caseDir], port: 0, log: () => undefined })
  if (options.webRoot === null)
    throw new Error('the web app is not built: run "npm run build -w @linesight/web" first')
  const started = performance.now()
  const server = await startServer(options)
  const profile = await mkdtemp(join(tmpdir(), 'linesight-first-view-'))
  try {
    await (await server.cases.session(manifest.id)).store.counts()
    const openMs = performance.now() - started
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      args: FLAGS,
      headless: true,
      viewport: { width: 1400, height: 900 },
    })
    try {
      const page = context.pages()[0] ?? (await context.newPage())
      const requests: { path: string; ms: number }[] = []
      page.on('requestfinished', (r) => {
        const url = new URL(r.url())
        // responseEnd counts from the request's own start, so each figure is that request's time.
        if (url.pathname.startsWith('/api/'))
          requests.push({ path: `${url.pathname}${url.search}`, ms: Math.round(r.timing().responseEnd) })
      })
      await page.goto(`${server.url}#/case/${encodeURIComponent(manifest.id)}/overview`)
      const firstViewMs = Number(await page.evaluate(RENDERED))
      return { openMs, firstViewMs, requests }
    } finally {
      await context.close()
    }
  } finally {
    await server.close()
    await rm(profile, { recursive: true, force: true })
  }
}
