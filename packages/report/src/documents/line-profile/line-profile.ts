import type { AnalysisSlot } from '../../core/analysis-slot.js'
import { citer, type Citer } from '../../core/citations.js'
import type { Block, Cell, DocumentParts, MapCell } from '../../core/document.js'
import { describeSlots } from '../../core/frame.js'
import type { DocumentProvenance } from '../../core/provenance.js'
import { CONTRACTS } from '../../contracts/index.js'
import type { DailyCustomersFigures } from '../../contracts/daily-customers.js'
import type { DealLinesFigures } from '../../contracts/deal-lines.js'
import type { FlareBurstsFigures } from '../../contracts/flare-bursts.js'
import type { QuantityFigures } from '../../contracts/quantity.js'
import type { TransactionsFigures } from '../../contracts/transactions.js'
import type { AnalysisSlots, Selection } from '../../gather/gather-analyses.js'
import type { CellUseRow } from '../../store/cells-used.sql.js'
import {
  grams,
  historyBlocks,
  local,
  pounds,
  roleEvidenceTable,
  rolesTable,
  section,
  selectionSettings,
  source,
  value,
  pickSlots,
  resolveLine,
} from '../line-common.js'

export const LINE_PROFILE = {
  kind: 'line-profile',
  version: '1',
  needs: [
    'line-continuity',
    'deal-lines',
    'flare-bursts',
    'daily-customers',
    'transactions',
    'quantity',
    'line-roles',
  ],
} as const

export type LineProfileNeeds = (typeof LINE_PROFILE.needs)[number]

/** The input of a line profile: the chosen line, the results of the analyses it lays out, and the cells it used. */
export interface LineProfileInput {
  readonly provenance: DocumentProvenance
  readonly selection: Selection & { readonly line: string }
  readonly analyses: AnalysisSlots<LineProfileNeeds>
  /** Cells the line's numbers used (from the case), or null when not loaded. */
  readonly cells: readonly CellUseRow[] | null
  /** Radius of the drawn wedges when the cell list gives none (our design: a drawing aid, printed). */
  readonly wedgeRadiusMetres: number
}

export function dealLineBlocks(figures: DealLinesFigures, numbers: readonly string[], cite: Citer): Block[] {
  const mine = figures.candidates.filter((c) => numbers.includes(c.number))
  if (mine.length === 0)
    return [
      {
        kind: 'paragraph',
        text: `The deal-line analysis lists none of the line's numbers (${numbers.join(', ')}).`,
      },
    ]
  return [
    {
      kind: 'paragraph',
      text: 'The verdict comes from the conditions; the score only ranks candidates. A number becomes a deal line only when an analyst confirms it.',
    },
    {
      kind: 'table',
      table: {
        sheet: 'Deal-line conditions',
        title: 'Deal-line verdict and its conditions',
        columns: [
          { header: 'Number', width: 72 },
          { header: 'Verdict', width: 48 },
          { header: 'Score', width: 30, align: 'right' },
          { header: 'Condition', width: 80 },
          { header: 'Met', width: 24 },
          { header: 'Reason', width: '*' },
        ],
        rows: mine.flatMap((c) =>
          c.conditions.map((k): Cell[] => [
            c.number,
            c.verdict,
            c.score,
            k.name,
            k.passed ? 'yes' : 'no',
            k.reason,
          ]),
        ),
        empty: 'The analysis lists no conditions.',
      },
    },
    {
      kind: 'table',
      table: {
        sheet: 'Deal-line score',
        title: 'The parts of the score',
        columns: [
          { header: 'Number', width: 72 },
          { header: 'Part', width: 80 },
          { header: 'Value', width: 45, align: 'right' },
          { header: 'Weight', width: 32, align: 'right' },
          { header: 'Points', width: 32, align: 'right' },
          { header: 'Reason', width: '*' },
          { header: 'Evidence', width: 36 },
        ],
        rows: mine.flatMap((c) =>
          c.parts.map((k): Cell[] => [
            c.number,
            k.name,
            k.value,
            k.weight,
            k.points,
            k.reason,
            cite(k.evidence, `${c.number}: ${k.name}`),
          ]),
        ),
        empty: 'The analysis lists no score parts.',
      },
    },
  ]
}

