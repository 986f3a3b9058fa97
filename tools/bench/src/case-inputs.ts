import { addLocationOfInterest, listLocationsOfInterest, type CaseSession } from '@linesight/casework'
import type { GroundTruth } from '@linesight/generator'
import type { QuerySpec } from '@linesight/store'
import type { CaseInputs } from './analysis-plan.js'
import { scenarioNumbers } from './scenario-numbers.js'

const DUMPS = 10
const PLACES = 5

/** For each of the busiest cells, its busiest UTC day: ten places and times that common-numbers can be given. */
const busyCellDays: QuerySpec<{ cgi: string; from: string; to: string }, 'limit'> = {
  id: 'bench-busy-cell-days',
  sql: {
    duckdb: `WITH c AS (
        SELECT start_cgi, date_trunc('day', start_utc) AS day, count(*) AS n FROM events_unique
        WHERE start_cgi IS NOT NULL GROUP BY start_cgi, day
        QUALIFY row_number() OVER (PARTITION BY start_cgi ORDER BY count(*) DESC, day) = 1
      )
      SELECT start_cgi AS cgi, strftime(day, '%Y-%m-%dT%H:%M:%SZ') AS "from",
        strftime(day + INTERVAL 86399 SECOND, '%Y-%m-%dT%H:%M:%SZ') AS "to"
      FROM c ORDER BY n DESC, start_cgi LIMIT $limit`,
  },
  params: ['limit'],
  row: (r) => ({ cgi: String(r['cgi']), from: String(r['from']), to: String(r['to']) }),
}

/**
 * The inputs the analyses need from the scenario case. Locations of interest (the cuckooing victims' homes) are
 * added once, the way an analyst would add them; the case keeps them for the next run.
 */
export async function caseInputs(session: CaseSession, truth: GroundTruth): Promise<CaseInputs> {
  let places = await listLocationsOfInterest(session.store)
  if (places.length === 0) {
    for (const c of truth.cuckooing.slice(0, PLACES))
      await addLocationOfInterest(
        session,
        { name: `Home of ${c.victimPersonId}`, kind: 'home', lat: c.lat, lon: c.lon, address: c.address },
        { now: new Date() },
      )
    places = await listLocationsOfInterest(session.store)
  }
  const dumps = (await session.store.run(busyCellDays, { limit: DUMPS })).map(
    (d, i) => `cell${i + 1}=${d.cgi}@${d.from}/${d.to}`,
  )
  return { numbers: scenarioNumbers(truth), dumps, place: places[0]?.id ?? null }
}
