import { createReadStream } from 'node:fs'
import { createGunzip } from 'node:zlib'

/** True for gzip-compressed input (`.gz`), which both the sniffers and the engine read without unpacking to disk. */
export const isGzip = (path: string): boolean => path.toLowerCase().endsWith('.gz')

/** The first `bytes` of a file, decompressed when it is gzip. */
export async function readHead(path: string, bytes = 256 * 1024): Promise<Buffer> {
  const chunks: Buffer[] = []
  let total = 0
  const raw = createReadStream(path, isGzip(path) ? {} : { start: 0, end: bytes - 1 })
  const stream = isGzip(path) ? raw.pipe(createGunzip()) : raw
  try {
    for await (const chunk of stream) {
      chunks.push(chunk as Buffer)
      total += (chunk as Buffer).length
      if (total >= bytes) break
    }
  } catch (e) {
    if (total === 0) throw e
    // A truncated gzip still gives a usable head; the engine reports the damage with its line.
  } finally {
    raw.destroy()
  }
  return Buffer.concat(chunks).subarray(0, bytes)
}
