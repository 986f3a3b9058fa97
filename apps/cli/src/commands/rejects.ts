import { resolve } from 'node:path'
import type { Command } from 'commander'
import { openCase } from '@linesight/casework'
import type { QuerySpec } from '@linesight/store'
import { output } from '../output.js'

const rejects: QuerySpec<Record<string, unknown>, 'file'> = {
  id: 'rejects-list',
  sql: {
    duckdb: `SELECT r.source_file_id, f.original_name, r.source_sheet, r.source_row, r.source_line, r.field, r.raw_value, r.reason, r.raw_record
      FROM rejects r JOIN source_files f ON f.id = r.source_file_id
      WHERE $file IS NULL OR r.source_file_id = $file OR f.original_name = $file
      ORDER BY f.imported_at, r.source_file_id, r.source_sheet NULLS FIRST, r.source_row NULLS LAST, r.reason`,
  },
  params: ['file'],
  row: (r) => ({ ...r }),
}

export function registerRejects(program: Command): void {
  program
    .command('rejects <case>')
    .description('every row an import could not accept, with file, row, field and reason')
    .option('--file <id>', 'only this source (file id or original name)')
    .option('--json', 'print JSON')
    .action(async (root: string, o: { file?: string; json?: boolean }) => {
      const session = await openCase(resolve(root))
      try {
        const rows = await session.store.run(rejects, { file: o.file ?? null })
        output(o.json === true).result(rows, () =>
          rows.length === 0
            ? 'No rejected rows.'
            : rows
                .map(
                  (r) =>
                    `${r['original_name']}${r['source_sheet'] ? ` [${r['source_sheet']}]` : ''} row ${r['source_row']} (line ${r['source_line']})${r['field'] ? ` ${r['field']}` : ''}: ${r['reason']}`,
                )
                .join('\n'),
        )
      } finally {
        await session.close()
      }
    })
}
