import { parentPort, workerData } from 'node:worker_threads'
import { runXlsxJob } from './convert-workbook.js'
import type { XlsxWorkerRequest } from './xlsx-protocol.js'

/** Worker entry: converts the workbook named in `workerData` and posts `XlsxWorkerMessage`s to the main thread. */
const port = parentPort
if (port === null)
  throw new Error('xlsx-worker.js runs only as a worker thread: call convertXlsxToCsv instead.')
await runXlsxJob(workerData as XlsxWorkerRequest, (message) => port.postMessage(message))
