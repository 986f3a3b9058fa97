import { resolveEvidence, type AnalysisDefinition } from '@linesight/analysis'
import { ValidationError, exhaustiveSwitchError } from '@linesight/model'
import type { CaseStore } from '@linesight/store'
import type { Citation, DocumentParts, ReportDocument } from './core/document.js'
import { composeDocument, type CitationCheck } from './core/frame.js'
import {
  CHARGING_SCHEDULE,
  buildChargingSchedule,
  type RelatedExhibit,
} from './documents/charging-schedule/charging-schedule.js'
import { DDTRO_PACK, buildDdtroPack } from './documents/ddtro-pack/ddtro-pack.js'
import { buildExhibitSchedule } from './documents/exhibit-schedule/exhibit-schedule.js'
import { loadExhibitSchedule } from './documents/exhibit-schedule/load-exhibit-schedule.js'
import { GANG_INJUNCTION, buildGangInjunction } from './documents/gang-injunction/gang-injunction.js'
import { findDocumentKind, type DocumentKind } from './documents/kinds.js'
import { LINE_PROFILE, buildLineProfile } from './documents/line-profile/line-profile.js'
import { NRM_WORKLIST, buildNrmWorklist } from './documents/nrm-worklist/nrm-worklist.js'
import { gatherAnalyses, type Selection } from './gather/gather-analyses.js'
import { renderPdf } from './render/pdf.js'
import { renderXlsx } from './render/xlsx.js'
import { cellsUsedQuery } from './store/cells-used.sql.js'
import { unknownNumbersQuery } from './store/unknown-numbers.sql.js'
import { loadProvenance, type ProvenanceRequest } from './store/load-provenance.js'

/** Everything a caller (CLI or web app) states to get one document from a case. */
export interface DocumentRequest {
  readonly kind: DocumentKind
  readonly provenance: ProvenanceRequest
  /** Exhibit schedule: the numbers whose events are listed. */
  readonly numbers?: readonly string[]
  /** Line documents: the line, by one of its numbers. */
  readonly line?: string | null
  /** Inclusive window, ISO UTC. */
  readonly from?: string | null
  readonly to?: string | null
  /** Gang injunction: one respondent by name. */
  readonly respondent?: string | null
  /** Gang injunction and NRM worklist: the day ages are given on (`YYYY-MM-DD`). */
  readonly asOf?: string | null
  /** Charging schedule: exhibits to cite against the suspects. */
  readonly relatedExhibits?: readonly RelatedExhibit[]
  /** Per-analysis parameter overrides. */
  readonly overrides?: Readonly<Record<string, Readonly<Record<string, string>>>>
  /** Line profile: radius of wedges when the cell list gives none (metres). */
  readonly wedgeRadiusMetres?: number
}

export interface DocumentOptions {
  /** Where analyses are looked up (the registry unless a test passes its own). */
  readonly find?: (id: string) => AnalysisDefinition<unknown> | undefined
}

const E164 = /^\+[1-9][0-9]{6,14}$/

const checkNumber = (n: string, path: string): string => {
  if (!E164.test(n)) throw new ValidationError(path, `"${n}" is not an E.164 number (e.g. +447700900123)`)
  return n
}

/** Refuses a document about numbers no record of the case names: it could state nothing about them. */
async function checkNamed(
  store: CaseStore,
  numbers: readonly string[],
  line: string | null,
  caseId: string,
): Promise<void> {
  const unknown = await store.run(unknownNumbersQuery, { numbers })
  if (unknown.length > 0)
    throw new ValidationError(
      line !== null && unknown.includes(line) ? 'line' : 'numbers',
      `no record in case "${caseId}" names ${unknown.join(', ')}: choose a number the case holds`,
    )
}

/** Counts the rows each cited filter returns now (one more than stated at most), so a drifted figure shows. */
export async function checkCitations(
  store: CaseStore,
  citations: readonly Citation[],
): Promise<CitationCheck[]> {
  const out: CitationCheck[] = []
  for (const c of citations) {
    const rows = await resolveEvidence(store, c.evidence, c.evidence.count + 1)
    out.push({ ref: c.ref, rowsNow: rows.length })
  }
  return out
}

