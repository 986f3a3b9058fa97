import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CaseSession } from '@linesight/casework'
import { lineNumbersOf, type GroundTruth } from '@linesight/generator'
import type { QuerySpec } from '@linesight/store'
import { runAnalysis } from '../core/run-analysis.js'
import { scenarioCase } from '../test/scenario-case.js'
import { lineRoles } from '../attribution/line-roles/line-roles.js'
import { cuckooingLeads } from '../locations-lines/cuckooing-leads/cuckooing-leads.js'
import { livePicture } from '../live/live-picture/live-picture.js'
import { safeguardingWorklist } from '../safeguarding/safeguarding-worklist/safeguarding-worklist.js'
import { ageOn } from './common/civil.js'
import { haversineKm } from './common/line-sql.js'
import { lineContinuity } from './line-continuity/line-continuity.js'

/**
 * Scenario checks against the generator's ground truth: every deal-line number of every generation is given, each
 * on its own, and the analyses must regroup them, find the runners and tasking phones, the cuckooing episodes the
 * cell data can show, and flag the child runners.
 */
// Seed 1 by default (about 10 s to import at scale 1); LINESIGHT_SCENARIO_SEEDS=1,2,3 runs more.
const SEEDS = (process.env['LINESIGHT_SCENARIO_SEEDS'] ?? '1').split(',').map(Number)
const ctx = { now: new Date('2026-01-01T00:00:00Z'), zone: 'Europe/London' }
const cases = new Map<number, { session: CaseSession; truth: GroundTruth }>()

beforeAll(async () => {
  for (const seed of SEEDS) cases.set(seed, await scenarioCase(seed, 1))
}, 180_000)
afterAll(async () => {
  for (const c of cases.values()) await c.session.close()
})

const lineNumbers = (truth: GroundTruth): string[] => lineNumbersOf(truth)
const timed = async <T>(label: string, seed: number, work: () => Promise<T>): Promise<T> => {
  const started = performance.now()
  const out = await work()
  console.log(`seed ${seed} ${label}: ${Math.round(performance.now() - started)} ms`)
  return out
}

/** Whether the cell data can show an episode: a checked phone overnight on the episode's nights on a cell listed within `km` of the address. */
const detectable: QuerySpec<{ n: number }, 'phones' | 'from' | 'to' | 'lat' | 'lon' | 'km'> = {
  id: 'scenario-episode-detectable',
  sql: {
    duckdb: `SELECT count(*) AS n FROM events_unique e
      JOIN (SELECT cgi, any_value(lat) AS lat, any_value(lon) AS lon FROM cells WHERE lat IS NOT NULL GROUP BY cgi) c
        ON c.cgi = e.start_cgi
      WHERE list_contains($phones::VARCHAR[], e.target_msisdn)
        AND timezone('Europe/London', timezone('UTC', e.start_utc))::DATE BETWEEN $from::DATE AND $to::DATE
        AND hour(timezone('Europe/London', timezone('UTC', e.start_utc))) < 6
        AND ${haversineKm('c.lat', 'c.lon', '$lat', '$lon')} <= $km`,
  },
  params: ['phones', 'from', 'to', 'lat', 'lon', 'km'],
  row: (r) => ({ n: Number(r['n']) }),
}

