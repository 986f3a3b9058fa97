import { createHash } from 'node:crypto'
import { SOFTWARE_VERSION, currentActor } from '@linesight/casework'
import {
  DOCUMENT_KINDS,
  buildDocument,
  documentOptions,
  initials,
  type DocumentRequest,
  type ReportDocument,
} from '@linesight/report'
import type { CaseDirectory } from '../cases/case-directory.js'
import { readJson } from '../http/body.js'
import { SECURITY_HEADERS } from '../http/respond.js'
import { STREAMED, type Router } from '../http/router.js'
import { caseId } from '../http/validate.js'
import { renderOffThread } from '../reports/render-off-thread.js'
import { parseReportBody, type ReportBody } from '../reports/report-body.js'

const CONTENT_TYPES = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const

/** The same inputs give the same name: case, kind, what it is about, and the exhibit reference. */
export function reportFileName(caseIdText: string, body: ReportBody, doc: ReportDocument): string {
  const about =
    body.kind.selection === 'line'
      ? (body.line ?? '')
      : body.kind.selection === 'numbers'
        ? `${body.numbers[0] ?? ''}${body.numbers.length > 1 ? `-and-${body.numbers.length - 1}-more` : ''}`
        : 'case'
  const stem = [caseIdText, body.kind.kind, about.replace(/^\+/, ''), doc.ref]
    .join('_')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
  return `${stem.slice(0, 150)}.${body.format}`
}

/**
 * Documents from the web app: the same `buildDocument` the `linesight report` command calls, one format per
 * request (PDF, or its tables as XLSX), logged in the case's audit trail as `report.export` like the CLI's.
 */
export function registerReportRoutes(router: Router, cases: CaseDirectory): void {
  router.on('GET', '/api/reports', async () => ({
    formats: ['pdf', 'xlsx'],
    kinds: DOCUMENT_KINDS.map((k) => ({
      kind: k.kind,
      version: k.version,
      title: k.title,
      selection: k.selection,
      needs: k.needs,
      options: documentOptions(k),
    })),
  }))

  router.on('POST', '/api/cases/:id/reports', async ({ req, res, params }) => {
    const id = caseId(params['id'])
    const raw = await readJson(req, 1_048_576)
    const session = await cases.session(id)
    const manifest = session.folder.manifest
    const body = parseReportBody(raw, manifest.defaultTimeZone)
    const analyst = body.analyst ?? currentActor()
    const generatedAt = new Date(body.generatedAt ?? Date.now()).toISOString().replace('.000Z', 'Z')
    const request: DocumentRequest = {
      kind: body.kind.kind,
      provenance: {
        softwareVersion: SOFTWARE_VERSION,
        generatedAt,
        zone: body.zone ?? manifest.defaultTimeZone,
        caseId: manifest.id,
        caseName: manifest.name ?? null,
        analyst,
        reviewer: body.reviewer,
        exhibit: body.exhibit ?? { prefix: initials(analyst), number: 1 },
      },
      numbers: body.numbers,
      line: body.line,
      from: body.from,
      to: body.to,
      respondent: body.respondent,
      asOf: body.asOf,
      relatedExhibits: body.exhibits,
      overrides: body.params,
      wedgeRadiusMetres: body.radius,
    }
    const doc = await buildDocument(session.store, request)
    const bytes = await renderOffThread(doc, body.format)
    const sha256 = createHash('sha256').update(bytes).digest('hex')
    const fileName = reportFileName(id, body, doc)
    const summary = {
      kind: doc.kind,
      ref: doc.ref,
      [body.format]: fileName,
      [`${body.format}Sha256`]: sha256,
      generatedAt: doc.provenance.generatedAt,
      analyst: doc.provenance.analyst,
      reviewer: doc.provenance.reviewer,
      complete: doc.complete,
      missing: doc.missing,
      refusals: doc.refusals,
      line: body.line,
      numbers: body.numbers,
      from: body.from,
      to: body.to,
      via: 'web app',
    }
    // Exporting an exhibit is an action the audit trail records (who, when, what, with the file's hash).
    await session.store.appendAudit({
      logged_at: new Date().toISOString(),
      actor: currentActor(),
      action: 'report.export',
      details_json: JSON.stringify(summary),
      software_version: SOFTWARE_VERSION,
    })
    const shown = {
      kind: doc.kind,
      title: doc.title,
      ref: doc.ref,
      fileName,
      bytes: bytes.length,
      sha256,
      complete: doc.complete,
      missing: doc.missing,
      refusals: doc.refusals,
      reviewer: doc.provenance.reviewer,
    }
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': CONTENT_TYPES[body.format],
      'Content-Disposition': `attachment; filename="${fileName}"`,
      'Content-Length': bytes.length,
      'Cache-Control': 'no-store',
      'X-Linesight-Sha256': sha256,
      // Header values are ASCII: the summary travels URI-encoded.
      'X-Linesight-Document': encodeURIComponent(JSON.stringify(shown)),
    })
    res.end(bytes)
    return STREAMED
  })
}
