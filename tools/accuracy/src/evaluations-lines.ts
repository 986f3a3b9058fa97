import { dailyCustomers, dealLines, runAnalysis, transactions } from '@linesight/analysis'
import { lineNumbersOf, type GroundTruth } from '@linesight/generator'
import type { Evaluation } from './evaluations-types.js'
import { scoreSets, type AccuracyRow } from './metrics.js'

const ctx = { now: new Date('2026-01-01T00:00:00Z'), zone: 'Europe/London' }

/** Deal-line detection: precision and recall over every line number of every generation; no decoy flagged. */
export const dealLinesEvaluation: Evaluation = async (session, truth, seed) => {
  const r = await runAnalysis(dealLines, session.store, {}, ctx)
  const flagged = r.result.candidates.filter((c) => c.verdict === 'deal-line').map((c) => c.number)
  const actual = lineNumbersOf(truth)
  const s = scoreSets(flagged, actual)
  const decoys = truth.decoys.filter((d) => flagged.includes(d.msisdn))
  const row = (measure: string, value: number, goal: string, met: boolean, detail = ''): AccuracyRow => ({
    analysis: 'deal-lines',
    measure,
    seed,
    value,
    goal,
    met,
    detail,
  })
  return [
    row(
      'precision',
      s.precision,
      '≥ 0.95',
      s.precision >= 0.95,
      `${s.truePositives} of ${flagged.length} flagged`,
    ),
    row(
      'recall',
      s.recall,
      '≥ 0.95',
      s.recall >= 0.95,
      `${s.truePositives} of ${actual.length} line numbers`,
    ),
    row(
      'decoys flagged as deal lines',
      decoys.length,
      '= 0',
      decoys.length === 0,
      decoys.map((d) => d.kind).join(', '),
    ),
  ]
}

const countParams = (t: GroundTruth): Record<string, unknown> => ({
  burstMinRecipients: t.parameters.burstMinRecipients,
  burstWindowMinutes: t.parameters.burstWindowMinutes,
  minConnectedCallSeconds: t.parameters.minConnectedCallSeconds,
  maxUnansweredInboundSeconds: t.parameters.maxUnansweredInboundSeconds,
  autoReplyMaxDelaySeconds: t.parameters.autoReplyMaxDelaySeconds,
  countInboundSms: t.parameters.countInboundSms,
})

/** Daily customers and confirmed transactions per line number per day, against the truth's own counts. */
export const dailyCountsEvaluation: Evaluation = async (session, truth, seed) => {
  let days = 0
  let customerMismatches = 0
  let confirmedMismatches = 0
  const expected = new Map(truth.dailyCounts.map((c) => [`${c.msisdn} ${c.day}`, c]))
  for (const line of truth.lines) {
    const runners = line.runners.flatMap((r) => r.phones.map((p) => `${p.msisdn}@${p.from}..${p.to}`))
    for (const g of line.generations) {
      const dc = await runAnalysis(
        dailyCustomers,
        session.store,
        { line: g.msisdn, ...countParams(truth) },
        ctx,
      )
      const tx = await runAnalysis(
        transactions,
        session.store,
        {
          line: g.msisdn,
          ...countParams(truth),
          callbackWindowMinutes: truth.parameters.callbackWindowMinutes,
          callbackTypes: truth.parameters.callbackTypes,
          callbackMustConnect: truth.parameters.callbackMustConnect,
          callbackExcludesFlares: truth.parameters.callbackExcludesFlares,
          potentialScope: truth.parameters.potentialScope,
          runners,
        },
        ctx,
      )
      const customers = new Map(dc.result.days.map((d) => [d.day, d.dailyCustomers]))
      const confirmed = new Map(tx.result.days.map((d) => [d.day, d.confirmed]))
      for (const [key, want] of expected) {
        if (!key.startsWith(`${g.msisdn} `)) continue
        days++
        if ((customers.get(want.day) ?? 0) !== want.dailyCustomers) customerMismatches++
        if ((confirmed.get(want.day) ?? 0) !== want.confirmedTransactions) confirmedMismatches++
      }
    }
  }
  return [
    {
      analysis: 'daily-customers',
      measure: 'line-days differing from truth',
      seed,
      value: customerMismatches,
      goal: '= 0',
      met: customerMismatches === 0,
      detail: `${days} line-days compared`,
    },
    {
      analysis: 'transactions',
      measure: 'line-days with confirmed count differing from truth',
      seed,
      value: confirmedMismatches,
      goal: '= 0',
      met: confirmedMismatches === 0,
      detail: `${days} line-days compared`,
    },
  ]
}
