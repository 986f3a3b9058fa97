import type { Command } from 'commander'
import { UsageError } from '../output.js'

export function registerDemo(program: Command): void {
  const demo = program.command('demo').description('synthetic county-lines scenarios and the demo case')
  demo
    .command('start')
    .description('generate, import and summarise the demo case')
    .action(() => {
      throw new UsageError('the demo case is not available yet')
    })
}
