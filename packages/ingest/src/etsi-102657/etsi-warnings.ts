/** A problem with one record (or the file, when `recordNumber` is null), for the import report. */
export interface EtsiWarning {
  readonly recordNumber: string | null
  readonly message: string
}

/** Kinds of record problem; each is listed in full up to a cap, then summarised with a count. */
export const ETSI_WARNING_KINDS = {
  'unknown-shape': 'records in a shape this reader does not know, written with the fields found',
  'no-target': 'records with no party matching the target, written with an empty target_msisdn',
  'no-time': 'records without a start time (the importer will reject them)',
  'time-format': 'times or durations in a form this reader does not know',
  'no-zone': 'times without a zone or offset (the importer will apply the declared zone)',
  role: 'parties whose role was missing or not recognised',
  legs: 'records with more than two parties',
  location: 'locations that could not be read in full',
  device: 'device identifiers that were not written',
} as const
export type EtsiWarningKind = keyof typeof ETSI_WARNING_KINDS

/** Record warnings listed per kind before the rest are only counted. */
const LISTED_PER_KIND = 50

/**
 * Collects warnings without letting one systematic problem (say, every time lacking a zone in a million-record
 * file) bury the others: each kind lists its first 50 records and then one line with the count of the rest.
 */
export class EtsiWarnings {
  readonly #file: EtsiWarning[] = []
  readonly #listed: EtsiWarning[] = []
  readonly #counts = new Map<EtsiWarningKind, number>()

  /** A warning about the whole file. */
  addFile(message: string): void {
    this.#file.push({ recordNumber: null, message })
  }

  add(kind: EtsiWarningKind, recordNumber: string | null, message: string): void {
    const count = (this.#counts.get(kind) ?? 0) + 1
    this.#counts.set(kind, count)
    if (count <= LISTED_PER_KIND) this.#listed.push({ recordNumber, message })
  }

  list(): EtsiWarning[] {
    const summaries = [...this.#counts]
      .filter(([, count]) => count > LISTED_PER_KIND)
      .map(([kind, count]) => ({
        recordNumber: null,
        message: `…and ${(count - LISTED_PER_KIND).toLocaleString('en-GB')} more ${ETSI_WARNING_KINDS[kind]}.`,
      }))
    return [...this.#file, ...this.#listed, ...summaries]
  }
}
