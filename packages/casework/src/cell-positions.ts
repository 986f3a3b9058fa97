import { osgbToWgs84 } from '@linesight/geo'
import type { CaseStore, QuerySpec } from '@linesight/store'

const needingPosition: QuerySpec<{ id: string; easting: number; northing: number }> = {
  id: 'cells-needing-position',
  sql: {
    duckdb:
      'SELECT id, easting, northing FROM cells WHERE lat IS NULL AND easting IS NOT NULL AND northing IS NOT NULL ORDER BY id',
  },
  params: [],
  row: (r) => ({ id: String(r['id']), easting: Number(r['easting']), northing: Number(r['northing']) }),
}

const setPositions: QuerySpec<{ n: number }, 'ids' | 'lats' | 'lons'> = {
  id: 'set-cell-positions',
  sql: {
    duckdb: `UPDATE cells SET lat = p.lat, lon = p.lon FROM (
      SELECT unnest($ids::VARCHAR[]) AS id, unnest($lats::VARCHAR[])::DOUBLE AS lat, unnest($lons::VARCHAR[])::DOUBLE AS lon) p
      WHERE cells.id = p.id`,
  },
  params: ['ids', 'lats', 'lons'],
  row: (r) => ({ n: Number(r['Count'] ?? 0) }),
}

/**
 * Converts OSGB36 eastings/northings to WGS84 for cells that came without latitude and longitude. The originals
 * stay in their own columns; this runs after each import and again on any cells it missed.
 */
export async function fillCellPositions(store: CaseStore): Promise<number> {
  const rows = await store.run(needingPosition, {})
  for (let i = 0; i < rows.length; i += 5000) {
    const batch = rows.slice(i, i + 5000).map((r) => ({ id: r.id, ...osgbToWgs84(r.easting, r.northing) }))
    await store.run(setPositions, {
      ids: batch.map((b) => b.id),
      lats: batch.map((b) => b.lat.toFixed(7)),
      lons: batch.map((b) => b.lon.toFixed(7)),
    })
  }
  return rows.length
}
