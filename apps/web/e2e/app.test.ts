import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Locator } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  buildCase,
  buildWeb,
  distinctColours,
  pixelChange,
  saveScreenshot,
  startHarness,
  type Harness,
} from './harness.js'

const CASE = 'e2e-demo'
let h: Harness
let base: string
const timings: Record<string, number> = {}

beforeAll(async () => {
  const parent = await mkdtemp(join(tmpdir(), 'linesight-e2e-cases-'))
  const [web, built] = await Promise.all([buildWeb(), buildCase(parent, CASE, 0.25)])
  timings['web build ms'] = Math.round(web)
  timings['case build ms'] = Math.round(built.ms)
  h = await startHarness(parent)
  base = h.server.url
  // The server has the case open before the first view is timed.
  await (await h.server.cases.session(CASE)).store.counts()
}, 180_000)

afterAll(async () => {
  await h?.context.close()
  await h?.server.close()
  console.log(`e2e timings: ${JSON.stringify(timings)}`)
})

/** Clicks counts (day, then hour) until the timeline draws single events. */
async function zoomToEvents(scope: Locator): Promise<void> {
  const frame = scope.locator('.timeline-frame')
  for (let i = 0; i < 4 && (await frame.getAttribute('data-mode')) !== 'events'; i++) {
    const buckets = scope.locator('.vis-item.bucket')
    await buckets.nth(Math.min(3, (await buckets.count()) - 1)).click()
    await expect.poll(() => frame.getAttribute('data-mode')).not.toBe(i === 0 ? 'days' : 'hours')
  }
  await scope.locator('.timeline-frame[data-mode=events]').waitFor()
}

const go = async (view: string, search = ''): Promise<void> => {
  await h.page.goto(`${base}${search}#/case/${CASE}/${view}`)
}

