import { mergeLocation, NO_LOCATION, readLocation, type LocationFacts } from './location-facts.js'
import { child, choiceOf, descendant, descendants, hasDescendant, textOf, type XmlNode } from './xml-node.js'

/** The record layouts this reader knows (domain brief §7.5), and `unknown` for the rest. */
export const ETSI_SHAPES = ['telephony-legs', 'internet-access', 'internet-access-hybrid', 'unknown'] as const
export type EtsiShape = (typeof ETSI_SHAPES)[number]

/** What one party of a record says, as supplied (times and durations are parsed later, with warnings). */
export interface PartyFacts {
  readonly number: string | null
  readonly role: string | null
  readonly imsi: string | null
  readonly imei: string | null
  readonly start: string | null
  readonly end: string | null
  readonly duration: string | null
  readonly location: LocationFacts
}

/** One `ResponseRecord`, read into its shape and parties. */
export interface RecordFacts {
  readonly recordNumber: string | null
  readonly shape: EtsiShape
  /** For an unknown shape, the element path that was not recognised, so the warning can name it. */
  readonly shapePath: string | null
  readonly eventType: 'voice' | 'sms' | 'mms' | 'data' | null
  readonly parties: readonly PartyFacts[]
  readonly rat: string | null
  readonly chargingId: string | null
  readonly problems: readonly string[]
}

/** An IMEI is 14 digits, 15 with the check digit, 16 as IMEISV. */
const IMEI_LIKE = /^\d{14,16}$/

/**
 * Reads a `ResponseRecord` in whichever shape it has: per-leg `TelephonyPartyInformation` (voice, SMS), or
 * `nationalTelephonyServiceUsage/internetAccess` (data), whose time and location may sit in a sibling
 * `partyInformation` (hybrid). Anything else is `unknown`, read with a generic search so no record is lost.
 */
export function readRecordFacts(record: XmlNode): RecordFacts {
  const recordNumber = textOf(child(record, 'recordNumber')) ?? textOf(descendant(record, 'recordNumber'))
  const usage = descendant(record, 'telephonyServiceUsage')
  const legs = descendants(child(usage, 'partyInformation'), 'TelephonyPartyInformation')
  const internet = descendant(child(usage, 'nationalTelephonyServiceUsage'), 'internetAccess')
  if (internet !== null) return internetFacts(recordNumber, internet, legs[0] ?? null)
  if (legs.length > 0 && usage !== null) return telephonyFacts(recordNumber, usage, legs)
  return unknownFacts(recordNumber, record)
}

function telephonyFacts(recordNumber: string | null, usage: XmlNode, legs: readonly XmlNode[]): RecordFacts {
  const parties = legs.map(readLeg)
  return {
    recordNumber,
    shape: 'telephony-legs',
    shapePath: null,
    eventType: messageKind(usage, parties) ?? 'voice',
    parties,
    rat: null,
    chargingId: null,
    problems: [],
  }
}

/** SMS or MMS from the legs' roles (`smsOriginator` …) or an `sms…`/`mms…` element; `null` for a call. */
function messageKind(usage: XmlNode, parties: readonly PartyFacts[]): 'sms' | 'mms' | null {
  for (const kind of ['sms', 'mms'] as const) {
    const byRole = parties.some((party) => party.role?.toLowerCase().startsWith(kind) === true)
    if (byRole || hasDescendant(usage, (n) => n.name.startsWith(kind))) return kind
  }
  return null
}

function readLeg(leg: XmlNode): PartyFacts {
  const time = child(leg, 'communicationTime') ?? descendant(leg, 'communicationTime')
  return {
    number: textOf(child(leg, 'partyNumber')) ?? textOf(descendant(leg, 'partyNumber', 'mSISDN')),
    role: choiceOf(child(leg, 'partyRole', 'iSUPRole', 'iSUPPartyRole', 'role')),
    imsi: textOf(descendant(leg, 'iMSI')),
    imei: textOf(descendant(leg, 'iMEI')),
    start: textOf(child(time, 'startTime')),
    end: textOf(child(time, 'endTime')),
    duration: textOf(child(time, 'durationTime', 'duration')),
    location: readLocation(child(leg, 'detailedLocation') ?? child(leg, 'location')),
  }
}

