import {
  ANALYSES,
  analysisRunAudit,
  DEFAULT_EVIDENCE_LIMIT,
  findAnalysis,
  resolveAnyEvidence,
  runAnalysis,
} from '@linesight/analysis'
import { SOFTWARE_VERSION } from '@linesight/casework'
import type { CaseDirectory } from '../cases/case-directory.js'
import { readJson } from '../http/body.js'
import { HttpError } from '../http/errors.js'
import type { Router } from '../http/router.js'
import { caseId, integer, isRecord, zone } from '../http/validate.js'

/** Rows one evidence request may return: a browser table of more is of no use. */
const MAX_LIMIT = 100_000

/** How to see every row of a truncated answer. */
const moreRows = (all: number): string =>
  all <= MAX_LIMIT
    ? `ask with ?limit=${all} to see them all`
    : `the server sends at most ${MAX_LIMIT}: "linesight evidence --limit ${all}" prints them all`

/** The analysis registry over HTTP: whatever ANALYSES lists is offered, with no server change per analysis. */
export function registerAnalysisRoutes(router: Router, cases: CaseDirectory): void {
  router.on('GET', '/api/analyses', async () => ({
    analyses: ANALYSES.map((a) => ({
      id: a.id,
      version: a.version,
      title: a.title,
      description: a.description,
      params: a.params,
    })),
  }))

  router.on('POST', '/api/cases/:id/analyses/:analysisId', async ({ req, params, query }) => {
    const id = caseId(params['id'])
    const definition = findAnalysis(params['analysisId'] ?? '')
    if (definition === undefined)
      throw new HttpError(
        404,
        `no analysis "${params['analysisId']}" is registered (known: ${ANALYSES.map((a) => a.id).join(', ')})`,
        'analysisId',
      )
    const body = await readJson(req, 1_048_576)
    if (!isRecord(body)) throw new HttpError(400, 'expected the parameters as a JSON object')
    const session = await cases.session(id)
    const z =
      query.get('zone') === null ? session.folder.manifest.defaultTimeZone : zone(query.get('zone'), 'zone')
    const run = await runAnalysis(definition, session.store, body, { now: new Date(), zone: z })
    // Every process applied to the case is recorded (ACPO): which analysis, its parameters, on which inputs.
    await session.store.appendAudit(
      analysisRunAudit(run, { actor: session.actor, zone: z, via: 'web', softwareVersion: SOFTWARE_VERSION }),
    )
    return run
  })

  // Evidence of any shape a result holds (one filter, a list, named parts), checked by the shared validator.
  router.on('POST', '/api/cases/:id/evidence', async ({ req, params, query }) => {
    const session = await cases.session(caseId(params['id']))
    const evidence = await readJson(req, 4_194_304)
    const limit = integer(query, 'limit', DEFAULT_EVIDENCE_LIMIT, 1, MAX_LIMIT)
    const resolved = await resolveAnyEvidence(session.store, evidence, { limit })
    const warnings = resolved.truncated
      ? [...resolved.warnings, moreRows(resolved.rowsHeld)]
      : resolved.warnings
    return {
      ...resolved,
      // What the figure counts, added up over its parts (rows in several parts count in each).
      count: resolved.parts.reduce((n, p) => n + p.count, 0),
      warnings,
      ...(warnings.length === 0 ? {} : { warning: warnings.join('; ') }),
    }
  })
}
