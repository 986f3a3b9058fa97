import type { DailyCustomersFigures } from '../contracts/daily-customers.js'
import type { DealLinesFigures } from '../contracts/deal-lines.js'
import type { FlareBurstsFigures } from '../contracts/flare-bursts.js'
import type { LineContinuityFigures } from '../contracts/line-continuity.js'
import type { LineRolesFigures, RoleCandidate } from '../contracts/line-roles.js'
import type { QuantityFigures, QuantityGridCell } from '../contracts/quantity.js'
import type { SafeguardingWorklistFigures } from '../contracts/safeguarding-worklist.js'
import type { TransactionsFigures } from '../contracts/transactions.js'
import {
  ev,
  HOLDER,
  IMEI_1,
  IMEI_3,
  IMSI_1,
  IMSI_2,
  L1,
  L2,
  L3,
  RUNNER_1,
  RUNNER_2,
  RUNNER_3,
} from './line-numbers.js'

/** The analysis results of the fixture line, as each analysis would return them (values invented and fixed). */

export const CONTINUITY: LineContinuityFigures = {
  lines: [
    {
      key: L1,
      numbers: [L1, L2, L3],
      firstSeen: '2024-05-01T07:12:00Z',
      lastSeen: '2024-06-30T22:40:00Z',
      generations: [
        {
          msisdn: L1,
          firstSeen: '2024-05-01T07:12:00Z',
          lastSeen: '2024-05-20T21:03:00Z',
          flares: 14,
          imsis: [
            {
              value: IMSI_1,
              firstSeen: '2024-05-01T07:12:00Z',
              lastSeen: '2024-05-20T21:03:00Z',
              records: 1820,
              evidence: ev([L1], 1820),
            },
          ],
          imeis: [
            {
              value: IMEI_1,
              firstSeen: '2024-05-01T07:12:00Z',
              lastSeen: '2024-05-20T21:03:00Z',
              records: 1820,
              evidence: ev([L1], 1820, { types: ['voice', 'sms'] }),
            },
          ],
          evidence: ev([L1], 1830),
        },
        {
          msisdn: L2,
          firstSeen: '2024-05-21T08:00:00Z',
          lastSeen: '2024-06-10T23:10:00Z',
          flares: 11,
          imsis: [
            {
              value: IMSI_2,
              firstSeen: '2024-05-21T08:00:00Z',
              lastSeen: '2024-06-10T23:10:00Z',
              records: 1500,
              evidence: ev([L2], 1500),
            },
          ],
          imeis: [
            {
              value: IMEI_1,
              firstSeen: '2024-05-21T08:00:00Z',
              lastSeen: '2024-06-10T23:10:00Z',
              records: 1500,
              evidence: ev([L2], 1500, { types: ['voice', 'sms'] }),
            },
          ],
          evidence: ev([L2], 1504),
        },
        {
          msisdn: L3,
          firstSeen: '2024-06-11T09:30:00Z',
          lastSeen: '2024-06-30T22:40:00Z',
          flares: 9,
          imsis: [],
          imeis: [
            {
              value: IMEI_3,
              firstSeen: '2024-06-11T09:30:00Z',
              lastSeen: '2024-06-30T22:40:00Z',
              records: 1200,
              evidence: ev([L3], 1200, { types: ['voice'] }),
            },
          ],
          evidence: ev([L3], 1210),
        },
      ],
      links: [
        {
          from: L1,
          to: L2,
          basis: ['imei', 'customers'],
          timing: { gapHours: 11 },
          customers: {
            shared: 41,
            jaccard: 0.62,
            overlap: 0.87,
            evidence: [ev([L1, L2], 512, { types: ['voice', 'sms'] })],
          },
          sharedIdentifiers: [
            { kind: 'imei', value: IMEI_1, to: { evidence: ev([L2], 1500, { types: ['voice', 'sms'] }) } },
          ],
        },
        {
          from: L2,
          to: L3,
          basis: ['customers'],
          timing: { gapHours: 10.5 },
          customers: {
            shared: 29,
            jaccard: 0.48,
            overlap: 0.71,
            evidence: [ev([L2, L3], 388, { types: ['voice'] })],
          },
          sharedIdentifiers: [],
        },
      ],
    },
  ],
}