export function flareBlocks(
  figures: FlareBurstsFigures,
  numbers: readonly string[],
  zone: string,
  cite: Citer,
): Block[] {
  const bursts = figures.bursts.filter((b) => numbers.includes(b.sender))
  return [
    {
      kind: 'paragraph',
      text: 'A flare burst is a run of texts from one number reaching many recipients within minutes (window and minimum size in the method section). The records carry no message text: a burst shows bulk texting, not what was said.',
    },
    {
      kind: 'table',
      table: {
        sheet: 'Flare senders',
        title: 'Flare bursts by number',
        columns: [
          { header: 'Number', width: 80 },
          { header: 'Bursts', width: 40, align: 'right' },
          { header: 'Days with bursts', width: 60, align: 'right' },
          { header: 'First burst (local)', width: '*' },
          { header: 'Last burst (local)', width: '*' },
        ],
        rows: figures.senders
          .filter((x) => numbers.includes(x.sender))
          .map((x): Cell[] => [
            x.sender,
            x.bursts,
            x.burstDays,
            local(x.firstBurst, zone),
            local(x.lastBurst, zone),
          ]),
        empty: "None of the line's numbers sent flare bursts.",
      },
    },
    {
      kind: 'table',
      table: {
        sheet: 'Flare bursts',
        title: 'Flare bursts',
        columns: [
          { header: 'Number', width: 72 },
          { header: 'First message (local)', width: '*' },
          { header: 'Last message (local)', width: '*' },
          { header: 'Messages', width: 42, align: 'right' },
          { header: 'Recipients', width: 45, align: 'right' },
          { header: 'Evidence', width: 36 },
        ],
        rows: bursts.map((b): Cell[] => [
          b.sender,
          local(b.start, zone),
          local(b.end, zone),
          b.messages,
          b.recipients,
          cite(b.evidence, `flare burst from ${b.sender}`),
        ]),
        empty: "None of the line's numbers sent flare bursts.",
      },
    },
  ]
}

export function customerBlocks(d: DailyCustomersFigures, slot: AnalysisSlot<unknown>, cite: Citer): Block[] {
  return [
    {
      kind: 'paragraph',
      text: `Customer-days per local day under the police rules (one customer counts once a day; connected calls only; short inbound calls, automated replies and single-day weeks removed), computed by ${source(slot)} for ${d.line} with the parameters in the method section. Customer base: ${d.base.members} numbers (${d.base.recipients} flare recipients). Total: ${d.totals.customerDays} customer-days; ${d.totals.removedSingleDay} removed by the single-day-per-week rule.`,
    },
    {
      kind: 'chart',
      chart: {
        title: `Daily customers${d.days.length > 0 ? ` (${d.days[0]!.day} to ${d.days[d.days.length - 1]!.day})` : ''}`,
        valueLabel: 'customer-days',
        // Day labels as MM-DD; the table below gives the full dates.
        bars: d.days.map((x) => ({ label: x.day.slice(5), value: x.dailyCustomers })),
      },
    },
    {
      kind: 'table',
      table: {
        sheet: 'Daily customers',
        title: 'Customer-days per day',
        columns: [
          { header: 'Day (local)', width: 80 },
          { header: 'Customer-days', width: 65, align: 'right' },
          { header: 'Removed (single day in week)', width: 90, align: 'right' },
          { header: 'Evidence', width: '*' },
        ],
        rows: d.days.map((x): Cell[] => [
          x.day,
          x.dailyCustomers,
          x.removedSingleDay,
          cite(x.evidence, `customer-days on ${x.day}`),
        ]),
        empty: 'No days with customers.',
      },
    },
    {
      kind: 'table',
      table: {
        sheet: 'Contact breakdown',
        title: 'What the rules made of every contact with the line',
        columns: [
          { header: 'Customer base', width: 100 },
          { header: 'Outcome', width: '*' },
          { header: 'Contacts', width: 45, align: 'right' },
          { header: 'Numbers', width: 45, align: 'right' },
          { header: 'Evidence', width: 40 },
        ],
        rows: d.contactBreakdown.map((r): Cell[] => [
          r.baseStatus,
          r.status,
          r.contacts,
          r.customers,
          cite(r.evidence, `contacts: ${r.baseStatus}, ${r.status}`),
        ]),
        empty: 'No contacts with the line.',
      },
    },
  ]
}

export const transactionBlocks = (t: TransactionsFigures, cite: Citer): Block[] => [
  {
    kind: 'paragraph',
    text: `Potential transactions: customers contacting the line that day. Confirmed: those the line, or a runner attributed to it, contacted back within ${t.callbackWindowMinutes} minutes. Totals: ${t.totals.potential} potential, ${t.totals.confirmed} confirmed.`,
  },
  {
    kind: 'table',
    table: {
      sheet: 'Transactions',
      title: 'Potential and confirmed transactions per day',
      columns: [
        { header: 'Day (local)', width: 80 },
        { header: 'Potential', width: 50, align: 'right' },
        { header: 'Confirmed', width: 50, align: 'right' },
        { header: 'Evidence (potential)', width: '*' },
        { header: 'Evidence (confirmed)', width: '*' },
      ],
      rows: t.days.map((x): Cell[] => [
        x.day,
        x.potential,
        x.confirmed,
        cite(x.potentialEvidence, `potential transactions on ${x.day}`),
        cite(x.confirmedEvidence, `confirmed transactions on ${x.day}`),
      ]),
      empty: 'No transactions.',
    },
  },
]

