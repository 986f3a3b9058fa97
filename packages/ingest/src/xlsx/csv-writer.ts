import { createWriteStream, type WriteStream } from 'node:fs'
import { rm } from 'node:fs/promises'
import { once } from 'node:events'
import { finished } from 'node:stream/promises'

/** Characters that force a field into quotes (RFC 4180: delimiter, quote, line breaks). */
const NEEDS_QUOTES = /[",\r\n]/

/** Buffer about this much text before handing it to the stream, so a million rows are not a million writes. */
const FLUSH_AT = 64 * 1024

/**
 * Quotes one CSV field when it must be, doubling any quote inside it.
 *
 * @example
 * csvField('a,b') // '"a,b"'
 * csvField('say "hi"') // '"say ""hi"""'
 */
export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value
}

/**
 * One CSV record with its trailing newline. A record of one empty field is written `""`, so it is not read back as
 * a blank line (which CSV readers skip).
 */
export function csvLine(fields: readonly string[]): string {
  if (fields.length === 1 && fields[0] === '') return '""\n'
  return `${fields.map(csvField).join(',')}\n`
}

/**
 * Writes a UTF-8, comma-separated CSV file row by row with backpressure: `writeRow` resolves once the stream can
 * take more, so a fast producer never piles the file up in memory.
 *
 * @example
 * const csv = new CsvWriter('/tmp/out.csv')
 * await csv.writeRow(['target_msisdn', 'other_party'])
 * await csv.close()
 */
export class CsvWriter {
  readonly path: string
  readonly #stream: WriteStream
  #buffer = ''
  #rows = 0
  #error: Error | null = null

  constructor(path: string) {
    this.path = path
    this.#stream = createWriteStream(path, { encoding: 'utf8' })
    // Without a listener a write error would crash the process; keep it and throw it from the next call instead.
    this.#stream.on('error', (error: Error) => {
      this.#error = error
    })
  }

  /** Rows written so far. */
  get rows(): number {
    return this.#rows
  }

  async writeRow(fields: readonly string[]): Promise<void> {
    this.#throwIfFailed()
    this.#buffer += csvLine(fields)
    this.#rows++
    if (this.#buffer.length >= FLUSH_AT) await this.#flush()
  }

  /** Flushes, ends the stream and waits until the file is complete on disk. */
  async close(): Promise<void> {
    await this.#flush()
    this.#stream.end()
    await finished(this.#stream)
    this.#throwIfFailed()
  }

  /** Stops writing and removes the partial file, so a failed conversion never leaves a half file to import. */
  async abort(): Promise<void> {
    if (!this.#stream.closed) {
      const closed = once(this.#stream, 'close').catch(() => undefined)
      this.#stream.destroy()
      await closed
    }
    await rm(this.path, { force: true })
  }

  async #flush(): Promise<void> {
    if (this.#buffer === '') return
    const chunk = this.#buffer
    this.#buffer = ''
    // `once` also rejects when the stream emits 'error' while we wait.
    if (!this.#stream.write(chunk)) await once(this.#stream, 'drain')
    this.#throwIfFailed()
  }

  #throwIfFailed(): void {
    if (this.#error !== null) throw this.#error
  }
}