export const DEAL_LINES: DealLinesFigures = {
  candidates: [L1, L2, L3].map((n, i) => ({
    number: n,
    verdict: i === 2 ? 'possible' : 'deal-line',
    score: [86, 81, 64][i]!,
    conditions: [
      {
        name: 'regular-flares',
        passed: true,
        reason: `flare bursts on ${[5, 4, 3][i]} days a week on average (at least 3 needed)`,
      },
      {
        name: 'stable-list',
        passed: i !== 2,
        reason:
          i === 2
            ? '18 recurring recipients (at least 20 needed)'
            : '64 recurring recipients (at least 20 needed)',
      },
    ],
    parts: [
      {
        name: 'regular-flares',
        value: [5, 4, 3][i]!,
        weight: 30,
        points: [30, 27, 18][i]!,
        reason: 'burst days per week',
        evidence: ev([n], [210, 180, 150][i]!, { types: ['sms'], directions: ['out'] }),
      },
      {
        name: 'account-type',
        value: 'payg',
        weight: 10,
        points: 10,
        reason: 'pay-as-you-go account',
        evidence: null,
      },
    ],
    evidence: ev([n], [1830, 1504, 1210][i]!),
  })),
}

export const FLARES: FlareBurstsFigures = {
  senders: [
    {
      sender: L1,
      bursts: 14,
      burstDays: 12,
      firstBurst: '2024-05-01T09:00:00Z',
      lastBurst: '2024-05-20T09:02:00Z',
    },
    {
      sender: L2,
      bursts: 11,
      burstDays: 11,
      firstBurst: '2024-05-21T09:00:00Z',
      lastBurst: '2024-06-10T09:01:00Z',
    },
  ],
  bursts: [
    {
      sender: L1,
      start: '2024-05-01T09:00:00Z',
      end: '2024-05-01T09:03:10Z',
      messages: 58,
      recipients: 57,
      evidence: ev([L1], 58, { ids: ['x:1', 'x:2'] }),
    },
    {
      sender: L1,
      start: '2024-05-20T09:00:00Z',
      end: '2024-05-20T09:02:00Z',
      messages: 61,
      recipients: 61,
      evidence: ev([L1], 61, {
        types: ['sms'],
        directions: ['out'],
        from: '2024-05-20T09:00:00Z',
        to: '2024-05-20T09:02:00Z',
      }),
    },
    {
      sender: L2,
      start: '2024-05-21T09:00:00Z',
      end: '2024-05-21T09:04:00Z',
      messages: 64,
      recipients: 63,
      evidence: ev([L2], 64, {
        types: ['sms'],
        directions: ['out'],
        from: '2024-05-21T09:00:00Z',
        to: '2024-05-21T09:04:00Z',
      }),
    },
  ],
}

const DAYS = [
  '2024-05-01',
  '2024-05-02',
  '2024-05-03',
  '2024-05-04',
  '2024-05-05',
  '2024-05-06',
  '2024-05-07',
  '2024-05-08',
  '2024-05-09',
  '2024-05-10',
]
const COUNTS = [12, 15, 9, 18, 22, 7, 14, 16, 11, 19]

