/** DOS date of 1980-01-01, time 00:00:00: the ZIP epoch, used for every entry so the bytes never carry the clock. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1
const DOS_TIME = 0

/**
 * Sets every entry's modification time in a ZIP (an XLSX) to the ZIP epoch, in both the local headers and the
 * central directory. exceljs stamps entries with the current time; the document states its own generation time
 * instead, so two exports of the same document are byte-identical. Returns a new buffer.
 */
export function fixZipTimestamps(zip: Uint8Array): Uint8Array {
  const out = new Uint8Array(zip)
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength)
  let eocd = -1
  for (let i = out.length - 22; i >= Math.max(0, out.length - 22 - 65_535); i--)
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i
      break
    }
  if (eocd < 0) throw new Error('not a ZIP file: no end-of-central-directory record')
  const entries = view.getUint16(eocd + 10, true)
  let at = view.getUint32(eocd + 16, true)
  for (let n = 0; n < entries; n++) {
    if (view.getUint32(at, true) !== 0x02014b50)
      throw new Error(`ZIP central directory entry ${n} is malformed`)
    view.setUint16(at + 12, DOS_TIME, true)
    view.setUint16(at + 14, DOS_DATE, true)
    const local = view.getUint32(at + 42, true)
    if (view.getUint32(local, true) !== 0x04034b50)
      throw new Error(`ZIP local header of entry ${n} is malformed`)
    view.setUint16(local + 10, DOS_TIME, true)
    view.setUint16(local + 12, DOS_DATE, true)
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true)
  }
  return out
}
