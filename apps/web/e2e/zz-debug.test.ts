import { it } from 'vitest'
import { startHarness, pixelChange } from './harness.js'

it('debug', async () => {
  const h = await startHarness('/tmp/dbgcases')
  const { page } = h
  await page.goto(`${h.server.url}#/case/demo/workspace`)
  await page.locator('.map-canvas[data-ready=true]').waitFor({ timeout: 30_000 })
  const timeline = page.locator('.workspace-timeline')
  await timeline.locator('.vis-item.bucket').first().waitFor({ timeout: 30_000 })
  await page.waitForTimeout(2500)
  const map = page.locator('.workspace-map .map-frame')
  const chart = page.locator('.workspace-chart .chart-frame')
  const a1 = await map.screenshot({ path: '/tmp/dbg-ws-map-a.png' })
  const a2 = await chart.screenshot({ path: '/tmp/dbg-ws-chart-a.png' })
  await timeline.locator('.vis-item.bucket').nth(3).click()
  await timeline.locator('.timeline-frame[data-mode=events]').waitFor()
  await timeline.locator('.vis-item.vis-dot').first().click()
  await page.locator('.selected-event').waitFor()
  await page.waitForTimeout(800)
  const b1 = await map.screenshot({ path: '/tmp/dbg-ws-map-b.png' })
  const b2 = await chart.screenshot({ path: '/tmp/dbg-ws-chart-b.png' })
  await page.screenshot({ path: '/tmp/dbg-ws.png' })
  console.log(
    'changes',
    await pixelChange(page, a1, b1),
    await pixelChange(page, a2, b2),
    await page.locator('.selection').innerText(),
  )
  await h.context.close()
  await h.server.close()
}, 120_000)
