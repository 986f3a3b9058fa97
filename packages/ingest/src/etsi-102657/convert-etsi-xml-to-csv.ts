import { CsvWriter } from '../xlsx/csv-writer.js'
import { ETSI_CSV_COLUMNS, etsiCsvFields } from './canonical-row.js'
import { EtsiWarnings, type EtsiWarning } from './etsi-warnings.js'
import { readEtsiXml } from './read-etsi-xml.js'
import { readRecordFacts } from './record-facts.js'
import { recordRows } from './record-rows.js'
import { TargetTally } from './target.js'
import { descendant, textOf, type XmlNode } from './xml-node.js'

export interface EtsiConversionOptions {
  /** The target's number (E.164 or national form); matched on its last 9 digits. Without it: the commonest number. */
  readonly targetHint?: string | undefined
}

/** The request the file answers (`retainedDataHeader`), as far as the file says. */
export interface EtsiHeader {
  readonly requestNumber?: string
  readonly cSPID?: string
  readonly timeStamp?: string
  readonly countryCode?: string
  readonly authorisedOrganisationID?: string
}

export interface EtsiConversionResult {
  /** `ResponseRecord`s read. */
  readonly records: number
  /** CSV rows written, header excluded. */
  readonly rowsWritten: number
  readonly warnings: readonly EtsiWarning[]
  readonly header: EtsiHeader
  /** Records per shape (`telephony-legs`, `internet-access`, `internet-access-hybrid`, `unknown`). */
  readonly shapes: Readonly<Record<string, number>>
}

/**
 * Converts an ETSI TS 102 657 retained-data handover file into a Linesight canonical CDR CSV (docs/formats.md) plus
 * `etsi_record_number` and `etsi_shape`. Streams twice: once to decide the target and tie IMSIs to it, once to
 * write; neither pass holds more than one record. No record is dropped: each one yields at least one row, and every
 * row that lacks something says so in `warnings`. On failure the partial CSV is removed.
 *
 * @example
 * const result = await convertEtsiXmlToCsv('handover.xml', 'handover.csv', { targetHint: '+447911123456' })
 * // result → { records: 1200, rowsWritten: 1200, shapes: { 'telephony-legs': 900, 'internet-access': 300 }, … }
 */
export async function convertEtsiXmlToCsv(
  inputPath: string,
  outputPath: string,
  options: EtsiConversionOptions,
): Promise<EtsiConversionResult> {
  const tally = new TargetTally()
  let header: EtsiHeader = {}
  for await (const element of readEtsiXml(inputPath)) {
    if (element.kind === 'header') header = readHeader(element.node)
    else tally.add(readRecordFacts(element.node).parties)
  }
  const warnings = new EtsiWarnings()
  const target = tally.decide(options.targetHint)
  for (const message of target?.warnings ?? []) warnings.addFile(message)
  if (target === null) warnings.addFile('No record has a party number, so no target could be chosen.')

  let imsiMatches = 0
  const context = { target, network: header.cSPID ?? '', onImsiMatch: () => imsiMatches++ }
  const shapes: Record<string, number> = {}
  let records = 0
  const csv = new CsvWriter(outputPath)
  try {
    await csv.writeRow(ETSI_CSV_COLUMNS)
    for await (const element of readEtsiXml(inputPath)) {
      if (element.kind !== 'record') continue
      records++
      const facts = readRecordFacts(element.node)
      shapes[facts.shape] = (shapes[facts.shape] ?? 0) + 1
      const warn = (kind: Parameters<typeof warnings.add>[0], message: string): void =>
        warnings.add(kind, facts.recordNumber, message)
      for (const row of recordRows(facts, context, warn)) await csv.writeRow(etsiCsvFields(row))
    }
    await csv.close()
  } catch (error) {
    await csv.abort()
    throw error
  }
  if (imsiMatches > 0) {
    warnings.addFile(
      `${imsiMatches} rows had no number on the target's side and were attributed to the target through an IMSI ` +
        "seen only with the target's number elsewhere in this file.",
    )
  }
  return { records, rowsWritten: csv.rows - 1, warnings: warnings.list(), header, shapes }
}

function readHeader(node: XmlNode): EtsiHeader {
  const fields = ['requestNumber', 'cSPID', 'timeStamp', 'countryCode', 'authorisedOrganisationID'] as const
  const header: { -readonly [K in keyof EtsiHeader]: string } = {}
  for (const field of fields) {
    const value = textOf(descendant(node, field))
    if (value !== null) header[field] = value
  }
  return header
}
