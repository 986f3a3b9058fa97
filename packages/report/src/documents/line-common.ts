import type { AnalysisSlot } from '../core/analysis-slot.js'
import type { Citer } from '../core/citations.js'
import type { Block, Cell } from '../core/document.js'
import { unavailableBlock } from '../core/frame.js'
import { localText, toLocal } from '../core/time.js'
import {
  findLine,
  type IdentifierUse,
  type LineContinuityFigures,
  type LineHistory,
} from '../contracts/line-continuity.js'
import type { LineRoles, LineRolesFigures, RoleCandidate } from '../contracts/line-roles.js'
import type { Selection } from '../gather/gather-analyses.js'

/** Only the slots a document declares it needs, in its order (a caller may pass more). */
export const pickSlots = <K extends string>(
  slots: Readonly<Record<K, AnalysisSlot<unknown>>>,
  needs: readonly K[],
): Record<string, AnalysisSlot<unknown>> => Object.fromEntries(needs.map((id) => [id, slots[id]]))

/** The value of an available slot, or null. */
export const value = <R>(slot: AnalysisSlot<R>): R | null =>
  slot.status === 'available' ? slot.result.result : null

/** The analysis id and version a figure came from, for sentences ("daily-customers v2"). */
export const source = (slot: AnalysisSlot<unknown>): string =>
  slot.status === 'available'
    ? `${slot.result.analysis.id} v${slot.result.analysis.version}`
    : 'not available'

export { findLine }

/** The numbers of the chosen line (all generations), or just the number given when the history is unknown. */
export const lineNumbers = (history: LineHistory | null, line: string): readonly string[] =>
  history === null ? [line] : history.numbers

/** The chosen line as every line document starts from it: its history, all its numbers and its role candidates. */
export function resolveLine(
  analyses: {
    readonly 'line-continuity': AnalysisSlot<LineContinuityFigures>
    readonly 'line-roles'?: AnalysisSlot<LineRolesFigures>
  },
  line: string,
): { history: LineHistory | null; numbers: readonly string[]; roles: LineRoles | null } {
  const history = findLine(value(analyses['line-continuity']), line)
  const numbers = lineNumbers(history, line)
  const slot = analyses['line-roles']
  const roles = slot === undefined ? null : findRoles(value(slot), history?.key ?? line, numbers)
  return { history, numbers, roles }
}

/** The line's role candidates, matched by key or by one of its numbers. */
export function findRoles(
  figures: LineRolesFigures | null,
  line: string,
  numbers: readonly string[],
): LineRoles | null {
  if (figures === null) return null
  return (
    figures.lines.find((l) => l.key === line) ??
    figures.lines.find((l) => l.numbers.some((n) => numbers.includes(n))) ??
    null
  )
}

export const local = (iso: string | null, zone: string): string =>
  iso === null ? 'open' : localText(iso, zone)
export const localDate = (iso: string, zone: string): string => toLocal(iso, zone).date

export const period = (from: string, to: string | null, zone: string): string =>
  `${localDate(from, zone)} to ${to === null ? 'open' : localDate(to, zone)}`

export const selectionSettings = (s: Selection): [string, string][] => [
  ['Line', s.line ?? '(all)'],
  ['From', s.from === null ? '(not limited)' : `${s.from} (UTC)`],
  ['To', s.to === null ? '(not limited)' : `${s.to} (UTC)`],
]

/** Evidence references for one cell of a table: each once, in order, without the "-" of figures that have none. */
export const refs = (list: readonly string[]): string => [...new Set(list.filter((r) => r !== '-'))].join(' ')

const uses = (list: readonly IdentifierUse[], zone: string): string =>
  list.map((u) => `${u.value} (${localDate(u.firstSeen, zone)} to ${localDate(u.lastSeen, zone)})`).join('\n')

const ratio = (x: number): string => x.toFixed(2)

