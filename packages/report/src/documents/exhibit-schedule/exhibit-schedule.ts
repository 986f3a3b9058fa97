import type { Cell, DocumentParts } from '../../core/document.js'
import type { DocumentProvenance } from '../../core/provenance.js'
import { localText, toLocal, utcText } from '../../core/time.js'
import { eventWording } from '../../core/wording.js'
import type { ScheduleEventRow } from '../../store/schedule-events.sql.js'

export const EXHIBIT_SCHEDULE = { kind: 'exhibit-schedule', version: '1' } as const

/** The input of an exhibit schedule: the chosen numbers and window, and their events as the case holds them. */
export interface ExhibitScheduleInput {
  readonly provenance: DocumentProvenance
  readonly numbers: readonly string[]
  /** Inclusive window, ISO UTC; null for no bound. */
  readonly from: string | null
  readonly to: string | null
  readonly events: readonly ScheduleEventRow[]
  /** Rows in the same selection flagged at import as duplicates, which the schedule does not repeat. */
  readonly duplicatesNotRepeated: number
}

const TYPE: Readonly<Record<string, string>> = {
  voice: 'Call',
  sms: 'SMS',
  mms: 'MMS',
  data: 'Data',
  voicemail: 'Voicemail',
  forward: 'Forward',
}
const DIRECTION: Readonly<Record<string, string>> = { out: 'Out', in: 'In' }

function site(e: ScheduleEventRow): string {
  if (e.start_cgi === null) return ''
  switch (e.cell_source) {
    case null:
      return 'not in any cell list'
    case 'public-fallback':
      return 'public data - excluded'
    case 'record':
      return e.site_name ?? 'position given in the record'
    default: {
      const name = [e.site_name, e.site_id === null ? null : `(${e.site_id})`]
        .filter((x) => x !== null)
        .join(' ')
      return name === '' ? 'no site given in the cell list' : name
    }
  }
}

const source = (e: ScheduleEventRow): string =>
  `${e.source_file}${e.source_sheet === null ? '' : ` [${e.source_sheet}]`} row ${e.source_row}${e.source_line === null ? '' : ` (line ${e.source_line})`}`

const windowText = (from: string | null, to: string | null, zone: string): string =>
  `${from === null ? 'the first record' : `${localText(from, zone)} (${utcText(from)})`} to ${to === null ? 'the last record' : `${localText(to, zone)} (${utcText(to)})`}`

/**
 * An exhibit schedule: one row per event of the chosen numbers in the window, with local date and time (zone
 * named), type, direction, other party, cell, site, the wording for its type ("used cell X at", "at or before" for
 * data sessions) and the source file and row. Built from case records only; it rests on no analysis.
 */
