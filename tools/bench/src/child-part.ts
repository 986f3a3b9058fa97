import { fork } from 'node:child_process'

type PartMessage<R> =
  { readonly ok: true; readonly result: R } | { readonly ok: false; readonly error: string }

/**
 * Runs one part of the benchmark in a fresh Node process (`script --part name --options json`), so each part's
 * memory and DuckDB caches are its own; output and the SQL trace pass straight through.
 */
export function runPart<R>(script: string, part: string, options: unknown): Promise<R> {
  return new Promise((resolve, reject) => {
    const child = fork(script, ['--part', part, '--options', JSON.stringify(options)], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    })
    let message: PartMessage<R> | undefined
    child.on('message', (m) => (message = m as PartMessage<R>))
    child.on('error', reject)
    child.on('exit', (code, signal) => {
      if (message?.ok === true) resolve(message.result)
      else
        reject(
          new Error(
            `the ${part} part failed (exit ${code ?? signal}): ${message?.ok === false ? message.error : 'no result'}`,
          ),
        )
    })
  })
}

/** The child's side: runs the part and sends its result (or its error) back before exiting. */
export async function answerPart(work: () => Promise<unknown>): Promise<void> {
  const send = (m: PartMessage<unknown>): Promise<void> =>
    new Promise((resolve) => (process.send === undefined ? resolve() : process.send(m, () => resolve())))
  try {
    await send({ ok: true, result: await work() })
  } catch (e) {
    await send({ ok: false, error: e instanceof Error ? (e.stack ?? e.message) : String(e) })
    process.exitCode = 1
  }
}
