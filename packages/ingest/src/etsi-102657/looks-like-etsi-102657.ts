/** How far into a file the sniff looks. */
export const ETSI_SNIFF_BYTES = 64 * 1024

const ETSI_ELEMENT =
  /<(?:[A-Za-z_][\w.-]*:)?(?:retainedDataHeader|RetainedDataHeader|ResponseRecord|responseRecord|retainedDataRecords)[\s/>]/

/**
 * Whether the start of a file looks like an ETSI TS 102 657 handover: XML with a `retainedDataHeader`,
 * `ResponseRecord` or `retainedDataRecords` element (any prefix) in the first 64 KB.
 *
 * @example
 * looksLikeEtsi102657('<?xml version="1.0"?><ns2:RetainedDataMessage><ns2:retainedDataHeader>') // true
 */
export function looksLikeEtsi102657(firstBytes: string): boolean {
  const head = firstBytes
    .slice(0, ETSI_SNIFF_BYTES)
    .replace(/^\uFEFF/, '')
    .trimStart()
  return head.startsWith('<') && ETSI_ELEMENT.test(head)
}
