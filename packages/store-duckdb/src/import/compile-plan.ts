import { exhaustiveSwitchError, type ImportPlan } from '@linesight/model'
import type { CompiledPlan } from './compiled-plan.js'
import { compileCdr } from './compile-cdr.js'
import { compileCells } from './compile-cells.js'
import { compileSubscribers } from './compile-subscribers.js'

/** Turns a declarative plan into DuckDB SQL pieces. */
export function compilePlan(plan: ImportPlan): CompiledPlan {
  const records = plan.records
  switch (records.kind) {
    case 'cdr':
      return compileCdr(plan, records)
    case 'cells':
      return compileCells(plan, records)
    case 'subscribers':
      return compileSubscribers(plan, records)
    default:
      return exhaustiveSwitchError(records, 'record kind')
  }
}
