import { canonicalParams } from '@linesight/analysis'
import type { AnalysisSlot } from './analysis-slot.js'
import { unavailableReason } from './analysis-slot.js'
import { evidenceFilterText, evidenceJson } from './citations.js'
import type { Block, DocumentParts, MissingAnalysis, ReportDocument, UsedAnalysis } from './document.js'
import { STANDARD_LIMITATIONS } from './limitations.js'
import { formatExhibitRef } from './provenance.js'
import { utcText } from './time.js'

/** What checking a citation against the case found: how many rows its filter returns now (null: not checked). */
export interface CitationCheck {
  readonly ref: string
  readonly rowsNow: number | null
}

const paramText = (v: unknown): string =>
  v === null ? '(not set)' : Array.isArray(v) ? v.join(', ') || '(none)' : String(v)

/** Splits a document's slots into the analyses it used (with parameters) and those it could not use. */
export function describeSlots(
  slots: Readonly<Record<string, AnalysisSlot<unknown>>>,
  purposes: Readonly<Record<string, string>>,
): { readonly analyses: readonly UsedAnalysis[]; readonly missing: readonly MissingAnalysis[] } {
  const analyses: UsedAnalysis[] = []
  const missing: MissingAnalysis[] = []
  for (const [id, slot] of Object.entries(slots)) {
    if (slot.status === 'available') {
      const r = slot.result
      analyses.push({
        id: r.analysis.id,
        version: r.analysis.version,
        title: r.analysis.title,
        description: slot.description ?? null,
        generatedAt: r.generatedAt,
        parametersDigest: r.parametersDigest,
        inputDigest: r.inputDigest,
        // Sorted as the parameter digest sorts them, so the printed list matches the digest.
        parameters: Object.entries(JSON.parse(canonicalParams(r.parameters)) as Record<string, unknown>).map(
          ([k, v]) => [k, paramText(v)] as const,
        ),
      })
    } else missing.push({ id, purpose: purposes[id] ?? '', reason: unavailableReason(slot) })
  }
  return { analyses, missing }
}

/** The section printed where an analysis's figures would be. */
export const unavailableBlock = (what: string, slot: AnalysisSlot<unknown>): Block => ({
  kind: 'notice',
  severity: 'warning',
  text: `${what}: not available. The ${unavailableReason(slot)}. This document gives no figures for it and estimates nothing in its place.`,
})

const short = (digest: string): string => digest.slice(0, 16)

/**
 * Frames a document's parts with what every exhibit must state: front matter (reference, case, analyst, reviewer,
 * generation time, software version), warnings for missing analyses and refusals, the body, the method with every
 * parameter, the source files with SHA-256, the limitations, the evidence references and the critical-findings
 * check.
 */