const category = (c: number | null): string => (c === null ? 'below cat. 4' : `cat. ${c}`)

export const quantityBlocks = (q: QuantityFigures): Block[] => [
  {
    kind: 'paragraph',
    text: 'A sensitivity grid, not one number: each row is a model and basis, each column a low, central or high assumption, as the parameters in the method section set them. The court has treated such figures as a guide only.',
  },
  {
    kind: 'table',
    table: {
      sheet: 'Quantity',
      title: 'Quantity and value estimates (heroin and crack together; indicative category per drug)',
      columns: [
        { header: 'Model', width: 100 },
        { header: 'Low', width: '*' },
        { header: 'Central', width: '*' },
        { header: 'High', width: '*' },
      ],
      rows: q.grid.map((r): Cell[] => [
        r.label,
        ...(['low', 'central', 'high'] as const).map((col) => {
          const c = r.cells.find((x) => x.column === col)
          return c === undefined
            ? ''
            : `${grams(c.totalMg)}; ${pounds(c.totalPence)}; heroin ${category(c.heroin.sentencing.category)}, crack ${category(c.crack.sentencing.category)}`
        }),
      ]),
      empty: 'The analysis gives no estimates.',
    },
  },
  {
    kind: 'table',
    table: {
      sheet: 'Quantity formulas',
      title: 'How each row is computed',
      columns: [
        { header: 'Model', width: 100 },
        { header: 'Formula', width: '*' },
      ],
      rows: q.grid.map((r): Cell[] => [r.label, r.formula]),
      empty: '',
    },
  },
  {
    kind: 'paragraph',
    tone: 'note',
    text: `Sentencing categories from ${q.sentencingTable.id} v${q.sentencingTable.version}: ${q.sentencingTable.source}. ${q.sentencingTable.note}`,
  },
  { kind: 'heading', level: 2, text: 'Factors that could make the true figure higher' },
  { kind: 'list', items: q.factorsHigher },
  { kind: 'heading', level: 2, text: 'Factors that could make the true figure lower' },
  { kind: 'list', items: q.factorsLower },
  ...(q.caveats.length > 0
    ? [{ kind: 'heading', level: 2, text: 'Caveats' } as const, { kind: 'list', items: q.caveats } as const]
    : []),
]

/** Map cells and the list of cells not drawn, from the cells the line used. */
export function mapOf(
  cells: readonly CellUseRow[],
  radius: number,
): { readonly drawn: readonly MapCell[]; readonly excluded: readonly { cgi: string; reason: string }[] } {
  const drawn: MapCell[] = []
  const excluded: { cgi: string; reason: string }[] = []
  for (const c of cells) {
    if (c.cell_source === 'public-fallback')
      excluded.push({ cgi: c.cgi, reason: 'public data only, never evidential' })
    else if (c.cell_source === null) excluded.push({ cgi: c.cgi, reason: 'not in any cell list' })
    else if (c.lat === null || c.lon === null)
      excluded.push({ cgi: c.cgi, reason: 'no position in the cell list' })
    else
      drawn.push({
        cgi: c.cgi,
        label: `${c.cgi} (${c.events})`,
        lat: c.lat,
        lon: c.lon,
        azimuth: c.azimuth,
        beamwidth: c.beamwidth,
        radiusMetres: c.range_m ?? radius,
        events: c.events,
      })
  }
  return { drawn, excluded }
}

function areaBlocks(
  cells: readonly CellUseRow[] | null,
  numbers: readonly string[],
  input: LineProfileInput,
): Block[] {
  const zone = input.provenance.zone
  if (cells === null)
    return [{ kind: 'paragraph', text: 'The cells used were not read from the case for this document.' }]
  const { drawn, excluded } = mapOf(cells, input.wedgeRadiusMetres)
  return [
    {
      kind: 'paragraph',
      text: `Cells used by the line's numbers (${numbers.join(', ')}) in their own records, with the number of events on each. Wedges without a radius in the cell list are drawn ${input.wedgeRadiusMetres} m long.`,
    },
    {
      kind: 'map',
      map: { title: 'Cells used by the line (approximate sector wedges)', cells: drawn, excluded },
    },
    {
      kind: 'table',
      table: {
        sheet: 'Cells used',
        title: 'Cells used',
        columns: [
          { header: 'Cell', width: 90 },
          { header: 'Site', width: '*' },
          { header: 'Events', width: 40, align: 'right' },
          { header: 'First (local)', width: 95 },
          { header: 'Last (local)', width: 95 },
          { header: 'Drawn', width: 70 },
        ],
        rows: cells.map((c): Cell[] => [
          c.cgi,
          c.cell_source === 'public-fallback' ? 'public data - excluded' : (c.site_name ?? ''),
          c.events,
          local(c.first_utc, zone),
          local(c.last_utc, zone),
          excluded.find((e) => e.cgi === c.cgi && !drawn.some((d) => d.cgi === c.cgi))?.reason ?? 'yes',
        ]),
        empty: "The line's numbers used no cells in this period.",
      },
    },
  ]
}

