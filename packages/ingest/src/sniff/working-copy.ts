import { createReadStream, createWriteStream } from 'node:fs'
import { Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { createGunzip } from 'node:zlib'
import iconv from 'iconv-lite'
import type { TextEncoding } from './encoding.js'
import { isGzip } from './read-head.js'

/**
 * The engine reads UTF-8 only, so other encodings become a UTF-8 working copy (streamed, any size). The original
 * is never touched: provenance and hashes always refer to it.
 */
export async function utf8WorkingCopy(path: string, encoding: TextEncoding, target: string): Promise<string> {
  if (encoding === 'utf-8') return path
  const input = createReadStream(path)
  const stages: NodeJS.ReadWriteStream[] = []
  if (isGzip(path)) stages.push(createGunzip())
  const iconvName = encoding === 'utf-8-bom' ? 'utf-8' : encoding === 'windows-1252' ? 'win1252' : encoding
  stages.push(iconv.decodeStream(iconvName, { stripBOM: true }), iconv.encodeStream('utf-8'))
  await pipeline([input, ...stages, createWriteStream(target)])
  return target
}

/**
 * A working copy whose CRLF line endings are all LF, for a file that mixes CRLF and LF lines (the engine's strict
 * reader takes one line ending per file). Each line ending maps to one, so line numbers stay those of the
 * original; a lone carriage return is left as it is.
 */
export async function lfWorkingCopy(path: string, target: string): Promise<string> {
  let pendingCr = false
  const crlfToLf = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      // A CR at the end of a chunk waits for the next chunk's first byte.
      const bytes = pendingCr ? Buffer.concat([Buffer.from([0x0d]), chunk]) : chunk
      pendingCr = bytes.length > 0 && bytes[bytes.length - 1] === 0x0d
      const body = pendingCr ? bytes.subarray(0, bytes.length - 1) : bytes
      done(null, Buffer.from(body.toString('latin1').replaceAll('\r\n', '\n'), 'latin1'))
    },
    flush(done) {
      done(null, pendingCr ? Buffer.from([0x0d]) : null)
    },
  })
  await pipeline([createReadStream(path), crlfToLf, createWriteStream(target)])
  return target
}
