import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import {
  convertEtsiXmlToCsv,
  convertXlsxToCsv,
  DetectionError,
  detectDelimited,
  lfWorkingCopy,
  utf8WorkingCopy,
  type DateOrder,
  type Detection,
  type DetectOptions,
} from '@linesight/ingest'
import type {
  ImportPlan,
  ImportReport,
  ImportWarning,
  SourceFileId,
  SourceFormat,
  SourceKind,
} from '@linesight/model'
import { preserveOriginal, sha256File, type ImportOutcome, type ImportProgress } from '@linesight/store'
import { refreshAnalysisIndexes } from './analysis-indexes.js'
import type { CaseSession } from './case-session.js'
import { fillCellPositions } from './cell-positions.js'
import type { MappingFile } from './mapping-file.js'
import { sourceFormat } from './source-format.js'
import { SOFTWARE_VERSION } from './version.js'

/** The engine's strict CSV reader meeting a line ending other than the file's first (CRLF and LF mixed). */
const mixedLineEndings = (e: unknown): e is Error =>
  e instanceof Error && /CSV Parser state machine reached an invalid state/.test(e.message)

export interface ImportOptions {
  readonly dryRun?: boolean
  readonly zone?: string
  readonly dateOrder?: DateOrder
  readonly kind?: SourceKind
  readonly target?: string
  readonly numberCountry?: string
  readonly requestReference?: string
  readonly mapping?: MappingFile
  readonly now: () => Date
  readonly onProgress?: (file: string, progress: ImportProgress) => void
}

/** One file's outcome: a report when it was imported (or was already in the case), the detections on a dry run. */
export type FileResult =
  | {
      readonly status: 'imported' | 'already-imported'
      readonly file: string
      readonly reports: readonly ImportReport[]
    }
  | { readonly status: 'dry-run'; readonly file: string; readonly detections: readonly Detection[] }
  | { readonly status: 'failed'; readonly file: string; readonly error: string }

interface Readable {
  readonly path: string
  readonly sheet: string | null
  readonly warnings: readonly ImportWarning[]
}

/** XLSX becomes one CSV per sheet and ETSI XML becomes canonical CSV, in a scratch folder; CSV is read as is. */
async function readables(
  path: string,
  format: SourceFormat,
  scratch: string,
  options: ImportOptions,
): Promise<readonly Readable[]> {
  switch (format) {
    case 'csv':
      return [{ path, sheet: null, warnings: [] }]
    case 'xlsx': {
      const result = await convertXlsxToCsv(path, scratch)
      return result.sheets.map((s) => ({ path: s.csvPath, sheet: s.name, warnings: [] }))
    }
    case 'etsi-xml': {
      const out = join(scratch, `${basename(path)}.csv`)
      const result = await convertEtsiXmlToCsv(
        path,
        out,
        options.target === undefined ? {} : { targetHint: options.target },
      )
      const warnings = result.warnings.map((w) => ({
        code: 'etsi',
        message: `record ${w.recordNumber ?? '?'}: ${w.message}`,
        count: 1,
      }))
      return [{ path: out, sheet: null, warnings }]
    }
  }
}

