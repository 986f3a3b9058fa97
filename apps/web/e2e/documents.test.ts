import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import ExcelJS from 'exceljs'
import type { Download } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildCase, buildWeb, startHarness, type Harness } from './harness.js'

const CASE = 'e2e-documents'
let h: Harness

beforeAll(async () => {
  const parent = await mkdtemp(join(tmpdir(), 'linesight-e2e-documents-'))
  // Its own build folder: app.test.ts may be building apps/web/dist at the same time.
  const web = await mkdtemp(join(tmpdir(), 'linesight-e2e-web-'))
  await Promise.all([buildWeb(web), buildCase(parent, CASE, 0.25)])
  h = await startHarness(parent, web)
}, 180_000)

afterAll(async () => {
  await h?.context.close()
  await h?.server.close()
})

/** Clicks a button and waits for the file it downloads. */
async function downloadBy(name: RegExp): Promise<{ download: Download; bytes: Buffer }> {
  const [download] = await Promise.all([
    h.page.waitForEvent('download', { timeout: 150_000 }),
    h.page.getByRole('button', { name }).click(),
  ])
  const path = await download.path()
  return { download, bytes: await readFile(path) }
}

describe('documents from the web app', { timeout: 300_000 }, () => {
  it('produces a line profile as PDF and as XLSX for the first line, and shows what was produced', async () => {
    const { page } = h
    await page.goto(`${h.server.url}#/case/${CASE}/overview`)
    await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Documents' }).click()
    await page.getByRole('radio', { name: /Line profile/ }).check()
    const line = page.locator('[data-testid=documents-form] select[name=line]')
    await expect.poll(() => line.inputValue(), { timeout: 90_000 }).toMatch(/^\+44\d+$/)
    const number = await line.inputValue()
    await page.locator('[data-testid=documents-form] input[name=analyst]').fill('Jo Smith')

    const pdf = await downloadBy(/^Produce PDF$/)
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect(pdf.download.suggestedFilename()).toBe(`${CASE}_line-profile_${number.slice(1)}_JS-1.pdf`)
    const text = (
      await promisify(execFile)('pdftotext', ['-layout', '-enc', 'UTF-8', await pdf.download.path(), '-'])
    ).stdout
    expect(text).toContain(number)
    expect(text).toContain('Jo Smith')
    // The page says what was produced, with the file's SHA-256.
    const shown = page.getByTestId('produced-document').first()
    await expect.poll(() => shown.getAttribute('data-file')).toBe(pdf.download.suggestedFilename())
    expect(await shown.innerText()).toContain(createHash('sha256').update(pdf.bytes).digest('hex'))

    const xlsx = await downloadBy(/^Produce XLSX/)
    expect(xlsx.download.suggestedFilename()).toBe(`${CASE}_line-profile_${number.slice(1)}_JS-1.xlsx`)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(xlsx.bytes as unknown as ArrayBuffer)
    const cells = book.worksheets.flatMap((s) =>
      s.getSheetValues().flatMap((row) => (Array.isArray(row) ? row.map(String) : [])),
    )
    expect(cells.some((c) => c.includes(number))).toBe(true)
    await expect.poll(() => page.getByTestId('produced-document').count()).toBe(2)
  })

  it('shows a refused request next to its field', async () => {
    const { page } = h
    await page.getByRole('radio', { name: /Schedule of communications events/ }).check()
    await page.locator('[data-testid=documents-form] input[name=numbers]').fill('07700')
    await page.getByRole('button', { name: /^Produce PDF$/ }).click()
    await expect
      .poll(() => page.getByRole('alert').innerText())
      .toMatch(/"07700" is not an E.164 number.*\(at numbers\[0\]\)/)
    expect(h.problems.filter((p) => !/status of 400/.test(p))).toEqual([])
  })
})
