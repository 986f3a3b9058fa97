/** Text encodings the importer reads. Anything else is converted to UTF-8 in a working copy first. */
export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252'

export interface EncodingGuess {
  readonly encoding: TextEncoding
  /** Why: BOM, valid UTF-8, byte pattern. Printed in the import report. */
  readonly evidence: string
}

export class BinaryFileError extends Error {
  override readonly name = 'BinaryFileError'
}

/**
 * Decides the encoding from the first bytes: a BOM settles it; UTF-16 without a BOM shows as NUL bytes in every
 * other position; valid UTF-8 stays UTF-8; otherwise Windows-1252 (what Excel on Windows writes). A file with
 * other control bytes is binary and is refused rather than read as text.
 */
export function detectEncoding(head: Buffer, name: string): EncodingGuess {
  if (head.length === 0) return { encoding: 'utf-8', evidence: 'empty file' }
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf)
    return { encoding: 'utf-8-bom', evidence: 'UTF-8 byte order mark' }
  if (head[0] === 0xff && head[1] === 0xfe)
    return { encoding: 'utf-16le', evidence: 'UTF-16 little-endian byte order mark' }
  if (head[0] === 0xfe && head[1] === 0xff)
    return { encoding: 'utf-16be', evidence: 'UTF-16 big-endian byte order mark' }
  const sample = head.subarray(0, Math.min(head.length, 4096))
  let evenNul = 0
  let oddNul = 0
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] !== 0) continue
    if (i % 2 === 0) evenNul++
    else oddNul++
  }
  const half = sample.length / 2
  if (oddNul > half * 0.3 && evenNul < half * 0.05)
    return { encoding: 'utf-16le', evidence: 'NUL in every second byte' }
  if (evenNul > half * 0.3 && oddNul < half * 0.05)
    return { encoding: 'utf-16be', evidence: 'NUL in every first byte' }
  let control = 0
  for (const b of sample) if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++
  if (control > Math.max(2, sample.length * 0.01))
    throw new BinaryFileError(
      `${name} looks like a binary file (${control} control bytes in the first ${sample.length}), not delimited text, XLSX or ETSI XML; check that it is the right file`,
    )
  // The head may end inside a multi-byte character, so trim up to 3 trailing bytes before judging.
  for (let cut = 0; cut <= 3; cut++) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, head.length - cut))
      return { encoding: 'utf-8', evidence: 'valid UTF-8' }
    } catch {
      // try a shorter prefix
    }
  }
  return { encoding: 'windows-1252', evidence: 'bytes that are not valid UTF-8, read as Windows-1252' }
}

/** Decodes a head buffer with the detected encoding (BOM removed). */
export function decodeHead(head: Buffer, encoding: TextEncoding): string {
  switch (encoding) {
    case 'utf-8':
      return new TextDecoder('utf-8').decode(head)
    case 'utf-8-bom':
      return new TextDecoder('utf-8').decode(head.subarray(3))
    case 'utf-16le':
      return new TextDecoder('utf-16le').decode(head[0] === 0xff ? head.subarray(2) : head)
    case 'utf-16be':
      return new TextDecoder('utf-16be').decode(head[0] === 0xfe ? head.subarray(2) : head)
    case 'windows-1252':
      return new TextDecoder('windows-1252').decode(head)
  }
}
