import { toLocal } from './time.js'

/** What the wording of one event needs to know. */
export interface WordedEvent {
  readonly event_type: string
  readonly direction: string
  readonly other: string | null
  readonly duration_s: number | null
  readonly start_utc: string
  readonly end_utc: string | null
  readonly start_precision: string
  readonly start_cgi: string | null
  readonly time_semantics: string
}

const party = (other: string | null): string => other ?? 'an unrecorded party'
const secs = (d: number | null): string => (d === null ? '' : ` (${d} s)`)

function what(e: WordedEvent): string {
  const to = e.direction === 'out'
  const from = e.direction === 'in'
  const dir = (noun: string): string =>
    to
      ? `${noun} to ${party(e.other)}`
      : from
        ? `${noun} from ${party(e.other)}`
        : `${noun} with ${party(e.other)} (direction not recorded)`
  switch (e.event_type) {
    case 'voice':
      return `${dir(to ? 'Outgoing call' : from ? 'Incoming call' : 'Call')}${secs(e.duration_s)}`
    case 'sms':
      return dir(to ? 'SMS sent' : from ? 'SMS received' : 'SMS')
    case 'mms':
      return dir(to ? 'MMS sent' : from ? 'MMS received' : 'MMS')
    case 'data':
      return `Data session${secs(e.duration_s)}`
    case 'voicemail':
      return `Voicemail${e.other === null ? '' : ` (${e.other})`}${secs(e.duration_s)}`
    case 'forward':
      return `Call forwarded${e.other === null ? '' : ` to ${e.other}`}`
    default:
      return `Event of type "${e.event_type}"${e.other === null ? '' : ` with ${e.other}`}`
  }
}

const clock = (iso: string, zone: string, precision: string): string => {
  const l = toLocal(iso, zone, precision === 'minute' ? 'minute' : 'second')
  return `${l.time} ${l.zone}`
}

/**
 * The sentence for one event, from its type and its `time_semantics` (College of Policing wording): "used cell X at"
 * for calls and messages, "at or before the start" for data sessions, "at or before the end" for O2 data records.
 * It never says where the phone was, only which cell it used.
 *
 * @example
 * eventWording({ event_type: 'data', time_semantics: 'at-or-before-start', start_cgi: '234-15-1-2', ... }, 'Europe/London')
 * // 'Data session (1800 s). Used cell 234-15-1-2 at or before 09:20:00 BST (the start of the session).'
 */
export function eventWording(e: WordedEvent, zone: string): string {
  const head = what(e)
  if (e.start_cgi === null) return `${head}. No cell recorded.`
  const cell = `Used cell ${e.start_cgi}`
  switch (e.time_semantics) {
    case 'at-or-before-start':
      return `${head}. ${cell} at or before ${clock(e.start_utc, zone, e.start_precision)} (the start of the session).`
    case 'at-or-before-end':
      return e.end_utc === null
        ? `${head}. ${cell} at or before the end of the session (end time not recorded; started ${clock(e.start_utc, zone, e.start_precision)}).`
        : `${head}. ${cell} at or before ${clock(e.end_utc, zone, 'second')} (the end of the session).`
    default:
      return `${head}. ${cell} at ${clock(e.start_utc, zone, e.start_precision)}.`
  }
}
