import { citer, type Citer } from '../../core/citations.js'
import type { Block, Cell, DocumentParts } from '../../core/document.js'
import { describeSlots } from '../../core/frame.js'
import type { DocumentProvenance } from '../../core/provenance.js'
import { CONTRACTS } from '../../contracts/index.js'
import type { LineHistory } from '../../contracts/line-continuity.js'
import { personName } from '../../contracts/line-roles.js'
import type { AnalysisSlots, Selection } from '../../gather/gather-analyses.js'
import {
  findLine,
  findRoles,
  historyBlocks,
  refs,
  lineNumbers,
  local,
  localDate,
  section,
  selectionSettings,
  source,
  sumDays,
  value,
  pickSlots,
} from '../line-common.js'

export const DDTRO_PACK = {
  kind: 'ddtro-pack',
  version: '1',
  needs: ['line-continuity', 'deal-lines', 'flare-bursts', 'daily-customers', 'line-roles'],
} as const

export type DdtroNeeds = (typeof DDTRO_PACK.needs)[number]

/** The input of a DDTRO evidence pack: the chosen line and the results of the analyses it lays out. */
export interface DdtroPackInput {
  readonly provenance: DocumentProvenance
  readonly selection: Selection & { readonly line: string }
  readonly analyses: AnalysisSlots<DdtroNeeds>
}

/** One identifier an order could name, with the period it was seen and what it was used with. */
interface Item {
  readonly type: 'MSISDN' | 'IMSI' | 'IMEI'
  readonly value: string
  readonly first: string
  readonly last: string
  readonly usedWith: readonly string[]
  /** Evidence references, e.g. "E1 E4". */
  readonly evidence: string
}

/**
 * The numbers of the line whose items go in the schedule: the chosen number, those joined to it by a shared handset
 * or SIM (directly or through others), and those the deal-line analysis itself calls deal lines. A number reached
 * only through customer overlap and not itself assessed as a deal line is kept apart for review, so no item is
 * swept into an order on the weaker link alone.
 */
function strongNumbers(
  history: LineHistory,
  start: string,
  dealLines: ReadonlySet<string>,
): ReadonlySet<string> {
  const strong = new Set([start, ...history.numbers.filter((n) => dealLines.has(n))])
  for (let grown = true; grown;) {
    grown = false
    for (const k of history.links)
      if (k.basis.some((b) => b === 'imei' || b === 'imsi'))
        for (const [a, b] of [
          [k.from, k.to],
          [k.to, k.from],
        ] as const)
          if (strong.has(a) && !strong.has(b)) {
            strong.add(b)
            grown = true
          }
  }
  return strong
}

function itemsOf(history: LineHistory | null, numbers: ReadonlySet<string>, cite: Citer): Item[] {
  if (history === null) return []
  const items: Item[] = []
  const seen = new Map<string, number>()
  const add = (
    type: Item['type'],
    v: string,
    first: string,
    last: string,
    withN: string,
    ev: string,
  ): void => {
    const key = `${type}:${v}`
    const at = seen.get(key)
    if (at === undefined) {
      seen.set(key, items.length)
      items.push({ type, value: v, first, last, usedWith: type === 'MSISDN' ? [] : [withN], evidence: ev })
      return
    }
    const old = items[at]!
    items[at] = {
      ...old,
      first: first < old.first ? first : old.first,
      last: last > old.last ? last : old.last,
      usedWith: old.usedWith.includes(withN) ? old.usedWith : [...old.usedWith, withN],
      evidence: [old.evidence, ev].filter((x) => x !== '-').join(' '),
    }
  }
  for (const g of history.generations) {
    if (!numbers.has(g.msisdn)) continue
    add('MSISDN', g.msisdn, g.firstSeen, g.lastSeen, g.msisdn, cite(g.evidence, `${g.msisdn} in use`))
    for (const u of g.imsis)
      add(
        'IMSI',
        u.value,
        u.firstSeen,
        u.lastSeen,
        g.msisdn,
        cite(u.evidence, `SIM ${u.value} with ${g.msisdn}`),
      )
    for (const u of g.imeis)
      add(
        'IMEI',
        u.value,
        u.firstSeen,
        u.lastSeen,
        g.msisdn,
        cite(u.evidence, `handset ${u.value} with ${g.msisdn}`),
      )
  }
  return items
}

const itemRows = (items: readonly Item[], zone: string): Cell[][] =>
  items.map((it, i) => [
    i + 1,
    it.type,
    it.value,
    local(it.first, zone),
    local(it.last, zone),
    it.usedWith.join(', '),
    it.evidence,
  ])

