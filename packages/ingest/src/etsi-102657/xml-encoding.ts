import iconv from 'iconv-lite'
import { EtsiXmlError } from './etsi-xml-error.js'

/**
 * The encoding to decode an XML file with, from its byte-order mark, its first bytes, or its XML declaration
 * (XML 1.0 appendix F); UTF-8 when nothing says otherwise.
 */
export function sniffXmlEncoding(head: Buffer): string {
  const [b0, b1, b2, b3] = head
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return 'utf8'
  if (b0 === 0xff && b1 === 0xfe) return 'utf16le'
  if (b0 === 0xfe && b1 === 0xff) return 'utf16be'
  if (b0 === 0x3c && b1 === 0x00 && b2 === 0x3f && b3 === 0x00) return 'utf16le'
  if (b0 === 0x00 && b1 === 0x3c && b2 === 0x00 && b3 === 0x3f) return 'utf16be'
  const declaration = /^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(
    head.subarray(0, 512).toString('latin1'),
  )
  const declared = declaration?.[1]
  if (declared === undefined) return 'utf8'
  if (!iconv.encodingExists(declared)) {
    throw new EtsiXmlError(`The XML declares encoding "${declared}", which this reader cannot decode.`)
  }
  return declared
}
