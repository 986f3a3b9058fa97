import { Worker } from 'node:worker_threads'
import type { ReportDocument } from '@linesight/report'
import { runRender, type RenderMessage, type RenderRequest } from './render-protocol.js'
import type { ReportFormat } from './report-body.js'

function unwrap(message: RenderMessage): Uint8Array {
  if (message.type === 'done') return message.bytes
  const error = new Error(message.message)
  error.name = message.name
  if (message.stack !== null) error.stack = message.stack
  throw error
}

/**
 * Lays a document out as PDF or XLSX in a worker thread: pdfmake works synchronously for a second or more on a
 * large document, which would otherwise hold up every other request to the server.
 */
export async function renderOffThread(doc: ReportDocument, format: ReportFormat): Promise<Uint8Array> {
  const request: RenderRequest = { doc, format }
  // Node cannot start a worker from a .ts file: under vitest (source .ts) render in-process instead.
  if (import.meta.url.endsWith('.ts')) return unwrap(await runRender(request))
  return new Promise((resolve, reject) => {
    let settled = false
    const worker = new Worker(new URL('./render-worker.js', import.meta.url), { workerData: request })
    worker.once('message', (message: RenderMessage) => {
      settled = true
      try {
        resolve(unwrap(message))
      } catch (e) {
        reject(e as Error)
      }
    })
    worker.once('error', (error) => {
      if (settled) return
      settled = true
      reject(error)
    })
    worker.once('exit', (code) => {
      if (settled) return
      settled = true
      reject(new Error(`the document renderer stopped (exit code ${code}) before it finished`))
    })
  })
}