const itemTable = (sheet: string, title: string, rows: Cell[][], empty: string, note?: string): Block => ({
  kind: 'table',
  table: {
    sheet,
    title,
    columns: [
      { header: 'Item', width: 24, align: 'right' },
      { header: 'Type', width: 40 },
      { header: 'Identifier', width: 90 },
      { header: 'First seen (local)', width: 75 },
      { header: 'Last seen (local)', width: 75 },
      { header: 'Used with number', width: '*' },
      { header: 'Evidence', width: 50 },
    ],
    rows,
    ...(note === undefined ? {} : { note }),
    empty,
  },
})

const LEGAL_TEST =
  'Serious Crime Act 2015 s80A (inserted by the Digital Economy Act 2017 s107) and the Drug Dealing Telecommunications Restriction Orders Regulations 2017 (SI 2017/1240). The applicant is the NCA Director General or Deputy, or a police officer of superintendent rank or above. Under regulation 3 the court must be satisfied, on the balance of probabilities, that each item named has been, is likely to have been, or is likely to be used in connection with drug-dealing offences, and have reasonable grounds to believe that the order would prevent or restrict that use. An order may name, among others, an IMEI, MSISDN, ICCID or IMSI. Providers must comply by the end of the fifth working day unless the court allows otherwise.'

/**
 * A DDTRO evidence pack: for each item to restrict (number, SIM, handset), its dates of use, the flare and customer
 * evidence, the linked (successor) items, a review list of weakly linked items kept apart, and a draft statement
 * of facts for the applying officer to adapt. Laid out from analysis results; nothing is estimated here.
 */
