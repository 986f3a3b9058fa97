import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CaseSession } from '@linesight/casework'
import { resolveEvidence } from '../../core/resolve-evidence.js'
import { runAnalysis } from '../../core/run-analysis.js'
import { CDR_HEADER, caseFromFiles } from '../../test/case-from-files.js'
import { cleanDirty } from './clean-dirty.js'

const CELL_HEADER =
  'network,mcc,mnc,lac,ci,technology,site_id,site_name,lat,lon,easting,northing,azimuth,beamwidth,valid_from,valid_to'
const P = '+447911123456'
const Q = '+447922654321'
const X = '+447933111222'
let session: CaseSession
const ctx = { now: new Date('2026-01-01T00:00:00Z'), zone: 'Europe/London' }

beforeAll(async () => {
  session = await caseFromFiles({
    'cells.csv': [
      CELL_HEADER,
      'Vodafone,234,15,1,100,lte,H,HOME,51.5400,0.7100,,,90,120,2020-01-01,',
      'Vodafone,234,15,2,200,lte,S,SCENE,51.5074,-0.1278,,,0,120,2020-01-01,',
    ].join('\n'),
    'p.csv': [
      CDR_HEADER,
      // At home and only receiving ...
      `${P},,out,data,2024-03-05T20:00:00Z,900,234-15-1-100`,
      `${P},${X},in,sms,2024-03-05T20:10:00Z,,234-15-1-100`,
      `${P},${X},in,voice,2024-03-05T20:20:00Z,0,234-15-1-100`,
      `${P},${X},out,voice,2024-03-06T12:00:00Z,120,234-15-1-100`,
      `${P},,out,data,2024-03-07T09:05:00Z,900,234-15-1-100`,
    ].join('\n'),
    'q.csv': [
      CDR_HEADER,
      // ... while Q calls and texts 58 km away.
      `${Q},${X},out,voice,2024-03-05T20:05:00Z,60,234-15-2-200`,
      `${Q},${X},out,sms,2024-03-05T20:15:00Z,,234-15-2-200`,
      // Both active: not the pattern.
      `${Q},${X},out,sms,2024-03-06T12:10:00Z,,234-15-2-200`,
      // Same place: not the pattern.
      `${Q},${X},out,sms,2024-03-07T09:00:00Z,,234-15-1-100`,
    ].join('\n'),
  })
})
afterAll(() => session.close())

describe('clean / dirty pattern', () => {
  it('finds one phone passive at home while the other is active elsewhere, with the caution', async () => {
    const r = (await runAnalysis(cleanDirty, session.store, { targets: [P, Q] }, ctx)).result
    expect(r.patterns.map((p) => [p.active, p.passive, p.periods, p.instances, p.days])).toEqual([
      [Q, P, 1, 2, 1],
      [P, Q, 0, 0, 0],
    ])
    const { evidence, ...period } = r.patterns[0]!.list[0]!
    expect(period).toEqual({
      first_utc: '2024-03-05T20:05:00Z',
      last_utc: '2024-03-05T20:15:00Z',
      first_local: '2024-03-05 20:05:00 +00:00',
      last_local: '2024-03-05 20:15:00 +00:00',
      instances: 2,
      passive_events: 3,
      min_km: 58.08,
      active_sites: ['site 234-15 S'],
      passive_sites: ['site 234-15 H'],
      active_site_names: ['SCENE'],
      passive_site_names: ['HOME'],
      position_sources: ['network'],
      evidential: true,
    })
    expect(
      (await resolveEvidence(session.store, evidence)).map((e) => [e.target_msisdn, e.start_utc]),
    ).toEqual([
      [P, '2024-03-05T20:00:00Z'],
      [Q, '2024-03-05T20:05:00Z'],
      [P, '2024-03-05T20:10:00Z'],
      [Q, '2024-03-05T20:15:00Z'],
      [P, '2024-03-05T20:20:00Z'],
    ])
    expect(r.caution).toMatch(/pattern, not an identification.*defence contests/)
    const many = Array.from({ length: 11 }, (_, i) => `+4479110000${String(i).padStart(2, '0')}`)
    await expect(runAnalysis(cleanDirty, session.store, { targets: many }, ctx)).rejects.toThrow(
      /clean-dirty\.params\.targets: give at most 10 numbers/,
    )
  })

  it('profiles each phone: passive share and how static it is', async () => {
    const r = (await runAnalysis(cleanDirty, session.store, { targets: [P, Q] }, ctx)).result
    expect(
      r.profiles.map(({ active, passive, ...p }) => ({
        ...p,
        active: active.events,
        passive: passive.events,
      })),
    ).toEqual([
      {
        number: P,
        events_with_position: 5,
        passive_share: 0.8,
        sites: 1,
        top_site: 'site 234-15 H',
        top_site_name: 'HOME',
        top_site_share: 1,
        active: 1,
        passive: 4,
      },
      {
        number: Q,
        events_with_position: 4,
        passive_share: 0,
        sites: 2,
        top_site: 'site 234-15 S',
        top_site_name: 'SCENE',
        top_site_share: 0.75,
        active: 4,
        passive: 0,
      },
    ])
    expect((await resolveEvidence(session.store, r.profiles[0]!.passive.evidence!)).length).toBe(4)
    // No passive events: no evidence (an empty id list would select every event).
    expect(r.profiles[1]!.passive.evidence).toBeNull()
  })
})
