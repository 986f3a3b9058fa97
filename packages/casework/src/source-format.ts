import type { SourceFormat } from '@linesight/model'
import { readHead } from '@linesight/ingest'

/** What container a file is, from its first bytes (never from the extension alone). */
export async function sourceFormat(path: string): Promise<SourceFormat> {
  const head = await readHead(path, 64 * 1024)
  // XLSX is a ZIP archive: "PK\x03\x04".
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'xlsx'
  const text = head.toString('utf8').replace(/^\uFEFF/, '')
  if (
    /^\s*<(\?xml|[A-Za-z_][\w.-]*:?[\w.-]*)/.test(text) &&
    /retainedDataHeader|ResponseRecord|retainedData|telephonyRecord/i.test(text)
  )
    return 'etsi-xml'
  return 'csv'
}
