import { resolve } from 'node:path'
import type { Command } from 'commander'
import {
  createAnalysisMemo,
  cuckooingLeads,
  dealLines,
  lineContinuity,
  lineFigures,
  lineRoles,
  livePicture,
  runAnalysis,
  safeguardingWorklist,
  type AnalysisContext,
  type ContinuityLink,
  type Generation,
  type IdentifierUse,
  type LineFigures,
} from '@linesight/analysis'
import { openCase } from '@linesight/casework'
import { toLocal } from '@linesight/report'
import { output } from '../output.js'
import { zoneOption } from '../zone-option.js'

/**
 * The drug-lines picture in one command: detection, then on the numbers it flags the customer base and daily
 * customers of each number, the continuity of each line, roles, live picture, cuckooing leads and the safeguarding
 * worklist. Every part is an ordinary analysis; `--json`
 * prints all their results with their parameters and digests.
 */
/** A UTC instant's local day in the run's zone (an evening in BST is still that day, not the next). */
const dayIn =
  (zone: string) =>
  (utc: string): string =>
    toLocal(utc, zone).date
const uses = (label: string, list: readonly IdentifierUse[], day: (utc: string) => string): string =>
  list.length === 0
    ? ''
    : `; ${label} ${list.map((u) => `${u.value} (${day(u.firstSeen)} to ${day(u.lastSeen)})`).join(', ')}`

/** How many cuckooing leads and worklist entries the text shows; `--json` gives every one. */
const SHOWN = 5

/** A number's customer base and daily customers in words (the police rules, their default thresholds). */
function figuresLine(f: LineFigures): string {
  const days = f.dailyCustomers.days.filter((d) => d.dailyCustomers > 0)
  const busiest = days.reduce<(typeof days)[number] | undefined>(
    (best, d) => (best === undefined || d.dailyCustomers > best.dailyCustomers ? d : best),
    undefined,
  )
  const mean = days.length === 0 ? 0 : f.dailyCustomers.totals.customerDays / days.length
  return `${f.line}: customer base ${f.customerBase.members.length}; ${f.dailyCustomers.totals.customerDays} customer-days on ${days.length} day(s), mean ${mean.toFixed(1)} a day${busiest === undefined ? '' : `, most ${busiest.dailyCustomers} on ${busiest.day}`}`
}

/** One generation in words: the number, its dates, flare count, SIMs and handsets, and what links it to the last. */
function generationLine(
  g: Generation,
  links: readonly ContinuityLink[],
  day: (utc: string) => string,
): string {
  const link = links.find((l) => l.to === g.msisdn)
  const via =
    link === undefined
      ? ''
      : ` — follows ${link.from} by ${link.basis.map((b) => (b === 'customers' ? 'shared customers' : `shared ${b.toUpperCase()}`)).join(' and ')}`
  const seen = g.ownRecords ? 'own records' : "seen only in others' records"
  return `${g.msisdn}: ${day(g.firstSeen)} to ${day(g.lastSeen)} (${seen}), ${g.flares} flare burst(s)${uses('SIM', g.imsis, day)}${uses('handset', g.imeis, day)}${via}`
}

