import { resolve } from 'node:path'
import type { Command } from 'commander'
import {
  ANALYSES,
  analysisRunAudit,
  findAnalysis,
  resolveEvidence,
  runAnalysis,
  type EventEvidence,
} from '@linesight/analysis'
import { openCase, SOFTWARE_VERSION } from '@linesight/casework'
import { output, UsageError } from '../output.js'
import { zoneOption } from '../zone-option.js'

const collect = (value: string, previous: string[]): string[] => [...previous, value]

/** `--param name=value` pairs into an object (values stay text; the analysis's schema parses them). */
function parsePairs(pairs: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {}
  for (const p of pairs) {
    const i = p.indexOf('=')
    if (i <= 0) throw new UsageError(`--param "${p}" is not name=value`)
    out[p.slice(0, i)] = p.slice(i + 1)
  }
  return out
}

export function registerRun(program: Command): void {
  program
    .command('analyses')
    .description('list the analyses with their parameters and defaults')
    .option('--json', 'print JSON')
    .action((o: { json?: boolean }) => {
      output(o.json === true).result(
        ANALYSES.map((a) => ({
          id: a.id,
          version: a.version,
          title: a.title,
          description: a.description,
          params: a.params,
        })),
        () =>
          ANALYSES.map(
            (a) =>
              `${a.id} v${a.version} — ${a.title}\n  ${a.description}\n` +
              Object.entries(a.params)
                .map(
                  ([k, p]) =>
                    `    --param ${k}=…  ${p.description} (default ${JSON.stringify(p.default)}${'unit' in p && p.unit ? ` ${p.unit}` : ''})`,
                )
                .join('\n'),
          ).join('\n\n'),
      )
    })
  program
    .command('run <case> <analysis>')
    .description('run one analysis on a case (see "linesight analyses")')
    .option('--param <name=value>', 'a parameter (repeatable)', collect, [])
    .option('--zone <zone>', "zone that defines a day (default: the case's declared zone)", zoneOption)
    .option('--json', 'print the full typed result with its provenance as JSON')
    .action(async (root: string, id: string, o: { param: string[]; zone?: string; json?: boolean }) => {
      const definition = findAnalysis(id)
      if (definition === undefined)
        throw new UsageError(`no analysis "${id}": run "linesight analyses" to list them`)
      const session = await openCase(resolve(root))
      try {
        const zone = o.zone ?? session.folder.manifest.defaultTimeZone
        const result = await runAnalysis(definition, session.store, parsePairs(o.param), {
          now: new Date(),
          zone,
        })
        // Every process applied to the case is recorded (ACPO), whichever front end ran it.
        await session.store.appendAudit(
          analysisRunAudit(result, {
            actor: session.actor,
            zone,
            via: 'cli',
            softwareVersion: SOFTWARE_VERSION,
          }),
        )
        output(o.json === true).result(result, () => JSON.stringify(result, null, 2))
      } finally {
        await session.close()
      }
    })
  program
    .command('evidence <case> <evidence-json>')
    .description('print the source rows behind a figure (the "evidence" object of a result, as JSON)')
    .option('--json', 'print JSON')
    .action(async (root: string, text: string, o: { json?: boolean }) => {
      let evidence: EventEvidence
      try {
        evidence = JSON.parse(text) as EventEvidence
      } catch (e) {
        throw new UsageError(`the evidence argument is not JSON: ${(e as Error).message}`, { cause: e })
      }
      const session = await openCase(resolve(root))
      try {
        const rows = await resolveEvidence(session.store, evidence)
        if (rows.length !== evidence.count)
          process.stderr.write(
            `warning: the figure says ${evidence.count} rows but the case now holds ${rows.length}\n`,
          )
        output(o.json === true).result(rows, () =>
          rows
            .map(
              (r) =>
                `${r.start_utc} ${r.direction} ${r.event_type} ${r.other_msisdn ?? r.other_raw ?? ''} ${r.duration_s ?? ''}s ${r.start_cgi ?? ''}  [${r.source_file} row ${r.source_row}]`,
            )
            .join('\n'),
        )
      } finally {
        await session.close()
      }
    })
}
