import { parentPort, workerData } from 'node:worker_threads'
import { runRender, type RenderRequest } from './render-protocol.js'

/** Worker entry: renders the document in `workerData` and posts one `RenderMessage` back. */
const port = parentPort
if (port === null)
  throw new Error('render-worker.js runs only as a worker thread: call renderOffThread instead.')
const message = await runRender(workerData as RenderRequest)
port.postMessage(message, message.type === 'done' ? [message.bytes.buffer as ArrayBuffer] : [])
