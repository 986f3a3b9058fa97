import { citer } from '../../core/citations.js'
import type { Block, Cell, DocumentParts } from '../../core/document.js'
import { describeSlots } from '../../core/frame.js'
import type { DocumentProvenance } from '../../core/provenance.js'
import { ageOn } from '../../core/time.js'
import { CONTRACTS } from '../../contracts/index.js'
import type { RoleCandidate } from '../../contracts/line-roles.js'
import type { AnalysisSlots, Selection } from '../../gather/gather-analyses.js'
import {
  grams,
  localDate,
  pounds,
  roleEvidenceTable,
  section,
  selectionSettings,
  sumDays,
  value,
  pickSlots,
  resolveLine,
} from '../line-common.js'

export const CHARGING_SCHEDULE = {
  kind: 'charging-schedule',
  version: '1',
  needs: ['line-roles', 'line-continuity', 'daily-customers', 'transactions', 'quantity'],
} as const

export type ChargingScheduleNeeds = (typeof CHARGING_SCHEDULE.needs)[number]

/** Another exhibit the schedule refers to, with the persons or numbers it covers. */
export interface RelatedExhibit {
  readonly ref: string
  readonly title: string
  readonly persons: readonly string[]
  readonly numbers: readonly string[]
}

/** The input of a charging schedule. */
export interface ChargingScheduleInput {
  readonly provenance: DocumentProvenance
  readonly selection: Selection & { readonly line: string }
  readonly analyses: AnalysisSlots<ChargingScheduleNeeds>
  /** Exhibits already produced (exhibit schedules, line profiles …), cited against the suspects they cover. */
  readonly relatedExhibits: readonly RelatedExhibit[]
}

interface Suspect {
  readonly name: string
  readonly dateOfBirth: string | null
  readonly roles: readonly RoleCandidate[]
  readonly status: string
}

function suspects(candidates: readonly RoleCandidate[]): Suspect[] {
  const byKey = new Map<string, Suspect>()
  for (const c of candidates) {
    const a = c.attribution
    if (a === null || a.person.name === null || a.status === 'disputed') continue
    const key = `${a.person.name}|${a.person.dateOfBirth ?? ''}`
    const old = byKey.get(key)
    byKey.set(key, {
      name: a.person.name,
      dateOfBirth: a.person.dateOfBirth,
      roles: [...(old?.roles ?? []), c],
      status: old === undefined || old.status === a.status ? a.status : 'mixed',
    })
  }
  return [...byKey.values()].sort(
    (x, y) => x.name.localeCompare(y.name, 'en') || (x.dateOfBirth ?? '').localeCompare(y.dateOfBirth ?? ''),
  )
}

/**
 * A charging schedule: per suspect (a person attributed to the line's holder or runner numbers), the line, the
 * dates and roles, the line's activity over that period and the supporting exhibits; then the quantity estimates
 * for the line. It names offences only as the ones to consider; charging decisions are the prosecutor's.
 */