export const DAILY: DailyCustomersFigures = {
  line: L1,
  base: { members: 212, recipients: 219, firstFlareAt: '2024-05-01T09:00:00Z' },
  days: DAYS.map((day, i) => ({
    day,
    dailyCustomers: COUNTS[i]!,
    removedSingleDay: i % 4 === 0 ? 1 : 0,
    evidence: ev([L1], COUNTS[i]! * 2, {
      from: `${day}T00:00:00Z`,
      to: `${day}T23:59:59Z`,
      types: ['voice'],
    }),
  })),
  totals: { customerDays: COUNTS.reduce((a, b) => a + b, 0), removedSingleDay: 3 },
  contactBreakdown: [
    {
      baseStatus: 'member',
      status: 'qualifying',
      contacts: 402,
      customers: 96,
      evidence: ev([L1], 402, { types: ['voice'] }),
    },
    {
      baseStatus: 'member',
      status: 'unanswered',
      contacts: 37,
      customers: 21,
      evidence: ev([L1], 37, { types: ['voice'] }),
    },
    { baseStatus: 'outside-base', status: 'excluded', contacts: 12, customers: 3, evidence: ev([L1], 12) },
  ],
}

export const TRANSACTIONS: TransactionsFigures = {
  line: L1,
  callbackWindowMinutes: 60,
  days: DAYS.map((day, i) => ({
    day,
    potential: COUNTS[i]! + 2,
    confirmed: COUNTS[i]! - 3,
    potentialEvidence: ev([L1], COUNTS[i]! + 2, {
      from: `${day}T00:00:00Z`,
      to: `${day}T23:59:59Z`,
      directions: ['in'],
    }),
    confirmedEvidence: ev([L1, RUNNER_1], COUNTS[i]! - 3, {
      from: `${day}T00:00:00Z`,
      to: `${day}T23:59:59Z`,
      directions: ['out'],
    }),
  })),
  totals: {
    potential: COUNTS.reduce((a, b) => a + b + 2, 0),
    confirmed: COUNTS.reduce((a, b) => a + b - 3, 0),
  },
}

const cell = (column: 'low' | 'central' | 'high', mg: number): QuantityGridCell => ({
  column,
  totalMg: mg,
  totalPence: Math.round(mg / 100) * 1000,
  heroin: {
    mg: Math.round(mg * 0.6),
    sentencing: { category: mg >= 150_000 ? 3 : mg >= 5000 ? 4 : null, text: 'indicative' },
  },
  crack: { mg: Math.round(mg * 0.4), sentencing: { category: mg >= 5000 ? 4 : null, text: 'indicative' } },
})

export const QUANTITY: QuantityFigures = {
  line: L1,
  grid: [
    {
      row: 'police-mean',
      label: 'Police, mean consumption',
      formula: 'customer-days × Σ share × mean mg/day',
      mg: [84_000, 168_000, 252_000],
    },
    {
      row: 'police-median',
      label: 'Police, median consumption',
      formula: 'customer-days × Σ share × median mg/day',
      mg: [12_000, 24_000, 36_000],
    },
    {
      row: 'idmu-potential',
      label: 'IDMU, potential transactions',
      formula: 'potential × wraps × mg per wrap',
      mg: [16_300, 32_600, 81_500],
    },
    {
      row: 'idmu-confirmed',
      label: 'IDMU, confirmed transactions',
      formula: 'confirmed × wraps × mg per wrap',
      mg: [11_900, 23_800, 59_500],
    },
  ].map((r) => ({
    row: r.row,
    label: r.label,
    formula: r.formula,
    cells: [cell('low', r.mg[0]!), cell('central', r.mg[1]!), cell('high', r.mg[2]!)],
  })),
  sentencingTable: {
    id: 'sc-drug-supply-indicative',
    version: '1',
    source: 'Sentencing Council drug offences guideline, indicative quantities (unverified)',
    note: 'Indicative quantities are starting points, not cut-offs.',
  },
  factorsHigher: ['numbers not in the customer base', 'text orders', "orders through a friend's phone"],
  factorsLower: ['median rather than mean consumption', 'bulk buying'],
  caveats: ['The mean consumption was entered by the analyst with its citation.'],
}

