import { resolve } from 'node:path'
import type { Command } from 'commander'
import {
  ANALYSES,
  analysisRunAudit,
  DEFAULT_EVIDENCE_LIMIT,
  evidenceParts,
  findAnalysis,
  resolveAnyEvidence,
  runAnalysis,
  type ResolvedEvidence,
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
    .description(
      'run one analysis on a case (see "linesight analyses") and print its full typed result with its parameters and provenance, as JSON',
    )
    .option('--param <name=value>', 'a parameter (repeatable)', collect, [])
    .option('--zone <zone>', "zone that defines a day (default: the case's declared zone)", zoneOption)
    .option('--json', 'print JSON (the result is always JSON; the option is accepted as on every command)')
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
        if (result.numbersNotInCase.length > 0)
          process.stderr.write(
            `warning: no record in this case names ${result.numbersNotInCase.join(', ')}; the result says nothing about ${result.numbersNotInCase.length === 1 ? 'it' : 'them'}\n`,
          )
        output(o.json === true).result(result, () => JSON.stringify(result, null, 2))
      } finally {
        await session.close()
      }
    })
  program
    .command('evidence <case> <evidence-json>')
    .description(
      'print the source rows behind a figure (the "evidence" of a result as JSON: one evidence object, a list of them or a record of named parts)',
    )
    .option('--limit <rows>', `print at most this many rows (default ${DEFAULT_EVIDENCE_LIMIT})`, rowLimit)
    .option('--json', "print the rows with each part's count check as JSON")
    .action(async (root: string, text: string, o: { json?: boolean; limit?: number }) => {
      let evidence: unknown
      try {
        evidence = JSON.parse(text) as unknown
      } catch (e) {
        throw new UsageError(`the evidence argument is not JSON: ${(e as Error).message}`, { cause: e })
      }
      // Bad evidence fails here, naming the field, before the case is opened.
      evidenceParts(evidence)
      const session = await openCase(resolve(root))
      try {
        const resolved = await resolveAnyEvidence(session.store, evidence, {
          ...(o.limit === undefined ? {} : { limit: o.limit }),
        })
        if (resolved.parts.length === 0)
          process.stderr.write(
            'note: the evidence is empty (null or an empty list): the figure rests on no rows\n',
          )
        for (const w of resolved.warnings) process.stderr.write(`warning: ${w}\n`)
        if (resolved.truncated)
          process.stderr.write(`warning: pass --limit ${resolved.rowsHeld} to print them all\n`)
        output(o.json === true).result(resolved, () => evidenceText(resolved))
      } finally {
        await session.close()
      }
    })
}

/** `--limit`: a whole number of rows, at least 1. */
function rowLimit(value: string): number {
  const n = Number(value)
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < 1)
    throw new UsageError(`--limit "${value}" is not a whole number of rows (1 or more)`)
  return n
}

/** One line a row; with several parts, first each part's check and each row's parts. */
function evidenceText(r: ResolvedEvidence): string {
  const several = r.parts.length > 1
  const checks = several
    ? r.parts.map((p) => `# ${p.path}: ${p.held} rows${p.matches ? '' : ` (the figure says ${p.count})`}`)
    : []
  const rows = r.rows.map(
    (x) =>
      `${x.start_utc} ${x.direction} ${x.event_type} ${x.other_msisdn ?? x.other_raw ?? ''} ${x.duration_s ?? ''}s ${x.start_cgi ?? ''}  [${x.source_file} row ${x.source_row}]` +
      (several && x.parts !== undefined ? `  {${x.parts.join(', ')}}` : ''),
  )
  return [...checks, ...rows].join('\n')
}
