import { createHash } from 'node:crypto'
import { readFile, rename, stat, writeFile } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import type { Command } from 'commander'
import { calendarProblem } from '@linesight/analysis'
import { openCase, SOFTWARE_VERSION, currentActor } from '@linesight/casework'
import {
  DOCUMENT_KINDS,
  buildDocument,
  findDocumentKind,
  initials,
  localToUtc,
  parseExhibitRef,
  renderDocument,
  type DocumentRequest,
  type RelatedExhibit,
} from '@linesight/report'
import { output, UsageError } from '../output.js'
import { zoneOption } from '../zone-option.js'

/** Exit code of a document written but incomplete: an analysis it needs is missing, or it refused a statement. */
export const INCOMPLETE_EXIT_CODE = 3

const collect = (value: string, previous: string[]): string[] => [...previous, value]

/**
 * A window bound: an ISO time with Z or an offset, or a local date (the whole day in the case's zone). A local
 * time without a zone is refused rather than guessed, and so is a day not on the calendar (never rolled over).
 */
function bound(text: string | undefined, edge: 'from' | 'to', zone: string): string | null {
  if (text === undefined) return null
  const kind = /^\d{4}-\d{2}-\d{2}$/.test(text) ? 'date' : 'instant'
  const problem = calendarProblem(text, kind)
  if (problem !== null)
    throw new UsageError(
      `--${edge}: ${problem}; give a date (YYYY-MM-DD, a whole day in ${zone}) or a time with its zone (e.g. 2024-03-05T10:00:00Z)`,
    )
  if (kind === 'date') return localToUtc(text, edge === 'from' ? '00:00:00' : '23:59:59', zone)
  return new Date(Date.parse(text)).toISOString().replace('.000Z', 'Z')
}

/** `--param analysis.name=value` pairs into per-analysis overrides. */
function overrides(pairs: readonly string[]): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {}
  for (const p of pairs) {
    const m = /^([a-z0-9-]+)\.([A-Za-z0-9_]+)=(.*)$/.exec(p)
    if (m === null)
      throw new UsageError(`--param "${p}" is not analysis.name=value (e.g. quantity.heroinMeanMgPerDay=700)`)
    out[m[1]!] = { ...(out[m[1]!] ?? {}), [m[2]!]: m[3]! }
  }
  return out
}

