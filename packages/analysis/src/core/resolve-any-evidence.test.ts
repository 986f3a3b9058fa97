import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CaseSession } from '@linesight/casework'
import { lineRoles } from '../attribution/line-roles/line-roles.js'
import { commonContacts } from '../contacts/common-contacts/common-contacts.js'
import { contactChains } from '../contacts/contact-chains/contact-chains.js'
import { contactCommunities } from '../contacts/contact-communities/contact-communities.js'
import { contactMatrix } from '../contacts/contact-matrix/contact-matrix.js'
import { successorCandidates } from '../continuity/successor-candidates/successor-candidates.js'
import { caseFromFiles } from '../test/case-from-files.js'
import { cdr, flare } from '../test/line-fixture-csv.js'
import { K, L, R1, R2, T, rolesFixtureFiles } from '../test/line-roles-fixture.js'
import type { AnalysisDefinition } from './definition.js'
import type { EventEvidence } from './evidence.js'
import { resolveAnyEvidence } from './resolve-any-evidence.js'
import { runAnalysis } from './run-analysis.js'

// The roles fixture (line L, runners R1 and R2, holder T, customers K), and L's successor L2 flaring K from 6 March.
const L2 = '+447911200009'
let session: CaseSession
const ctx = { now: new Date('2026-01-01T00:00:00Z'), zone: 'Europe/London' }

beforeAll(async () => {
  const l2 = { cell: '234-30-100-1', imei: '353942103546749', imsi: '234301000000109' }
  session = await caseFromFiles({
    ...rolesFixtureFiles(),
    'l2.csv': cdr([6, 7, 8, 9].flatMap((d) => flare(L2, K, d, 9, l2))),
  })
})
afterAll(() => session.close())

/** Every `evidence` value in a result (any shape, nulls left out), with where it sits. */
function evidenceFields(value: unknown, path = 'result', out: [string, unknown][] = []): [string, unknown][] {
  if (Array.isArray(value)) value.forEach((v: unknown, i) => evidenceFields(v, `${path}[${i}]`, out))
  else if (typeof value === 'object' && value !== null)
    for (const [k, v] of Object.entries(value))
      if (k === 'evidence') {
        if (v !== null) out.push([`${path}.evidence`, v])
      } else evidenceFields(v, `${path}.${k}`, out)
  return out
}

const isEvent = (v: unknown): v is EventEvidence =>
  typeof v === 'object' && v !== null && (v as { kind?: unknown }).kind === 'events'

/** Shape of an evidence value, to check each shape the analyses emit was met. */
function shapeOf(v: unknown): string {
  if (isEvent(v)) return 'event'
  if (Array.isArray(v)) return 'list'
  return `{${Object.keys(v as object).join(',')}}`
}

const RUNS: readonly [string, AnalysisDefinition<unknown>, Record<string, unknown>, readonly string[]][] = [
  ['contact-matrix', contactMatrix, { numbers: [L, R1, R2, T] }, ['{records,seenInBoth}']],
  ['common-contacts', commonContacts, { numbers: [R1, R2] }, ['{records,seenInBoth}']],
  ['contact-chains', contactChains, { numberA: R1, numberB: R2 }, ['{records,seenInBoth}']],
  ['contact-communities', contactCommunities, { minSize: 2 }, ['event', '{records,seenInBoth}']],
  ['successor-candidates', successorCandidates, { number: L }, ['{activity,sharedCustomers}']],
  ['line-roles', lineRoles, { lines: [L] }, ['list']],
]