/**
 * Builds one framed document from a case: reads the provenance and source files, runs the analyses the document
 * needs (those this version has), lays out the result and checks every cited evidence filter against the case.
 * The same function serves the CLI and the web app.
 */
export async function buildDocument(
  store: CaseStore,
  request: DocumentRequest,
  options: DocumentOptions = {},
): Promise<ReportDocument> {
  const info = findDocumentKind(request.kind)
  if (info === undefined) throw new ValidationError('kind', `unknown document kind "${String(request.kind)}"`)
  const provenance = await loadProvenance(store, request.provenance)
  const zone = provenance.zone
  const from = request.from ?? null
  const to = request.to ?? null
  const line = request.line ?? null
  if (info.selection === 'line' && line === null)
    throw new ValidationError('line', `a ${info.kind} needs a line: give one of its numbers`)
  if (line !== null) checkNumber(line, 'line')
  const numbers = (request.numbers ?? []).map((n, i) => checkNumber(n, `numbers[${i}]`))
  const asked = [...(line === null ? [] : [line]), ...numbers]
  if (asked.length > 0) await checkNamed(store, asked, line, provenance.caseId)
  const selection: Selection = { line, from, to }
  const ctx = { now: new Date(provenance.generatedAt), zone }
  const gather = {
    ...(request.overrides === undefined ? {} : { overrides: request.overrides }),
    ...(options.find === undefined ? {} : { find: options.find }),
  }
  let parts: DocumentParts
  switch (info.kind) {
    case 'exhibit-schedule': {
      if (numbers.length === 0)
        throw new ValidationError('numbers', 'an exhibit schedule needs at least one number')
      parts = buildExhibitSchedule(await loadExhibitSchedule(store, provenance, { numbers, from, to }))
      break
    }
    case 'line-profile': {
      const analyses = await gatherAnalyses(store, LINE_PROFILE.needs, selection, ctx, gather)
      const continuity = analyses['line-continuity']
      const numbers =
        continuity.status === 'available'
          ? (continuity.result.result.lines.find((l) => l.numbers.includes(line!))?.numbers ?? [line!])
          : [line!]
      const cells = await store.run(cellsUsedQuery, { numbers, from, to })
      parts = buildLineProfile({
        provenance,
        selection: { ...selection, line: line! },
        analyses,
        cells,
        wedgeRadiusMetres: request.wedgeRadiusMetres ?? 1500,
      })
      break
    }
    case 'ddtro-pack':
      parts = buildDdtroPack({
        provenance,
        selection: { ...selection, line: line! },
        analyses: await gatherAnalyses(store, DDTRO_PACK.needs, selection, ctx, gather),
      })
      break
    case 'gang-injunction':
      parts = buildGangInjunction({
        provenance,
        selection: { ...selection, line: line! },
        analyses: await gatherAnalyses(store, GANG_INJUNCTION.needs, selection, ctx, gather),
        respondent: request.respondent ?? null,
        asOf: request.asOf ?? null,
      })
      break
    case 'nrm-worklist':
      parts = buildNrmWorklist({
        provenance,
        selection,
        analyses: await gatherAnalyses(store, NRM_WORKLIST.needs, selection, ctx, gather),
        asOf: request.asOf ?? null,
      })
      break
    case 'charging-schedule':
      parts = buildChargingSchedule({
        provenance,
        selection: { ...selection, line: line! },
        analyses: await gatherAnalyses(store, CHARGING_SCHEDULE.needs, selection, ctx, gather),
        relatedExhibits: request.relatedExhibits ?? [],
      })
      break
    default:
      return exhaustiveSwitchError(info.kind, 'document kind')
  }
  return composeDocument(parts, await checkCitations(store, parts.citations))
}

/** Renders a framed document to its PDF and XLSX. */
export async function renderDocument(
  doc: ReportDocument,
): Promise<{ readonly pdf: Uint8Array; readonly xlsx: Uint8Array }> {
  const pdf = await renderPdf(doc)
  const xlsx = await renderXlsx(doc)
  return { pdf, xlsx }
}
