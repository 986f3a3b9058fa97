import { cellGlobalId, hexBytes, readPlmn, readUint } from './plmn.js'

/** A decoded ULI: the cell as `mcc-mnc-lac-ci` (TAC and ECI for LTE), or why there is none. */
export type DecodedUli =
  { readonly cell: string; readonly problem: null } | { readonly cell: null; readonly problem: string }

/** GTPv2 ULI flag bits and the octets each location block takes, in the order the blocks appear (TS 29.274 §8.21). */
const BLOCKS = [
  { flag: 0x01, kind: 'cgi', size: 7 },
  { flag: 0x02, kind: 'sai', size: 7 },
  { flag: 0x04, kind: 'rai', size: 7 },
  { flag: 0x08, kind: 'tai', size: 5 },
  { flag: 0x10, kind: 'ecgi', size: 7 },
  { flag: 0x20, kind: 'lai', size: 5 },
  { flag: 0x40, kind: 'macro-enb', size: 6 },
  { flag: 0x80, kind: 'ext-macro-enb', size: 6 },
] as const

type BlockKind = (typeof BLOCKS)[number]['kind']

/** GTPv2 information element type of ULI: a value that starts with it carries the 4-octet IE header. */
const ULI_IE_TYPE = 0x56
/** TS 29.061 (RADIUS/Diameter 3GPP-User-Location-Info) geographic location types for LTE. */
const TS29061 = { 128: ['tai'], 129: ['ecgi'], 130: ['tai', 'ecgi'] } as const

/**
 * Decodes `userLocationInformation` hex as 3GPP TS 29.274 §8.21 (flags octet, then the flagged blocks), with or
 * without the IE header, falling back to the TS 29.061 form (type 128/129/130). For LTE the cell is
 * `mcc-mnc-TAC-ECI` from the TAI and ECGI blocks; for 2G/3G `mcc-mnc-LAC-CI` (or `-SAC` from an SAI).
 *
 * @example
 * decodeUserLocationInformation('1832f4511a2b32f45101234567').cell // '234-15-6699-19088743'
 */
export function decodeUserLocationInformation(hex: string): DecodedUli {
  const bytes = hexBytes(hex)
  if (bytes === null) return { cell: null, problem: `userLocationInformation "${hex}" is not hex octets` }
  const body =
    bytes[0] === ULI_IE_TYPE && readUint(bytes, 1, 2) === bytes.length - 4 ? bytes.subarray(4) : bytes
  const blocks = gtpv2Blocks(body) ?? ts29061Blocks(body)
  if (blocks === null) {
    return { cell: null, problem: `userLocationInformation "${hex}" is not a TS 29.274 or TS 29.061 ULI` }
  }
  return cellFromBlocks(blocks, hex)
}

type Blocks = Partial<Record<BlockKind, Uint8Array>>

/** Splits a TS 29.274 ULI into its flagged blocks; `null` if the flags do not add up to the length. */
function gtpv2Blocks(body: Uint8Array): Blocks | null {
  const flags = body[0] ?? 0
  if (flags === 0) return null
  const blocks: Blocks = {}
  let offset = 1
  for (const { flag, kind, size } of BLOCKS) {
    if ((flags & flag) === 0) continue
    blocks[kind] = body.subarray(offset, offset + size)
    offset += size
  }
  return offset === body.length ? blocks : null
}

function ts29061Blocks(body: Uint8Array): Blocks | null {
  const kinds = TS29061[body[0] as keyof typeof TS29061] as readonly ('tai' | 'ecgi')[] | undefined
  if (kinds === undefined) return null
  const blocks: Blocks = {}
  let offset = 1
  for (const kind of kinds) {
    const size = kind === 'tai' ? 5 : 7
    blocks[kind] = body.subarray(offset, offset + size)
    offset += size
  }
  return offset === body.length ? blocks : null
}

function cellFromBlocks(blocks: Blocks, hex: string): DecodedUli {
  const bad = (what: string): DecodedUli => ({
    cell: null,
    problem: `userLocationInformation "${hex}": ${what}`,
  })
  if (blocks.ecgi !== undefined) {
    if (blocks.tai === undefined) return bad('an ECGI without a TAI, so there is no TAC for mcc-mnc-tac-eci')
    const plmn = readPlmn(blocks.ecgi, 0)
    if (plmn === null) return bad('the ECGI network code is not BCD digits')
    if (readPlmn(blocks.tai, 0) === null) return bad('the TAI network code is not BCD digits')
    // ECI is 28 bits: the top nibble of its first octet is spare.
    const eci = readUint(blocks.ecgi, 3, 4) & 0x0fffffff
    return { cell: cellGlobalId(plmn, readUint(blocks.tai, 3, 2), eci), problem: null }
  }
  const legacy = blocks.cgi ?? blocks.sai
  if (legacy !== undefined) {
    const plmn = readPlmn(legacy, 0)
    if (plmn === null) return bad('the network code is not BCD digits')
    return { cell: cellGlobalId(plmn, readUint(legacy, 3, 2), readUint(legacy, 5, 2)), problem: null }
  }
  return bad('only an area (TAI, RAI or LAI) or an eNodeB, no cell')
}