export function buildChargingSchedule(input: ChargingScheduleInput): DocumentParts {
  const a = input.analyses
  const zone = input.provenance.zone
  const cite = citer()
  const line = input.selection.line
  const { history, numbers, roles } = resolveLine(a, line)
  const list = roles === null ? [] : suspects([...roles.holders, ...roles.runners])
  const customers = value(a['daily-customers'])
  const transactions = value(a.transactions)
  const quantity = value(a.quantity)
  const exhibitsFor = (s: Suspect): string =>
    input.relatedExhibits
      .filter(
        (e) =>
          e.persons.some((p) => p.toLowerCase() === s.name.toLowerCase()) ||
          e.numbers.some((n) => numbers.includes(n) || s.roles.some((r) => r.number === n)),
      )
      .map((e) => e.ref)
      .join(', ')

  const rows: Cell[][] = list.map((s, i) => {
    const from =
      s.roles
        .map((r) => r.period?.from ?? null)
        .filter((x): x is string => x !== null)
        .sort()[0] ?? null
    const to =
      s.roles
        .map((r) => r.period?.to ?? null)
        .filter((x): x is string => x !== null)
        .sort()
        .at(-1) ?? null
    const f = from === null ? null : localDate(from, zone)
    const t = to === null ? null : localDate(to, zone)
    const age = s.dateOfBirth === null || f === null ? null : ageOn(s.dateOfBirth, f)
    const cd = customers === null ? null : sumDays(customers.days, (d) => d.dailyCustomers, f, t)
    const tx = transactions === null ? null : sumDays(transactions.days, (d) => d.confirmed, f, t)
    return [
      i + 1,
      `${s.name}${s.dateOfBirth === null ? '' : ` (born ${s.dateOfBirth})`}`,
      age === null ? 'not known' : `${age}${age < 18 ? ' (under 18: consider safeguarding)' : ''}`,
      s.roles.map((r) => `${r.role} (${r.number})`).join(', '),
      `${f ?? 'not given'} to ${t ?? 'not given'}`,
      s.status,
      cd === null ? 'not available' : `${cd.total}`,
      tx === null ? 'not available' : `${tx.total}`,
      exhibitsFor(s) || 'none given',
    ]
  })

  const central = quantity?.grid.map((r): Cell[] => {
    const c = r.cells.find((x) => x.column === 'central')
    return [r.label, c === undefined ? '' : grams(c.totalMg), c === undefined ? '' : pounds(c.totalPence)]
  })

  const body: Block[] = [
    {
      kind: 'paragraph',
      text: "Offences to consider (domain brief §4.3): being concerned in the supply of, or possession with intent to supply, a controlled drug (Misuse of Drugs Act 1971 s4(3)); Modern Slavery Act 2015 offences where runners were exploited. The charging decision is the prosecutor's.",
    },
    ...section('Suspects', a['line-roles'], 'Suspects and their roles', () => [
      ...(list.some((s) => s.status !== 'reviewed')
        ? [
            {
              kind: 'notice',
              severity: 'warning',
              text: 'Some attributions are proposed and not yet reviewed by an analyst: they are leads until reviewed.',
            } as const,
          ]
        : []),
      {
        kind: 'table',
        table: {
          sheet: 'Schedule',
          title: `Charging schedule for the line ${history?.key ?? line}`,
          columns: [
            { header: 'No.', width: 20, align: 'right' },
            { header: 'Suspect', width: 90 },
            { header: 'Age at start', width: 50 },
            { header: 'Roles (numbers)', width: '*' },
            { header: 'Period (local dates)', width: 75 },
            { header: 'Attribution', width: 45 },
            {
              header: `Customer-days of ${customers?.line ?? 'the line'} in period`,
              width: 62,
              align: 'right',
            },
            {
              header: `Confirmed transactions of ${transactions?.line ?? 'the line'} in period`,
              width: 62,
              align: 'right',
            },
            { header: 'Supporting exhibits', width: 60 },
          ],
          rows,
          note: "Customer-days and transactions are those of the number the analyses ran for, summed over the suspect's period from their daily figures; they are not attributed to the suspect personally.",
          empty: 'No person is attributed to the line.',
        },
      },
      roleEvidenceTable(
        list.flatMap((s) => s.roles),
        cite,
        'Role signals',
      ),
    ]),
    ...section('Quantity and value (line)', a.quantity, 'Quantity and value estimates', () => [
      {
        kind: 'paragraph',
        text: 'Central estimates of each model, for the line over the analysed period; the full sensitivity grid is in the line profile. A guide for the court, not a measured quantity.',
      },
      {
        kind: 'table',
        table: {
          sheet: 'Quantity',
          title: 'Quantity and value (central column)',
          columns: [
            { header: 'Model', width: '*' },
            { header: 'Quantity', width: 80, align: 'right' },
            { header: 'Value', width: 80, align: 'right' },
          ],
          rows: central ?? [],
          empty: 'The analysis gives no estimates.',
        },
      },
    ]),
    {
      kind: 'table',
      table: {
        sheet: 'Related exhibits',
        title: 'Supporting exhibits',
        columns: [
          { header: 'Exhibit', width: 60 },
          { header: 'Title', width: '*' },
          { header: 'Covers', width: 180 },
        ],
        rows: input.relatedExhibits.map((e): Cell[] => [
          e.ref,
          e.title,
          [...e.persons, ...e.numbers].join(', '),
        ]),
        empty: 'No supporting exhibits were given; add them before the schedule is served.',
      },
    },
  ]
  const purposes = Object.fromEntries(CHARGING_SCHEDULE.needs.map((id) => [id, CONTRACTS[id].purpose]))
  const { analyses, missing } = describeSlots(pickSlots(a, CHARGING_SCHEDULE.needs), purposes)
  return {
    kind: CHARGING_SCHEDULE.kind,
    kindVersion: CHARGING_SCHEDULE.version,
    title: 'Charging schedule',
    subtitle: `Suspects attributed to the line ${history?.key ?? line}: roles, dates and supporting exhibits.`,
    orientation: 'landscape',
    provenance: input.provenance,
    settings: [
      ...selectionSettings(input.selection),
      ['Related exhibits given', String(input.relatedExhibits.length)],
    ],
    body,
    analyses,
    missing,
    refusals: [],
    limitations: [
      'Attribution of a phone to a person is an assertion for the court to weigh; a subscriber record shows who registered a number, not who used it.',
    ],
    citations: cite.citations(),
  }
}