describe('evidence of every shape', () => {
  it.each(RUNS)(
    '%s: each evidence resolves to the rows its parts count',
    async (_, definition, params, shapes) => {
      const run = await runAnalysis(definition, session.store, params, ctx)
      const fields = evidenceFields(run.result)
      for (const shape of shapes) expect(fields.map(([, v]) => shapeOf(v))).toContain(shape)
      for (const [path, evidence] of fields) {
        const r = await resolveAnyEvidence(session.store, evidence, { limit: 1_000_000 })
        expect(r.warnings, path).toEqual([])
        expect(
          r.parts.map((p) => p.held),
          path,
        ).toEqual(r.parts.map((p) => p.count))
        // One filter: exactly its rows. Several: each row once, however many parts name it.
        if (isEvent(evidence)) expect(r.rows, path).toHaveLength(evidence.count)
        expect(new Set(r.rows.map((x) => x.id)).size, path).toBe(r.rows.length)
        expect(r.rowsHeld, path).toBe(r.rows.length)
      }
    },
  )

  it('a pair: its records less the copies seen in both is the communications figure', async () => {
    const run = await runAnalysis(contactMatrix, session.store, { numbers: [R1, T] }, ctx)
    const pair = run.result.pairs[0]!
    expect(pair.seenInBoth).toBeGreaterThan(0)
    const r = await resolveAnyEvidence(session.store, pair.evidence)
    expect(r.parts.map((p) => p.path)).toEqual([
      'evidence.records[0]',
      'evidence.records[1]',
      'evidence.seenInBoth',
    ])
    expect(r.rows.length - pair.seenInBoth).toBe(pair.communications)
    // The copies are the rows named by a side and by `seenInBoth`.
    expect(r.rows.filter((x) => x.parts?.includes('evidence.seenInBoth'))).toHaveLength(pair.seenInBoth)
    expect(r.rows.map((x) => x.start_utc)).toEqual([...r.rows.map((x) => x.start_utc)].sort())
  })
})

describe('evidence checks', () => {
  const flares: EventEvidence = { kind: 'events', targets: [L2], count: 80 }

  it('reports truncation at the cap, not a mismatch, with the limit that shows every row', async () => {
    const r = await resolveAnyEvidence(session.store, flares, { limit: 30 })
    expect(r).toMatchObject({ truncated: true, rowsHeld: 80, matches: true })
    expect(r.rows).toHaveLength(30)
    expect(r.warnings).toEqual([
      'output truncated at the cap of 30 rows: showing the first 30 in time order of 80',
    ])
    const all = await resolveAnyEvidence(session.store, flares, { limit: r.rowsHeld })
    expect(all).toMatchObject({ truncated: false, warnings: [] })
    expect(all.rows).toHaveLength(80)
  })

  it('reports truncation of several parts, and a part whose count the case no longer holds', async () => {
    const day = (d: number): EventEvidence => ({
      kind: 'events',
      targets: [L2],
      from: `2024-03-0${d}T00:00:00Z`,
      to: `2024-03-0${d}T23:59:59Z`,
      count: 20,
    })
    const r = await resolveAnyEvidence(
      session.store,
      { a: day(6), b: [day(7), { ...day(8), count: 21 }] },
      { limit: 50 },
    )
    expect(r.parts.map((p) => [p.path, p.held, p.matches])).toEqual([
      ['evidence.a', 20, true],
      ['evidence.b[0]', 20, true],
      ['evidence.b[1]', 20, false],
    ])
    expect(r).toMatchObject({ truncated: true, rowsHeld: 60, matches: false })
    expect(r.rows).toHaveLength(50)
    expect(r.warnings).toEqual([
      'evidence.b[1]: the figure says 21 rows but the case now holds 20',
      'output truncated at the cap of 50 rows: showing the first 50 in time order of 60',
    ])
  })

  it('counts rows shared by parts once when the cap cuts a part', async () => {
    const day6: EventEvidence = {
      ...flares,
      from: '2024-03-06T00:00:00Z',
      to: '2024-03-06T23:59:59Z',
      count: 20,
    }
    const r = await resolveAnyEvidence(session.store, [flares, day6], { limit: 30 })
    expect(r).toMatchObject({ truncated: true, rowsHeld: 80, matches: true })
    expect(r.rows.slice(0, 20).every((x) => x.parts?.length === 2)).toBe(true)
    expect(r.warnings).toEqual([
      'output truncated at the cap of 30 rows: showing the first 30 in time order of 80',
    ])
  })

  it('resolves a figure of no rows (null, an empty list) to no rows', async () => {
    for (const none of [null, [], { records: [] }])
      expect(await resolveAnyEvidence(session.store, none)).toMatchObject({
        parts: [],
        rows: [],
        truncated: false,
        matches: true,
        warnings: [],
      })
  })

  it('says which field of bad evidence is wrong, before any query', async () => {
    await expect(resolveAnyEvidence(session.store, { kind: 'events', ids: ['x'], count: 1 })).rejects.toThrow(
      'At evidence.targets: is required: name at least one target number',
    )
  })
})