// Each step waits on a real browser and a real case; under load (CI on 2 cores) they need more than the default.
describe('the analyst workspace in a real browser', { timeout: 180_000 }, () => {
  it('lists the cases and opens the first view of a case quickly', async () => {
    const { page } = h
    await page.goto(base)
    await page.getByRole('link', { name: /E2E: synthetic county lines/ }).waitFor()
    await saveScreenshot(page, 'cases')
    const started = Date.now()
    await page.getByRole('link', { name: /E2E: synthetic county lines/ }).click()
    await page.getByTestId('case-facts').waitFor()
    timings['first view ms (click → overview with counts)'] = Date.now() - started
    const facts = await page.getByTestId('case-facts').innerText()
    expect(facts).toMatch(/Events\s+[\d,]+/)
    await page.locator('.target-list li').first().waitFor()
    await saveScreenshot(page, 'overview')
    expect(timings['first view ms (click → overview with counts)']).toBeLessThan(5000)
  })

  it('shows the drug-lines board: the lines when deal-lines is registered, a clear note until then', async () => {
    const { page } = h
    await go('board')
    const lines = page.getByTestId('board-lines')
    await lines.waitFor()
    const analyses = (await (await fetch(new URL('/api/analyses', base))).json()) as {
      analyses: { id: string }[]
    }
    if (analyses.analyses.some((a) => a.id === 'deal-lines')) {
      await page.locator('[data-testid=board-lines][data-state=ready]').waitFor({ timeout: 60_000 })
      expect(Number(await lines.getAttribute('data-lines'))).toBeGreaterThan(0)
      await page.getByRole('heading', { name: /^Line \+44/ }).waitFor()
      // Every part finishes: a result, or a plain note that its analysis is not registered yet.
      await expect.poll(() => page.locator('.board-card .loading').count(), { timeout: 90_000 }).toBe(0)
    } else {
      expect(await lines.getAttribute('data-state')).toBe('not-registered')
      await expect
        .poll(() => lines.innerText())
        .toMatch(/"deal-lines" analysis is not registered in this build yet/)
      // Numbers are listed instead, and choosing one opens its parts.
      await lines.locator('tbody tr').first().click()
      await page.getByRole('heading', { name: /^Line \+44/ }).waitFor()
    }
    await saveScreenshot(page, 'board', true)
  })

  it('draws the map with soft approximate wedges; playback moves through time; a wedge can be selected', async () => {
    const { page } = h
    await go('map')
    await page.locator('.map-canvas[data-ready=true]').waitFor({ timeout: 30_000 })
    await expect
      .poll(() => page.locator('.map-caption').innerText(), { timeout: 30_000 })
      .toMatch(/cell uses in the window/)
    await page.waitForTimeout(1000)
    const frame = page.locator('.map-frame')
    const before = await frame.screenshot()
    expect(await distinctColours(page, before)).toBeGreaterThan(20)
    await saveScreenshot(page, 'map')
    const time = page.locator('.playback-time')
    const t0 = await time.innerText()
    await page.getByTestId('play').click()
    await page.waitForTimeout(2500)
    await page.getByTestId('play').click()
    expect(await time.innerText()).not.toBe(t0)
    // Hover across the map until a wedge's tooltip shows, then click it: the wedge is selected and labelled.
    const box = (await frame.boundingBox())!
    let found = false
    for (let y = 0.12; y < 0.9 && !found; y += 0.06)
      for (let x = 0.05; x < 0.95 && !found; x += 0.03) {
        await page.mouse.move(box.x + box.width * x, box.y + box.height * y)
        found = await page.locator('.deck-tooltip').filter({ hasText: 'approximate' }).isVisible()
        if (found) await page.mouse.click(box.x + box.width * x, box.y + box.height * y)
      }
    expect(found).toBe(true)
    await expect
      .poll(() => page.getByTestId('map-selection').innerText())
      .toMatch(/^Selected cell: .*approximate/)
    await page.mouse.move(box.x + 5, box.y + 5)
    await page.waitForTimeout(500)
    expect(await pixelChange(page, before, await frame.screenshot())).toBeGreaterThan(0.0005)
    await saveScreenshot(page, 'map-selected')
  })

  it('draws journeys, co-locations and places over the cells, toggled and counted in the legend', async () => {
    const { page } = h
    // A place at the busiest mast, added through the API as the form would (the add is audited).
    const { cells } = (await (await fetch(new URL(`/api/cases/${CASE}/cells`, base))).json()) as {
      cells: { lat: number; lon: number; events: number; sourceKind: string }[]
    }
    const busiest = cells.filter((c) => c.sourceKind === 'network').sort((a, b) => b.events - a.events)[0]!
    const added = await fetch(new URL(`/api/cases/${CASE}/places`, base), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        name: 'Trap house',
        kind: 'scene',
        lat: busiest.lat,
        lon: busiest.lon,
        radiusM: 400,
      }),
    })
    expect(added.status).toBe(200)
    // Leaving the map and coming back reads the places again (the previous test ended on the map).
    await go('overview')
    await go('map')
    await page.locator('.map-canvas[data-ready=true]').waitFor({ timeout: 30_000 })
    const count = async (layer: string): Promise<string> =>
      (await page.getByTestId(`overlay-${layer}`).getAttribute('data-count')) ?? ''
    await expect.poll(() => count('places'), { timeout: 30_000 }).toBe('1')
    await expect.poll(() => count('journeys'), { timeout: 60_000 }).toMatch(/^\d+$/)
    await expect.poll(() => count('colocations'), { timeout: 60_000 }).toMatch(/^\d+$/)
    timings['map: journeys drawn'] = Number(await count('journeys'))
    expect(Number(await count('journeys'))).toBeGreaterThan(0)
    expect(await page.getByTestId('map-overlays').innerText()).toMatch(/serving area, not position/)
    await page.waitForTimeout(1000)
    const frame = page.locator('.map-frame')
    const all = await frame.screenshot()
    // Each toggle takes its layer off the map and its count out of the legend.
    await page.getByTestId('overlay-journeys').locator('input').uncheck()
    await expect.poll(() => count('journeys')).toBe('')
    await page.waitForTimeout(500)
    const noJourneys = await frame.screenshot()
    expect(await pixelChange(page, all, noJourneys)).toBeGreaterThan(0.0005)
    await page.getByTestId('overlay-places').locator('input').uncheck()
    await expect.poll(() => count('places')).toBe('')
    await page.waitForTimeout(500)
    expect(await pixelChange(page, noJourneys, await frame.screenshot())).toBeGreaterThan(0.0002)
    await page.getByTestId('overlay-places').locator('input').check()
    await page.getByTestId('overlay-journeys').locator('input').check()
    // A place chosen from the legend shows its details: candidate cells and the selected numbers that used them.
    await page.getByLabel('Show a place').selectOption({ label: 'L0001 Trap house' })
    const details = page.getByTestId('overlay-details')
    await expect.poll(() => details.innerText(), { timeout: 60_000 }).toMatch(/candidate cells by geometry/)
    expect(await details.innerText()).toMatch(/L0001 Trap house \(scene\)/)
    const rows = details.locator('.evidence-link').first()
    if ((await rows.count()) > 0) {
      await rows.click()
      await page.locator('dialog.evidence-drawer tbody tr').first().waitFor()
      await page.keyboard.press('Escape')
    }
    await page.getByRole('button', { name: 'Close details' }).click()
    // Two numbers that the colocation analysis finds together, chosen on the overview: their co-locations are drawn.
    const { targets } = (await (await fetch(new URL(`/api/cases/${CASE}/targets`, base))).json()) as {
      targets: { number: string }[]
    }
    const run = (await (
      await fetch(new URL(`/api/cases/${CASE}/analyses/colocation`, base), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ targets: targets.slice(0, 12).map((t) => t.number) }),
      })
    ).json()) as { result: { pairs: { a: string; b: string; colocation: { periods: number } }[] } }
    const pair = run.result.pairs[0]!
    expect(pair.colocation.periods).toBeGreaterThan(0)
    await page.getByRole('link', { name: 'Overview' }).click()
    const boxes = page.locator('.target-list input[type=checkbox]')
    await boxes.first().waitFor()
    for (const box of await boxes.all()) if (await box.isChecked()) await box.uncheck()
    for (const n of [pair.a, pair.b])
      await page.locator('.target-list li').filter({ hasText: n }).locator('input').check()
    await page.getByRole('link', { name: 'Map', exact: true }).click()
    await page.locator('.map-canvas[data-ready=true]').waitFor({ timeout: 30_000 })
    await expect.poll(() => count('colocations'), { timeout: 60_000 }).toMatch(/^[1-9]\d*$/)
    timings['map: co-locations drawn'] = Number(await count('colocations'))
    await page.waitForTimeout(1000)
    const withColocations = await frame.screenshot()
    await page.getByTestId('overlay-colocations').locator('input').uncheck()
    await expect.poll(() => count('colocations')).toBe('')
    await page.waitForTimeout(500)
    expect(await pixelChange(page, withColocations, await frame.screenshot())).toBeGreaterThan(0.0001)
    await page.getByTestId('overlay-colocations').locator('input').check()
  })

  it('draws the link chart and highlights a path between two numbers', async () => {
    const { page } = h
    await go('chart')
    const frame = page.locator('.chart-frame')
    await expect
      .poll(async () => Number(await frame.getAttribute('data-nodes')), { timeout: 30_000 })
      .toBeGreaterThan(50)
    await page.waitForTimeout(2500)
    const before = await frame.screenshot()
    expect(await distinctColours(page, before)).toBeGreaterThan(10)
    await saveScreenshot(page, 'chart')
    const targets = (await (await fetch(new URL(`/api/cases/${CASE}/targets`, base))).json()) as {
      targets: { number: string }[]
    }
    await page.getByLabel('Path from').fill(targets.targets[0]!.number)
    await page.getByLabel('Path to').fill(targets.targets[1]!.number)
    await page.getByRole('button', { name: 'Find path' }).click()
    await expect.poll(() => page.locator('.note').first().innerText()).toMatch(/Path \(\d+ links\)|No chain/)
    await page.waitForTimeout(500)
    const after = await frame.screenshot()
    expect(await pixelChange(page, before, after)).toBeGreaterThan(0.001)
  })

  it('keeps the chart usable at 10,000 nodes', async () => {
    const { page } = h
    const started = Date.now()
    await go('chart', '?stress=10000')
    const frame = page.locator('.chart-frame')
    await expect
      .poll(async () => Number(await frame.getAttribute('data-nodes')), { timeout: 30_000 })
      .toBe(10_000)
    await expect.poll(async () => await frame.getAttribute('data-render-ms')).not.toBe('')
    timings['10k-node chart: first render ms'] = Math.round(
      Number(await frame.getAttribute('data-render-ms')),
    )
    timings['10k-node chart: page to drawn ms'] = Date.now() - started
    const png = await frame.screenshot()
    expect(await distinctColours(page, png)).toBeGreaterThan(5)
    await saveScreenshot(page, 'chart-10k')
    // A path across the whole graph is found and drawn at once.
    const asked = Date.now()
    await page.getByLabel('Path from').fill('+447000000000')
    await page.getByLabel('Path to').fill('+447000000099')
    await page.getByRole('button', { name: 'Find path' }).click()
    await expect.poll(() => page.locator('.note').first().innerText()).toMatch(/Path \(99 links\)/)
    timings['10k-node chart: path found and drawn ms'] = Date.now() - asked
    await page.waitForTimeout(300)
    expect(await pixelChange(page, png, await frame.screenshot())).toBeGreaterThan(0.002)
    expect(timings['10k-node chart: first render ms']).toBeLessThan(5000)
  })

  it('draws the timeline in lanes, zooms from days to single events, and selecting one shows it', async () => {
    const { page } = h
    await go('timeline')
    const frame = page.locator('.timeline-frame')
    await page.locator('.vis-item.bucket').first().waitFor({ timeout: 30_000 })
    expect(await frame.getAttribute('data-mode')).toBe('days')
    // The axis reads the case's declared zone, and says so.
    expect(await page.getByTestId('timeline-zone').innerText()).toMatch(/^Axis in Europe\/London \((GMT|BST)/)
    expect(Number(await frame.getAttribute('data-items'))).toBeGreaterThan(20)
    await saveScreenshot(page, 'timeline-days')
    // A count zooms into its day (or hour), where each event is drawn.
    await zoomToEvents(page.locator('.timeline-view'))
    const item = page.locator('.vis-item.vis-dot').first()
    await item.waitFor()
    const png = await frame.screenshot()
    expect(await distinctColours(page, png)).toBeGreaterThan(10)
    await item.click()
    await page.locator('.selected-event').waitFor()
    expect(await page.locator('.selected-event').innerText()).toMatch(/Selected: \d{4}-\d{2}-\d{2} .* cell /)
    await page.getByRole('button', { name: 'Hour' }).click()
    await page.waitForTimeout(300)
    await saveScreenshot(page, 'timeline')
  })

  it('links the views: selecting an event on the timeline highlights it on the map and chart', async () => {
    const { page } = h
    await go('workspace')
    await page.locator('.map-canvas[data-ready=true]').waitFor({ timeout: 30_000 })
    const timeline = page.locator('.workspace-timeline')
    await timeline.locator('.vis-item.bucket').first().waitFor({ timeout: 30_000 })
    const clear = page.getByRole('button', { name: 'Clear selection' })
    if (await clear.isEnabled()) await clear.click()
    await page.waitForTimeout(2500)
    const map = page.locator('.workspace-map .map-frame')
    const chart = page.locator('.workspace-chart .chart-frame')
    const [mapBefore, chartBefore] = [await map.screenshot(), await chart.screenshot()]
    await zoomToEvents(timeline)
    await timeline.locator('.vis-item.vis-dot').first().click()
    await page.locator('.selected-event').waitFor()
    await page.waitForTimeout(800)
    expect(await pixelChange(page, mapBefore, await map.screenshot())).toBeGreaterThan(0.0001)
    expect(await pixelChange(page, chartBefore, await chart.screenshot())).toBeGreaterThan(0.0005)
    expect(await page.getByTestId('map-selection').innerText()).toMatch(/^Selected cell: /)
    await saveScreenshot(page, 'workspace')
  })

  it('runs any registered analysis as a sortable table whose figures open their rows', async () => {
    const { page } = h
    await go('tables')
    await page.getByRole('radio', { name: /Top contacts/ }).check()
    await page.getByRole('button', { name: /^Run Top contacts/ }).click()
    const table = page.locator('.result-table').first()
    await table.locator('tbody tr').first().waitFor()
    await table.getByRole('button', { name: /^Events/ }).click()
    await table.locator('.evidence-link').first().click()
    const drawer = page.locator('dialog.evidence-drawer')
    await drawer.locator('tbody tr').first().waitFor()
    expect(await drawer.innerText()).toMatch(/Source file/)
    await saveScreenshot(page, 'evidence')
    await page.keyboard.press('Escape')
    await saveScreenshot(page, 'tables')
  })

  it('imports files dropped on the page, with detection, progress and the report', async () => {
    const { page } = h
    await go('import')
    await page.getByTestId('drop-zone').waitFor()
    const header =
      'target_msisdn,other_party,direction,event_type,start_time,end_time,duration_s,start_cell,end_cell,imei,imsi,charging_id,rat,bytes_up,bytes_down,network,start_cell_lat,start_cell_lon'
    const rows = [1, 2, 3, 4, 5].map(
      (d) => `+447955000111,+447955000222,out,sms,2024-03-0${d}T10:00:00Z,,,,,,,,,,,EE,,`,
    )
    const text = [
      header,
      ...rows,
      '+447955000111,+447955000222,out,sms,2024-02-31T10:00:00Z,,,,,,,,,,,EE,,',
      '',
    ].join('\n')
    await page.evaluate((csv) => {
      const dt = new DataTransfer()
      dt.items.add(new File([csv], 'dropped-cdr.csv', { type: 'text/csv' }))
      const zone = document.querySelector('[data-testid=drop-zone]')!
      zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }))
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }))
    }, text)
    const detections = page.getByTestId('detections')
    await detections.waitFor()
    expect(await detections.innerText()).toMatch(/dropped-cdr\.csv[\s\S]*cdr/)
    await saveScreenshot(page, 'import-detected')
    await page.getByRole('button', { name: /^Import 1 file/ }).click()
    const report = page.getByTestId('import-report')
    await report.waitFor({ timeout: 60_000 })
    await expect.poll(() => report.innerText(), { timeout: 60_000 }).toMatch(/1 imported, 0 failed/)
    const text2 = await report.innerText()
    expect(text2).toMatch(/dropped-cdr\.csv\s+imported/)
    expect(text2).toMatch(/rejected/)
    await saveScreenshot(page, 'import')
    const info = (await (await fetch(new URL(`/api/cases/${CASE}`, base))).json()) as {
      counts: { rejects: number }
    }
    expect(info.counts.rejects).toBeGreaterThanOrEqual(1)
  })

  it('loaded nothing from outside the server and logged no errors', () => {
    expect(h.problems).toEqual([])
  })
})