describe.each(SEEDS)('scenario seed %i at scale 1', (seed) => {
  it('continuity regroups the numbers into the true lines, whole-circle change included', async () => {
    const { session, truth } = cases.get(seed)!
    const r = await timed('line-continuity', seed, () =>
      runAnalysis(lineContinuity, session.store, { lines: lineNumbers(truth) }, ctx),
    )
    const got = new Set(r.result.lines.map((l) => [...l.numbers].sort().join(' ')))
    const right = truth.lines.filter((l) =>
      got.has(
        l.generations
          .map((g) => g.msisdn)
          .sort()
          .join(' '),
      ),
    ).length
    console.log(`seed ${seed} continuity: ${right}/${truth.lines.length} lines exactly right`)
    expect(right / truth.lines.length).toBeGreaterThanOrEqual(0.9)
  })

  it('roles: runners and tasking phones with precision and recall of at least 0.9', async () => {
    const { session, truth } = cases.get(seed)!
    const r = await timed('line-roles', seed, () =>
      runAnalysis(lineRoles, session.store, { lines: lineNumbers(truth) }, ctx),
    )
    const count = { runner: { tp: 0, fp: 0, fn: 0 }, holder: { tp: 0, fp: 0, fn: 0 } }
    for (const line of truth.lines) {
      const got = r.result.lines.find((l) => l.numbers.includes(line.generations[0]!.msisdn))
      const truthOf = {
        runner: new Set(line.runners.flatMap((x) => x.msisdns)),
        // The holder runs the line from the tasking phones, or from the personal phone when there are none.
        holder: new Set(
          line.taskingPhones.length > 0
            ? line.taskingPhones.map((p) => p.msisdn)
            : [line.holder.personalMsisdn],
        ),
      }
      const found = {
        runner: new Set(got?.runners.map((x) => x.number) ?? []),
        holder: new Set(got?.holders.map((x) => x.number) ?? []),
      }
      for (const role of ['runner', 'holder'] as const) {
        for (const n of found[role]) count[role][truthOf[role].has(n) ? 'tp' : 'fp']++
        for (const n of truthOf[role]) if (!found[role].has(n)) count[role].fn++
      }
    }
    for (const role of ['runner', 'holder'] as const) {
      const { tp, fp, fn } = count[role]
      console.log(
        `seed ${seed} ${role}s: precision ${(tp / (tp + fp)).toFixed(3)}, recall ${(tp / (tp + fn)).toFixed(3)}`,
      )
      expect(tp / (tp + fp)).toBeGreaterThanOrEqual(0.9)
      expect(tp / (tp + fn)).toBeGreaterThanOrEqual(0.9)
    }
  })

  it('cuckooing: leads for at least 90% of the episodes the cell data can show', async () => {
    const { session, truth } = cases.get(seed)!
    const r = await timed('cuckooing-leads', seed, () =>
      runAnalysis(cuckooingLeads, session.store, { lines: lineNumbers(truth) }, ctx),
    )
    let shown = 0
    let found = 0
    for (const e of truth.cuckooing) {
      const [{ n }] = (await session.store.run(detectable, {
        phones: [...e.runnerMsisdns, e.lineMsisdn],
        from: e.fromNight,
        to: e.toNight,
        lat: e.lat,
        lon: e.lon,
        km: 5,
      })) as [{ n: number }]
      const hit = r.result.leads.some(
        (l) => l.victim.number === e.victimMsisdn && l.firstNight <= e.toNight && l.lastNight >= e.fromNight,
      )
      if (n > 0) shown++
      if (n > 0 && hit) found++
    }
    console.log(
      `seed ${seed} cuckooing: ${found}/${shown} episodes found of those the cells can show (${truth.cuckooing.length} in all); ${r.result.leads.length} leads`,
    )
    expect(found / Math.max(1, shown)).toBeGreaterThanOrEqual(0.9)
  })

  it('safeguarding flags every child runner, from the date of birth, and no adult', async () => {
    const { session, truth } = cases.get(seed)!
    const r = await timed('safeguarding-worklist', seed, () =>
      runAnalysis(safeguardingWorklist, session.store, { lines: lineNumbers(truth) }, ctx),
    )
    const flagged = new Set(
      r.result.entries.filter((e) => e.indicators.some((i) => i.id === 'under-18')).flatMap((e) => e.numbers),
    )
    for (const runner of truth.lines.flatMap((l) => l.runners)) {
      const under18AtStart = ageOn(runner.dateOfBirth, runner.from) < 18
      for (const n of runner.msisdns) {
        if (runner.child) expect(flagged.has(n), `child runner ${n}`).toBe(true)
        if (!under18AtStart) expect(flagged.has(n), `adult runner ${n}`).toBe(false)
      }
    }
    expect(r.result.label).toBe('Leads for human review')
  })

  it('live picture: each line ends on its last generation', async () => {
    const { session, truth } = cases.get(seed)!
    const r = await timed('live-picture', seed, () =>
      runAnalysis(livePicture, session.store, { lines: lineNumbers(truth) }, ctx),
    )
    for (const line of truth.lines) {
      const got = r.result.lines.find((l) => l.numbers.includes(line.generations[0]!.msisdn))
      expect(got?.currentNumber).toBe(line.generations[line.generations.length - 1]!.msisdn)
      expect(got?.lastCell?.sentence).toContain('serving area')
    }
  })
})