async function relatedExhibits(file: string | undefined): Promise<RelatedExhibit[]> {
  if (file === undefined) return []
  let value: unknown
  try {
    value = JSON.parse(await readFile(resolve(file), 'utf8'))
  } catch (e) {
    throw new UsageError(`--exhibits ${file}: ${(e as Error).message}`, { cause: e })
  }
  if (!Array.isArray(value))
    throw new UsageError(`--exhibits ${file}: expected a JSON list of { ref, title, persons?, numbers? }`)
  return value.map((x: unknown, i): RelatedExhibit => {
    const o = x as Record<string, unknown>
    const texts = (k: string): string[] =>
      Array.isArray(o[k]) ? (o[k] as unknown[]).map(String) : o[k] === undefined ? [] : [String(o[k])]
    if (typeof o['ref'] !== 'string' || typeof o['title'] !== 'string')
      throw new UsageError(`--exhibits ${file}: entry ${i} needs "ref" and "title"`)
    return { ref: o['ref'], title: o['title'], persons: texts('persons'), numbers: texts('numbers') }
  })
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex')

/** Writes through a temporary name, so an interrupted export never leaves a half-written exhibit. */
async function writeAtomic(path: string, bytes: Uint8Array): Promise<void> {
  await writeFile(`${path}.partial`, bytes)
  await rename(`${path}.partial`, path)
}

interface ReportOptions {
  line?: string
  number: string[]
  from?: string
  to?: string
  out: string
  analyst?: string
  reviewer?: string
  exhibit?: string
  zone?: string
  param: string[]
  respondent?: string
  asOf?: string
  exhibits?: string
  radius?: string
  generatedAt?: string
  json?: boolean
}

/** `linesight report <kind> <case> …`: one document as PDF plus its tables as XLSX. */
export function registerReport(program: Command): void {
  program
    .command('report <kind> <case>')
    .description(
      `write a document as PDF and XLSX; kinds: ${DOCUMENT_KINDS.map((k) => k.kind).join(', ')}. Exits ${INCOMPLETE_EXIT_CODE} when the document is incomplete (an analysis it needs is not available, or it refused a statement)`,
    )
    .requiredOption('--out <file.pdf>', 'the PDF to write; the XLSX goes next to it (same name, .xlsx)')
    .option('--line <number>', 'the line, by one of its numbers (line documents)')
    .option(
      '--number <number>',
      'a number whose events are listed (exhibit-schedule; repeatable)',
      collect,
      [],
    )
    .option(
      '--from <date|time>',
      "start of the window: YYYY-MM-DD (local day in the case's zone) or an ISO time with zone",
    )
    .option('--to <date|time>', 'end of the window, inclusive')
    .option('--analyst <name>', 'who produces the document (default: LINESIGHT_ANALYST or the system user)')
    .option('--reviewer <name>', 'second person who checked the critical findings (a draft without it)')
    .option('--exhibit <ref>', 'exhibit reference PREFIX/NUMBER (default: analyst initials/1)')
    .option('--zone <zone>', "zone for local times (default: the case's declared zone)", zoneOption)
    .option('--param <analysis.name=value>', 'an analysis parameter (repeatable)', collect, [])
    .option('--respondent <name>', 'gang-injunction: one respondent by name')
    .option('--as-of <date>', 'gang-injunction and nrm-worklist: the day ages are given on (YYYY-MM-DD)')
    .option(
      '--exhibits <file.json>',
      'charging-schedule: related exhibits [{ ref, title, persons, numbers }]',
    )
    .option('--radius <metres>', 'line-profile: wedge radius when the cell list gives none', '1500')
    .option(
      '--generated-at <iso>',
      'stated generation time (default: now); to re-create a document byte for byte',
    )
    .option('--json', 'print a JSON summary')
    .action(async (kind: string, root: string, o: ReportOptions) => {
      const info = findDocumentKind(kind)
      if (info === undefined)
        throw new UsageError(
          `no document kind "${kind}": choose one of ${DOCUMENT_KINDS.map((k) => k.kind).join(', ')}`,
        )
      if (info.selection === 'line' && o.line === undefined)
        throw new UsageError(`a ${kind} needs --line <number>`)
      if (info.selection === 'numbers' && o.number.length === 0)
        throw new UsageError(`an ${kind} needs at least one --number <number>`)
      const radius = Number(o.radius)
      if (!(radius > 0)) throw new UsageError(`--radius "${o.radius}" is not a positive number of metres`)
      const generatedAt = o.generatedAt ?? new Date().toISOString()
      if (!Number.isFinite(Date.parse(generatedAt)))
        throw new UsageError(`--generated-at "${generatedAt}" is not a time`)
      if (o.asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(o.asOf))
        throw new UsageError(`--as-of "${o.asOf}" is not a date (YYYY-MM-DD)`)
      const pdfPath = resolve(o.out.toLowerCase().endsWith('.pdf') ? o.out : `${o.out}.pdf`)
      // Refused before any work: a document built for minutes must not fail on where it is written.
      if (
        !(await stat(dirname(pdfPath))
          .then((s) => s.isDirectory())
          .catch(() => false))
      )
        throw new UsageError(
          `--out: the folder ${dirname(pdfPath)} does not exist; create it or choose another`,
        )
      const xlsxPath = pdfPath.replace(/\.pdf$/i, '.xlsx')
      const analyst = o.analyst ?? currentActor()
      const session = await openCase(resolve(root))
      try {
        const manifest = session.folder.manifest
        const zone = o.zone ?? manifest.defaultTimeZone
        const from = bound(o.from, 'from', zone)
        const to = bound(o.to, 'to', zone)
        if (from !== null && to !== null && Date.parse(from) > Date.parse(to))
          throw new UsageError(`--from ${o.from} is after --to ${o.to}: the window would hold nothing`)
        const request: DocumentRequest = {
          kind: info.kind,
          provenance: {
            softwareVersion: SOFTWARE_VERSION,
            generatedAt: new Date(Date.parse(generatedAt)).toISOString().replace('.000Z', 'Z'),
            zone,
            caseId: manifest.id,
            caseName: manifest.name ?? null,
            analyst,
            reviewer: o.reviewer ?? null,
            exhibit:
              o.exhibit === undefined
                ? { prefix: initials(analyst), number: 1 }
                : parseExhibitRef(o.exhibit, '--exhibit'),
          },
          numbers: o.number,
          line: o.line ?? null,
          from,
          to,
          respondent: o.respondent ?? null,
          asOf: o.asOf ?? null,
          relatedExhibits: await relatedExhibits(o.exhibits),
          overrides: overrides(o.param),
          wedgeRadiusMetres: radius,
        }
        const doc = await buildDocument(session.store, request)
        const { pdf, xlsx } = await renderDocument(doc)
        await writeAtomic(pdfPath, pdf)
        await writeAtomic(xlsxPath, xlsx)
        const summary = {
          kind: doc.kind,
          ref: doc.ref,
          pdf: pdfPath,
          pdfSha256: sha256(pdf),
          xlsx: xlsxPath,
          xlsxSha256: sha256(xlsx),
          generatedAt: doc.provenance.generatedAt,
          analyst: doc.provenance.analyst,
          reviewer: doc.provenance.reviewer,
          complete: doc.complete,
          missing: doc.missing,
          refusals: doc.refusals,
        }
        // Exporting an exhibit is an action the audit trail records (who, when, what, with the files' hashes).
        await session.store.appendAudit({
          logged_at: new Date().toISOString(),
          actor: currentActor(),
          action: 'report.export',
          details_json: JSON.stringify(summary),
          software_version: SOFTWARE_VERSION,
        })
        const out = output(o.json === true)
        out.result(summary, () =>
          [
            `${doc.title} ${doc.ref}: ${pdfPath} and ${xlsxPath}`,
            ...doc.missing.map((m) => `  not available: ${m.id} (${m.purpose}): ${m.reason}`),
            ...doc.refusals.map((r) => `  refused: ${r}`),
            doc.provenance.reviewer === null
              ? '  draft: no reviewer named for the critical-findings check'
              : '',
          ]
            .filter((l) => l !== '')
            .join('\n'),
        )
        if (!doc.complete) {
          out.log(
            `linesight: the document is incomplete (${[...doc.missing.map((m) => `${m.id} not available`), ...doc.refusals.map(() => 'a statement refused')].join('; ') || 'a cited figure no longer matches the case'}); it says so in its text`,
          )
          process.exitCode = INCOMPLETE_EXIT_CODE
        }
      } finally {
        await session.close()
      }
    })
}
