import { randomUUID } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { importFiles, type FileResult, type ImportOptions } from '@linesight/casework'
import { sha256File } from '@linesight/store'
import type { CaseDirectory } from '../cases/case-directory.js'
import { readJson, readToFile } from '../http/body.js'
import { HttpError } from '../http/errors.js'
import { openEventStream } from '../http/respond.js'
import { STREAMED, type Router } from '../http/router.js'
import { caseId, isRecord, uploadName, zone } from '../http/validate.js'

interface Upload {
  readonly caseId: string
  readonly dir: string
  readonly files: Map<string, number>
  readonly created: number
}

const UPLOAD_TTL_MS = 6 * 3600_000
const MAX_FILES = 500

type Detections = Extract<FileResult, { status: 'dry-run' }>['detections']

/** What detection made of a file, for the analyst to confirm (no file paths, a few sample rows). */
function describeDetections(detections: Detections): unknown[] {
  return detections.map((d) => ({
    sheet: d.sheet,
    kind: d.kind,
    profile: d.profile,
    confidence: d.confidence,
    encoding: d.encoding,
    encodingEvidence: d.encodingEvidence,
    delimiter: d.delimiter,
    timeZone: d.timeZone,
    columns: d.columns.map((c) => ({
      name: c.name,
      role: c.role,
      note: c.note,
      sample: c.sample.slice(0, 3),
    })),
    questions: d.questions,
    warnings: d.warnings,
    ready: d.plan !== null,
  }))
}

/** A file result for the browser: names, never the server's temporary paths. */
function describeResult(r: FileResult): unknown {
  const file = basename(r.file)
  switch (r.status) {
    case 'imported':
    case 'already-imported':
      return { status: r.status, file, reports: r.reports.map((rep) => ({ ...rep, file })) }
    case 'dry-run':
      return { status: r.status, file, detections: describeDetections(r.detections) }
    case 'failed':
      return { status: r.status, file, error: r.error.split(r.file).join(file) }
  }
}

function importOptions(body: Record<string, unknown>): Omit<ImportOptions, 'now'> {
  const out: Record<string, unknown> = {}
  const text = (k: string, max = 200): string | undefined => {
    const v = body[k]
    if (v === undefined || v === null || v === '') return undefined
    if (typeof v !== 'string' || v.length > max)
      throw new HttpError(400, `expected text of at most ${max} characters`, k)
    return v
  }
  const z = body['zone']
  if (z !== undefined && z !== null && z !== '') out['zone'] = zone(z, 'zone')
  const order = text('dateOrder')
  if (order !== undefined) {
    if (order !== 'dmy' && order !== 'mdy') throw new HttpError(400, 'expected dmy or mdy', 'dateOrder')
    out['dateOrder'] = order
  }
  const kind = text('kind')
  if (kind !== undefined) {
    if (!['cdr', 'cells', 'subscribers'].includes(kind))
      throw new HttpError(400, 'expected cdr, cells or subscribers', 'kind')
    out['kind'] = kind
  }
  for (const k of ['target', 'numberCountry', 'requestReference']) {
    const v = text(k)
    if (v !== undefined) out[k] = v
  }
  return out as Omit<ImportOptions, 'now'>
}

/**
 * Import from the browser: files are uploaded raw into a temporary folder, detection runs as a dry run for the
 * analyst to confirm, then the import runs with its progress streamed as Server-Sent Events.
 */
