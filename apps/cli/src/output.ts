/** Commands print JSON on stdout with --json (for pipes) and readable text otherwise; logs go to stderr. */
export interface Output {
  readonly json: boolean
  result(value: unknown, text: () => string): void
  log(message: string): void
}

export const output = (json: boolean): Output => ({
  json,
  result: (value, text) => {
    process.stdout.write(json ? JSON.stringify(value, null, 2) + '\n' : text() + '\n')
  },
  log: (message) => {
    process.stderr.write(message + '\n')
  },
})

/** A user-facing failure: printed as one clear message, never as a stack trace. */
export class UsageError extends Error {
  override readonly name = 'UsageError'
}
