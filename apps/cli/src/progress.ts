import { basename } from 'node:path'
import cliProgress from 'cli-progress'
import type { ImportProgress } from '@linesight/store'

/**
 * Import progress: a live bar with rows, rows/s and ETA on a terminal, plain lines every few seconds otherwise
 * (CI logs, pipes). Always on stderr, so stdout stays clean for --json.
 */
export function importProgress(): { update: (file: string, p: ImportProgress) => void; stop: () => void } {
  const tty = process.stderr.isTTY === true
  const bar = tty
    ? new cliProgress.SingleBar(
        {
          format: '{file} {phase} |{bar}| {percentage}% | {rows} rows | {rate} rows/s | ETA {eta_formatted}',
          stream: process.stderr,
          hideCursor: true,
        },
        cliProgress.Presets.shades_classic,
      )
    : null
  let current = ''
  let started = Date.now()
  let lastLine = 0
  return {
    update: (file, p) => {
      const name = basename(file)
      if (name !== current) {
        bar?.stop()
        bar?.start(100, 0, { file: name, phase: p.phase, rows: 0, rate: 0 })
        current = name
        started = Date.now()
      }
      const rate = Math.round(p.rows / Math.max((Date.now() - started) / 1000, 0.001))
      if (bar !== null)
        bar.update(Math.max(0, Math.round(p.percent)), { file: name, phase: p.phase, rows: p.rows, rate })
      else if (Date.now() - lastLine > 5000 || p.phase === 'committing') {
        lastLine = Date.now()
        process.stderr.write(
          `${name}: ${p.phase} ${p.rows} rows (${rate} rows/s${p.percent >= 0 ? `, ${Math.round(p.percent)}%` : ''})\n`,
        )
      }
    },
    stop: () => bar?.stop(),
  }
}
