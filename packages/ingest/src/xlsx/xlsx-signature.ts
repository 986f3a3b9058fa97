import { open } from 'node:fs/promises'

/** A file that cannot be read as an XLSX workbook; the message says what it looks like instead. */
export class XlsxReadError extends Error {
  override readonly name = 'XlsxReadError'
}

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04])
const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])

/**
 * Fails early, with a fix, when a file is not a ZIP container: the zip reader's own message ("invalid signature:
 * 0xa310a61") tells an investigator nothing.
 */
export async function assertXlsxSignature(path: string): Promise<void> {
  const file = await open(path, 'r')
  try {
    const head = Buffer.alloc(8)
    const { bytesRead } = await file.read(head, 0, 8, 0)
    if (bytesRead >= 4 && head.subarray(0, 4).equals(ZIP)) return
    if (bytesRead === 8 && head.equals(OLE2)) {
      throw new XlsxReadError(
        `${path} is a legacy Excel 97-2003 (.xls) workbook, or an encrypted .xlsx; open it in Excel and save it ` +
          `as .xlsx (or CSV) without a password, then import that.`,
      )
    }
    throw new XlsxReadError(
      `${path} is not an XLSX workbook (no ZIP signature); if it is CSV text, import it as CSV.`,
    )
  } finally {
    await file.close()
  }
}