export function composeDocument(parts: DocumentParts, checks: readonly CitationCheck[] = []): ReportDocument {
  const p = parts.provenance
  const ref = formatExhibitRef(p.exhibit)
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: parts.title },
    { kind: 'paragraph', text: parts.subtitle },
    {
      kind: 'facts',
      rows: [
        ['Exhibit reference', ref],
        ['Case', p.caseName === null ? p.caseId : `${p.caseId} (${p.caseName})`],
        ['Produced by', p.analyst],
        [
          'Critical-findings check',
          p.reviewer === null ? 'Not yet reviewed (draft)' : `Reviewed by ${p.reviewer}`,
        ],
        ['Generated', utcText(p.generatedAt)],
        ['Local times are given in', p.zone],
        ['Software', p.softwareVersion],
        ['Document', `${parts.kind} v${parts.kindVersion}`],
      ],
    },
  ]
  if (parts.missing.length > 0)
    blocks.push({
      kind: 'notice',
      severity: 'warning',
      text: `Incomplete: ${parts.missing.length} of the analyses this document needs ${parts.missing.length === 1 ? 'is' : 'are'} not available (${parts.missing.map((m) => m.id).join(', ')}). The sections that depend on ${parts.missing.length === 1 ? 'it say' : 'them say'} so and give no figures.`,
    })
  for (const r of parts.refusals) blocks.push({ kind: 'notice', severity: 'refusal', text: r })
  if (p.reviewer === null)
    blocks.push({
      kind: 'notice',
      severity: 'info',
      text: 'Draft: the critical findings have not been checked by a second person. Do not serve this document until they have.',
    })
  blocks.push(...parts.body)

  blocks.push({ kind: 'heading', level: 1, text: 'Method, analyses and parameters' })
  blocks.push({
    kind: 'paragraph',
    text: 'The report layer lays out analysis results and case records; it computes no figures of its own. Each analysis below ran with the parameters listed; the digests identify the parameter set and the source files it ran on.',
  })
  blocks.push({
    kind: 'table',
    table: {
      sheet: 'Settings',
      title: 'Document settings',
      columns: [
        { header: 'Setting', width: 150 },
        { header: 'Value', width: '*' },
      ],
      rows: parts.settings.map(([k, v]) => [k, v]),
      empty: 'No settings.',
    },
  })
  blocks.push({
    kind: 'table',
    table: {
      sheet: 'Analyses',
      title: 'Analyses used',
      columns: [
        { header: 'Analysis', width: '*' },
        { header: 'Version', width: 40 },
        { header: 'Run at', width: 90 },
        { header: 'Parameters digest', width: 75 },
        { header: 'Input digest', width: 75 },
        { header: 'Same source files as this case', width: 60 },
      ],
      rows: parts.analyses.map((a) => [
        `${a.id} (${a.title})`,
        a.version,
        utcText(a.generatedAt),
        short(a.parametersDigest),
        short(a.inputDigest),
        a.inputDigest === p.inputDigest ? 'yes' : 'NO: re-run before relying on it',
      ]),
      extraColumns: ['Parameters digest (full)', 'Input digest (full)'],
      extraRows: parts.analyses.map((a) => [a.parametersDigest, a.inputDigest]),
      empty: 'This document rests on no analysis result: it lays out case records only.',
    },
  })
  for (const a of parts.analyses)
    if (a.description !== null)
      blocks.push({ kind: 'paragraph', tone: 'note', text: `${a.id}: ${a.description}` })
  if (parts.analyses.length > 0)
    blocks.push({
      kind: 'table',
      table: {
        sheet: 'Parameters',
        title: 'Analysis parameters',
        columns: [
          { header: 'Analysis', width: 110 },
          { header: 'Parameter', width: 150 },
          { header: 'Value', width: '*' },
        ],
        rows: parts.analyses.flatMap((a) => a.parameters.map(([k, v]) => [a.id, k, v])),
        empty: 'The analyses take no parameters.',
      },
    })
  if (parts.missing.length > 0)
    blocks.push({
      kind: 'table',
      table: {
        sheet: 'Not available',
        title: 'Analyses this document needs that are not available',
        columns: [
          { header: 'Analysis', width: 100 },
          { header: 'Needed for', width: 150 },
          { header: 'Why not available', width: '*' },
        ],
        rows: parts.missing.map((m) => [m.id, m.purpose, m.reason]),
        empty: '',
      },
    })

  blocks.push({ kind: 'heading', level: 1, text: 'Source files' })
  blocks.push({
    kind: 'paragraph',
    text: `The original files held in the case, each kept unaltered under its SHA-256. Input digest of the case (SHA-256 over the sorted file hashes): ${p.inputDigest}.`,
  })
  blocks.push({
    kind: 'table',
    table: {
      sheet: 'Source files',
      title: 'Source files and their SHA-256',
      columns: [
        { header: 'File', width: '*' },
        { header: 'SHA-256', width: 236, small: true },
        { header: 'Kind', width: 32 },
        { header: 'Rows read / imported / rejected / duplicate', width: 62 },
        { header: 'Imported', width: 80 },
      ],
      rows: p.sourceFiles.map((f) => [
        `${f.name}${f.requestReference === null ? '' : ` (request ${f.requestReference})`}`,
        f.sha256,
        f.kind,
        `${f.rowsRead} / ${f.rowsImported} / ${f.rowsRejected} / ${f.rowsDuplicate}`,
        `${utcText(f.importedAt)} by ${f.importedBy}`,
      ]),
      extraColumns: ['File id', 'Format', 'Layout'],
      extraRows: p.sourceFiles.map((f) => [f.id, f.format, f.profile]),
      empty: 'No source files.',
    },
  })

  blocks.push({ kind: 'heading', level: 1, text: 'Limitations' })
  blocks.push({ kind: 'list', items: [...STANDARD_LIMITATIONS, ...parts.limitations] })

  const checked = new Map(checks.map((c) => [c.ref, c.rowsNow]))
  blocks.push({ kind: 'heading', level: 1, text: 'Evidence references' })
  blocks.push({
    kind: 'paragraph',
    text: 'Each reference (E1, E2 …) names the filter over the case records that returns exactly the rows behind a figure. The XLSX sheet "Evidence" gives each filter as JSON; "linesight evidence <case> \'<filter>\'" lists the rows with their source file and row.',
  })
  blocks.push({
    kind: 'table',
    table: {
      sheet: 'Evidence',
      title: 'Evidence references',
      columns: [
        { header: 'Ref', width: 28 },
        { header: 'Supports', width: 140 },
        { header: 'Filter', width: '*' },
        { header: 'Rows', width: 36, align: 'right' },
        { header: 'Check against the case', width: 80 },
      ],
      rows: parts.citations.map((c) => {
        const now = checked.get(c.ref)
        return [
          c.ref,
          c.label,
          evidenceFilterText(c.evidence),
          c.evidence.count,
          now === undefined || now === null
            ? 'not checked'
            : now === c.evidence.count
              ? 'matches'
              : `DIFFERS: ${now} rows now`,
        ]
      }),
      extraColumns: ['Filter (JSON)'],
      extraRows: parts.citations.map((c) => [evidenceJson(c.evidence)]),
      empty: 'No figure in this document cites evidence rows.',
    },
  })

  blocks.push({ kind: 'heading', level: 1, text: 'Critical-findings check' })
  blocks.push({
    kind: 'paragraph',
    text: 'Forensic Science Regulator Code of Practice: an exhibit becomes final only after a second, different person has checked its critical findings. Both names appear here.',
  })
  blocks.push({
    kind: 'facts',
    rows: [
      ['Analyst', p.analyst],
      ['Reviewer', p.reviewer ?? '(not yet reviewed)'],
      ['Date of review', '....................................'],
      ['Reviewer signature', '....................................'],
    ],
  })

  const complete =
    parts.missing.length === 0 &&
    parts.refusals.length === 0 &&
    parts.citations.every((c) => {
      const now = checked.get(c.ref)
      return now === undefined || now === null || now === c.evidence.count
    })
  return { ...parts, ref, blocks, complete }
}
