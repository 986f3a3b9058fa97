import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CaseSession } from '@linesight/casework'
import { resolveEvidence } from '../../core/resolve-evidence.js'
import { runAnalysis } from '../../core/run-analysis.js'
import { CDR_HEADER, caseFromFiles } from '../../test/case-from-files.js'
import { commonNumbers } from './common-numbers.js'
import { parseDumps } from './common-numbers.rules.js'

const N1 = '+447911000001'
const N2 = '+447911000002'
const N3 = '+447911000003'
const N4 = '+447911000004'
const C = '+447922000001'
const X = '+447922000002'
let session: CaseSession

/** A figure without its evidence, for comparing the numbers. */
const bare = <T extends object>(x: T): Omit<T, 'evidence'> =>
  Object.fromEntries(Object.entries(x).filter(([k]) => k !== 'evidence')) as Omit<T, 'evidence'>
const ctx = { now: new Date('2026-01-01T00:00:00Z'), zone: 'Europe/London' }

const DUMPS = [
  'robbery=234-15-1-100@2024-03-01T22:00:00Z/2024-03-01T23:00:00Z',
  // Given in local time with its offset: 10:00–11:00 UTC.
  'car park=234-15-2-200|234-15-2-201@2024-03-02T11:00:00+01:00/2024-03-02T12:00:00+01:00',
  // A 4G cell by its ECGI alone, with no TAC.
  '234-20--555@2024-03-03T08:00:00Z/2024-03-03T09:00:00Z',
]

beforeAll(async () => {
  // A cell dump is delivered as ordinary records of many numbers.
  session = await caseFromFiles({
    'dump.csv': [
      CDR_HEADER,
      `${N1},${C},out,voice,2024-03-01T22:10:00Z,60,234-15-1-100`,
      `${N1},${C},out,sms,2024-03-02T10:30:00Z,,234-15-2-201`,
      `${N2},${X},in,sms,2024-03-01T22:20:00Z,,234-15-1-100`,
      `${N2},${X},in,sms,2024-03-01T22:40:00Z,,234-15-1-100`,
      `${N2},${X},out,voice,2024-03-02T10:45:00Z,30,234-15-2-200`,
      `${N2},${C},out,sms,2024-03-03T08:15:00Z,,234-20-7-555`,
      `${N3},${X},out,sms,2024-03-01T22:50:00Z,,234-15-1-100`,
      // Outside the windows.
      `${N4},${X},out,sms,2024-03-02T11:30:00Z,,234-15-2-200`,
      `${N4},${X},out,sms,2024-03-01T23:30:00Z,,234-15-1-100`,
    ].join('\n'),
  })
})
afterAll(() => session.close())

