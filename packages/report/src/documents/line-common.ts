import type { AnalysisSlot } from '../core/analysis-slot.js'
import type { Citer } from '../core/citations.js'
import type { Block, Cell } from '../core/document.js'
import { unavailableBlock } from '../core/frame.js'
import { localText, toLocal } from '../core/time.js'
import type { LineHistory, LineContinuityFigures } from '../contracts/line-continuity.js'
import type { LineRoles, LineRolesFigures, RoleAssertion } from '../contracts/line-roles.js'
import type { Selection } from '../gather/gather-analyses.js'

/** The value of an available slot, or null. */
export const value = <R>(slot: AnalysisSlot<R>): R | null => (slot.status === 'available' ? slot.result.result : null)

/** The analysis id and version a figure came from, for sentences ("daily-customers v2"). */
export const source = (slot: AnalysisSlot<unknown>): string =>
  slot.status === 'available' ? `${slot.result.analysis.id} v${slot.result.analysis.version}` : 'not available'

/** The line the user chose, from line-continuity: by its id or by any of its numbers. */
export function findLine(figures: LineContinuityFigures | null, line: string): LineHistory | null {
  if (figures === null) return null
  return (
    figures.lines.find((l) => l.id === line) ??
    figures.lines.find((l) => l.generations.some((g) => g.msisdn === line)) ??
    null
  )
}

/** The numbers of the chosen line (all generations), or just the number given when the history is unknown. */
export const lineNumbers = (history: LineHistory | null, line: string): readonly string[] =>
  history === null ? [line] : [...new Set(history.generations.map((g) => g.msisdn))]

/** The line's role assertions, matched by line id or by one of its numbers. */
export function findRoles(figures: LineRolesFigures | null, line: string, numbers: readonly string[]): LineRoles | null {
  if (figures === null) return null
  return (
    figures.lines.find((l) => l.line === line) ?? figures.lines.find((l) => numbers.includes(l.line)) ?? null
  )
}

export const local = (iso: string | null, zone: string): string => (iso === null ? 'open' : localText(iso, zone))
export const localDate = (iso: string, zone: string): string => toLocal(iso, zone).date

export const period = (from: string, to: string | null, zone: string): string =>
  `${localDate(from, zone)} to ${to === null ? 'open' : localDate(to, zone)}`

export const selectionSettings = (s: Selection): [string, string][] => [
  ['Line', s.line ?? '(all)'],
  ['From', s.from === null ? '(not limited)' : `${s.from} (UTC)`],
  ['To', s.to === null ? '(not limited)' : `${s.to} (UTC)`],
]

/** The history table: one row per generation (number, SIM, handset, period). */
export function historyBlocks(history: LineHistory, zone: string, cite: Citer): Block[] {
  const rows: Cell[][] = history.generations.map((g) => [
    g.msisdn,
    g.imsi ?? '',
    g.imei ?? '',
    local(g.firstUtc, zone),
    local(g.lastUtc, zone),
    cite(g.evidence, `${g.msisdn} in use`),
  ])
  const links: Cell[][] = history.links.map((k) => [k.from, k.to, k.basis, k.detail, cite(k.evidence, `link ${k.from} - ${k.to}`)])
  return [
    {
      kind: 'table',
      table: {
        sheet: 'History',
        title: 'Numbers, SIMs and handsets of the line',
        columns: [
          { header: 'Number', width: 78 },
          { header: 'SIM (IMSI)', width: 80 },
          { header: 'Handset (IMEI)', width: 80 },
          { header: 'First used (local)', width: '*' },
          { header: 'Last used (local)', width: '*' },
          { header: 'Evidence', width: 36 },
        ],
        rows,
        empty: 'The analysis lists no generations for this line.',
      },
    },
    {
      kind: 'table',
      table: {
        sheet: 'Links',
        title: 'Why these identifiers are one line',
        columns: [
          { header: 'From', width: 80 },
          { header: 'To', width: 80 },
          { header: 'Basis', width: 80 },
          { header: 'Detail', width: '*' },
          { header: 'Evidence', width: 36 },
        ],
        rows: links,
        empty: 'No links: the line has a single number, SIM and handset.',
      },
    },
  ]
}

/** A section heading plus either its content or the "not available" notice. */
export function section<R>(title: string, slot: AnalysisSlot<R>, what: string, content: (value: R) => Block[]): Block[] {
  return [
    { kind: 'heading', level: 1, text: title },
    ...(slot.status === 'available' ? content(slot.result.result) : [unavailableBlock(what, slot)]),
  ]
}

/** Role assertions as a table, with the person (or "not attributed"), number, role, period and status. */
export function rolesTable(roles: readonly RoleAssertion[], zone: string, sheet: string, title: string): Block {
  return {
    kind: 'table',
    table: {
      sheet,
      title,
      columns: [
        { header: 'Person', width: 90 },
        { header: 'Number', width: 78 },
        { header: 'Role', width: 50 },
        { header: 'Period (local dates)', width: '*' },
        { header: 'Confidence', width: 55 },
        { header: 'Status', width: 50 },
      ],
      rows: roles.map((r) => [
        r.person ?? 'not attributed',
        r.msisdn,
        r.role,
        period(r.fromUtc, r.toUtc, zone),
        r.confidence,
        r.status,
      ]),
      empty: 'No role assertions for this line.',
    },
  }
}

/** The evidence for and against each assertion, each item with its evidence reference. */
export function roleEvidenceTable(roles: readonly RoleAssertion[], cite: Citer, sheet: string): Block {
  const rows: Cell[][] = roles.flatMap((r) => {
    const who = `${r.person ?? 'not attributed'} / ${r.msisdn} (${r.role})`
    return [
      ...r.for.map((e): Cell[] => [who, 'for', e.text, cite(e.evidence, `${who}: ${e.text}`)]),
      ...r.against.map((e): Cell[] => [who, 'against', e.text, cite(e.evidence, `${who}: ${e.text}`)]),
    ]
  })
  return {
    kind: 'table',
    table: {
      sheet,
      title: 'Evidence for and against each attribution',
      columns: [
        { header: 'Person / number (role)', width: 140 },
        { header: 'For / against', width: 45 },
        { header: 'Evidence', width: '*' },
        { header: 'Ref', width: 30 },
      ],
      rows,
      empty: 'The attributions list no evidence items.',
    },
  }
}

/** Sum of daily figures over local dates within [from, to] (inclusive; either bound open): layout arithmetic only. */
export function sumDays<D extends { readonly date: string }>(
  days: readonly D[],
  pick: (d: D) => number,
  from: string | null,
  to: string | null,
): { readonly total: number; readonly days: number } {
  const within = days.filter((d) => (from === null || d.date >= from) && (to === null || d.date <= to))
  return { total: within.reduce((s, d) => s + pick(d), 0), days: within.filter((d) => pick(d) > 0).length }
}

export const grams = (mg: number): string => `${(mg / 1000).toFixed(mg < 10_000 ? 2 : 1)} g`
export const pounds = (pence: number | null): string =>
  pence === null ? '' : `£${Math.round(pence / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`
