import {
  cuckooingLeads,
  dealLines,
  lineContinuity,
  lineRoles,
  runAnalysis,
  safeguardingWorklist,
} from '@linesight/analysis'
import type { Evaluation } from './evaluations-types.js'
import { scoreSets, type AccuracyRow } from './metrics.js'

const ctx = { now: new Date('2026-01-01T00:00:00Z'), zone: 'Europe/London' }

/**
 * The line-network analyses run end to end as an analyst would: on the numbers deal-line detection flags (not on
 * the truth's list), then compared with the truth's lines, roles, cuckooing episodes and children.
 */
export const lineNetworkEvaluation: Evaluation = async (session, truth, seed) => {
  const detected = await runAnalysis(dealLines, session.store, {}, ctx)
  const lines = detected.result.candidates.filter((c) => c.verdict === 'deal-line').map((c) => c.number)
  const row = (
    analysis: string,
    measure: string,
    value: number,
    goal: string,
    met: boolean,
    detail = '',
  ): AccuracyRow => ({
    analysis,
    measure,
    seed,
    value,
    goal,
    met,
    detail,
  })

  const continuity = await runAnalysis(lineContinuity, session.store, { lines }, ctx)
  const groups = new Set(continuity.result.lines.map((l) => [...l.numbers].sort().join(' ')))
  const exact = truth.lines.filter((l) =>
    groups.has(
      l.generations
        .map((g) => g.msisdn)
        .sort()
        .join(' '),
    ),
  ).length
  const continuityShare = exact / truth.lines.length

  const roles = await runAnalysis(lineRoles, session.store, { lines }, ctx)
  const predicted = { runner: [] as string[], holder: [] as string[] }
  const actual = { runner: [] as string[], holder: [] as string[] }
  for (const line of truth.lines) {
    const got = roles.result.lines.find((l) => l.numbers.includes(line.generations[0]!.msisdn))
    predicted.runner.push(...(got?.runners.map((x) => x.number) ?? []))
    predicted.holder.push(...(got?.holders.map((x) => x.number) ?? []))
    actual.runner.push(...line.runners.flatMap((x) => x.msisdns))
    // The holder runs the line from the tasking phones, or from the personal phone when there are none.
    actual.holder.push(
      ...(line.taskingPhones.length > 0
        ? line.taskingPhones.map((p) => p.msisdn)
        : [line.holder.personalMsisdn]),
    )
  }
  const runners = scoreSets(predicted.runner, actual.runner)
  const holders = scoreSets(predicted.holder, actual.holder)

  const cuckooing = await runAnalysis(cuckooingLeads, session.store, { lines }, ctx)
  const found = truth.cuckooing.filter((e) =>
    cuckooing.result.leads.some(
      (l) => l.victim.number === e.victimMsisdn && l.firstNight <= e.toNight && l.lastNight >= e.fromNight,
    ),
  ).length
  const cuckooRecall = truth.cuckooing.length === 0 ? 1 : found / truth.cuckooing.length
  // Leads that overlap a true episode at its victim, over all leads listed: how many enquiries are worth making.
  const trueLeads = cuckooing.result.leads.filter((l) =>
    truth.cuckooing.some(
      (e) => l.victim.number === e.victimMsisdn && l.firstNight <= e.toNight && l.lastNight >= e.fromNight,
    ),
  ).length
  const leadPrecision = cuckooing.result.leads.length === 0 ? 1 : trueLeads / cuckooing.result.leads.length

  const safeguarding = await runAnalysis(safeguardingWorklist, session.store, { lines }, ctx)
  const flagged = new Set(
    safeguarding.result.entries
      .filter((e) => e.indicators.some((i) => i.id === 'under-18'))
      .flatMap((e) => e.numbers),
  )
  const children = truth.lines.flatMap((l) => l.runners).filter((r) => r.child)
  const childrenFlagged = children.filter((r) => r.msisdns.every((n) => flagged.has(n))).length

  return [
    row(
      'line-continuity',
      'lines grouped exactly right (share)',
      continuityShare,
      '≥ 0.9',
      continuityShare >= 0.9,
      `${exact} of ${truth.lines.length}`,
    ),
    row('line-roles', 'runner precision', runners.precision, '≥ 0.9', runners.precision >= 0.9),
    row('line-roles', 'runner recall', runners.recall, '≥ 0.9', runners.recall >= 0.9),
    row('line-roles', 'holder precision', holders.precision, '≥ 0.9', holders.precision >= 0.9),
    row('line-roles', 'holder recall', holders.recall, '≥ 0.9', holders.recall >= 0.9),
    row(
      'cuckooing-leads',
      'episode recall (all episodes)',
      cuckooRecall,
      '≥ 0.9',
      cuckooRecall >= 0.9,
      `${found} of ${truth.cuckooing.length}; ${cuckooing.result.leads.length} leads listed`,
    ),
    row(
      'cuckooing-leads',
      'lead precision (share of leads on a true episode)',
      leadPrecision,
      'reported',
      true,
      `${trueLeads} of ${cuckooing.result.leads.length}`,
    ),
    row(
      'safeguarding-worklist',
      'child runners flagged (share)',
      children.length === 0 ? 1 : childrenFlagged / children.length,
      '= 1',
      childrenFlagged === children.length,
      `${childrenFlagged} of ${children.length}`,
    ),
  ]
}
