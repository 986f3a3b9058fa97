import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Locator } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildCase, buildWeb, startHarness, type Harness } from './harness.js'

const CASE = 'e2e-evidence'
let h: Harness
let line: string
let customers: string[]

/** Runs an analysis through the server's API, as the web app does. */
async function run(analysis: string, params: Record<string, unknown>): Promise<Record<string, unknown>> {
  const res = await fetch(new URL(`/api/cases/${CASE}/analyses/${analysis}`, h.server.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(params),
  })
  if (!res.ok) throw new Error(`${analysis}: ${res.status} ${await res.text()}`)
  return ((await res.json()) as { result: Record<string, unknown> }).result
}

beforeAll(async () => {
  const parent = await mkdtemp(join(tmpdir(), 'linesight-e2e-evidence-'))
  // Its own build folder: the other browser tests may be building apps/web/dist at the same time.
  const web = await mkdtemp(join(tmpdir(), 'linesight-e2e-web-'))
  await Promise.all([buildWeb(web), buildCase(parent, CASE, 0.25)])
  h = await startHarness(parent, web)
  // The generated case's top line and two of its customers: numbers with records between them.
  const lines = (await run('deal-lines', {}))['candidates'] as { number: string }[]
  line = lines[0]!.number
  const roles = (await run('line-roles', { lines: [line] }))['lines'] as { customers: { number: string }[] }[]
  customers = roles[0]!.customers.slice(0, 2).map((c) => c.number)
}, 180_000)

afterAll(async () => {
  await h?.context.close()
  await h?.server.close()
})

/** Runs an analysis from the Tables view with some parameters typed into its form. */
async function runInTables(title: RegExp, params: Record<string, string>): Promise<void> {
  const { page } = h
  await page.goto(`${h.server.url}#/case/${CASE}/tables`)
  await page.getByRole('radio', { name: title }).check()
  for (const [name, value] of Object.entries(params))
    await page
      .locator('.params-form label.param')
      .filter({ hasText: new RegExp(`^${name}`) })
      .locator('input')
      .fill(value)
  await page.getByRole('button', { name: /^Run / }).click()
}

const resultTable = (path: string): Locator =>
  h.page.locator('section.result-table').filter({ has: h.page.locator('h3', { hasText: path }) })

/** One table row's cells by column label. */
const rowCells = (row: Locator): Promise<Record<string, string>> =>
  row.evaluate((tr) => {
    const heads = [...tr.closest('table')!.querySelectorAll('thead th')].map((th) =>
      (th.textContent ?? '').replace(/[▲▼]/g, '').trim(),
    )
    return Object.fromEntries([...tr.querySelectorAll('td')].map((td, i) => [heads[i], td.textContent ?? '']))
  })

const count = (text: string): number => Number(/^([\d,]+) rows/.exec(text)?.[1]?.replace(/,/g, '') ?? NaN)

interface DrawerAnswer {
  readonly rows: number
  readonly rowsHeld: number
  readonly parts: { path: string; counts: number; holds: number; check: string }[]
  readonly text: string
  readonly firstRow: Record<string, string>
}

/** Clicks an evidence button, waits for the drawer's rows and reads it. */
async function openDrawer(button: Locator): Promise<DrawerAnswer> {
  await button.click()
  const drawer = h.page.locator('dialog.evidence-drawer')
  await drawer.locator('[data-testid=evidence-summary]').waitFor()
  await drawer.locator('.data-table tbody tr').first().waitFor()
  const summary = drawer.locator('[data-testid=evidence-summary]')
  const parts = await drawer
    .locator('[data-testid=evidence-parts] tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim())),
    )
  const answer: DrawerAnswer = {
    rows: Number(await summary.getAttribute('data-rows')),
    rowsHeld: Number(await summary.getAttribute('data-rows-held')),
    parts: parts.map(([path, counts, holds, check]) => ({
      path: path ?? '',
      counts: Number((counts ?? '').replace(/,/g, '')),
      holds: Number((holds ?? '').replace(/,/g, '')),
      check: check ?? '',
    })),
    text: await drawer.innerText(),
    firstRow: await rowCells(drawer.locator('.data-table tbody tr').first()),
  }
  // The table shows every row the server sent ("N of N rows").
  expect(await drawer.locator('.table-tools .muted').innerText()).toBe(
    `${answer.rows.toLocaleString('en-GB')} of ${answer.rows.toLocaleString('en-GB')} rows`,
  )
  await h.page.keyboard.press('Escape')
  await drawer.locator('[data-testid=evidence-summary]').waitFor({ state: 'detached' })
  return answer
}

