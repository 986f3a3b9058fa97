import type { AnalysisSlot } from '../../core/analysis-slot.js'
import { citer, type Citer } from '../../core/citations.js'
import type { Block, Cell, DocumentParts, MapCell } from '../../core/document.js'
import { describeSlots } from '../../core/frame.js'
import type { DocumentProvenance } from '../../core/provenance.js'
import { CONTRACTS } from '../../contracts/index.js'
import type { DailyCustomersFigures } from '../../contracts/daily-customers.js'
import type { DealLinesFigures } from '../../contracts/deal-lines.js'
import type { QuantityFigures } from '../../contracts/quantity.js'
import type { TransactionsFigures } from '../../contracts/transactions.js'
import type { AnalysisSlots, Selection } from '../../gather/gather-analyses.js'
import type { CellUseRow } from '../../store/cells-used.sql.js'
import {
  findLine,
  findRoles,
  grams,
  historyBlocks,
  lineNumbers,
  local,
  pounds,
  roleEvidenceTable,
  rolesTable,
  section,
  selectionSettings,
  value,
} from '../line-common.js'

export const LINE_PROFILE = {
  kind: 'line-profile',
  version: '1',
  needs: ['line-continuity', 'deal-lines', 'daily-customers', 'transactions', 'quantity', 'line-roles'],
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

function dealLineBlocks(figures: DealLinesFigures, numbers: readonly string[], zone: string, cite: Citer): Block[] {
  const mine = figures.candidates.filter((c) => numbers.includes(c.msisdn))
  if (mine.length === 0)
    return [{ kind: 'paragraph', text: `The deal-line analysis lists none of the line's numbers (${numbers.join(', ')}).` }]
  return [
    {
      kind: 'table',
      table: {
        sheet: 'Deal-line signals',
        title: 'Deal-line verdict and the signals behind it',
        columns: [
          { header: 'Number', width: 78 },
          { header: 'Verdict', width: 50 },
          { header: 'Score', width: 36, align: 'right' },
          { header: 'Signal', width: '*' },
          { header: 'Value', width: 60, align: 'right' },
          { header: 'Fired', width: 30 },
          { header: 'Evidence', width: 36 },
        ],
        rows: mine.flatMap((c) =>
          c.signals.map((s): Cell[] => [
            c.msisdn,
            c.verdict,
            c.score,
            s.name,
            s.value,
            s.fired ? 'yes' : 'no',
            cite(s.evidence, `${c.msisdn}: ${s.name}`),
          ]),
        ),
        empty: 'The analysis lists no signals.',
      },
    },
    {
      kind: 'table',
      table: {
        sheet: 'Flare bursts',
        title: 'Flare bursts (bulk texts from the line)',
        columns: [
          { header: 'Number', width: 78 },
          { header: 'Start (local)', width: '*' },
          { header: 'End (local)', width: '*' },
          { header: 'Recipients', width: 50, align: 'right' },
          { header: 'Evidence', width: 36 },
        ],
        rows: mine.flatMap((c) =>
          c.flareBursts.map((b): Cell[] => [
            c.msisdn,
            local(b.startUtc, zone),
            local(b.endUtc, zone),
            b.recipients,
            cite(b.evidence, `${c.msisdn}: flare burst`),
          ]),
        ),
        empty: 'The analysis lists no flare bursts for these numbers.',
      },
    },
  ]
}

function customerBlocks(d: DailyCustomersFigures, slot: AnalysisSlot<unknown>, cite: Citer): Block[] {
  const total = d.days.reduce((s, x) => s + x.customers, 0)
  return [
    {
      kind: 'paragraph',
      text: `Customer-days per local day under the police rules (one customer counts once a day; connected calls only; short inbound calls, automated replies and single-day weeks removed), as computed by ${slot.status === 'available' ? `${slot.result.analysis.id} v${slot.result.analysis.version}` : ''} with the parameters listed in the method section. Customer base: ${d.customerBaseSize} numbers. Total: ${total} customer-days on ${d.days.filter((x) => x.customers > 0).length} days.`,
    },
    {
      kind: 'chart',
      chart: {
        title: 'Daily customers',
        valueLabel: 'customer-days',
        bars: d.days.map((x) => ({ label: x.date, value: x.customers })),
      },
    },
    {
      kind: 'table',
      table: {
        sheet: 'Daily customers',
        title: 'Customer-days per day',
        columns: [
          { header: 'Day (local)', width: 90 },
          { header: 'Customer-days', width: 70, align: 'right' },
          { header: 'Evidence', width: '*' },
        ],
        rows: d.days.map((x): Cell[] => [x.date, x.customers, cite(x.evidence, `customer-days on ${x.date}`)]),
        empty: 'No days with customers.',
      },
    },
    {
      kind: 'table',
      table: {
        sheet: 'Removed by rules',
        title: 'What each rule removed',
        columns: [
          { header: 'Rule', width: '*' },
          { header: 'Removed', width: 60, align: 'right' },
          { header: 'Evidence', width: 40 },
        ],
        rows: d.removed.map((r): Cell[] => [r.rule, r.count, cite(r.evidence, `removed: ${r.rule}`)]),
        empty: 'The rules removed nothing.',
      },
    },
  ]
}

const transactionBlocks = (t: TransactionsFigures, cite: Citer): Block[] => [
  {
    kind: 'paragraph',
    text: 'Potential transactions: distinct customers contacting the line that day. Confirmed: those the line, or a runner attributed to it, contacted back within the call-back window (parameter listed in the method section).',
  },
  {
    kind: 'table',
    table: {
      sheet: 'Transactions',
      title: 'Potential and confirmed transactions per day',
      columns: [
        { header: 'Day (local)', width: 90 },
        { header: 'Potential', width: 60, align: 'right' },
        { header: 'Confirmed', width: 60, align: 'right' },
        { header: 'Evidence', width: '*' },
      ],
      rows: t.days.map((x): Cell[] => [x.date, x.potential, x.confirmed, cite(x.evidence, `transactions on ${x.date}`)]),
      empty: 'No transactions.',
    },
  },
]

export const quantityBlocks = (q: QuantityFigures): Block[] => [
  {
    kind: 'paragraph',
    text: 'A sensitivity grid, not one number: each row is a model and basis, each column a low, central or high assumption, as the parameters in the method section set them. The court has treated such figures as a guide only.',
  },
  {
    kind: 'table',
    table: {
      sheet: 'Quantity',
      title: 'Quantity and value estimates (quantity; value; sentencing category)',
      columns: [
        { header: 'Model', width: 110 },
        { header: 'Low', width: '*' },
        { header: 'Central', width: '*' },
        { header: 'High', width: '*' },
      ],
      rows: q.rows.map((r): Cell[] => [
        r.model,
        ...[r.low, r.central, r.high].map((c) =>
          [grams(c.milligrams), pounds(c.valuePence), c.category === null ? '' : `cat. ${c.category}`]
            .filter((x) => x !== '')
            .join('; '),
        ),
      ]),
      empty: 'The analysis gives no estimates.',
    },
  },
  { kind: 'heading', level: 2, text: 'Factors that could make the true figure higher' },
  { kind: 'list', items: q.higherFactors },
  { kind: 'heading', level: 2, text: 'Factors that could make the true figure lower' },
  { kind: 'list', items: q.lowerFactors },
]

/** Map cells and the list of cells not drawn, from the cells the line used. */
export function mapOf(
  cells: readonly CellUseRow[],
  radius: number,
): { readonly drawn: readonly MapCell[]; readonly excluded: readonly { cgi: string; reason: string }[] } {
  const drawn: MapCell[] = []
  const excluded: { cgi: string; reason: string }[] = []
  for (const c of cells) {
    if (c.cell_source === 'public-fallback') excluded.push({ cgi: c.cgi, reason: 'public data only, never evidential' })
    else if (c.cell_source === null) excluded.push({ cgi: c.cgi, reason: 'not in any cell list' })
    else if (c.lat === null || c.lon === null) excluded.push({ cgi: c.cgi, reason: 'no position in the cell list' })
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

function areaBlocks(cells: readonly CellUseRow[] | null, numbers: readonly string[], input: LineProfileInput): Block[] {
  const zone = input.provenance.zone
  if (cells === null) return [{ kind: 'paragraph', text: 'The cells used were not read from the case for this document.' }]
  const { drawn, excluded } = mapOf(cells, input.wedgeRadiusMetres)
  return [
    {
      kind: 'paragraph',
      text: `Cells used by the line's numbers (${numbers.join(', ')}) in their own records, with the number of events on each. Wedges without a radius in the cell list are drawn ${input.wedgeRadiusMetres} m long.`,
    },
    { kind: 'map', map: { title: 'Cells used by the line (approximate sector wedges)', cells: drawn, excluded } },
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
  const history = findLine(value(a['line-continuity']), line)
  const numbers = lineNumbers(history, line)
  const roles = findRoles(value(a['line-roles']), history?.id ?? line, numbers)
  const body: Block[] = [
    ...section('The line and its history', a['line-continuity'], "The line's history of numbers, SIMs and handsets", () =>
      history === null
        ? [{ kind: 'notice', severity: 'warning', text: `The line-continuity analysis does not list a line "${line}". This profile covers that number only.` }]
        : [
            {
              kind: 'facts',
              rows: [
                ['Line', history.id],
                ['Brand (from message content)', history.brand ?? 'not known'],
                ['Numbers', numbers.join(', ')],
              ],
            },
            ...historyBlocks(history, zone, cite),
            ...(history.candidates.length > 0
              ? [
                  {
                    kind: 'table',
                    table: {
                      sheet: 'Successor candidates',
                      title: 'Possible successor numbers (not confirmed, not part of this profile)',
                      columns: [
                        { header: 'Number', width: 90 },
                        { header: 'Score', width: 40, align: 'right' },
                        { header: 'Basis', width: '*' },
                        { header: 'Evidence', width: 40 },
                      ],
                      rows: history.candidates.map((c): Cell[] => [c.msisdn, c.score, c.basis, cite(c.evidence, `candidate ${c.msisdn}`)]),
                      empty: '',
                    },
                  } as const,
                ]
              : []),
          ],
    ),
    ...section('Deal-line signals and flare evidence', a['deal-lines'], 'Deal-line signals and flare evidence', (f) =>
      dealLineBlocks(f, numbers, zone, cite),
    ),
    ...section('Daily customers', a['daily-customers'], 'Daily customers', (d) =>
      customerBlocks(d, a['daily-customers'], cite),
    ),
    ...section('Transactions', a.transactions, 'Potential and confirmed transactions', (t) => transactionBlocks(t, cite)),
    ...section('Quantity and value estimates', a.quantity, 'Quantity and value estimates', quantityBlocks),
    ...section('Holder and runner attribution', a['line-roles'], 'Holder and runner attribution', () =>
      roles === null
        ? [{ kind: 'paragraph', text: 'The role analysis lists no roles for this line.' }]
        : [
            {
              kind: 'paragraph',
              text: 'Attribution links a number to a person for a period. It is an assertion with evidence for and against, and its status says whether a second person has reviewed it; the defence may seek an independent assessment.',
            },
            rolesTable(roles.roles, zone, 'Roles', 'Holder and runner attribution'),
            roleEvidenceTable(roles.roles, cite, 'Role evidence'),
          ],
    ),
    { kind: 'heading', level: 1, text: 'Areas used' },
    ...areaBlocks(input.cells, numbers, input),
  ]
  const purposes = Object.fromEntries(LINE_PROFILE.needs.map((id) => [id, CONTRACTS[id].purpose]))
  const { analyses, missing } = describeSlots(a, purposes)
  return {
    kind: LINE_PROFILE.kind,
    kindVersion: LINE_PROFILE.version,
    title: 'Line profile',
    subtitle: `Profile of the deal line ${history?.id ?? line}${history === null ? '' : ` (${numbers.join(', ')})`}.`,
    orientation: 'portrait',
    provenance: input.provenance,
    settings: [...selectionSettings(input.selection), ['Wedge radius when the cell list gives none', `${input.wedgeRadiusMetres} m`]],
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