export function buildDdtroPack(input: DdtroPackInput): DocumentParts {
  const a = input.analyses
  const zone = input.provenance.zone
  const cite = citer()
  const line = input.selection.line
  const history = findLine(value(a['line-continuity']), line)
  const numbers = lineNumbers(history, line)
  const deal = value(a['deal-lines'])
  const verdictDealLine = new Set(
    deal?.candidates.filter((c) => c.verdict === 'deal-line').map((c) => c.number) ?? [],
  )
  const strong =
    history === null
      ? new Set([line])
      : strongNumbers(history, history.numbers.includes(line) ? line : history.key, verdictDealLine)
  const weak = new Set(numbers.filter((n) => !strong.has(n)))
  const items = itemsOf(history, strong, cite)
  const review = itemsOf(history, weak, cite)
  const flares = value(a['flare-bursts'])
  const customers = value(a['daily-customers'])
  const roles = findRoles(value(a['line-roles']), history?.key ?? line, numbers)

  const useRows: Cell[][] = [...strong].map((n) => {
    const g = history?.generations.find((x) => x.msisdn === n)
    const c = deal?.candidates.find((x) => x.number === n)
    const f = flares?.senders.find((x) => x.sender === n)
    const days =
      customers !== null && customers.line === n && g !== undefined
        ? sumDays(
            customers.days,
            (d) => d.dailyCustomers,
            localDate(g.firstSeen, zone),
            localDate(g.lastSeen, zone),
          )
        : null
    return [
      n,
      deal === null ? 'not available' : c === undefined ? 'not assessed' : `${c.verdict} (score ${c.score})`,
      flares === null ? 'not available' : f === undefined ? 'none' : `${f.bursts} on ${f.burstDays} days`,
      f === undefined || f.firstBurst === null
        ? ''
        : `${local(f.firstBurst, zone)} to ${local(f.lastBurst, zone)}`,
      customers === null
        ? 'not available'
        : days === null
          ? `not computed (daily-customers ran for ${customers.line})`
          : `${days.total} on ${days.days} days`,
      refs([c === undefined ? '-' : cite(c.evidence, `${n}: deal-line assessment`)]),
    ]
  })

  const first = items.find((i) => i.type === 'MSISDN')
  const statement = [
    'DRAFT for the applying officer to check, adapt and sign; every figure must be verified against the exhibits.',
    `I, [name], [rank: superintendent or above], apply for a Drug Dealing Telecommunications Restriction Order in respect of the items listed in the schedule of items (${items.length} item${items.length === 1 ? '' : 's'}).`,
    first === undefined
      ? `The line number ${line} is the subject of this application. [No history of numbers, SIMs and handsets is available: line-continuity ${source(a['line-continuity'])}.]`
      : `The number ${first.value} was in use from ${local(first.first, zone)} to ${local(first.last, zone)}${strong.size > 1 ? `; ${strong.size === 2 ? 'the number' : 'the numbers'} ${[...strong].filter((n) => n !== first.value).join(', ')} continued the same line (see the links and the evidence of use)` : ''}.`,
    flares === null
      ? '[Flare evidence: the flare-bursts analysis is not available.]'
      : `The records show bulk text messages ("flares") sent from the line to many recipients within minutes (${
          [...strong]
            .map((n) => flares.senders.find((x) => x.sender === n))
            .filter((x) => x !== undefined)
            .map((x) => `${x.sender}: ${x.bursts} bursts on ${x.burstDays} days`)
            .join('; ') || 'none found'
        }), the pattern of a drug-dealing line advertising to its customers (${source(a['flare-bursts'])}).`,
    customers === null
      ? '[Customer evidence: the daily-customers analysis is not available.]'
      : `Applying the police daily-customers rules to ${customers.line} (${source(a['daily-customers'])}, parameters in the method section), ${customers.totals.customerDays} customer-days were counted from a customer base of ${customers.base.members} numbers.`,
    'In my opinion each item has been, is likely to have been, or is likely to be used in connection with drug-dealing offences, and I have reasonable grounds to believe that the order would prevent or restrict that use because [officer to state the grounds].',
  ]

  const body: Block[] = [
    { kind: 'heading', level: 1, text: 'The legal test' },
    { kind: 'paragraph', text: LEGAL_TEST },
    ...section(
      'Items to restrict',
      a['line-continuity'],
      'The items (numbers, SIMs and handsets) of the line',
      () =>
        history === null
          ? [
              {
                kind: 'notice',
                severity: 'warning',
                text: `The line-continuity analysis does not list a line "${line}": only that number can be named, and no SIM or handset is listed.`,
              },
            ]
          : [
              itemTable(
                'Items',
                'Schedule of items',
                itemRows(items, zone),
                'No items.',
                'The chosen number, numbers joined to it by a shared handset or SIM, and numbers the deal-line analysis itself assesses as deal lines, with their SIMs and handsets. Dates are those the records show; they do not prove who used the item.',
              ),
              historyBlocks(history, zone, cite)[1]!,
            ],
    ),
    ...(review.length > 0
      ? [
          { kind: 'heading', level: 1, text: 'Items for review before naming' } as const,
          itemTable(
            'Review list',
            'Items linked only through customer overlap and not themselves assessed as deal lines (kept apart: not in the schedule of items)',
            itemRows(review, zone),
            '',
          ),
        ]
      : []),
    { kind: 'heading', level: 1, text: 'Evidence of use in connection with drug dealing' },
    {
      kind: 'table',
      table: {
        sheet: 'Evidence of use',
        title: 'Per number: deal-line assessment, flares and customers',
        columns: [
          { header: 'Number', width: 72 },
          { header: 'Deal-line verdict', width: 80 },
          { header: 'Flare bursts', width: 65 },
          { header: 'Bursts from / to (local)', width: '*' },
          { header: 'Customer-days', width: 80 },
          { header: 'Evidence', width: 40 },
        ],
        rows: useRows,
        empty: 'No numbers.',
      },
    },
    ...section('Other numbers around the line', a['line-roles'], 'Holder and runner numbers', () =>
      roles === null
        ? [{ kind: 'paragraph', text: 'The role analysis lists no holders or runners for this line.' }]
        : [
            {
              kind: 'paragraph',
              text: 'Holder and runner candidates are not items of this application. Listed so the officer can decide whether to apply for them on their own evidence.',
            },
            {
              kind: 'table',
              table: {
                sheet: 'Other numbers',
                title: 'Holder and runner candidates',
                columns: [
                  { header: 'Number', width: 80 },
                  { header: 'Role', width: 50 },
                  { header: 'Person (if attributed)', width: '*' },
                  { header: 'Confidence', width: 60 },
                ],
                rows: [...roles.holders, ...roles.runners].map((r): Cell[] => [
                  r.number,
                  r.role,
                  personName(r) ?? 'not attributed',
                  r.confidence,
                ]),
                empty: 'None.',
              },
            },
          ],
    ),
    { kind: 'heading', level: 1, text: 'Draft statement of facts' },
    ...statement.map((text, i): Block => ({ kind: 'paragraph', tone: i === 0 ? 'note' : 'normal', text })),
  ]
  const purposes = Object.fromEntries(DDTRO_PACK.needs.map((id) => [id, CONTRACTS[id].purpose]))
  const { analyses, missing } = describeSlots(pickSlots(a, DDTRO_PACK.needs), purposes)
  return {
    kind: DDTRO_PACK.kind,
    kindVersion: DDTRO_PACK.version,
    title: 'DDTRO evidence pack',
    subtitle: `Drug Dealing Telecommunications Restriction Order: evidence for the items of the line ${history?.key ?? line}.`,
    orientation: 'portrait',
    provenance: input.provenance,
    settings: selectionSettings(input.selection),
    body,
    analyses,
    missing,
    refusals: [],
    limitations: [
      'A DDTRO restricts items, not people: dates of use show when the records saw an item, not who held it.',
      'Links between numbers are leads an analyst confirms; an item joined only by customer overlap, and not itself assessed as a deal line, is listed for review, not named.',
    ],
    citations: cite.citations(),
  }
}
