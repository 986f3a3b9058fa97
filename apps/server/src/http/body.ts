import { createWriteStream } from 'node:fs'
import { rm } from 'node:fs/promises'
import type { IncomingMessage } from 'node:http'
import { pipeline } from 'node:stream/promises'
import { Transform } from 'node:stream'
import { HttpError } from './errors.js'

/** Reads a JSON body of at most `limit` bytes; an empty body is `{}`. */
export async function readJson(req: IncomingMessage, limit: number): Promise<unknown> {
  const type = req.headers['content-type'] ?? ''
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > limit) throw new HttpError(413, `the request body is larger than ${limit} bytes`)
    chunks.push(chunk as Buffer)
  }
  if (size === 0) return {}
  // A cross-site form can post text/plain without a preflight; only JSON is accepted.
  if (!type.startsWith('application/json'))
    throw new HttpError(415, 'send the body as JSON (Content-Type: application/json)')
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown
  } catch (e) {
    throw new HttpError(400, `the body is not valid JSON: ${(e as Error).message}`)
  }
}

/** Streams a request body to a file, refusing (and removing the partial file) past `limit` bytes. */
export async function readToFile(req: IncomingMessage, path: string, limit: number): Promise<number> {
  let size = 0
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.length
      if (size > limit) callback(new HttpError(413, `the file is larger than the ${limit}-byte upload limit`))
      else callback(null, chunk)
    },
  })
  try {
    await pipeline(req, counter, createWriteStream(path, { flags: 'wx' }))
  } catch (e) {
    await rm(path, { force: true })
    throw e
  }
  return size
}