async function detect(
  session: CaseSession,
  readable: Readable,
  displayName: string,
  options: ImportOptions,
  scratch: string,
): Promise<Detection> {
  const mapping = options.mapping
  const base: DetectOptions = {
    caseTimeZone: session.folder.manifest.defaultTimeZone,
    displayName: readable.sheet === null ? displayName : `${displayName} [${readable.sheet}]`,
    sheet: readable.sheet,
    ...(options.zone === undefined
      ? mapping?.timeZone === undefined
        ? {}
        : { zone: mapping.timeZone }
      : { zone: options.zone }),
    ...(options.dateOrder === undefined ? {} : { dateOrder: options.dateOrder }),
    ...((options.kind ?? mapping?.kind) === undefined ? {} : { kind: (options.kind ?? mapping?.kind)! }),
    ...((options.target ?? mapping?.target) === undefined
      ? {}
      : { target: (options.target ?? mapping?.target)! }),
    ...((options.numberCountry ?? mapping?.numberCountry) === undefined
      ? {}
      : { numberCountry: (options.numberCountry ?? mapping?.numberCountry)! }),
    ...(mapping?.roles === undefined ? {} : { roleOverrides: mapping.roles }),
    ...(mapping?.vocabulary === undefined ? {} : { vocabulary: mapping.vocabulary }),
    ...(mapping?.dateFormat === undefined ? {} : { dateFormat: mapping.dateFormat }),
    ...(mapping?.profile === undefined ? {} : { profileId: mapping.profile }),
  }
  const first = await detectDelimited(readable.path, base)
  if (first.pendingDateOrder.length === 0) return first
  // The sample could not tell day from month: let the engine look at every value of those columns.
  const probe = {
    source: {
      path: readable.path,
      delimiter: first.delimiter,
      quote: '"',
      header: true,
      columns: first.columns.map((c) => c.name),
      linesBeforeData: 1,
    },
  }
  const working =
    first.encoding === 'utf-8'
      ? probe
      : {
          source: {
            ...probe.source,
            // The working copy lives in the scratch folder, never beside the user's original.
            path: await utf8WorkingCopy(
              readable.path,
              first.encoding as never,
              join(scratch, `probe-${basename(readable.path)}.utf8.csv`),
            ),
          },
        }
  const stats = await session.store
    .columnShapes(working, first.pendingDateOrder)
    .catch(async (e: unknown) => {
      // A file mixing CRLF and LF lines is scanned from an all-LF copy, as the import will read it.
      if (!mixedLineEndings(e)) throw e
      const relined = await lfWorkingCopy(
        working.source.path,
        join(scratch, `probe-${basename(readable.path)}.lf.csv`),
      )
      return session.store.columnShapes(
        { source: { ...working.source, path: relined } },
        first.pendingDateOrder,
      )
    })
  return detectDelimited(readable.path, { ...base, orderEvidence: stats })
}

/**
 * Imports files (or every file in folders) into a case. Each file is hashed, preserved read-only and loaded in
 * one transaction with its rejects and audit entry; a file already in the case is skipped, changing nothing.
 */
export async function importFiles(
  session: CaseSession,
  files: readonly string[],
  options: ImportOptions,
): Promise<readonly FileResult[]> {
  const results: FileResult[] = []
  for (const file of files) {
    const scratch = await mkdtemp(join(tmpdir(), 'linesight-import-'))
    try {
      results.push(await importOne(session, file, scratch, options))
    } catch (e) {
      results.push({ status: 'failed', file, error: e instanceof Error ? e.message : String(e) })
    } finally {
      await rm(scratch, { recursive: true, force: true })
    }
  }
  if (!options.dryRun && results.some((r) => r.status === 'imported')) {
    await fillCellPositions(session.store)
    await session.store.refreshDerived()
    await refreshAnalysisIndexes(session, options.now())
  }
  return results
}

