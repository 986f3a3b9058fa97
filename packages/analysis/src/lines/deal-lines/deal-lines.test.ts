import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CaseSession } from '@linesight/casework'
import { resolveEvidence } from '../../core/resolve-evidence.js'
import { runAnalysis } from '../../core/run-analysis.js'
import { CDR_HEADER, caseFromFiles } from '../../test/case-from-files.js'
import { dealLines } from './deal-lines.js'
import { assess, rankCandidates, type DealLineRules } from './deal-lines.rules.js'
import type { BehaviourRow } from './deal-lines.sql.js'

const ctx = { now: new Date('2026-01-01T00:00:00Z'), zone: 'Europe/London' }
const L = '+447922600001' // a line: daily flares to one list, customers ring, PAYG
const B = '+447922600002' // the same behaviour on a business account
const S = '+447922600003' // a surgery: weekday reminders to a different set each day, business account
const P = '+447922600004' // a personal phone: long calls both ways with a friend over two weeks
const F = '+447922600099'
const R = (i: number): string => `+4479226010${String(i).padStart(2, '0')}`
const T = (i: number): string => `+447922602${String(i).padStart(3, '0')}`
const CELL = '234-15-1-100'
// Monday 4 to Sunday 10 March 2024 (GMT).
const day = (d: number): string => `2024-03-${String(4 + d).padStart(2, '0')}`
const at = (d: number, hms: string): string => `${day(d)}T${hms}Z`

function lineRows(n: string): string[] {
  const rows: string[] = []
  for (let d = 0; d < 7; d++) {
    for (let i = 1; i <= 20; i++)
      rows.push(`${n},${R(i)},out,sms,${at(d, `19:00:${String(i).padStart(2, '0')}`)},,${CELL}`)
    // R1–R6 each ring on one day (Monday–Saturday) and all ring on Sunday.
    if (d < 6) rows.push(`${n},${R(d + 1)},in,voice,${at(d, '20:00:00')},30,${CELL}`)
    else for (let i = 1; i <= 6; i++) rows.push(`${n},${R(i)},in,voice,${at(d, `20:0${i}:00`)},30,${CELL}`)
  }
  rows.push(`${n},${R(1)},out,voice,${at(0, '20:10:00')},20,${CELL}`)
  return rows
}

let session: CaseSession
beforeAll(async () => {
  const surgery: string[] = []
  for (let d = 0; d < 5; d++)
    for (let i = 0; i < 20; i++)
      surgery.push(
        `${S},${T(d * 20 + i)},out,sms,${at(d, `09:00:${String(i * 2).padStart(2, '0')}`)},,${CELL}`,
      )
  session = await caseFromFiles({
    'l.csv': [CDR_HEADER, ...lineRows(L)].join('\n'),
    'b.csv': [CDR_HEADER, ...lineRows(B)].join('\n'),
    's.csv': [CDR_HEADER, ...surgery].join('\n'),
    'p.csv': [
      CDR_HEADER,
      `${P},${F},out,voice,${at(0, '18:00:00')},400,${CELL}`,
      `${P},${F},in,voice,2024-03-12T18:00:00Z,500,${CELL}`,
      `${P},${F},out,sms,2024-03-12T18:30:00Z,,${CELL}`,
    ].join('\n'),
    'subscribers.csv': [
      'msisdn,name,date_of_birth,address,postcode,lat,lon,account_type,imsi,imei,valid_from,valid_to',
      `${L},,,,,,,PAYG,,,,`,
      `${B},Acme Ltd,,1 High Street,CO1 1AA,,,Business,,,,`,
      `${S},Riverside Surgery,,2 High Street,CO1 1AB,,,Business,,,,`,
      `${P},Jo Bloggs,1990-01-01,3 High Street,CO1 1AC,,,Contract,,,,`,
    ].join('\n'),
  })
})
afterAll(() => session.close())

