/** One worksheet written as CSV. */
export interface XlsxSheetResult {
  readonly name: string
  readonly csvPath: string
  /** CSV records written, header included. Record n is sheet row n, so row numbers match what the user sees. */
  readonly rows: number
  /** Widest row, in columns. */
  readonly columns: number
  /** Problems worth telling the user, one line each, deduplicated per column. Never holds cell values. */
  readonly warnings: readonly string[]
}

/** What `convertXlsxToCsv` wrote. */
export interface XlsxConversionResult {
  readonly sheets: readonly XlsxSheetResult[]
  /** Sheets with no values at all: reported, not written. */
  readonly emptySheets: readonly string[]
}

/** What the main thread asks the worker to do (sent as `workerData`). */
export interface XlsxWorkerRequest {
  readonly inputPath: string
  readonly outputDir: string
}

/** Every message the worker sends back. Closed: the main thread's switch proves it handles each one. */
export type XlsxWorkerMessage =
  | { readonly type: 'progress'; readonly rows: number }
  | { readonly type: 'sheet-done'; readonly sheet: XlsxSheetResult }
  | { readonly type: 'done'; readonly result: XlsxConversionResult }
  | { readonly type: 'error'; readonly name: string; readonly message: string; readonly stack: string | null }

/** An error as data, because an Error's class and extra fields do not survive `postMessage`. */
export function errorMessage(error: unknown): XlsxWorkerMessage {
  if (error instanceof Error) {
    return { type: 'error', name: error.name, message: error.message, stack: error.stack ?? null }
  }
  return { type: 'error', name: 'Error', message: String(error), stack: null }
}

/** Rebuilds an error on the main side with the worker's name, message and stack. */
export function rebuildError(message: Extract<XlsxWorkerMessage, { type: 'error' }>): Error {
  const error = new Error(message.message)
  error.name = message.name
  if (message.stack !== null) error.stack = message.stack
  return error
}
