import {
  ANALYSES,
  analysisRunAudit,
  findAnalysis,
  resolveEvidence,
  runAnalysis,
  type EventEvidence,
} from '@linesight/analysis'
import { SOFTWARE_VERSION } from '@linesight/casework'
import type { CaseDirectory } from '../cases/case-directory.js'
import { readJson } from '../http/body.js'
import { HttpError } from '../http/errors.js'
import type { Router } from '../http/router.js'
import { caseId, checkIso, isRecord, zone } from '../http/validate.js'

const LIST_FIELDS = ['targets', 'others', 'types', 'directions', 'cells', 'ids'] as const

/** Checks a figure's evidence object field by field (it comes from a result, but through the browser). */
export function parseEvidence(value: unknown): EventEvidence {
  if (!isRecord(value))
    throw new HttpError(400, 'expected an evidence object { kind: "events", targets, count }')
  if (value['kind'] !== 'events') throw new HttpError(400, 'only "events" evidence is known', 'kind')
  const known = new Set<string>(['kind', 'from', 'to', 'count', ...LIST_FIELDS])
  for (const k of Object.keys(value)) if (!known.has(k)) throw new HttpError(400, 'unknown field', k)
  const out: Record<string, unknown> = { kind: 'events' }
  for (const k of LIST_FIELDS) {
    const v = value[k]
    if (v === undefined) continue
    if (!Array.isArray(v) || v.length > 10_000 || !v.every((x) => typeof x === 'string' && x.length <= 128))
      throw new HttpError(400, 'expected a list of at most 10,000 identifiers', k)
    out[k] = v
  }
  if (!Array.isArray(out['targets']) || out['targets'].length === 0)
    throw new HttpError(400, 'name at least one target number', 'targets')
  for (const k of ['from', 'to'] as const) {
    const v = value[k]
    if (v === undefined || v === null) continue
    if (typeof v !== 'string') throw new HttpError(400, 'expected an ISO 8601 time', k)
    checkIso(v, k)
    out[k] = v
  }
  const count = value['count']
  if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 0)
    throw new HttpError(400, 'expected the number of rows the figure counts', 'count')
  out['count'] = count
  return out as unknown as EventEvidence
}

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

  router.on('POST', '/api/cases/:id/evidence', async ({ req, params, query }) => {
    const session = await cases.session(caseId(params['id']))
    const evidence = parseEvidence(await readJson(req, 4_194_304))
    const limitText = query.get('limit')
    const limit = limitText === null ? 10_000 : Number(limitText)
    if (!Number.isSafeInteger(limit) || limit < 1 || limit > 100_000)
      throw new HttpError(400, 'expected a whole number from 1 to 100000', 'limit')
    const rows = await resolveEvidence(session.store, evidence, limit)
    return {
      count: evidence.count,
      rows,
      matches: rows.length === evidence.count,
      ...(rows.length === evidence.count
        ? {}
        : {
            warning:
              rows.length === limit
                ? `showing the first ${limit} of the ${evidence.count} rows`
                : `the figure says ${evidence.count} rows but the case now holds ${rows.length}`,
          }),
    }
  })
}