async function importOne(
  session: CaseSession,
  file: string,
  scratch: string,
  options: ImportOptions,
): Promise<FileResult> {
  const started = Date.now()
  const sha256 = await sha256File(file)
  const id = sha256.slice(0, 16) as SourceFileId
  if (!options.dryRun && (await session.store.hasSource(sha256)))
    return { status: 'already-imported', file, reports: [] }
  const format = await sourceFormat(file)
  const parts = await readables(file, format, scratch, options)
  const detections: Detection[] = []
  for (const part of parts) detections.push(await detect(session, part, basename(file), options, scratch))
  if (options.dryRun) return { status: 'dry-run', file, detections }
  const open = detections.filter((d) => d.plan === null)
  if (open.length > 0)
    throw new DetectionError(
      basename(file),
      open.flatMap((d) => d.questions),
    )

  const plans: ImportPlan[] = []
  for (const [i, d] of detections.entries()) {
    const part = parts[i]!
    const path =
      d.encoding === 'utf-8'
        ? part.path
        : await utf8WorkingCopy(part.path, d.encoding as never, join(scratch, `part-${i}.utf8.csv`))
    plans.push({ ...d.plan!, source: { ...d.plan!.source, path } })
  }
  const preserved = await preserveOriginal(session.folder, file, sha256)
  const kind = detections[0]!.kind
  const at = options.now().toISOString()
  const mappingJson = JSON.stringify(
    plans.map((p) => ({ ...p, source: { ...p.source, path: basename(file) } })),
  )
  // `relined`: read from the all-LF working copy, which the audit entry states.
  const load = (planned: readonly ImportPlan[], relined: boolean): Promise<readonly ImportOutcome[]> =>
    session.store.importSource(
      planned,
      {
        id,
        sha256,
        original_name: basename(file),
        stored_path: preserved.storedPath,
        size_bytes: preserved.sizeBytes,
        kind,
        format,
        encoding: detections.map((d) => d.encoding).join(','),
        profile_id: detections.map((d) => d.profile.id).join(','),
        profile_version: detections.map((d) => d.profile.version).join(','),
        mapping_json: mappingJson,
        imported_at: at,
        imported_by: session.actor,
        software_version: SOFTWARE_VERSION,
        request_reference: options.requestReference ?? null,
      },
      {
        logged_at: at,
        actor: session.actor,
        action: 'import',
        details_json: JSON.stringify({
          file: basename(file),
          sha256,
          format,
          profiles: detections.map((d) => d.profile),
          mapping: options.mapping ?? null,
          ...(relined
            ? { workingCopy: 'every CRLF line ending read as LF (the file mixes CRLF and LF)' }
            : {}),
        }),
        software_version: SOFTWARE_VERSION,
      },
      options.onProgress === undefined ? undefined : (p) => options.onProgress!(file, p),
    )
  let outcomes: readonly ImportOutcome[]
  const lineEndingWarnings: ImportWarning[] = []
  try {
    outcomes = await load(plans, false)
  } catch (e) {
    // The failed load changed nothing; a file mixing CRLF and LF lines is read again from an all-LF copy.
    if (!mixedLineEndings(e)) throw e
    const relined: ImportPlan[] = []
    for (const [i, plan] of plans.entries())
      relined.push({
        ...plan,
        source: {
          ...plan.source,
          path: await lfWorkingCopy(plan.source.path, join(scratch, `part-${i}.lf.csv`)),
        },
      })
    outcomes = await load(relined, true).catch((again: unknown) => {
      throw mixedLineEndings(again)
        ? new Error(
            `${basename(file)}: the CSV reader could not follow the file's lines even with every CRLF read as LF (a lone carriage return, or a quote left open across lines?). Fix the file or export it again; nothing was imported. Reader: ${again.message.split('\n')[0]}`,
          )
        : again
    })
    lineEndingWarnings.push({
      code: 'mixed-line-endings',
      message:
        'The file mixes CRLF and LF line endings: it was read from a working copy with every line ending as LF (the original is unchanged, and line numbers are the same)',
      count: 1,
    })
  }
  const reports: ImportReport[] = detections.map((d, i) => {
    const o = outcomes[i]!
    const warnings: ImportWarning[] = [...parts[i]!.warnings, ...d.warnings, ...lineEndingWarnings]
    if (o.ambiguousTimes > 0)
      warnings.push({
        code: 'ambiguous-local-time',
        message: `${o.ambiguousTimes} times fell in the hour the clocks went back and could be either of two instants: each was read as the first (BST) and is flagged start_ambiguous`,
        count: o.ambiguousTimes,
      })
    return {
      file,
      sourceFileId: id,
      sha256,
      status: 'imported',
      kind: d.kind,
      format,
      sheet: d.sheet,
      profile: { id: d.profile.id, version: d.profile.version, confidence: d.confidence },
      encoding: d.encoding,
      timeZone: d.timeZone ?? { zone: 'n/a', source: 'no times in this source' },
      read: o.read,
      imported: o.imported,
      rejected: o.rejected,
      duplicates: o.duplicates,
      rejectSample: o.rejectSample,
      rejectReasons: o.rejectReasons,
      warnings,
      elapsedMs: Date.now() - started,
    }
  })
  return { status: 'imported', file, reports }
}