export function registerLines(program: Command): void {
  program
    .command('lines <case>')
    .description(
      'deal lines with their history, holder and runners, live picture, cuckooing leads and safeguarding leads',
    )
    .option('--zone <zone>', "zone that defines a day (default: the case's declared zone)", zoneOption)
    .option('--json', 'print every result in full, with its provenance')
    .action(async (root: string, o: { zone?: string; json?: boolean }) => {
      const session = await openCase(resolve(root))
      try {
        // One memo for this run: the analyses below share the line grouping, roles and cuckooing leads.
        const ctx: AnalysisContext = {
          now: new Date(),
          zone: o.zone ?? session.folder.manifest.defaultTimeZone,
          memo: createAnalysisMemo(),
        }
        const detection = await runAnalysis(dealLines, session.store, {}, ctx)
        const lines = detection.result.candidates
          .filter((c) => c.verdict === 'deal-line')
          .map((c) => c.number)
        const possible = detection.result.candidates.filter((c) => c.verdict === 'possible')
        const given = { lines }
        const [figures, continuity, roles, live, cuckooing, safeguarding] =
          lines.length === 0
            ? [null, null, null, null, null, null]
            : [
                await runAnalysis(lineFigures, session.store, given, ctx),
                await runAnalysis(lineContinuity, session.store, given, ctx),
                await runAnalysis(lineRoles, session.store, given, ctx),
                await runAnalysis(livePicture, session.store, given, ctx),
                await runAnalysis(cuckooingLeads, session.store, given, ctx),
                await runAnalysis(safeguardingWorklist, session.store, given, ctx),
              ]
        const all = { detection, figures, continuity, roles, live, cuckooing, safeguarding }
        output(o.json === true).result(all, () => {
          const day = dayIn(ctx.zone)
          const when = (utc: string, semantics: string): string => {
            const t = toLocal(utc, ctx.zone)
            return `${semantics === 'at' ? '' : 'at or before '}${t.date} ${t.time} ${t.zone}`
          }
          const out: string[] = [
            `Deal-line assessment of ${detection.result.candidates.length} target numbers: ${lines.length} deal-line, ${possible.length} possible (an analyst confirms; scores rank, they are not verdicts).`,
            `Days and times are local to ${ctx.zone}. --json gives every result in full with its parameters and digests.`,
          ]
          for (const line of continuity?.result.lines ?? []) {
            out.push(
              '',
              `Line ${line.key} — ${line.numbers.length} number(s), ${day(line.firstSeen)} to ${day(line.lastSeen)}`,
            )
            for (const g of line.generations) out.push(`  ${generationLine(g, line.links, day)}`)
            for (const f of figures?.result.lines.filter((x) => line.numbers.includes(x.line)) ?? [])
              out.push(`  ${figuresLine(f)}`)
            const r = roles?.result.lines.find((x) => x.numbers.includes(line.key))
            for (const h of r?.holders ?? [])
              out.push(`  holder candidate ${h.number} (${h.confidence}, score ${h.score})`)
            for (const x of r?.runners ?? [])
              out.push(`  runner candidate ${x.number} (${x.confidence}, score ${x.score})`)
            const l = live?.result.lines.find((x) => x.numbers.includes(line.key))
            if (l !== undefined)
              out.push(
                `  live: current number ${l.currentNumber}; last activity ${when(l.lastActivity.utc, l.lastActivity.timeSemantics)} (${l.lastActivity.eventType})`,
              )
          }
          if (cuckooing !== null) {
            out.push(
              '',
              `Cuckooing leads: ${cuckooing.result.leads.length} (ranked; sharing a cell shows the serving area, not the same building)`,
            )
            for (const [i, l] of cuckooing.result.leads.slice(0, SHOWN).entries())
              out.push(
                `  ${i + 1}. line ${l.line}: the cells serving the home of ${l.victim.number}${l.victim.person?.name ? ` (${l.victim.person.name})` : ''}, ${l.nightsCounted} night(s), ${l.firstNight} to ${l.lastNight}`,
              )
          }
          if (safeguarding !== null) {
            out.push(
              `Safeguarding worklist: ${safeguarding.result.entries.length} entries — ${safeguarding.result.label}`,
            )
            for (const [i, e] of safeguarding.result.entries.slice(0, SHOWN).entries()) {
              const who = e.persons.map((p) => p.name).filter((n) => n !== null)
              out.push(
                `  ${i + 1}. ${who.length === 0 ? 'not attributed' : who.join(' / ')} (${e.numbers.join(', ')}): ${e.indicators.map((x) => x.id).join(', ')}`,
              )
            }
          }
          if (
            (cuckooing?.result.leads.length ?? 0) > SHOWN ||
            (safeguarding?.result.entries.length ?? 0) > SHOWN
          )
            out.push(`  (the first ${SHOWN} of each; --json gives them all with their evidence)`)
          for (const p of possible) out.push(`Possible: ${p.number} (score ${p.score})`)
          return out.join('\n')
        })
      } finally {
        await session.close()
      }
    })
}
