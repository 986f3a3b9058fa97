import type { EtsiCsvRow } from './canonical-row.js'
import { parseEtsiDuration } from './etsi-duration.js'
import { parseEtsiTime } from './etsi-time.js'
import type { EtsiWarningKind } from './etsi-warnings.js'
import type { PartyFacts, RecordFacts } from './record-facts.js'
import { numberKey, type TargetDecision } from './target.js'

/** Reports a problem with the record being converted. */
export type RecordWarn = (kind: EtsiWarningKind, message: string) => void

/** What the rows of a record share besides the record itself. */
export interface RowContext {
  readonly target: TargetDecision | null
  /** The supplying network: the header's `cSPID`. */
  readonly network: string
  /** Counts rows attributed to the target through an IMSI only (reported once for the file). */
  readonly onImsiMatch: () => void
}

const ORIGINATING = /originat|calling|sender/i
const TERMINATING = /terminat|recipient|called|receiv/i

/**
 * The canonical rows of one record: one per party that is the target (a voice or SMS record usually has one,
 * a call to oneself two), with the other party's number as `other_party`. A record with no target party is still
 * written once, with an empty target, so the importer rejects it with a reason instead of it vanishing.
 */
export function recordRows(facts: RecordFacts, context: RowContext, warn: RecordWarn): EtsiCsvRow[] {
  for (const problem of facts.problems) warn('device', problem)
  for (const party of facts.parties) for (const problem of party.location.problems) warn('location', problem)
  if (facts.shape === 'unknown') {
    warn(
      'unknown-shape',
      `Unknown record shape ${facts.shapePath ?? ''}: written with the fields found; check it.`,
    )
  }
  const targets = facts.parties.filter((party) => isTarget(party, context))
  if (targets.length === 0) {
    warn('no-target', 'No party of this record is the target: written with an empty target_msisdn.')
    const party = facts.parties[0] ?? null
    return [row(facts, party, '', '', '', context, warn)]
  }
  if (facts.parties.length > 2) {
    warn(
      'legs',
      `${facts.parties.length} parties: other_party is the first party on the other side of the call.`,
    )
  }
  return targets.map((party) => {
    const targetNumber = party.number ?? markImsiMatch(context)
    const other = facts.shape === 'telephony-legs' ? otherParty(party, facts.parties) : ''
    return row(facts, party, targetNumber, other, direction(facts, party, warn), context, warn)
  })
}

function isTarget(party: PartyFacts, { target }: RowContext): boolean {
  if (target === null) return false
  if (party.number !== null) return numberKey(party.number) === target.key
  return party.imsi !== null && target.imsis.has(party.imsi)
}

function markImsiMatch(context: RowContext): string {
  context.onImsiMatch()
  return context.target?.display ?? ''
}

/** Out when the target originated the call or SMS; in otherwise (brief §7.5); data sessions start at the handset. */
function direction(facts: RecordFacts, party: PartyFacts, warn: RecordWarn): string {
  if (facts.eventType === 'data') return 'out'
  if (facts.shape === 'unknown') return ''
  if (party.role === null) {
    warn('role', 'The target party has no role (originating or terminating): direction left empty.')
    return ''
  }
  if (ORIGINATING.test(party.role)) return 'out'
  if (!TERMINATING.test(party.role))
    warn('role', `Party role ${party.role} is not recognised: direction written as in.`)
  return 'in'
}

/** The first other party on the opposite side (originating vs terminating), else the first other party. */
function otherParty(target: PartyFacts, parties: readonly PartyFacts[]): string {
  const others = parties.filter((party) => party !== target && party.number !== null)
  const targetOut = target.role !== null && ORIGINATING.test(target.role)
  const opposite = others.find((party) => party.role !== null && ORIGINATING.test(party.role) !== targetOut)
  return (opposite ?? others[0])?.number ?? ''
}

function row(
  facts: RecordFacts,
  party: PartyFacts | null,
  target: string,
  other: string,
  directionText: string,
  context: RowContext,
  warn: RecordWarn,
): EtsiCsvRow {
  // Legs of one call share its time: when the target's leg has none, take the first leg that has one.
  const timed = party?.start != null ? party : (facts.parties.find((p) => p.start !== null) ?? party)
  if (timed?.start == null) warn('no-time', 'No start time: written without one.')
  return {
    target_msisdn: target,
    other_party: other,
    direction: directionText,
    event_type: facts.eventType ?? '',
    start_time: timeText(timed?.start ?? null, 'start', warn),
    end_time: timeText(timed?.end ?? null, 'end', warn),
    duration_s: durationText(timed?.duration ?? null, warn),
    start_cell: party?.location.cell ?? '',
    end_cell: '',
    imei: party?.imei ?? '',
    imsi: party?.imsi ?? '',
    charging_id: facts.chargingId ?? '',
    rat: facts.rat ?? '',
    bytes_up: '',
    bytes_down: '',
    network: context.network,
    start_cell_lat: party?.location.lat ?? '',
    start_cell_lon: party?.location.lon ?? '',
    etsi_record_number: facts.recordNumber ?? '',
    etsi_shape: facts.shape,
  }
}

/** ISO 8601 with the offset kept; text that is no ETSI time is written as supplied, for the importer to reject. */
function timeText(raw: string | null, which: 'start' | 'end', warn: RecordWarn): string {
  if (raw === null) return ''
  const time = parseEtsiTime(raw)
  if (time === null) {
    warn('time-format', `The ${which} time "${raw}" is not an ETSI time: written as supplied.`)
    return raw
  }
  if (!time.hasZone) warn('no-zone', `The ${which} time "${raw}" has no zone or offset.`)
  return time.iso
}

function durationText(raw: string | null, warn: RecordWarn): string {
  if (raw === null) return ''
  const seconds = parseEtsiDuration(raw)
  if (seconds === null) {
    warn('time-format', `The duration "${raw}" is not seconds, hh:mm:ss or ISO 8601: not written.`)
    return ''
  }
  return String(seconds)
}
