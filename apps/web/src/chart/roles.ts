import { numberField, resultTables, rolesFrom } from '@linesight/viz'
import { api } from '../api/client.js'
import type { AnalysisInfo } from '../api/types.js'
import { missingRequired, prefill } from '../state/prefill.js'
import { useAsync, type AsyncState } from '../state/use-async.js'

/**
 * Roles for the link chart from the analyses that know them, when they are registered: deal-lines marks its lines,
 * line-roles names holders and runners. Without them every number is coloured as target or other.
 */
export function useRoles(
  caseId: string,
  registry: readonly AnalysisInfo[] | null,
): AsyncState<Map<string, string>> {
  const ids = (registry ?? []).filter((a) => a.id === 'deal-lines' || a.id === 'line-roles')
  return useAsync(
    registry === null ? null : `roles|${caseId}|${ids.map((a) => a.id).join(',')}`,
    async (signal) => {
      const roles = new Map<string, string>()
      for (const a of ids) {
        const params = prefill(a, [], null, null, null)
        if (missingRequired(a, params).length > 0) continue
        try {
          const run = await api.run(caseId, a.id, params, signal)
          for (const t of resultTables(run.result)) {
            if (a.id === 'deal-lines') {
              const key = numberField(t.rows)
              if (key !== null)
                for (const r of t.rows) if (typeof r[key] === 'string') roles.set(r[key], 'deal-line')
            } else for (const [n, role] of rolesFrom(t.rows)) if (!roles.has(n)) roles.set(n, role)
          }
        } catch {
          // A role source that fails leaves the chart in its plain colours; the board shows the error itself.
        }
      }
      return roles
    },
  )
}
