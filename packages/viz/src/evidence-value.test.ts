import { describe, expect, it } from 'vitest'
import { evidenceLabel, evidenceSummary, isEvidenceValue } from './evidence-value.js'

const ev = (count: number, target = '+441'): Readonly<Record<string, unknown>> => ({
  kind: 'events',
  targets: [target],
  count,
})

describe('evidence of any shape', () => {
  it('accepts one evidence object, lists of them and records of named parts, as the server does', () => {
    expect(evidenceSummary(ev(3))).toEqual({ parts: 1, count: 3 })
    // A line-role signal: a list of filters.
    expect(evidenceSummary([ev(3), ev(4, '+442')])).toEqual({ parts: 2, count: 7 })
    // A contact-matrix pair: one filter per side and the copies seen in both.
    expect(evidenceSummary({ records: [ev(60), ev(49, '+442')], seenInBoth: ev(5) })).toEqual({
      parts: 3,
      count: 114,
    })
    // A successor candidate: named parts, one of them a list; a part of no rows is null.
    expect(evidenceSummary({ activity: ev(10), sharedCustomers: [ev(2), null] })).toEqual({
      parts: 2,
      count: 12,
    })
    expect(evidenceSummary({ records: [ev(1)], seenInBoth: null })).toEqual({ parts: 1, count: 1 })
  })

  it('refuses values that hold no evidence object or anything besides evidence', () => {
    for (const v of [
      null,
      undefined,
      [],
      {},
      [null],
      { a: null },
      3,
      'events',
      [ev(1), 2],
      { a: ev(1), b: 'x' },
    ])
      expect(isEvidenceValue(v), JSON.stringify(v)).toBe(false)
    // Broken evidence objects are not records of parts.
    expect(isEvidenceValue({ kind: 'events', targets: ['+441'] })).toBe(false)
    expect(isEvidenceValue({ count: 3 })).toBe(false)
    expect(isEvidenceValue({ records: [{ kind: 'events', count: 3 }] })).toBe(false)
    // Ordinary records of a result (a town, a person) are not evidence.
    expect(isEvidenceValue({ lat: 51.5, lon: -0.1, events: 3 })).toBe(false)
    expect(isEvidenceValue({ name: 'A', record: { source: 'x' } })).toBe(false)
  })

  it('stops where the server stops: at most four levels of nesting', () => {
    expect(isEvidenceValue([[[[ev(1)]]]])).toBe(true)
    expect(isEvidenceValue([[[[[ev(1)]]]]])).toBe(false)
  })

  it('labels one evidence object as before and several with their parts', () => {
    expect(evidenceLabel(ev(1234))).toBe('1,234 rows')
    expect(evidenceLabel([ev(1234)])).toBe('1,234 rows in 1 part')
    expect(evidenceLabel({ records: [ev(3), ev(4)], seenInBoth: ev(1) })).toBe('8 rows in 3 parts')
    expect(evidenceLabel({ x: 1 })).toBe('')
  })
})
