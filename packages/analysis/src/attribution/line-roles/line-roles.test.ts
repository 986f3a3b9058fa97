import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CaseSession } from '@linesight/casework'
import { runAnalysis } from '../../core/run-analysis.js'
import { caseFromFiles } from '../../test/case-from-files.js'
import { evidenceMismatches } from '../../test/line-fixture-csv.js'
import { K, L, R1, R2, T, X, rolesFixtureFiles } from '../../test/line-roles-fixture.js'
import { lineRoles } from './line-roles.js'

let session: CaseSession
const ctx = { now: new Date('2026-01-01T00:00:00Z'), zone: 'Europe/London' }

beforeAll(async () => {
  session = await caseFromFiles(rolesFixtureFiles())
})
afterAll(() => session.close())

const fired = (c: { signals: readonly { id: string; fired: boolean }[] }): string[] =>
  c.signals.filter((s) => s.fired).map((s) => s.id)

describe('line roles', () => {
  it('finds runners by call-backs after customer contacts, and co-location only at the same site', async () => {
    const r = await runAnalysis(lineRoles, session.store, { lines: [L] }, ctx)
    const line = r.result.lines[0]!
    // The flare's 20 recipients; K1–K4 rang the line on four days each.
    expect(new Set(line.customers.map((c) => c.number))).toEqual(new Set(K))
    expect(line.customers.slice(0, 4).map((c) => [c.number, c.contactsInitiated, c.activeDays])).toEqual(
      K.slice(0, 4).map((k) => [k, 4, 4]),
    )
    expect(line.runners.map((x) => [x.number, x.score, x.confidence])).toEqual([
      [R1, 1, 'high'],
      [R2, 0.6, 'medium'],
    ])
    const [r1, r2] = line.runners
    expect(fired(r1!)).toEqual(['after-customer', 'co-location', 'trips', 'tasking'])
    // R2 calls back from site S2, 6 km from the line's site: no co-location, and no nights to find a home.
    expect(fired(r2!)).toEqual(['after-customer', 'tasking'])
    const after = r1!.signals.find((s) => s.id === 'after-customer')!
    expect(after.value).toBe(4)
    // Each day: R1's call-back and K1's call it follows.
    expect(after.evidence[0]!.count).toBe(8)
    const coloc = r1!.signals.find((s) => s.id === 'co-location')!
    expect(coloc.value).toBe(4)
    expect(coloc.text).toContain('the same site (4)')
    expect(r1!.home).toMatchObject({ cell: '234-30-200-4', nights: 4 })
    expect(r1!.attribution).toMatchObject({
      status: 'proposed',
      person: { name: 'Jamie Example' },
      identifier: R1,
    })
  })

  it('finds the holder: contacts the line and the runners, home far from the town', async () => {
    const r = await runAnalysis(lineRoles, session.store, { lines: [L] }, ctx)
    const line = r.result.lines[0]!
    expect(line.holders.map((h) => [h.number, h.score, h.confidence])).toEqual([[T, 0.85, 'high']])
    expect(fired(line.holders[0]!)).toEqual(['line-contact', 'runner-contact', 'remote'])
    expect(line.holders[0]!.home!.kmFromTown).toBeGreaterThan(37)
    expect(line.associates.map((a) => [a.number, a.contacts])).toEqual([[X, 1]])
  })

  it('every figure resolves to exactly its rows, and output is deterministic', async () => {
    const one = await runAnalysis(lineRoles, session.store, { lines: [L] }, ctx)
    expect(await evidenceMismatches(session.store, one.result)).toEqual([])
    const two = await runAnalysis(lineRoles, session.store, { lines: [L] }, ctx)
    expect(JSON.stringify(two.result)).toBe(JSON.stringify(one.result))
  })

  it('a higher bar for call-back days drops both runners, and with them the holder', async () => {
    const r = await runAnalysis(lineRoles, session.store, { lines: [L], runnerMinDays: 5 }, ctx)
    expect(r.result.lines[0]!.runners).toEqual([])
    expect(r.result.lines[0]!.holders).toEqual([])
  })
})
