import { stat } from 'node:fs/promises'
import { resolve } from 'node:path'
import type { Command } from 'commander'
import { createCase, openCase, refreshAnalysisIndexes } from '@linesight/casework'
import { listCaseFolders, type QuerySpec } from '@linesight/store'
import { UsageError, output } from '../output.js'
import { zoneOption } from '../zone-option.js'

const sources: QuerySpec<Record<string, unknown>> = {
  id: 'case-sources',
  sql: {
    duckdb: `SELECT id, original_name, kind, format, profile_id, size_bytes, rows_read, rows_imported, rows_rejected,
      rows_duplicate, strftime(imported_at, '%Y-%m-%dT%H:%M:%SZ') AS imported_at, imported_by, software_version, sha256
      FROM source_files ORDER BY imported_at, id`,
  },
  params: [],
  row: (r) => ({ ...r }),
}

/** A file size for people: megabytes to one decimal place. */
const megabytes = (bytes: unknown): string => `${(Number(bytes) / 1_000_000).toFixed(1)} MB`

const audit: QuerySpec<Record<string, unknown>> = {
  id: 'case-audit-tail',
  sql: {
    duckdb: `SELECT seq, strftime(logged_at, '%Y-%m-%dT%H:%M:%SZ') AS logged_at, actor, action, details_json FROM audit_log ORDER BY seq DESC LIMIT 10`,
  },
  params: [],
  row: (r) => ({ ...r }),
}

export function registerCase(program: Command): void {
  const cmd = program.command('case').description('create, list and inspect cases')
  cmd
    .command('create <dir>')
    .description('create a new case folder (database + preserved originals)')
    .option('--id <id>', 'case id (default: the folder name)')
    .option('--name <name>', 'case name')
    .option('--zone <zone>', 'declared time zone for sources that state none', zoneOption, 'Europe/London')
    .option('--purpose <text>', 'purpose of the case, for the audit record')
    .option('--json', 'print JSON')
    .action(
      async (
        dir: string,
        o: { id?: string; name?: string; zone: string; purpose?: string; json?: boolean },
      ) => {
        const id = o.id ?? resolve(dir).split('/').pop()!
        const session = await createCase(resolve(dir), {
          id,
          defaultTimeZone: o.zone,
          now: new Date(),
          ...(o.name === undefined ? {} : { name: o.name }),
          ...(o.purpose === undefined ? {} : { purpose: o.purpose }),
        })
        await session.close()
        output(o.json === true).result(
          session.folder.manifest,
          () => `Created case "${id}" in ${resolve(dir)} (declared zone ${o.zone})`,
        )
      },
    )
  cmd
    .command('list [parent]')
    .description('list the cases in a folder (default ./cases)')
    .option('--json', 'print JSON')
    .action(async (parent: string | undefined, o: { json?: boolean }) => {
      const dir = resolve(parent ?? process.env['LINESIGHT_CASES'] ?? 'cases')
      // A folder named on the command line that is not there is a mistake; the default may simply not exist yet.
      if (
        parent !== undefined &&
        !(await stat(dir)
          .then((s) => s.isDirectory())
          .catch(() => false))
      )
        throw new UsageError(`${dir} is not a folder: name the folder that holds the case folders`)
      const cases = await listCaseFolders(dir)
      output(o.json === true).result(
        cases.map((c) => ({ root: c.root, ...c.manifest })),
        () =>
          cases.length === 0
            ? 'No cases.'
            : cases.map((c) => `${c.manifest.id}\t${c.manifest.name}\t${c.root}`).join('\n'),
      )
    })
  cmd
    .command('index <case>')
    .description(
      'bring the analysis indexes up to date (the import does this; a case imported by an earlier release needs it once)',
    )
    .option('--json', 'print JSON')
    .action(async (root: string, o: { json?: boolean }) => {
      const session = await openCase(resolve(root))
      try {
        const built = await refreshAnalysisIndexes(session, new Date())
        output(o.json === true).result({ built }, () =>
          built.length === 0
            ? 'The analysis indexes were already up to date.'
            : `Built: ${built.join(', ')} (recorded in the audit log).`,
        )
      } finally {
        await session.close()
      }
    })
  cmd
    .command('info <case>')
    .description('what a case holds: sources, counts, rejects and the latest audit entries')
    .option('--json', 'print JSON')
    .action(async (root: string, o: { json?: boolean }) => {
      const session = await openCase(resolve(root))
      try {
        const counts = await session.store.counts()
        const files = await session.store.run(sources, {})
        const recent = await session.store.run(audit, {})
        const info = {
          ...session.folder.manifest,
          root: session.folder.root,
          schemaVersion: await session.store.schemaVersion(),
          counts,
          sources: files,
          audit: recent,
        }
        output(o.json === true).result(info, () =>
          [
            `Case ${info.id} — ${info.name} (zone ${info.defaultTimeZone}, schema v${info.schemaVersion})`,
            `Events ${counts.cdr} (duplicates flagged ${counts.duplicates}), cells ${counts.cells}, subscribers ${counts.subscribers}, rejected rows ${counts.rejects}, sources ${counts.sources}`,
            ...files.map(
              (f) =>
                `  ${f['id']}  ${f['original_name']}  ${f['kind']}/${f['profile_id']}  ${megabytes(f['size_bytes'])}  read ${f['rows_read']} imported ${f['rows_imported']} rejected ${f['rows_rejected']} duplicates ${f['rows_duplicate']}  (${f['software_version']})`,
            ),
            'Latest audit entries:',
            ...recent.map((a) => `  #${a['seq']} ${a['logged_at']} ${a['actor']} ${a['action']}`),
          ].join('\n'),
        )
      } finally {
        await session.close()
      }
    })
}
