import { resolve } from 'node:path'
import type { Command } from 'commander'
import { importFiles, listInputs, openCase, readMappingFile, type FileResult } from '@linesight/casework'
import type { Detection } from '@linesight/ingest'
import type { ImportReport, SourceKind } from '@linesight/model'
import { output, UsageError } from '../output.js'
import { importProgress } from '../progress.js'
import { zoneOption } from '../zone-option.js'

const describeDetection = (d: Detection): string =>
  [
    `  ${d.file}: ${d.kind} — ${d.profile.title} (${d.profile.id} v${d.profile.version}, confidence ${d.confidence})`,
    `    encoding ${d.encoding} (${d.encodingEvidence}), delimiter ${JSON.stringify(d.delimiter)}, time zone ${d.timeZone ? `${d.timeZone.zone} from ${d.timeZone.source}` : 'not settled'}`,
    '    columns:',
    ...d.columns.map(
      (c) =>
        `      ${c.name.padEnd(28)} → ${(c.role ?? '—').padEnd(12)} ${c.sample
          .slice(0, 3)
          .map((v) => JSON.stringify(v))
          .join(', ')}${c.note ? `  (${c.note})` : ''}`,
    ),
    ...(d.warnings.length > 0 ? ['    warnings:', ...d.warnings.map((w) => `      ${w.message}`)] : []),
    ...(d.questions.length > 0
      ? ['    NOT SETTLED (the import would refuse):', ...d.questions.map((q) => `      - ${q.message}`)]
      : ['    ready to import']),
  ].join('\n')

const describeReport = (r: ImportReport): string =>
  [
    `  ${r.file}${r.sheet ? ` [${r.sheet}]` : ''}: ${r.kind} via ${r.profile.id} v${r.profile.version}; ${r.encoding}; times ${r.timeZone.zone} (${r.timeZone.source})`,
    `    read ${r.read} = imported ${r.imported} + rejected ${r.rejected}; duplicates flagged ${r.duplicates}; ${(r.elapsedMs / 1000).toFixed(1)} s`,
    ...r.rejectReasons.slice(0, 8).map((x) => `    rejected ${x.count}: ${x.reason}`),
    ...r.rejectSample
      .slice(0, 5)
      .map(
        (x) =>
          `      row ${x.source_row ?? '?'} (line ${x.source_line ?? '?'})${x.field ? ` ${x.field}` : ''}: ${x.reason}`,
      ),
    ...r.warnings.map((w) => `    warning: ${w.message}`),
  ].join('\n')

const describe = (r: FileResult): string => {
  switch (r.status) {
    case 'imported':
      return r.reports.map(describeReport).join('\n')
    case 'already-imported':
      return `  ${r.file}: already in the case (same SHA-256); nothing changed`
    case 'dry-run':
      return r.detections.map(describeDetection).join('\n')
    case 'failed':
      return `  ${r.file}: NOT IMPORTED — ${r.error}`
  }
}

/** Exit code when a file is not imported, or a dry run finds one the import would refuse. */
export const NOT_IMPORTED_EXIT_CODE = 2

/** A file that failed, or that a dry run found unsettled (the import would refuse it). */
const wouldRefuse = (r: FileResult): boolean =>
  r.status === 'failed' || (r.status === 'dry-run' && r.detections.some((d) => d.plan === null))

export function registerImport(program: Command): void {
  program
    .command('import <case> <paths...>')
    .description(
      `import CDRs, cell lists and subscriber records (files or folders) into a case. Exits ${NOT_IMPORTED_EXIT_CODE} when a file is not imported, or with --dry-run when one would be refused`,
    )
    .option(
      '--dry-run',
      `show what was detected for each file, import nothing (exits ${NOT_IMPORTED_EXIT_CODE} if a file would be refused)`,
    )
    .option(
      '--zone <zone>',
      'time zone of local times in these files (IANA name, e.g. Europe/London)',
      zoneOption,
    )
    .option('--date-order <order>', 'dmy or mdy, when the data cannot tell')
    .option('--kind <kind>', 'cdr, cells or subscribers, when the headers cannot tell')
    .option('--target <number>', 'the number the records are about, when rows do not say')
    .option('--country <iso>', "country for national number forms (default GB or the layout's)")
    .option('--mapping <file>', 'JSON mapping file settling what detection could not (docs/formats.md)')
    .option('--request-ref <ref>', 'communications data request reference (IPA 2016) recorded with each file')
    .option('--json', 'print JSON')
    .action(async (root: string, paths: string[], o: Record<string, string | boolean | undefined>) => {
      const out = output(o['json'] === true)
      if (o['dateOrder'] !== undefined && o['dateOrder'] !== 'dmy' && o['dateOrder'] !== 'mdy')
        throw new UsageError(`--date-order must be dmy or mdy, not "${String(o['dateOrder'])}"`)
      if (o['kind'] !== undefined && !['cdr', 'cells', 'subscribers'].includes(String(o['kind'])))
        throw new UsageError(`--kind must be cdr, cells or subscribers, not "${String(o['kind'])}"`)
      const files = await listInputs(paths)
      if (files.length === 0) throw new UsageError('no files found in the paths given')
      const mapping = typeof o['mapping'] === 'string' ? await readMappingFile(o['mapping']) : undefined
      const session = await openCase(resolve(root))
      const progress = importProgress()
      try {
        const results = await importFiles(session, files, {
          now: () => new Date(),
          ...(o['dryRun'] === true ? { dryRun: true } : {}),
          ...(typeof o['zone'] === 'string' ? { zone: o['zone'] } : {}),
          ...(typeof o['dateOrder'] === 'string' ? { dateOrder: o['dateOrder'] as 'dmy' | 'mdy' } : {}),
          ...(typeof o['kind'] === 'string' ? { kind: o['kind'] as SourceKind } : {}),
          ...(typeof o['target'] === 'string' ? { target: o['target'] } : {}),
          ...(typeof o['country'] === 'string' ? { numberCountry: o['country'] } : {}),
          ...(typeof o['requestRef'] === 'string' ? { requestReference: o['requestRef'] } : {}),
          ...(mapping === undefined ? {} : { mapping }),
          ...(out.json ? {} : { onProgress: progress.update }),
        })
        progress.stop()
        const totals = results
          .flatMap((r) => (r.status === 'imported' ? r.reports : []))
          .reduce(
            (t, r) => ({
              read: t.read + r.read,
              imported: t.imported + r.imported,
              rejected: t.rejected + r.rejected,
              duplicates: t.duplicates + r.duplicates,
            }),
            { read: 0, imported: 0, rejected: 0, duplicates: 0 },
          )
        const refused = results.filter(wouldRefuse).length
        out.result({ results, totals }, () =>
          [
            o['dryRun'] === true ? 'Dry run: nothing was imported.' : 'Import report:',
            ...results.map(describe),
            o['dryRun'] === true
              ? refused > 0
                ? `${refused} file(s) would not be imported`
                : ''
              : `Total: read ${totals.read} = imported ${totals.imported} + rejected ${totals.rejected}; duplicates flagged ${totals.duplicates}; ${refused} file(s) not imported`,
          ].join('\n'),
        )
        if (refused > 0) process.exitCode = NOT_IMPORTED_EXIT_CODE
      } finally {
        progress.stop()
        await session.close()
      }
    })
}
