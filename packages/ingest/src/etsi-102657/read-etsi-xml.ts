import { createReadStream } from 'node:fs'
import { basename } from 'node:path'
import iconv from 'iconv-lite'
import { SaxesParser } from 'saxes'
import { EtsiXmlError } from './etsi-xml-error.js'
import { sniffXmlEncoding } from './xml-encoding.js'
import type { XmlNode } from './xml-node.js'

/** A captured element: the request header, or one response record. */
export interface EtsiElement {
  readonly kind: 'header' | 'record'
  readonly node: XmlNode
}

/** Elements worth capturing, by lower-case local name. Everything else streams past without being kept. */
const CAPTURE: ReadonlyMap<string, EtsiElement['kind']> = new Map([
  ['retaineddataheader', 'header'],
  ['responserecord', 'record'],
])

interface BuildingNode {
  readonly localName: string
  readonly name: string
  readonly children: BuildingNode[]
  text: string
}

/**
 * Streams an ETSI TS 102 657 handover file with saxes and yields its header and each `ResponseRecord` as a small
 * tree. Only the element being captured is held in memory, so file size does not matter. Element prefixes are
 * dropped: matching is by local name whatever the namespace or schema version.
 */
export async function* readEtsiXml(inputPath: string): AsyncGenerator<EtsiElement> {
  const parser = new SaxesParser({ xmlns: false, fileName: basename(inputPath) })
  const ready: EtsiElement[] = []
  const stack: BuildingNode[] = []
  let kind: EtsiElement['kind'] = 'record'

  parser.on('opentag', (tag) => {
    const localName = tag.name.slice(tag.name.indexOf(':') + 1)
    const name = localName.toLowerCase()
    if (stack.length === 0) {
      const capture = CAPTURE.get(name)
      if (capture === undefined) return
      kind = capture
    }
    const node: BuildingNode = { localName, name, children: [], text: '' }
    stack.at(-1)?.children.push(node)
    stack.push(node)
  })
  const onText = (text: string): void => {
    const top = stack.at(-1)
    if (top !== undefined) top.text += text
  }
  parser.on('text', onText)
  parser.on('cdata', onText)
  parser.on('closetag', () => {
    const node = stack.pop()
    if (node !== undefined && stack.length === 0) ready.push({ kind, node })
  })

  const feed = (text: string): void => {
    try {
      if (text !== '') parser.write(text)
    } catch (error) {
      throw notWellFormed(inputPath, error)
    }
  }
  let decoder: iconv.DecoderStream | null = null
  for await (const chunk of createReadStream(inputPath) as AsyncIterable<Buffer>) {
    decoder ??= iconv.getDecoder(sniffXmlEncoding(chunk))
    feed(decoder.write(chunk))
    // Hand over what this chunk completed before reading on, so the consumer's backpressure reaches the file.
    if (ready.length > 0) yield* ready.splice(0)
  }
  feed(decoder?.end() ?? '')
  try {
    parser.close()
  } catch (error) {
    throw notWellFormed(inputPath, error)
  }
  yield* ready.splice(0)
}

function notWellFormed(inputPath: string, error: unknown): EtsiXmlError {
  const reason = error instanceof Error ? error.message : String(error)
  return new EtsiXmlError(`${inputPath} is not well-formed XML: ${reason}`, { cause: error })
}
