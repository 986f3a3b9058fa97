import type { CaseSession } from '@linesight/casework'
import type { QuerySpec } from '@linesight/store'

const perNetwork: QuerySpec<{ network: string; targets: number; events: number }> = {
  id: 'summary-per-network',
  sql: {
    duckdb: `SELECT coalesce(network, 'unknown') AS network, count(DISTINCT target_msisdn) AS targets, count(*) AS events
      FROM events_unique GROUP BY 1 ORDER BY events DESC, network`,
  },
  params: [],
  row: (r) => ({ network: String(r['network']), targets: Number(r['targets']), events: Number(r['events']) }),
}

const period: QuerySpec<{ first: string | null; last: string | null }> = {
  id: 'summary-period',
  sql: {
    duckdb: `SELECT strftime(min(start_utc), '%Y-%m-%d') AS first, strftime(max(start_utc), '%Y-%m-%d') AS last FROM events_unique`,
  },
  params: [],
  row: (r) => ({ first: r['first'] as string | null, last: r['last'] as string | null }),
}

/** A short, readable summary of what a case holds, for the end of `npm start` and `case info`. */
export async function summariseCase(session: CaseSession): Promise<string> {
  const counts = await session.store.counts()
  const networks = await session.store.run(perNetwork, {})
  const [span] = await session.store.run(period, {})
  const m = session.folder.manifest
  return [
    '',
    `Case "${m.name}" — ${session.folder.root}`,
    `  ${counts.cdr.toLocaleString('en-GB')} events (${counts.duplicates} flagged as duplicates), ${counts.cells} cells, ${counts.subscribers} subscriber records, ${counts.sources} source files, ${counts.rejects} rejected rows`,
    `  period ${span?.first ?? '—'} to ${span?.last ?? '—'} (UTC); declared zone ${m.defaultTimeZone}`,
    ...networks.map(
      (n) =>
        `  ${n.network.padEnd(12)} ${String(n.targets).padStart(4)} target numbers  ${n.events.toLocaleString('en-GB').padStart(8)} events`,
    ),
    '',
    'Next:',
    `  node apps/cli/dist/main.js lines ${session.folder.root}`,
    `  node apps/cli/dist/main.js case info ${session.folder.root}`,
    `  node apps/cli/dist/main.js analyses`,
    `  node apps/cli/dist/main.js run ${session.folder.root} top-contacts --param target=<number>`,
  ].join('\n')
}
