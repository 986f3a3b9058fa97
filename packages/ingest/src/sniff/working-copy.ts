import { createReadStream, createWriteStream } from 'node:fs'
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