describe('deal-line candidates', () => {
  it('measures each number from its own records and gives verdicts with reasons', async () => {
    const r = await runAnalysis(dealLines, session.store, {}, ctx)
    expect(r.result.candidates.map((c) => [c.number, c.verdict])).toEqual([
      [L, 'deal-line'],
      [B, 'possible'],
      [S, 'not'],
      [P, 'not'],
    ])
    expect(r.result.counts).toEqual({ 'deal-line': 1, possible: 1, not: 2 })
    expect(r.result.analystConfirmationRequired).toBe(true)
    const line = r.result.candidates[0]!
    expect(line.activity).toMatchObject({
      firstDay: '2024-03-04',
      lastDay: '2024-03-10',
      spanDays: 7,
      activeDays: 7,
      bursts: 7,
      burstDays: 7,
      meanRecipientsPerBurst: 20,
      fanIn: { median: 1, p90: 3, max: 6 },
    })
    const value = (name: string) => line.parts.find((p) => p.name === name)?.value
    expect(value('regular-flares')).toBe(7)
    expect(value('stable-list')).toBe(1)
    expect(value('customer-initiation')).toBe(6)
    expect(value('personal-absence')).toBe(0)
    expect(value('account-type')).toBe('PAYG')
    expect(value('short-calls')).toBe(1)
    expect(value('active-hours')).toBe(1)
    expect(line.score).toBeGreaterThan(90)
    expect(r.result.candidates[1]!.conditions.filter((c) => !c.passed).map((c) => c.name)).toEqual([
      'not-blocked-account',
    ])
    const surgery = r.result.candidates[2]!
    expect(surgery.conditions.filter((c) => !c.passed).map((c) => c.name)).toEqual([
      'stable-list',
      'customer-initiation',
      'not-blocked-account',
    ])
    expect(surgery.parts.find((p) => p.name === 'stable-list')?.value).toBe(0)
    const personal = r.result.candidates[3]!
    expect(personal.parts.find((p) => p.name === 'personal-absence')?.value).toBe(1)
    expect(personal.parts.find((p) => p.name === 'account-type')?.subscriberRecords).toHaveLength(1)
  })

  it('takes its thresholds as parameters', async () => {
    const strict = await runAnalysis(
      dealLines,
      session.store,
      { targets: [L], initiatingRecipientsMin: 7 },
      ctx,
    )
    expect(strict.result.candidates.map((c) => [c.number, c.verdict])).toEqual([[L, 'possible']])
    const open = await runAnalysis(dealLines, session.store, { targets: [B], blockingAccountTypes: [] }, ctx)
    expect(open.result.candidates.map((c) => c.verdict)).toEqual(['deal-line'])
    const sparse = await runAnalysis(dealLines, session.store, { targets: [L], burstMinRecipients: 21 }, ctx)
    expect(sparse.result.candidates.map((c) => [c.verdict, c.activity.bursts])).toEqual([['not', 0]])
  })

  it('every part resolves to the rows it was computed from, and the run is deterministic', async () => {
    const r = await runAnalysis(dealLines, session.store, {}, ctx)
    for (const c of r.result.candidates) {
      expect(await resolveEvidence(session.store, c.evidence)).toHaveLength(c.evidence.count)
      for (const p of c.parts)
        if (p.evidence !== null)
          expect(await resolveEvidence(session.store, p.evidence), `${c.number} ${p.name}`).toHaveLength(
            p.evidence.count,
          )
    }
    expect(JSON.stringify(await runAnalysis(dealLines, session.store, {}, ctx))).toBe(JSON.stringify(r))
  })
})

const RULES: DealLineRules = {
  flareTypes: ['sms'],
  burstDaysPerWeekMin: 3,
  stableListMin: 0.5,
  initiatingRecipientsMin: 5,
  personalContactsMax: 3,
  blockingAccountTypes: ['Business'],
  possibleMaxFailed: 1,
  shortCallSeconds: 60,
  longCallSeconds: 300,
  businessHoursStart: 8,
  businessHoursEnd: 18,
  fanInReference: 10,
  outOfHoursReference: 0.3,
  movementReference: 3,
  weights: {
    'regular-flares': 30,
    'stable-list': 20,
    'customer-initiation': 10,
    'personal-absence': 10,
    'account-type': 10,
    'fan-in': 5,
    'short-calls': 5,
    'active-hours': 5,
    movement: 5,
  },
}

const row = (over: Partial<BehaviourRow>): BehaviourRow => ({
  n: '+447922600100',
  first_day: '2024-03-04',
  last_day: '2024-03-17',
  span_days: 14,
  active_days: 14,
  events: 1000,
  contacts: 900,
  inbound_contacts: 500,
  voice: 600,
  out_texts: 400,
  bursts: 14,
  burst_days: 14,
  flare_messages: 400,
  mean_recipients: 30,
  recurrence: 1,
  flare_recipients: 40,
  initiating_recipients: 30,
  fan_median: 15,
  fan_p90: 20,
  fan_max: 25,
  connected_calls: 500,
  short_calls: 500,
  long_calls: 0,
  out_of_hours: 450,
  cells: 20,
  cells_per_day: 4,
  distinct_contacts: 50,
  personal_contacts: 0,
  account_types: ['PAYG'],
  subscriber_records: [],
  ...over,
})

describe('deal-line verdict rules', () => {
  it('needs every condition for deal-line; one failure with bursts is possible; more is not', () => {
    expect(assess(row({}), RULES).verdict).toBe('deal-line')
    expect(assess(row({ burst_days: 5 }), RULES).verdict).toBe('possible') // 2.5 days a week
    expect(assess(row({ burst_days: 6 }), RULES).verdict).toBe('deal-line') // exactly 3 days a week
    expect(assess(row({ burst_days: 5, personal_contacts: 4 }), RULES).verdict).toBe('not')
    expect(assess(row({ recurrence: null, bursts: 1, burst_days: 1, span_days: 1 }), RULES).verdict).toBe(
      'possible',
    )
    expect(assess(row({ bursts: 0, burst_days: 0, recurrence: null }), RULES).verdict).toBe('not')
    expect(assess(row({ account_types: ['business'] }), RULES).verdict).toBe('possible')
    expect(assess(row({ account_types: [] }), RULES).verdict).toBe('deal-line')
  })

  it('scores 0–100 from weighted parts and ranks by verdict, score, number', () => {
    const full = assess(row({}), RULES)
    expect(full.score).toBe(100)
    expect(full.parts.reduce((s, p) => s + p.weight, 0)).toBe(100)
    const contract = assess(row({ n: '+447922600101', account_types: ['Contract'] }), RULES)
    expect(contract.parts.find((p) => p.name === 'account-type')?.points).toBe(2.5)
    const possible = assess(row({ n: '+447922600000', burst_days: 5 }), RULES)
    expect(rankCandidates([possible, contract, full]).map((c) => c.number)).toEqual([
      full.number,
      contract.number,
      possible.number,
    ])
  })
})