const candidate = (
  number: string,
  role: 'holder' | 'runner',
  person: { name: string; dateOfBirth: string | null } | null,
  score: number,
): RoleCandidate => ({
  number,
  role,
  score,
  confidence: score >= 70 ? 'high' : score >= 40 ? 'medium' : 'low',
  signals: [
    {
      id: role === 'runner' ? 'after-customer' : 'line-contact',
      text:
        role === 'runner'
          ? 'contacts customers soon after they contact the line'
          : 'contacts the line and its runners',
      value: 14,
      threshold: 3,
      fired: true,
      required: true,
      evidence: [ev([L1, number], 44, { others: [number] })],
    },
    {
      id: role === 'runner' ? 'co-location' : 'remote',
      text:
        role === 'runner'
          ? 'same or neighbouring cell as the line phone within a minute'
          : 'home cell far from the town',
      value: role === 'runner' ? 2 : 61,
      threshold: role === 'runner' ? 3 : 30,
      fired: role !== 'runner',
      required: false,
      evidence: [],
    },
  ],
  period: { from: '2024-05-01T08:00:00Z', to: '2024-06-10T20:00:00Z' },
  person,
  attribution:
    person === null
      ? null
      : {
          status: 'proposed',
          identifier: number,
          period: { from: '2024-05-01', to: '2024-06-10' },
          basis: 'subscriber record',
          person,
        },
})

export const ROLES: LineRolesFigures = {
  lines: [
    {
      key: L1,
      numbers: [L1, L2, L3],
      holders: [candidate(HOLDER, 'holder', { name: 'Alan Holder', dateOfBirth: '1990-05-01' }, 78)],
      runners: [
        candidate(RUNNER_1, 'runner', { name: 'Ben Runner', dateOfBirth: '2007-02-10' }, 71),
        candidate(RUNNER_2, 'runner', { name: 'Cal Young', dateOfBirth: '2011-09-01' }, 55),
        candidate(RUNNER_3, 'runner', null, 32),
      ],
    },
  ],
  note: 'Role candidates and attributions are leads with status "proposed" for an analyst to review.',
}

export const WORKLIST: SafeguardingWorklistFigures = {
  label: 'Leads for human review',
  entries: [
    {
      numbers: [RUNNER_2],
      persons: [{ name: 'Cal Young', dateOfBirth: '2011-09-01' }],
      roles: [
        {
          role: 'runner',
          line: L1,
          number: RUNNER_2,
          from: '2024-05-01T08:00:00Z',
          to: '2024-06-10T20:00:00Z',
        },
      ],
      indicators: [
        {
          id: 'under-18',
          text: 'aged 12 on 2024-05-01 by the date of birth on the subscriber record',
          evidence: [],
        },
        {
          id: 'long-trips',
          text: '6 trips of more than 30 km lasting over 12 hours',
          evidence: [ev([RUNNER_2], 96)],
        },
        {
          id: 'multiple-phones-or-sims',
          text: '2 handsets and 3 SIMs in 6 weeks',
          evidence: [ev([RUNNER_2], 240)],
        },
      ],
      indicatorCount: 3,
    },
    {
      numbers: [RUNNER_1],
      persons: [{ name: 'Ben Runner', dateOfBirth: '2007-02-10' }],
      roles: [
        {
          role: 'runner',
          line: L1,
          number: RUNNER_1,
          from: '2024-05-01T08:00:00Z',
          to: '2024-06-10T20:00:00Z',
        },
      ],
      indicators: [
        {
          id: 'under-18',
          text: 'aged 17 on 2024-05-01 by the date of birth on the subscriber record',
          evidence: [],
        },
      ],
      indicatorCount: 1,
    },
    {
      numbers: [RUNNER_3],
      persons: [],
      roles: [
        {
          role: 'runner',
          line: L1,
          number: RUNNER_3,
          from: '2024-05-01T08:00:00Z',
          to: '2024-06-10T20:00:00Z',
        },
      ],
      indicators: [
        {
          id: 'cuckooing-lead',
          text: "3 nights on cells serving a customer's home",
          evidence: [ev([RUNNER_3], 31)],
        },
      ],
      indicatorCount: 1,
    },
  ],
  note: 'Leads for human review, sorted by the number of indicators: not a verdict, not a referral and not a score of risk.',
}
