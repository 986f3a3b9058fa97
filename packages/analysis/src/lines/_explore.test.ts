import { it } from 'vitest'
import { runAnalysis } from '../core/run-analysis.js'
import { scenarioCase } from '../test/scenario-case.js'
import { dailyCustomers } from './daily-customers/daily-customers.js'
import { transactions } from './transactions/transactions.js'
import { flareBursts } from './flare-bursts/flare-bursts.js'

const ctx = { now: new Date('2026-01-01T00:00:00Z'), zone: 'Europe/London' }
it('explore', async () => {
  const { session, truth } = await scenarioCase(11, 1)
  const t0 = performance.now()
  const fb = await runAnalysis(flareBursts, session.store, {}, ctx)
  console.log('flare-bursts ms', performance.now() - t0, fb.result.senders.slice(0, 20).map((s) => `${s.sender} ${s.bursts} ${s.burstDays}`))
  const truthBy = new Map(truth.dailyCounts.map((c) => [`${c.msisdn} ${c.day}`, c]))
  let mism = 0
  for (const line of truth.lines) {
    const runners = line.runners.flatMap((r) => r.phones.map((p) => `${p.msisdn}@${p.from}..${p.to}`))
    for (const g of line.generations) {
      const t1 = performance.now()
      const dc = await runAnalysis(dailyCustomers, session.store, { line: g.msisdn }, ctx)
      const tx = await runAnalysis(transactions, session.store, { line: g.msisdn, callbackWindowMinutes: 60, runners }, ctx)
      const ms = performance.now() - t1
      const mine = new Map<string, { d: number; p: number; c: number }>()
      for (const d of dc.result.days) mine.set(d.day, { d: d.dailyCustomers, p: 0, c: 0 })
      for (const d of tx.result.days) { const m = mine.get(d.day) ?? { d: 0, p: 0, c: 0 }; m.p = d.potential; m.c = d.confirmed; mine.set(d.day, m) }
      let n = 0
      for (const c of truth.dailyCounts.filter((x) => x.msisdn === g.msisdn)) {
        const m = mine.get(c.day) ?? { d: 0, p: 0, c: 0 }
        if (m.d !== c.dailyCustomers || m.p !== c.potentialTransactions || m.c !== c.confirmedTransactions) { n++; if (n < 4) console.log('MISMATCH', g.msisdn, c.day, c, m) }
      }
      for (const [day, m] of mine) if (!truthBy.has(`${g.msisdn} ${day}`) && (m.d || m.p || m.c)) { n++; console.log('EXTRA', g.msisdn, day, m) }
      mism += n
      console.log(g.msisdn, 'ms', Math.round(ms), 'mismatches', n, dc.result.totals, tx.result.totals, dc.result.contactBreakdown.map((b) => `${b.baseStatus}/${b.status}:${b.contacts}`).join(' '))
    }
  }
  console.log('TOTAL MISMATCH', mism)
  await session.close()
}, 300_000)
