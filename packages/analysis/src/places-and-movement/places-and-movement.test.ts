import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CaseSession } from '@linesight/casework'
import type { GroundTruth } from '@linesight/generator'
import { haversineMetres } from '@linesight/geo'
import { runAnalysis } from '../core/run-analysis.js'
import { scenarioCase } from '../test/scenario-case.js'
import { colocation, journeys, PLACES_ANALYSES, topCells } from './index.js'

const LONDON = { lat: 51.5074, lon: -0.1278 }
const km = (a: { lat: number; lon: number }, b: { lat: number; lon: number }): number =>
  haversineMetres(a.lat, a.lon, b.lat, b.lon) / 1000

let session: CaseSession
let truth: GroundTruth
const ctx = { now: new Date('2026-01-01T00:00:00Z'), zone: 'Europe/London' }

beforeAll(async () => {
  ;({ session, truth } = await scenarioCase(31, 1))
}, 120_000)
afterAll(() => session.close())

const person = (id: string) => truth.persons.find((p) => p.id === id)!
/** The line's town, as the mean home of the people living there. */
const townOf = (town: string) => {
  const living = truth.persons.filter((p) => p.area === town)
  return {
    lat: living.reduce((n, p) => n + p.lat, 0) / living.length,
    lon: living.reduce((n, p) => n + p.lon, 0) / living.length,
  }
}

describe('places and movement on a generated scenario (seed 31)', () => {
  it('lists each analysis once', () => {
    expect(PLACES_ANALYSES.map((a) => a.id)).toEqual([
      'top-cells',
      'dwell-periods',
      'journeys',
      'impossible-travel',
      'colocation',
      'clean-dirty',
      'common-numbers',
      'event-sequence',
      'places',
    ])
  })

  it("a runner's phone co-locates with its deal phone on many days; the holder's never does", async () => {
    const runnerDays: number[] = []
    for (const line of truth.lines) {
      const deals = line.generations.map((g) => g.msisdn)
      const runnerPhones = line.runners.flatMap((r) =>
        r.phones.map((p) => ({ person: r.personId, msisdn: p.msisdn })),
      )
      const holder = line.holder.personalMsisdn
      const r = (
        await runAnalysis(
          colocation,
          session.store,
          { targets: [holder, ...deals, ...runnerPhones.map((p) => p.msisdn)] },
          ctx,
        )
      ).result
      const pairsWith = (n: string) =>
        r.pairs.filter((p) => (p.a === n && deals.includes(p.b)) || (p.b === n && deals.includes(p.a)))
      for (const runner of line.runners) {
        const mine = runnerPhones.filter((p) => p.person === runner.personId).map((p) => p.msisdn)
        runnerDays.push(Math.max(0, ...mine.flatMap((n) => pairsWith(n).map((p) => p.colocation.days))))
      }
      const holderPairs = pairsWith(holder)
      expect(holderPairs.every((p) => p.colocation.periods === 0)).toBe(true)
      expect(holderPairs.reduce((n, p) => n + p.non_colocation.days, 0)).toBeGreaterThanOrEqual(5)
      // In every line some runner carried a deal phone's company on at least four days.
      expect(
        Math.max(...runnerPhones.flatMap((p) => pairsWith(p.msisdn).map((x) => x.colocation.days))),
      ).toBeGreaterThanOrEqual(4)
    }
    // Most runners co-locate with their line's deal phone on three days or more.
    expect(runnerDays.filter((d) => d >= 3).length).toBeGreaterThanOrEqual(runnerDays.length / 2)
  })

  it("home cells: the holder's in London by their home, the deal phone's in its town", async () => {
    for (const line of truth.lines) {
      const holder = person(line.holder.personId)
      const h = (await runAnalysis(topCells, session.store, { target: line.holder.personalMsisdn }, ctx))
        .result
      const home = h.home.sites[0]!
      expect(km(home, holder)).toBeLessThan(3)
      expect(km(home, LONDON)).toBeLessThan(20)
      const town = townOf(line.town)
      const d = (await runAnalysis(topCells, session.store, { target: line.generations[0]!.msisdn }, ctx))
        .result
      const dealHome = d.home.sites[0]!
      expect(km(dealHome, town)).toBeLessThan(km(dealHome, LONDON))
      expect(km(dealHome, LONDON)).toBeGreaterThan(30)
      expect(dealHome.evidential).toBe(true)
    }
  })

  it('runner journeys between London and the town appear, both ways', async () => {
    for (const line of truth.lines) {
      const found = []
      for (const runner of line.runners)
        for (const phone of runner.phones)
          found.push(
            ...(await runAnalysis(journeys, session.store, { target: phone.msisdn }, ctx)).result.journeys,
          )
      const out = found.filter((j) => km(j.departure, LONDON) < 20 && km(j.arrival, LONDON) > 30)
      const back = found.filter((j) => km(j.departure, LONDON) > 30 && km(j.arrival, LONDON) < 20)
      expect(out.length).toBeGreaterThan(0)
      expect(back.length).toBeGreaterThan(0)
      // The generator keeps every phone under 150 km/h between events.
      expect(found.every((j) => j.implied_kmh === null || j.implied_kmh < 150)).toBe(true)
    }
  })
})