describe('common numbers (cell dumps)', () => {
  it('ranks numbers present at two or more of three places and times', async () => {
    const r = (await runAnalysis(commonNumbers, session.store, { dumps: DUMPS }, ctx)).result
    expect(r.dumps.map(bare)).toEqual([
      {
        label: 'robbery',
        cells: ['234-15-1-100'],
        from_utc: '2024-03-01T22:00:00Z',
        to_utc: '2024-03-01T23:00:00Z',
        events: 4,
        numbers: 3,
      },
      {
        label: 'car park',
        cells: ['234-15-2-200', '234-15-2-201'],
        from_utc: '2024-03-02T10:00:00Z',
        to_utc: '2024-03-02T11:00:00Z',
        events: 2,
        numbers: 2,
      },
      {
        label: 'dump 3',
        cells: ['234-20--555'],
        from_utc: '2024-03-03T08:00:00Z',
        to_utc: '2024-03-03T09:00:00Z',
        events: 1,
        numbers: 1,
      },
    ])
    expect(r.present.map((n) => [n.number, n.dumps, n.events, n.at.map((a) => [a.dump, a.events])])).toEqual([
      [
        N2,
        3,
        4,
        [
          ['robbery', 2],
          ['car park', 1],
          ['dump 3', 1],
        ],
      ],
      [
        N1,
        2,
        2,
        [
          ['robbery', 1],
          ['car park', 1],
        ],
      ],
    ])
    expect(r.contacted.map((n) => [n.number, n.dumps, n.events])).toEqual([
      [C, 3, 3],
      [X, 2, 4],
    ])
    const all = [
      ...r.dumps.map((d) => d.evidence!),
      ...[...r.present, ...r.contacted].flatMap((n) => n.at.map((a) => a.evidence)),
    ]
    for (const e of all) expect((await resolveEvidence(session.store, e)).length).toBe(e.count)
  })

  it('all three, or just one', async () => {
    const three = (await runAnalysis(commonNumbers, session.store, { dumps: DUMPS, minDumps: 3 }, ctx)).result
    expect(three.present.map((n) => n.number)).toEqual([N2])
    const one = (
      await runAnalysis(commonNumbers, session.store, { dumps: DUMPS, minDumps: 1, limit: 3 }, ctx)
    ).result
    expect(one.present.map((n) => n.number)).toEqual([N2, N1, N3])
  })

  it('counts an event once when its cell is given twice in one place and time', async () => {
    // The robbery cell with its LAC and again without: both entries match the same records.
    const twice = ['robbery=234-15-1-100|234-15--100@2024-03-01T22:00:00Z/2024-03-01T23:00:00Z', DUMPS[1]!]
    const r = (await runAnalysis(commonNumbers, session.store, { dumps: twice }, ctx)).result
    expect(r.dumps.map((d) => [d.label, d.events, d.numbers])).toEqual([
      ['robbery', 4, 3],
      ['car park', 2, 2],
    ])
    expect(r.present.map((n) => [n.number, n.dumps, n.events])).toEqual([
      [N2, 2, 3],
      [N1, 2, 2],
    ])
    expect(r.contacted.map((n) => [n.number, n.dumps, n.events])).toEqual([
      [X, 2, 4],
      [C, 2, 2],
    ])
  })

  it('names the item and part of a bad place and time', async () => {
    const bad = async (dumps: string[]) => runAnalysis(commonNumbers, session.store, { dumps }, ctx)
    await expect(bad([DUMPS[0]!, 'x=234-15-1@2024-03-01T22:00:00Z/2024-03-01T23:00:00Z'])).rejects.toThrow(
      /common-numbers\.params\.dumps\[1\]\.cells\[0\]: "234-15-1" is not a cell global id/,
    )
    await expect(bad([DUMPS[0]!, '234-15-1-100 2024-03-01'])).rejects.toThrow(/dumps\[1\]: expected one "@"/)
    await expect(bad([DUMPS[0]!, '234-15-1-100@2024-03-01T23:00:00Z/2024-03-01T22:00:00Z'])).rejects.toThrow(
      /dumps\[1\]\.to: must be after from/,
    )
    await expect(bad([DUMPS[0]!, '234-15-1-100@2024-02-30T22:00:00Z/2024-03-01T22:00:00Z'])).rejects.toThrow(
      /dumps\[1\]\.from: "2024-02-30T22:00:00Z" is not a real time/,
    )
    await expect(bad([DUMPS[0]!, '234-15-1-100@2024-03-01 22:00/2024-03-01T23:00:00Z'])).rejects.toThrow(
      /dumps\[1\]\.from: .* not an ISO 8601 time with Z or an offset/,
    )
    await expect(bad([DUMPS[0]!])).rejects.toThrow(/dumps: give at least two/)
    expect(() => parseDumps(['a=1-2-3@x/y'], 'p')).toThrow(/p\[0\]\.cells\[0\]/)
    expect(() => parseDumps([DUMPS[0]!, DUMPS[0]!], 'p')).toThrow(/p\[1\]\.label: "robbery" is used twice/)
  })
})
