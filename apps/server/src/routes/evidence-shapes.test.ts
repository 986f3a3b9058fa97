import { describe, expect, it } from 'vitest'
import { evidenceParts } from '@linesight/analysis'
import { evidenceSummary } from '@linesight/viz'

const ev = (count: number): Readonly<Record<string, unknown>> => ({
  kind: 'events',
  targets: ['+441'],
  count,
})

/** Evidence as results carry it, and values that are not evidence: the web app's guard and the server's walker. */
const SHAPES: readonly unknown[] = [
  ev(3),
  [ev(3), ev(4)],
  { records: [ev(60), ev(49)], seenInBoth: ev(5) },
  { records: [ev(1)] },
  { activity: ev(10), sharedCustomers: [ev(2), null] },
  [[[[ev(1)]]]],
  [[[[[ev(1)]]]]],
  { kind: 'events', targets: ['+441'] },
  { records: [{ kind: 'events', count: 3 }] },
  { a: ev(1), b: 'x' },
  [ev(1), 2],
  {},
  'events',
]

const serverParts = (v: unknown): { parts: number; count: number } | 'refused' => {
  try {
    const parts = evidenceParts(v)
    return { parts: parts.length, count: parts.reduce((n, p) => n + p.evidence.count, 0) }
  } catch {
    return 'refused'
  }
}

describe("the web app's evidence guard", () => {
  it('opens only evidence the server walks, with the parts and counts the server finds', () => {
    for (const shape of SHAPES) {
      const web = evidenceSummary(shape)
      if (web !== null) expect(serverParts(shape), JSON.stringify(shape)).toEqual(web)
      else
        expect(serverParts(shape), JSON.stringify(shape)).toSatisfy((s) => s === 'refused' || s.parts === 0)
    }
    // The table covers both sides: evidence the button opens and values it leaves as text.
    expect(SHAPES.filter((s) => evidenceSummary(s) !== null)).toHaveLength(6)
  })
})