function internetFacts(recordNumber: string | null, access: XmlNode, sibling: XmlNode | null): RecordFacts {
  const interval = child(access, 'interval')
  const gprs = child(access, 'gprsInformation') ?? access
  const problems: string[] = []
  const deviceId = textOf(child(access, 'naDeviceId'))
  let imei = textOf(descendant(gprs, 'iMEI'))
  if (imei === null && deviceId !== null) {
    if (IMEI_LIKE.test(deviceId)) imei = deviceId
    else problems.push('naDeviceId is not an IMEI (14 to 16 digits); it was not written')
  }
  const own: PartyFacts = {
    number: textOf(descendant(gprs, 'mSISDN')),
    role: null,
    imsi: textOf(descendant(gprs, 'iMSI')),
    imei,
    start: textOf(child(interval, 'startTime')),
    end: textOf(child(interval, 'endTime')),
    duration: textOf(child(interval, 'durationTime', 'duration')),
    location: readLocation(child(access, 'location')),
  }
  // Hybrid: the session's time (and often its cell) sit in the sibling partyInformation leg instead.
  const hybrid = sibling !== null && own.start === null
  const party = sibling === null ? own : fillFrom(own, readLeg(sibling), hybrid)
  return {
    recordNumber,
    shape: hybrid ? 'internet-access-hybrid' : 'internet-access',
    shapePath: null,
    eventType: 'data',
    parties: [party],
    rat: choiceOf(child(access, 'nwAccessType')),
    chargingId: textOf(descendant(access, 'chargingID')),
    problems,
  }
}

/** `own` with its gaps filled from the sibling leg; times come as one set, never mixed from both. */
function fillFrom(own: PartyFacts, leg: PartyFacts, takeTimes: boolean): PartyFacts {
  return {
    number: own.number ?? leg.number,
    role: own.role ?? leg.role,
    imsi: own.imsi ?? leg.imsi,
    imei: own.imei ?? leg.imei,
    start: takeTimes ? leg.start : own.start,
    end: takeTimes ? leg.end : own.end,
    duration: takeTimes ? leg.duration : own.duration,
    location: mergeLocation(own.location, leg.location),
  }
}

function unknownFacts(recordNumber: string | null, record: XmlNode): RecordFacts {
  const location = descendant(record, 'detailedLocation', 'location')
  const party: PartyFacts = {
    number: textOf(descendant(record, 'partyNumber', 'mSISDN')),
    role: choiceOf(descendant(record, 'partyRole', 'iSUPRole')),
    imsi: textOf(descendant(record, 'iMSI')),
    imei: textOf(descendant(record, 'iMEI')),
    start: textOf(descendant(record, 'startTime')),
    end: textOf(descendant(record, 'endTime')),
    duration: textOf(descendant(record, 'durationTime')),
    location: location === null ? NO_LOCATION : readLocation(location),
  }
  return {
    recordNumber,
    shape: 'unknown',
    shapePath: shapePath(record),
    eventType: null,
    parties: [party],
    rat: null,
    chargingId: null,
    problems: [],
  }
}

/** The chain of container elements under the record (leaves such as `countryCode` skipped), four deep. */
function shapePath(record: XmlNode): string {
  const names: string[] = []
  let node = child(record, 'recordPayload') ?? record.children.find((c) => c.children.length > 0) ?? null
  while (node !== null && names.length < 5) {
    names.push(node.localName)
    node = node.children.find((c) => c.children.length > 0) ?? null
  }
  return names.length === 0 ? '(empty record)' : names.join('/')
}
