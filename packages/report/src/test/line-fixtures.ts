import type { AnalysisResult } from '@linesight/analysis'
import { available, type AnalysisSlot } from '../core/analysis-slot.js'
import type { CellUseRow } from '../store/cells-used.sql.js'
import {
  CONTINUITY,
  DAILY,
  DEAL_LINES,
  FLARES,
  QUANTITY,
  ROLES,
  TRANSACTIONS,
  WORKLIST,
} from './line-figures.js'
import { GENERATED_AT, INPUT_DIGEST, L1, L2, L3 } from './line-numbers.js'

export * from './line-numbers.js'
export * from './line-figures.js'

function result<R>(
  id: string,
  title: string,
  parameters: Record<string, string | number | boolean | null | readonly string[]>,
  value: R,
): AnalysisResult<R> {
  return {
    analysis: { id, version: '1', title },
    parameters,
    parametersDigest: `${id.length.toString(16).padStart(2, '0')}`.repeat(32),
    inputDigest: INPUT_DIGEST,
    generatedAt: GENERATED_AT,
    result: value,
  }
}

/** Each analysis result as a slot, as gathered from a registry that has them all. */
export const SLOTS = {
  'line-continuity': available(
    result(
      'line-continuity',
      'Line continuity (successor numbers, handsets and SIMs)',
      { lines: [L1], continuityWindowDays: 14, handoverMaxGapDays: 7 },
      CONTINUITY,
    ),
    'Groups deal-line numbers into lines over time by shared handsets, SIMs and customers.',
  ),
  'deal-lines': available(
    result(
      'deal-lines',
      'Deal-line detection',
      { targets: [L1, L2, L3], burstMinRecipients: 20, burstWindowMinutes: 5 },
      DEAL_LINES,
    ),
  ),
  'flare-bursts': available(
    result(
      'flare-bursts',
      'Flare bursts',
      { senders: [L1, L2, L3], burstMinRecipients: 20, burstWindowMinutes: 5 },
      FLARES,
    ),
  ),
  'daily-customers': available(
    result(
      'daily-customers',
      'Daily customers (police rules)',
      {
        line: L1,
        minConnectedCallSeconds: 6,
        maxUnansweredInboundSeconds: 4,
        countInboundSms: false,
        from: null,
        to: null,
      },
      DAILY,
    ),
  ),
  transactions: available(
    result(
      'transactions',
      'Potential and confirmed transactions',
      { line: L1, callbackWindowMinutes: 60 },
      TRANSACTIONS,
    ),
  ),
  quantity: available(
    result(
      'quantity',
      'Quantity and value',
      { line: L1, heroinMeanMgPerDay: 700, crackMeanMgPerDay: 500 },
      QUANTITY,
    ),
  ),
  'line-roles': available(result('line-roles', 'Line roles', { lines: [L1] }, ROLES)),
  'safeguarding-worklist': available(
    result('safeguarding-worklist', 'Safeguarding worklist', { lines: [L1] }, WORKLIST),
  ),
} satisfies Record<string, AnalysisSlot<unknown>>

/** Cells the line used: three network cells (one omni), one public-only and one in no list. */
export const CELLS: readonly CellUseRow[] = [
  {
    cgi: '234-15-1234-5678901',
    events: 812,
    first_utc: '2024-05-01T07:12:00Z',
    last_utc: '2024-06-30T22:40:00Z',
    cell_source: 'network',
    site_name: 'Southend Central',
    lat: 51.5375,
    lon: 0.7133,
    azimuth: 90,
    beamwidth: 65,
    range_m: null,
  },
  {
    cgi: '234-15-1234-5678902',
    events: 640,
    first_utc: '2024-05-01T08:00:00Z',
    last_utc: '2024-06-29T21:00:00Z',
    cell_source: 'network',
    site_name: 'Southend Central',
    lat: 51.5375,
    lon: 0.7133,
    azimuth: 210,
    beamwidth: 65,
    range_m: 1200,
  },
  {
    cgi: '234-15-1240-6000001',
    events: 233,
    first_utc: '2024-05-03T10:00:00Z',
    last_utc: '2024-06-20T18:00:00Z',
    cell_source: 'network',
    site_name: 'Westcliff',
    lat: 51.5392,
    lon: 0.6862,
    azimuth: null,
    beamwidth: null,
    range_m: null,
  },
  {
    cgi: '234-15-1234-5678903',
    events: 12,
    first_utc: '2024-05-04T10:00:00Z',
    last_utc: '2024-05-04T11:00:00Z',
    cell_source: 'public-fallback',
    site_name: null,
    lat: null,
    lon: null,
    azimuth: null,
    beamwidth: null,
    range_m: null,
  },
  {
    cgi: '234-15-1234-5678999',
    events: 3,
    first_utc: '2024-05-05T10:00:00Z',
    last_utc: '2024-05-05T10:05:00Z',
    cell_source: null,
    site_name: null,
    lat: null,
    lon: null,
    azimuth: null,
    beamwidth: null,
    range_m: null,
  },
]