/** A result's table whose heading is exactly `path` (`home`, not `home.cells`). */
const exactTable = (path: string): Locator =>
  h.page
    .locator('section.result-table')
    .filter({ has: h.page.locator('h3').getByText(path, { exact: true }) })

/** The cell of one row under the column labelled `label`. */
async function cellOf(row: Locator, label: string): Promise<Locator> {
  const heads = await row
    .locator('xpath=ancestor::table[1]')
    .locator('thead th')
    .evaluateAll((ths) => ths.map((th) => (th.textContent ?? '').replace(/[▲▼]/g, '').trim()))
  const i = heads.indexOf(label)
  expect(i, `column ${label} in ${heads.join(', ')}`).toBeGreaterThanOrEqual(0)
  return row.locator('td').nth(i)
}

/** Clicks one evidence object's button and reads the count its filter names and the rows the drawer shows. */
async function openSingle(button: Locator): Promise<{ figure: number; shown: number; held: number }> {
  await button.click()
  const drawer = h.page.locator('dialog.evidence-drawer')
  await drawer.locator('.data-table tbody tr').first().waitFor()
  const text = await drawer.innerText()
  const figure = Number(/the figure counts ([\d,]+) rows/.exec(text)?.[1]?.replace(/,/g, '') ?? NaN)
  const tools = /^([\d,]+) of ([\d,]+) rows$/.exec(await drawer.locator('.table-tools .muted').innerText())
  const shown = Number(tools?.[1]?.replace(/,/g, '') ?? NaN)
  const held = Number(tools?.[2]?.replace(/,/g, '') ?? NaN)
  expect(await drawer.locator('[data-testid=evidence-parts]').count()).toBe(0)
  await h.page.keyboard.press('Escape')
  await drawer.locator('.data-table').waitFor({ state: 'detached' })
  return { figure, shown, held }
}

