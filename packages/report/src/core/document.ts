import type { EventEvidence } from '@linesight/analysis'
import type { DocumentProvenance } from './provenance.js'

/** A table cell: text, a number (kept numeric in the XLSX), or nothing. */
export type Cell = string | number | null

export interface TableColumn {
  readonly header: string
  /** PDF width: points, or '*' to share the rest of the line. */
  readonly width: number | '*'
  readonly align?: 'left' | 'right'
  /** Print in a smaller font so a long token (a SHA-256) stays on one line. */
  readonly small?: boolean
}

/**
 * One table of a document. Every table is printed in the PDF and exported as a sheet of the XLSX, with the same
 * columns and rows: the spreadsheet is the table, not a different extract.
 */
export interface ReportTable {
  /** Sheet name in the XLSX (at most 31 characters, unique within the document). */
  readonly sheet: string
  readonly title: string
  readonly columns: readonly TableColumn[]
  readonly rows: readonly (readonly Cell[])[]
  /** Extra columns exported to the XLSX only (e.g. UTC time, original text), appended after the printed ones. */
  readonly extraColumns?: readonly string[]
  readonly extraRows?: readonly (readonly Cell[])[]
  /** Printed under the table, and as the first line of the sheet's notes. */
  readonly note?: string
  /** Said in place of the table when it has no rows. */
  readonly empty: string
}

/** A cell drawn as an approximate wedge (or a circle when the cell list gives no azimuth or beamwidth). */
export interface MapCell {
  readonly cgi: string
  readonly label: string
  readonly lat: number
  readonly lon: number
  readonly azimuth: number | null
  readonly beamwidth: number | null
  readonly radiusMetres: number
  readonly events: number
}

export interface WedgeMap {
  readonly title: string
  readonly cells: readonly MapCell[]
  /** Cells that could not be drawn (no network position, public data only), each with the reason. */
  readonly excluded: readonly { readonly cgi: string; readonly reason: string }[]
}

export interface BarChart {
  readonly title: string
  readonly valueLabel: string
  readonly bars: readonly { readonly label: string; readonly value: number }[]
}

/** The building blocks of a document, independent of PDF or XLSX. */
export type Block =
  | { readonly kind: 'heading'; readonly text: string; readonly level: 1 | 2 }
  | { readonly kind: 'paragraph'; readonly text: string; readonly tone?: 'normal' | 'note' }
  /** A boxed statement the reader must not miss: missing analyses, refusals, draft status. */
  | { readonly kind: 'notice'; readonly text: string; readonly severity: 'warning' | 'refusal' | 'info' }
  | { readonly kind: 'facts'; readonly rows: readonly (readonly [label: string, value: string])[] }
  | { readonly kind: 'list'; readonly items: readonly string[] }
  | { readonly kind: 'table'; readonly table: ReportTable }
  | { readonly kind: 'map'; readonly map: WedgeMap }
  | { readonly kind: 'chart'; readonly chart: BarChart }
  | { readonly kind: 'page-break' }

/** A figure's evidence as the document cites it ("E3"), to be resolved to its source rows. */
export interface Citation {
  readonly ref: string
  readonly label: string
  readonly evidence: EventEvidence
}

/** One analysis result the document rests on, as printed in the method section. */
export interface UsedAnalysis {
  readonly id: string
  readonly version: string
  readonly title: string
  readonly description: string | null
  readonly generatedAt: string
  readonly parametersDigest: string
  readonly inputDigest: string
  readonly parameters: readonly (readonly [name: string, value: string])[]
}

/** An analysis the document needs but could not use, and why. */
export interface MissingAnalysis {
  readonly id: string
  readonly purpose: string
  readonly reason: string
}

/**
 * What a document builder returns: its own content plus everything the common frame needs to state (provenance,
 * analyses used or missing, refusals, limitations, cited evidence). Building one is a pure function of the
 * document's typed input.
 */
export interface DocumentParts {
  readonly kind: string
  readonly kindVersion: string
  readonly title: string
  readonly subtitle: string
  readonly orientation: 'portrait' | 'landscape'
  readonly provenance: DocumentProvenance
  /** The document's own settings (numbers, window, radius of wedges …), printed with the analysis parameters. */
  readonly settings: readonly (readonly [name: string, value: string])[]
  readonly body: readonly Block[]
  readonly analyses: readonly UsedAnalysis[]
  readonly missing: readonly MissingAnalysis[]
  /** Statements the document refused to make (e.g. "group" with fewer than three persons). */
  readonly refusals: readonly string[]
  readonly limitations: readonly string[]
  readonly citations: readonly Citation[]
}

/**
 * A whole document, framed: front matter, the body, method and parameters, source files, limitations, evidence
 * references and the critical-findings check. Both the PDF and the XLSX are made from this and nothing else;
 * rendering adds layout only.
 */
export interface ReportDocument extends DocumentParts {
  /** Exhibit reference, `<prefix>/<n>`. */
  readonly ref: string
  readonly blocks: readonly Block[]
  /** False when an analysis the document needs was missing or the document refused a statement. */
  readonly complete: boolean
}

/** Every table of a document, in order (for the XLSX export). */
export const documentTables = (doc: ReportDocument): readonly ReportTable[] =>
  doc.blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : []))
