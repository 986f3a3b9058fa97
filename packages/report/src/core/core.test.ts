import { describe, expect, it } from 'vitest'
import { readDailyCustomers } from '../contracts/daily-customers.js'
import { findLine } from '../contracts/line-continuity.js'
import { CONTINUITY, L2, PROVENANCE } from '../test/line-fixtures.js'
import { citer } from './citations.js'
import { tryRead } from './contract.js'
import { checkProvenance, initials, parseExhibitRef } from './provenance.js'
import { ageOn, localToUtc, toLocal } from './time.js'
import { eventWording, type WordedEvent } from './wording.js'

describe('times', () => {
  it('gives local time with the zone in force at that instant, whatever the process zone', () => {
    expect(toLocal('2024-03-31T00:59:59Z', 'Europe/London')).toEqual({
      date: '2024-03-31',
      time: '00:59:59',
      zone: 'GMT',
      offset: '+00:00',
    })
    expect(toLocal('2024-03-31T01:00:00Z', 'Europe/London')).toEqual({
      date: '2024-03-31',
      time: '02:00:00',
      zone: 'BST',
      offset: '+01:00',
    })
    expect(toLocal('2024-10-27T00:30:00Z', 'Europe/London', 'minute').time).toBe('01:30')
    expect(toLocal('2024-10-27T01:30:00Z', 'Europe/London')).toMatchObject({ time: '01:30:00', zone: 'GMT' })
    expect(toLocal('2024-07-01T08:00:00Z', 'UTC')).toMatchObject({ time: '08:00:00', offset: '+00:00' })
  })

  it('turns a local wall time into UTC, the first occurrence in the autumn hour', () => {
    expect(localToUtc('2024-07-01', '00:00:00', 'Europe/London')).toBe('2024-06-30T23:00:00Z')
    expect(localToUtc('2024-01-15', '23:59:59', 'Europe/London')).toBe('2024-01-15T23:59:59Z')
    expect(localToUtc('2024-10-27', '01:30:00', 'Europe/London')).toBe('2024-10-27T00:30:00Z')
    expect(() => localToUtc('27/10/2024', '01:30:00', 'Europe/London')).toThrow(/not a local date/)
  })

  it('counts age in whole years by calendar', () => {
    expect(ageOn('2011-09-01', '2025-08-31')).toBe(13)
    expect(ageOn('2011-09-01', '2025-09-01')).toBe(14)
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17)
    expect(ageOn('not a date', '2025-01-01')).toBeNull()
  })
})

describe('event wording', () => {
  const base: WordedEvent = {
    event_type: 'voice',
    direction: 'out',
    other: '+447922654321',
    duration_s: 42,
    start_utc: '2024-07-01T08:15:00Z',
    end_utc: null,
    start_precision: 'minute',
    start_cgi: '234-15-1-2',
    time_semantics: 'at',
  }
  it('says which cell was used and when, never where the phone was', () => {
    expect(eventWording(base, 'Europe/London')).toBe(
      'Outgoing call to +447922654321 (42 s). Used cell 234-15-1-2 at 09:15 BST.',
    )
    expect(eventWording({ ...base, direction: 'unknown', event_type: 'sms' }, 'Europe/London')).toBe(
      'SMS with +447922654321 (direction not recorded). Used cell 234-15-1-2 at 09:15 BST.',
    )
    expect(
      eventWording(
        { ...base, event_type: 'data', other: null, time_semantics: 'at-or-before-end' },
        'Europe/London',
      ),
    ).toBe(
      'Data session (42 s). Used cell 234-15-1-2 at or before the end of the session (end time not recorded; started 09:15 BST).',
    )
    expect(
      eventWording({ ...base, event_type: 'voicemail', other: null, start_cgi: null }, 'Europe/London'),
    ).toBe('Voicemail (42 s). No cell recorded.')
  })
})

describe('reading results and provenance', () => {
  it('reads an analysis result by the fields a document uses, naming the first one missing', () => {
    const bad = tryRead(
      readDailyCustomers,
      { line: '+44', base: { members: 1, recipients: 1 }, days: [], totals: {}, contactBreakdown: [] },
      'daily-customers.result',
    )
    expect(bad).toEqual({
      ok: false,
      reason: 'At daily-customers.result.totals.customerDays: expected a number, got a undefined',
    })
    expect(findLine(CONTINUITY, L2)?.key).toBe(CONTINUITY.lines[0]!.key)
    expect(findLine(CONTINUITY, '+447000000000')).toBeNull()
  })

  it('hands out one evidence reference per distinct filter', () => {
    const cite = citer()
    const e = { kind: 'events', targets: ['+447911000001'], count: 3 } as const
    expect(cite(e, 'a')).toBe('E1')
    expect(cite({ ...e, types: ['sms'] }, 'b')).toBe('E2')
    expect(cite({ count: 3, targets: ['+447911000001'], kind: 'events' }, 'c')).toBe('E1')
    expect(cite(null, 'd')).toBe('-')
    expect(cite.citations().map((c) => c.label)).toEqual(['a', 'b'])
  })

  it('keeps exhibit references and the critical-findings check honest', () => {
    expect(parseExhibitRef('js/12')).toEqual({ prefix: 'JS', number: 12 })
    expect(() => parseExhibitRef('JS-12')).toThrow(/expected PREFIX\/NUMBER/)
    expect(initials('Jo  van Smith')).toBe('JVS')
    expect(() => checkProvenance({ ...PROVENANCE, reviewer: 'JO SMITH' })).toThrow(/second person/)
    expect(() => checkProvenance({ ...PROVENANCE, analyst: ' ' })).toThrow(/analyst must be named/)
    expect(checkProvenance({ ...PROVENANCE, reviewer: null }).reviewer).toBeNull()
  })
})
