import { describe, expect, it } from 'vitest'
import { ValidationError } from '@linesight/model'
import { evidenceParts } from './evidence-parts.js'

const A = '+447911123456'
const ev = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  kind: 'events',
  targets: [A],
  count: 3,
  ...extra,
})

// Input, the path the error must name, and what it must say.
const BAD: readonly [string, unknown, string, RegExp][] = [
  ['an unknown kind', { kind: 'foo' }, 'evidence.kind', /unknown evidence kind "foo"/],
  [
    'no targets',
    { kind: 'events', ids: ['x'], count: 1 },
    'evidence.targets',
    /is required: name at least one/,
  ],
  ['empty targets', ev({ targets: [] }), 'evidence.targets', /name at least one target number/],
  ['no count', { kind: 'events', targets: [A] }, 'evidence.count', /is required: the number of rows/],
  ['a count as text', ev({ count: '3' }), 'evidence.count', /a whole number\), got "3"/],
  ['a negative count', ev({ count: -1 }), 'evidence.count', /a whole number/],
  ['a fractional count', ev({ count: 1.5 }), 'evidence.count', /a whole number/],
  ['an unknown field', ev({ target: A }), 'evidence.target', /unknown field \(allowed: kind, count, targets/],
  ['a number in a list', ev({ others: [A, 7] }), 'evidence.others[1]', /expected an identifier/],
  ['a list as text', ev({ types: 'sms' }), 'evidence.types', /expected a list of identifiers, got "sms"/],
  ['a day that does not exist', ev({ from: '2024-02-30' }), 'evidence.from', /expected an ISO 8601 time/],
  ['a time as a number', ev({ to: 1709251200 }), 'evidence.to', /expected an ISO 8601 time/],
  ['no kind', { targets: [A], count: 1 }, 'evidence.kind', /is required: "events"/],
  [
    'a bad part of a pair',
    { records: [ev(), ev({ count: null })] },
    'evidence.records[1].count',
    /whole number/,
  ],
  ['a number as a part', { records: [1] }, 'evidence.records[0]', /expected an evidence object/],
  ['text', 'events', 'evidence', /expected an evidence object .*, got "events"/],
  ['an empty object', {}, 'evidence', /got an empty object/],
  [
    'a list too long',
    ev({ ids: Array.from({ length: 100_001 }, (_, i) => `f:${i}`) }),
    'evidence.ids',
    /at most/,
  ],
]

describe('evidence parts', () => {
  it.each(BAD)('rejects %s, naming the field', (_, input, path, problem) => {
    let error: unknown
    try {
      evidenceParts(input)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(ValidationError)
    expect((error as ValidationError).path).toBe(path)
    expect((error as ValidationError).problem).toMatch(problem)
  })

  it('finds the parts of every shape the analyses emit, with their paths', () => {
    const paths = (v: unknown): string[] => evidenceParts(v).map((p) => p.path)
    expect(paths(ev())).toEqual(['evidence'])
    expect(paths([ev(), ev()])).toEqual(['evidence[0]', 'evidence[1]'])
    expect(paths({ records: [ev(), ev()], seenInBoth: ev({ ids: ['f:1'] }) })).toEqual([
      'evidence.records[0]',
      'evidence.records[1]',
      'evidence.seenInBoth',
    ])
    expect(paths({ activity: ev(), sharedCustomers: [ev()] })).toEqual([
      'evidence.activity',
      'evidence.sharedCustomers[0]',
    ])
    expect(paths(null)).toEqual([])
    expect(paths([])).toEqual([])
  })

  it('keeps the fields it was given and accepts no bound as null', () => {
    const [part] = evidenceParts(
      ev({ from: '2024-03-01T00:00:00Z', to: null, others: ['B'], ids: [], types: ['sms'] }),
    )
    expect(part!.evidence).toEqual({
      kind: 'events',
      targets: [A],
      others: ['B'],
      types: ['sms'],
      ids: [],
      from: '2024-03-01T00:00:00Z',
      count: 3,
    })
  })
})