/** The history table (one row per number, with its SIMs and handsets) and the links that make them one line. */
export function historyBlocks(history: LineHistory, zone: string, cite: Citer): Block[] {
  const rows: Cell[][] = history.generations.map((g) => [
    g.msisdn,
    uses(g.imsis, zone),
    uses(g.imeis, zone),
    local(g.firstSeen, zone),
    local(g.lastSeen, zone),
    g.flares,
    refs([
      cite(g.evidence, `${g.msisdn} in use`),
      ...[...g.imsis, ...g.imeis].map((u) => cite(u.evidence, `${u.value} with ${g.msisdn}`)),
    ]),
  ])
  const links: Cell[][] = history.links.map((k) => [
    k.from,
    k.to,
    k.basis.join(', '),
    [
      `gap ${k.timing.gapHours} h`,
      `${k.customers.shared} shared customers (Jaccard ${ratio(k.customers.jaccard)}, overlap ${ratio(k.customers.overlap)})`,
      ...k.sharedIdentifiers.map((i) => `same ${i.kind.toUpperCase()} ${i.value}`),
    ].join('; '),
    refs([
      ...k.sharedIdentifiers.map((i) =>
        cite(i.to.evidence, `${i.kind.toUpperCase()} ${i.value} with ${k.to}`),
      ),
      ...k.customers.evidence.map((e) => cite(e, `customers shared by ${k.from} and ${k.to}`)),
    ]),
  ])
  return [
    {
      kind: 'table',
      table: {
        sheet: 'Line history',
        title: 'Numbers, SIMs and handsets of the line',
        columns: [
          { header: 'Number', width: 72 },
          { header: 'SIMs (IMSI, dates in use)', width: '*' },
          { header: 'Handsets (IMEI, dates in use)', width: '*' },
          { header: 'First seen (local)', width: 62 },
          { header: 'Last seen (local)', width: 62 },
          { header: 'Flares', width: 30, align: 'right' },
          { header: 'Evidence', width: 40 },
        ],
        rows,
        empty: 'The analysis lists no numbers for this line.',
      },
    },
    {
      kind: 'table',
      table: {
        sheet: 'Links',
        title: 'Why these numbers are one line',
        columns: [
          { header: 'From', width: 72 },
          { header: 'To', width: 72 },
          { header: 'Basis', width: 55 },
          { header: 'Detail', width: '*' },
          { header: 'Evidence', width: 50 },
        ],
        rows: links,
        note: 'A link is a lead for an analyst to confirm, not a finding.',
        empty: 'No links: the line has a single number.',
      },
    },
  ]
}

/** A section heading plus either its content or the "not available" notice. */
export function section<R>(
  title: string,
  slot: AnalysisSlot<R>,
  what: string,
  content: (value: R) => Block[],
): Block[] {
  return [
    { kind: 'heading', level: 1, text: title },
    ...(slot.status === 'available' ? content(slot.result.result) : [unavailableBlock(what, slot)]),
  ]
}

const rolePeriod = (c: RoleCandidate, zone: string): string =>
  c.period === null ? 'not given' : period(c.period.from, c.period.to, zone)

const attributionText = (c: RoleCandidate): string =>
  c.attribution === null
    ? c.person?.name === null || c.person === null
      ? 'not attributed'
      : `${c.person.name} (subscriber record, no attribution)`
    : `${c.attribution.person.name ?? 'unnamed'} (${c.attribution.status}; ${c.attribution.basis})`

/** Role candidates as a table: number, role, the person it is attributed to and the status, period, confidence. */
export function rolesTable(
  roles: readonly RoleCandidate[],
  zone: string,
  sheet: string,
  title: string,
): Block {
  return {
    kind: 'table',
    table: {
      sheet,
      title,
      columns: [
        { header: 'Number', width: 72 },
        { header: 'Role', width: 40 },
        { header: 'Attributed person (status; basis)', width: '*' },
        { header: 'Period (local dates)', width: 110 },
        { header: 'Score', width: 30, align: 'right' },
        { header: 'Confidence', width: 45 },
      ],
      rows: roles.map((r): Cell[] => [
        r.number,
        r.role,
        attributionText(r),
        rolePeriod(r, zone),
        r.score,
        r.confidence,
      ]),
      empty: 'No role candidates for this line.',
    },
  }
}

/** Every signal of every candidate: met (supports the role) or not met, each with its evidence references. */
export function roleEvidenceTable(roles: readonly RoleCandidate[], cite: Citer, sheet: string): Block {
  const rows: Cell[][] = roles.flatMap((r) =>
    r.signals.map((g): Cell[] => [
      `${r.number} (${r.role})`,
      g.text,
      g.value,
      g.threshold,
      g.fired ? 'met' : 'not met',
      refs(g.evidence.map((e) => cite(e, `${r.number} as ${r.role}: ${g.text}`))),
    ]),
  )
  return {
    kind: 'table',
    table: {
      sheet,
      title: 'The signals behind each role: met and not met',
      columns: [
        { header: 'Number (role)', width: 90 },
        { header: 'Signal', width: '*' },
        { header: 'Value', width: 36, align: 'right' },
        { header: 'Threshold', width: 40, align: 'right' },
        { header: 'Met', width: 36 },
        { header: 'Evidence', width: 60 },
      ],
      rows,
      note: 'A signal not met is not evidence against the role; it is shown so the reader sees every test applied.',
      empty: 'The candidates list no signals.',
    },
  }
}

/** Sum of daily figures over local dates within [from, to] (inclusive; either bound open): layout arithmetic only. */
export function sumDays<D extends { readonly day: string }>(
  days: readonly D[],
  pick: (d: D) => number,
  from: string | null,
  to: string | null,
): { readonly total: number; readonly days: number } {
  const within = days.filter((d) => (from === null || d.day >= from) && (to === null || d.day <= to))
  return { total: within.reduce((s, d) => s + pick(d), 0), days: within.filter((d) => pick(d) > 0).length }
}

export const grams = (mg: number): string => `${(mg / 1000).toFixed(mg < 10_000 ? 2 : 1)} g`
export const pounds = (pence: number | null): string =>
  pence === null
    ? ''
    : `£${Math.round(pence / 100)
        .toString()
        .replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`
