#!/usr/bin/env node
import { Command, CommanderError } from 'commander'
import { SOFTWARE_VERSION } from '@linesight/casework'
import { registerCase } from './commands/case.js'
import { registerImport } from './commands/import.js'
import { registerRejects } from './commands/rejects.js'
import { registerDemo } from './commands/demo.js'
import { registerRun } from './commands/run.js'
import { registerReport } from './commands/report.js'
import { registerLines } from './commands/lines.js'
import { registerServe } from './commands/serve.js'

// A reader that stops early (`linesight … | head`) closes the pipe: stop quietly, as other command-line tools do.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0)
  throw e
})

const program = new Command()
  .name('linesight')
  .description('Communications data analysis for county-lines investigations')
  .version(SOFTWARE_VERSION)
  .showHelpAfterError()
  .exitOverride()
registerCase(program)
registerImport(program)
registerRejects(program)
registerRun(program)
registerReport(program)
registerLines(program)
registerServe(program)
registerDemo(program)

try {
  await program.parseAsync(process.argv)
} catch (e) {
  if (e instanceof CommanderError) process.exit(e.exitCode)
  // One clear message, never a stack trace: set LINESIGHT_DEBUG=1 to see one.
  process.stderr.write(`linesight: ${e instanceof Error ? e.message : String(e)}\n`)
  if (process.env['LINESIGHT_DEBUG'] === '1' && e instanceof Error) process.stderr.write(`${e.stack ?? ''}\n`)
  process.exit(2)
}
