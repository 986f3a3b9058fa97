import { it } from 'vitest'
import { scenarioCase } from '../test/scenario-case.js'

const q = (sql: string) => ({ id: 'x', sql: { duckdb: sql }, params: [] as never[], row: (r: unknown) => r })

it('explore', async () => {
  const t0 = Date.now()
  const { session, truth } = await scenarioCase(21, 1)
  console.log('load ms', Date.now() - t0)
  const s = session.store
  const show = async (sql: string) =>
    console.log(sql.slice(0, 80), JSON.stringify(await s.run(q(sql), {}), null, 0))
  await show(
    `SELECT count(*) n, count(DISTINCT target_msisdn) t, count(imei) imei, count(imsi) imsi FROM events_unique`,
  )
  await show(`SELECT event_type, direction, count(*) FROM events_unique GROUP BY ALL ORDER BY ALL`)
  await show(`SELECT other_kind, count(*) FROM events_unique GROUP BY ALL ORDER BY ALL`)
  await show(`SELECT count(*) FROM subscribers`)
  await show(`SELECT * FROM subscribers LIMIT 3`)
  await show(`SELECT * FROM identity_links ORDER BY msisdn LIMIT 10`)
  await show(`SELECT imei_raw, imei, imsi FROM events_unique WHERE imei_raw IS NOT NULL LIMIT 5`)
  await show(`SELECT count(DISTINCT imei), count(DISTINCT imsi) FROM events_unique`)
  await show(
    `SELECT target_msisdn, count(*) n, min(start_utc)::VARCHAR a, max(start_utc)::VARCHAR b FROM events_unique GROUP BY 1 ORDER BY n DESC LIMIT 60`,
  )
  await show(
    `SELECT f.original_name, count(*) FROM events e JOIN source_files f ON f.id=e.source_file_id GROUP BY ALL ORDER BY ALL`,
  )
  console.log(JSON.stringify({ period: truth.period, targets: truth.targets }, null, 0).slice(0, 3000))
  for (const l of truth.lines)
    console.log(JSON.stringify({ ...l, customers: l.customers.length }, null, 0).slice(0, 3000))
  await session.close()
}, 120000)
