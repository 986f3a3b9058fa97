import { ValidationError } from '@linesight/model'
import { CaseFolderError, QueryError } from '@linesight/store'

/** A failure the client should see as it is: status, one clear message, and where in the input when known. */
export class HttpError extends Error {
  override readonly name = 'HttpError'
  constructor(
    readonly status: number,
    message: string,
    readonly path?: string,
  ) {
    super(message)
  }
}

export interface ErrorBody {
  readonly error: { readonly message: string; readonly path?: string }
}

/** Maps any thrown value to a status and a JSON body; unknown errors become 500 with their message only. */
export function toErrorResponse(e: unknown): { status: number; body: ErrorBody } {
  if (e instanceof HttpError)
    return {
      status: e.status,
      body: { error: { message: e.message, ...(e.path === undefined ? {} : { path: e.path }) } },
    }
  if (e instanceof ValidationError)
    return { status: 400, body: { error: { message: e.problem, path: e.path } } }
  if (e instanceof CaseFolderError) return { status: 400, body: { error: { message: e.message } } }
  if (e instanceof QueryError)
    return {
      status: 500,
      body: { error: { message: `the case store could not answer (${e.queryId}): ${e.message}` } },
    }
  const message = e instanceof Error ? e.message : String(e)
  return { status: 500, body: { error: { message: `internal error: ${message}` } } }
}