/**
 * A line profile: the line's numbers, SIMs and handsets over time; deal-line signals and flare evidence; daily
 * customers and transactions with their rules and parameters; quantity estimates under both models; holder and
 * runner attribution with the evidence for and against; and a drawing of the cells used. Each part comes from one
 * analysis result; a part whose analysis is not available says so and gives no figures.
 */
export function buildLineProfile(input: LineProfileInput): DocumentParts {
  const a = input.analyses
  const zone = input.provenance.zone
  const cite = citer()
  const line = input.selection.line
  const { history, numbers, roles } = resolveLine(a, line)
  const body: Block[] = [
    ...section(
      'The line and its history',
      a['line-continuity'],
      "The line's history of numbers, SIMs and handsets",
      () =>
        history === null
          ? [
              {
                kind: 'notice',
                severity: 'warning',
                text: `The line-continuity analysis does not list a line "${line}". This profile covers that number only.`,
              },
            ]
          : [
              {
                kind: 'facts',
                rows: [
                  ['Line (first number)', history.key],
                  ['Numbers', numbers.join(', ')],
                  ['First seen', local(history.firstSeen, zone)],
                  ['Last seen', local(history.lastSeen, zone)],
                ],
              },
              ...historyBlocks(history, zone, cite),
            ],
    ),
    ...section('Deal-line verdict', a['deal-lines'], 'Deal-line verdict and score', (f) =>
      dealLineBlocks(f, numbers, cite),
    ),
    ...section('Flare evidence', a['flare-bursts'], 'Flare bursts', (f) =>
      flareBlocks(f, numbers, zone, cite),
    ),
    ...section('Daily customers', a['daily-customers'], 'Daily customers', (d) =>
      customerBlocks(d, a['daily-customers'], cite),
    ),
    ...section('Transactions', a.transactions, 'Potential and confirmed transactions', (t) =>
      transactionBlocks(t, cite),
    ),
    ...section('Quantity and value estimates', a.quantity, 'Quantity and value estimates', quantityBlocks),
    ...section('Holder and runner attribution', a['line-roles'], 'Holder and runner attribution', () =>
      roles === null
        ? [{ kind: 'paragraph', text: 'The role analysis lists no roles for this line.' }]
        : [
            {
              kind: 'paragraph',
              text: `Attribution links a number to a person for a period. It is an assertion with its evidence and a status (proposed until an analyst reviews it); the defence may seek an independent assessment. ${value(a['line-roles'])?.note ?? ''}`,
            },
            rolesTable([...roles.holders, ...roles.runners], zone, 'Roles', 'Holder and runner candidates'),
            roleEvidenceTable([...roles.holders, ...roles.runners], cite, 'Role signals'),
          ],
    ),
    { kind: 'heading', level: 1, text: 'Areas used' },
    ...areaBlocks(input.cells, numbers, input),
  ]
  const purposes = Object.fromEntries(LINE_PROFILE.needs.map((id) => [id, CONTRACTS[id].purpose]))
  const { analyses, missing } = describeSlots(pickSlots(a, LINE_PROFILE.needs), purposes)
  return {
    kind: LINE_PROFILE.kind,
    kindVersion: LINE_PROFILE.version,
    title: 'Line profile',
    subtitle: `Profile of the deal line ${history?.key ?? line}${history === null ? '' : ` (${numbers.join(', ')})`}.`,
    orientation: 'portrait',
    provenance: input.provenance,
    settings: [
      ...selectionSettings(input.selection),
      ['Wedge radius when the cell list gives none', `${input.wedgeRadiusMetres} m`],
    ],
    body,
    analyses,
    missing,
    refusals: [],
    limitations: [
      'Attribution of a phone to a person is an assertion for the court to weigh, increasingly treated as expert territory; this profile states the evidence and status of each, not a conclusion.',
    ],
    citations: cite.citations(),
  }
}
