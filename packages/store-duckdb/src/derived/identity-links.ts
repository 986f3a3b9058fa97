import type { DuckDBConnection } from '@duckdb/node-api'

/** Rebuilds number ↔ SIM ↔ handset links from events and subscriber records, with periods and counts. */
export async function refreshIdentityLinks(c: DuckDBConnection): Promise<void> {
  await c.run('BEGIN TRANSACTION')
  try {
    await c.run('DELETE FROM identity_links')
    await c.run(`INSERT INTO identity_links
      SELECT target_msisdn, imsi, imei, min(start_utc), max(start_utc), count(*), 'events'
      FROM events_unique WHERE imsi IS NOT NULL OR imei IS NOT NULL
      GROUP BY ALL ORDER BY 1, 2, 3`)
    await c.run(`INSERT INTO identity_links
      SELECT msisdn, imsi, imei, min(valid_from)::TIMESTAMP, max(valid_to)::TIMESTAMP, count(*), 'subscribers'
      FROM subscribers WHERE imsi IS NOT NULL OR imei IS NOT NULL
      GROUP BY msisdn, imsi, imei ORDER BY 1, 2, 3`)
    await c.run('COMMIT')
  } catch (e) {
    await c.run('ROLLBACK')
    throw e
  }
}
