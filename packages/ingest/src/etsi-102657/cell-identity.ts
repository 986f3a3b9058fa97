import { cellGlobalId, hexBytes, readPlmn, readUint } from './plmn.js'

/** A cell id from a `cGI`/`globalCellID`, `eCGI` or `cellID` element, or why it could not be formed. */
export type CellIdentity =
  { readonly cell: string; readonly problem: null } | { readonly cell: null; readonly problem: string }

const DASHED = /^(\d{3})[-/.\s](\d{2,3})[-/.\s](\d+)[-/.\s](\d+)$/

/**
 * Reads an explicit cell element: dashed decimal `234-15-1234-5678901` as is, or the hex octets of a CGI
 * (PLMN + LAC + CI, 7 octets) or an ECGI (PLMN + 28-bit ECI, 7 octets, which needs the TAC from a `tAI` element).
 *
 * @example
 * readCellIdentity('cgi', '32f45104d2162e', null).cell // '234-15-1234-5678'
 */
export function readCellIdentity(kind: 'cgi' | 'ecgi', text: string, taiHex: string | null): CellIdentity {
  const dashed = DASHED.exec(text.trim())
  if (dashed !== null) {
    const [, mcc = '', mnc = '', area = '', cell = ''] = dashed
    return { cell: `${mcc}-${mnc}-${Number(area)}-${Number(cell)}`, problem: null }
  }
  const bytes = hexBytes(text)
  const plmn = bytes?.length === 7 ? readPlmn(bytes, 0) : null
  if (bytes === null || plmn === null) {
    return {
      cell: null,
      problem: `${kind === 'cgi' ? 'cGI' : 'eCGI'} "${text}" is neither mcc-mnc-lac-ci nor 7 hex octets`,
    }
  }
  if (kind === 'cgi')
    return { cell: cellGlobalId(plmn, readUint(bytes, 3, 2), readUint(bytes, 5, 2)), problem: null }
  const tac = taiHex === null ? null : readTac(taiHex)
  if (tac === null) return { cell: null, problem: `eCGI "${text}" has no tAI beside it, so there is no TAC` }
  return { cell: cellGlobalId(plmn, tac, readUint(bytes, 3, 4) & 0x0fffffff), problem: null }
}

/** TAC from a TAI: PLMN + TAC (5 octets), or with a leading type octet (6). */
function readTac(taiHex: string): number | null {
  const bytes = hexBytes(taiHex)
  if (bytes === null || (bytes.length !== 5 && bytes.length !== 6)) return null
  return readUint(bytes, bytes.length - 2, 2)
}
