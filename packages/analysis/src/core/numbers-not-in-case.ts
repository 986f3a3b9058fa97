import type { CaseStore, QuerySpec } from '@linesight/store'
import type { ParamSchema, Params } from './params.js'

/**
 * The given numbers that neither own records (`target_summary`) nor appear in anyone's calls or texts
 * (`pair_summary`): both small tables the import keeps, so the check costs no scan of the events.
 */
const notInCaseQuery: QuerySpec<{ readonly n: string }, 'numbers'> = {
  id: 'numbers-not-in-case',
  sql: {
    duckdb: `SELECT n FROM (SELECT DISTINCT unnest($numbers::VARCHAR[]) AS n)
      WHERE n NOT IN (SELECT number FROM target_summary) AND n NOT IN (SELECT a FROM pair_summary)
        AND n NOT IN (SELECT b FROM pair_summary)
      ORDER BY n`,
  },
  params: ['numbers'],
  row: (r) => ({ n: String(r['n']) }),
}

/** Every phone number the parameters name (one line's numbers in a grouped item are split apart). */
export function numbersNamed(schema: ParamSchema, params: Params): readonly string[] {
  const out: string[] = []
  for (const [name, spec] of Object.entries(schema)) {
    const v = params[name]
    if (spec.type === 'string' && spec.phone === true && typeof v === 'string') out.push(v)
    if (spec.type === 'string-list' && spec.phone !== undefined && Array.isArray(v))
      for (const item of v as readonly string[]) out.push(...item.split(' ').filter((n) => n !== ''))
  }
  return out
}

/** The numbers an analysis was asked about that no record of the case names: its result is empty for them. */
export async function numbersNotInCase(
  store: CaseStore,
  numbers: readonly string[],
): Promise<readonly string[]> {
  if (numbers.length === 0) return []
  return (await store.run(notInCaseQuery, { numbers })).map((r) => r.n)
}