export function buildExhibitSchedule(input: ExhibitScheduleInput): DocumentParts {
  const p = input.provenance
  const zone = p.zone
  const rows: Cell[][] = []
  const extra: Cell[][] = []
  let ambiguous = 0
  input.events.forEach((e, i) => {
    const precision = e.start_precision === 'minute' ? 'minute' : 'second'
    const l = toLocal(e.start_utc, zone, precision)
    if (e.start_ambiguous) ambiguous++
    rows.push([
      i + 1,
      e.target_msisdn,
      `${l.date} ${l.time} ${l.zone}${e.start_ambiguous ? ' *' : ''}`,
      TYPE[e.event_type] ?? e.event_type,
      DIRECTION[e.direction] ?? '?',
      e.other ?? '',
      e.start_cgi ?? 'none recorded',
      site(e),
      eventWording(e, zone),
      source(e),
    ])
    extra.push([
      e.start_utc,
      e.start_text,
      e.start_zone,
      e.end_utc,
      e.duration_s,
      e.time_semantics,
      e.start_ambiguous ? 'yes' : 'no',
      e.cell_source ?? 'none',
      e.imei,
      e.imsi,
      e.id,
    ])
  })
  const publicOnly = input.events.filter((e) => e.cell_source === 'public-fallback').length
  const noCell = input.events.filter((e) => e.start_cgi === null).length
  const notListed = input.events.filter((e) => e.start_cgi !== null && e.cell_source === null).length
  const perNumber = input.numbers.map((n) => {
    const own = input.events.filter((e) => e.target_msisdn === n)
    const first = own[0]
    const last = own[own.length - 1]
    return [
      n,
      own.length,
      first === undefined ? '' : localText(first.start_utc, zone),
      last === undefined ? '' : localText(last.start_utc, zone),
    ]
  })
  return {
    kind: EXHIBIT_SCHEDULE.kind,
    kindVersion: EXHIBIT_SCHEDULE.version,
    title: 'Schedule of communications events',
    subtitle: `Events in the records of ${input.numbers.join(', ')}, ${windowText(input.from, input.to, zone)}.`,
    orientation: 'landscape',
    provenance: p,
    settings: [
      ['Numbers', input.numbers.join(', ')],
      ['From', input.from === null ? '(first record)' : `${input.from} (UTC)`],
      ['To', input.to === null ? '(last record)' : `${input.to} (UTC)`],
      ['Zone for local times', zone],
      ['Records read', "the chosen numbers' own records (events_unique: duplicate rows are not repeated)"],
    ],
    body: [
      { kind: 'heading', level: 1, text: 'Scope' },
      {
        kind: 'facts',
        rows: [
          ['Numbers', input.numbers.join(', ')],
          ['Period', windowText(input.from, input.to, zone)],
          ['Events listed', String(input.events.length)],
          ['Duplicate rows not repeated', String(input.duplicatesNotRepeated)],
          ['Events with no cell recorded', String(noCell)],
          ['Cells not in any cell list', String(notListed)],
          ['Cells known only from public data (site not given)', String(publicOnly)],
        ],
      },
      {
        kind: 'paragraph',
        text: `Times are local times in ${zone}, each with its zone (GMT or BST in the UK); the XLSX gives the UTC time and the time text as the network supplied it. The wording follows each event's type: calls and messages "used cell X at" their time; data sessions "used cell X at or before" the start of the session (O2 records: the end). A cell shows the serving area the phone was in, not its position.`,
      },
      ...(ambiguous > 0
        ? [
            {
              kind: 'paragraph',
              tone: 'note',
              text: `* ${ambiguous} local time${ambiguous === 1 ? ' falls' : 's fall'} in the hour the clocks go back, which occurs twice; the UTC time in the XLSX settles which.`,
            } as const,
          ]
        : []),
      {
        kind: 'table',
        table: {
          sheet: 'Summary',
          title: 'Events by number',
          columns: [
            { header: 'Number', width: 110 },
            { header: 'Events', width: 50, align: 'right' },
            { header: 'First event (local)', width: 130 },
            { header: 'Last event (local)', width: 130 },
          ],
          rows: perNumber,
          empty: 'No numbers chosen.',
        },
      },
      { kind: 'page-break' },
      { kind: 'heading', level: 1, text: 'Events' },
      {
        kind: 'table',
        table: {
          sheet: 'Events',
          title: `Events (${input.events.length})`,
          columns: [
            { header: 'Item', width: 24, align: 'right' },
            { header: 'Number', width: 62 },
            { header: 'Local date and time', width: 58 },
            { header: 'Type', width: 30 },
            { header: 'Dir.', width: 20 },
            { header: 'Other party', width: 62 },
            { header: 'Cell', width: 88 },
            { header: 'Site (network cell list)', width: 66 },
            { header: 'Wording', width: '*' },
            { header: 'Source file and row', width: 82 },
          ],
          rows,
          extraColumns: [
            'Start (UTC)',
            'Start as supplied',
            'Zone the source was read in',
            'End (UTC)',
            'Duration (s)',
            'Time semantics',
            'Clock-change hour',
            'Cell source',
            'IMEI',
            'IMSI',
            'Event id',
          ],
          extraRows: extra,
          empty: 'The chosen numbers have no events in this period.',
        },
      },
    ],
    analyses: [],
    missing: [],
    refusals: [],
    limitations: [
      "The schedule lists the chosen numbers' own records. Contacts of these numbers that appear only in other targets' records are not listed here.",
      'Rows delivered twice (same content, flagged as duplicates at import) are listed once; the count of duplicates not repeated is given in the scope.',
    ],
    citations: [],
  }
}