export function registerImportRoutes(
  router: Router,
  cases: CaseDirectory,
  maxUploadBytes: number,
): () => Promise<void> {
  const uploads = new Map<string, Upload>()

  const sweep = async (): Promise<void> => {
    const now = Date.now()
    for (const [id, u] of uploads)
      if (now - u.created > UPLOAD_TTL_MS) {
        uploads.delete(id)
        await rm(u.dir, { recursive: true, force: true })
      }
  }
  const upload = (id: string, uploadId: string | undefined): Upload => {
    const u = uploads.get(uploadId ?? '')
    if (u === undefined || u.caseId !== id)
      throw new HttpError(404, 'no such upload: start again', 'uploadId')
    return u
  }
  const filesOf = (u: Upload): string[] => [...u.files.keys()].sort().map((n) => join(u.dir, n))

  router.on('POST', '/api/cases/:id/uploads', async ({ params }) => {
    const id = caseId(params['id'])
    await cases.folder(id)
    await sweep()
    const dir = await mkdtemp(join(tmpdir(), 'linesight-upload-'))
    const uploadId = randomUUID()
    uploads.set(uploadId, { caseId: id, dir, files: new Map(), created: Date.now() })
    return { uploadId }
  })

  router.on('PUT', '/api/cases/:id/uploads/:uploadId/files/:name', async ({ req, params }) => {
    const u = upload(caseId(params['id']), params['uploadId'])
    const name = uploadName(params['name'])
    if (u.files.has(name)) throw new HttpError(409, `"${name}" is already in this upload`, 'name')
    if (u.files.size >= MAX_FILES) throw new HttpError(400, `at most ${MAX_FILES} files per upload`)
    const size = await readToFile(req, join(u.dir, name), maxUploadBytes)
    u.files.set(name, size)
    return { name, size }
  })

  router.on('DELETE', '/api/cases/:id/uploads/:uploadId', async ({ params }) => {
    const u = upload(caseId(params['id']), params['uploadId'])
    uploads.delete(params['uploadId']!)
    await rm(u.dir, { recursive: true, force: true })
    return { deleted: true }
  })

  router.on('POST', '/api/cases/:id/import/detect', async ({ req, params }) => {
    const id = caseId(params['id'])
    const body = await readJson(req, 65_536)
    if (!isRecord(body)) throw new HttpError(400, 'expected { uploadId, …options }')
    const u = upload(id, typeof body['uploadId'] === 'string' ? body['uploadId'] : undefined)
    const { uploadId: _, ...rest } = body
    const options = importOptions(rest)
    const session = await cases.session(id)
    const files = filesOf(u)
    const results = await cases.exclusive(id, () =>
      importFiles(session, files, { ...options, dryRun: true, now: () => new Date() }),
    )
    const out = []
    for (const [i, r] of results.entries())
      out.push({
        ...(describeResult(r) as object),
        size: u.files.get(basename(files[i]!)) ?? 0,
        alreadyInCase: await session.store.hasSource(await sha256File(files[i]!)),
      })
    return { files: out }
  })

  router.on('POST', '/api/cases/:id/import', async ({ req, res, params }) => {
    const id = caseId(params['id'])
    const body = await readJson(req, 65_536)
    if (!isRecord(body)) throw new HttpError(400, 'expected { uploadId, …options }')
    const uploadId = typeof body['uploadId'] === 'string' ? body['uploadId'] : undefined
    const u = upload(id, uploadId)
    const { uploadId: _, ...rest } = body
    const options = importOptions(rest)
    const session = await cases.session(id)
    if (u.files.size === 0) throw new HttpError(400, 'the upload holds no files')
    const stream = openEventStream(res)
    const started = Date.now()
    try {
      await cases.exclusive(id, async () => {
        const files = filesOf(u)
        stream.send('start', { files: files.map((f) => basename(f)) })
        const results: FileResult[] = []
        // One file at a time, so each file's outcome is reported as soon as it is known.
        for (const file of files) {
          stream.send('file-start', { file: basename(file) })
          const [r] = await importFiles(session, [file], {
            ...options,
            now: () => new Date(),
            onProgress: (f, p) => stream.send('progress', { file: basename(f), ...p }),
          })
          results.push(r!)
          stream.send('file', describeResult(r!))
        }
        stream.send('done', {
          elapsedMs: Date.now() - started,
          counts: await session.store.counts(),
          imported: results.filter((r) => r.status === 'imported').length,
          failed: results.filter((r) => r.status === 'failed').length,
        })
      })
    } catch (e) {
      stream.send('error', { message: e instanceof Error ? e.message : String(e) })
    } finally {
      uploads.delete(uploadId!)
      await rm(u.dir, { recursive: true, force: true })
      stream.end()
    }
    return STREAMED
  })

  return async () => {
    for (const u of uploads.values()) await rm(u.dir, { recursive: true, force: true })
    uploads.clear()
  }
}
