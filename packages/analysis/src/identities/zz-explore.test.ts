import { it } from 'vitest'
import { CDR_HEADER, caseFromFiles } from '../test/case-from-files.js'

const q = (sql: string) => ({ id: 'x', sql: { duckdb: sql }, params: [] as never[], row: (r: unknown) => r })
it('explore', async () => {
  const A = '+447911123456', X = '+447944000222'
  const session = await caseFromFiles({
      'a.csv': [
        `${CDR_HEADER},imei,imsi`,
        `${A},${X},out,voice,2024-03-01T10:00:00Z,60,234-15-1-100,353285110000015,234151234567890`,
        `${A},${X},in,sms,2024-03-02T09:00:00Z,,234-15-1-100,,`,
        `${A},,out,data,2024-03-03T12:00:00Z,600,234-15-1-100,353285110000015,234 15 1234567890`,
      ].join('\n')})
  console.log(JSON.stringify(await session.store.run(q(`SELECT id, imei, imei_raw, imsi, profile_id FROM events`), {})))
  console.log(JSON.stringify(await session.store.run(q(`SELECT mapping_json FROM source_files`), {})))
  await session.close()
})