describe('evidence of every shape opens from the web app', { timeout: 180_000 }, () => {
  it('opens a contact-matrix pair (named parts): its rows are the records of both sides', async () => {
    await runInTables(/Contact matrix/, { numbers: [line, ...customers].join(', ') })
    const pairs = resultTable('pairs')
    const row = pairs.locator('tbody tr').first()
    await row.waitFor()
    const cells = await rowCells(row)
    const button = row.locator('.evidence-link')
    const label = await button.innerText()
    expect(label).toMatch(/^[\d,]+ rows in \d+ parts?$/)
    const answer = await openDrawer(button)
    expect(answer.text).toMatch(/The figure rests on \d+ evidence parts? counting/)
    expect(answer.parts.length).toBeGreaterThan(0)
    expect(
      answer.parts.every((p) => p.path.startsWith('evidence.records') || p.path === 'evidence.seenInBoth'),
    ).toBe(true)
    expect(answer.parts.every((p) => p.counts === p.holds && p.check === '✓ matches')).toBe(true)
    // The button counts what its parts count.
    expect(answer.parts.reduce((n, p) => n + p.counts, 0)).toBe(count(label))
    // Every record of either side, each once: the pair's communications plus the receivers' copies.
    const records = Number(cells['Records of a']) + Number(cells['Records of b'])
    expect(answer.rows).toBe(records)
    expect(answer.rows).toBe(Number(cells['Communications']) + Number(cells['Seen in both']))
    expect(answer.rowsHeld).toBe(answer.rows)
    // Each row keeps its source file and row.
    expect(answer.firstRow['Source file']).toMatch(/\S/)
    expect(Number(answer.firstRow['Source row'])).toBeGreaterThan(0)
  })

  it('opens a line-role signal (a list of filters): as many rows as the figure counts', async () => {
    await runInTables(/Line roles/, { lines: line })
    const signals = resultTable('lines[].runners[].signals')
    await signals.locator('tbody tr').first().waitFor()
    const button = signals.locator('.evidence-link').first()
    const label = await button.innerText()
    expect(label).toMatch(/^[\d,]+ rows in \d+ parts?$/)
    const answer = await openDrawer(button)
    expect(answer.parts.map((p) => p.path)).toEqual(answer.parts.map((_, i) => `evidence[${i}]`))
    expect(answer.parts.every((p) => p.check === '✓ matches')).toBe(true)
    expect(answer.rows).toBe(count(label))
    expect(answer.firstRow['Source file']).toMatch(/\S/)
  })

  it('keeps one evidence object as it was: no parts, its filter named', async () => {
    await runInTables(/Contact matrix/, { numbers: [line, ...customers].join(', ') })
    const button = resultTable('numbers').locator('.evidence-link').first()
    await button.waitFor()
    const label = await button.innerText()
    expect(label).toMatch(/^[\d,]+ rows$/)
    await button.click()
    const drawer = h.page.locator('dialog.evidence-drawer')
    await drawer.locator('.data-table tbody tr').first().waitFor()
    expect(await drawer.innerText()).toMatch(
      new RegExp(`Filter: numbers \\+\\d+ — the figure counts ${label}`),
    )
    expect(await drawer.locator('[data-testid=evidence-parts]').count()).toBe(0)
    await h.page.keyboard.press('Escape')
  })

  it('opens a line-figures customer-base member (a list inside a record of a row): its flares as counted', async () => {
    await runInTables(/Line figures/, { lines: line })
    const members = exactTable('lines[].customerBase.members')
    const row = members.locator('tbody tr').first()
    await row.waitFor()
    const flares = Number((await (await cellOf(row, 'Flare messages')).innerText()).replace(/,/g, ''))
    expect(flares).toBeGreaterThan(0)
    const button = (await cellOf(row, 'Flares evidence')).locator('.evidence-link')
    expect(count(await button.innerText())).toBe(flares)
    const answer = await openSingle(button)
    expect(answer.figure).toBe(flares)
    expect(answer.shown).toBe(flares)
    expect(answer.held).toBe(flares)
    // The daily-customers days inside the same line open too.
    await exactTable('lines[].dailyCustomers.days').locator('.evidence-link').first().waitFor()
  })

  it('opens a top-cells summary (a record at the top of the result): its rows as counted', async () => {
    await runInTables(/Top cells/, { target: line })
    const row = exactTable('with_position').locator('tbody tr')
    await row.waitFor()
    const events = Number((await (await cellOf(row, 'Events')).innerText()).replace(/,/g, ''))
    expect(events).toBeGreaterThan(0)
    const answer = await openSingle((await cellOf(row, 'Evidence')).locator('.evidence-link'))
    expect(answer).toEqual({ figure: events, shown: events, held: events })
    // The overnight summary: its button's count is the rows the drawer shows.
    const home = exactTable('home').locator('tbody tr')
    const button = (await cellOf(home, 'Evidence')).locator('.evidence-link')
    const label = count(await button.innerText())
    expect(label).toBeGreaterThan(0)
    expect(await openSingle(button)).toEqual({ figure: label, shown: label, held: label })
  })

  it('loaded nothing from outside the server and logged no errors', () => {
    expect(h.problems).toEqual([])
  })
})
