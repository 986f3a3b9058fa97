/** The meaning of a column, whatever the layout calls it. */
export type Role =
  | 'target'
  | 'other'
  | 'calling'
  | 'called'
  | 'direction'
  | 'eventClass'
  | 'datetime'
  | 'date'
  | 'time'
  | 'end'
  | 'duration'
  | 'startCell'
  | 'startLac'
  | 'startCi'
  | 'startNode'
  | 'startSector'
  | 'endCell'
  | 'endLac'
  | 'endCi'
  | 'endNode'
  | 'endSector'
  | 'imei'
  | 'imsi'
  | 'chargingId'
  | 'rat'
  | 'bytesUp'
  | 'bytesDown'
  | 'network'
  | 'lat'
  | 'lon'
  | 'latLon'
  | 'easting'
  | 'northing'
  | 'mcc'
  | 'mnc'
  | 'technology'
  | 'siteId'
  | 'siteName'
  | 'azimuth'
  | 'beamwidth'
  | 'range'
  | 'validFrom'
  | 'validTo'
  | 'name'
  | 'dateOfBirth'
  | 'address'
  | 'postcode'
  | 'accountType'

/** Header text reduced to letters and digits, so `Duration (s)`, `duration_s` and `DURATION S` compare equal. */
export const normaliseHeader = (header: string): string => header.toLowerCase().replace(/[^a-z0-9]/g, '')

const SYNONYMS: Readonly<Record<Role, readonly string[]>> = {
  target: [
    'target msisdn',
    'target',
    'target no',
    'target number',
    'a party',
    'a number',
    'a-number',
    'a party number',
    'served msisdn',
    'mobile directory number',
    'subscriber number',
    'msisdn',
    'from',
    'target msisdn number',
  ],
  other: [
    'other party',
    'other number',
    'other',
    'b party',
    'b party no',
    'b number',
    'b-number',
    'b party number',
    'partner',
    'dialled digits',
    'dialed digit number',
    'destination number',
    'to',
    'other party number',
    'correspondent',
  ],
  calling: ['calling number', 'calling party number', 'calling party', 'originating number'],
  called: [
    'called number',
    'called party number',
    'dialed number',
    'dialled number',
    'called party',
    'terminating number',
  ],
  direction: ['direction', 'call direction', 'in/out', 'io', 'in out', 'inout', 'mo/mt', 'toc'],
  eventClass: [
    'event type',
    'call type',
    'record type',
    'service',
    'service type',
    'type',
    'call record type',
    'basic service',
    'event',
    'usage type',
    'communication type',
    'call_type',
  ],
  datetime: [
    'start time',
    'start_time',
    'event start',
    'event start (utc)',
    'call start',
    'datetime',
    'date time',
    'date/time',
    'seizure dt tm',
    'timestamp',
    'start date time',
    'start date/time',
    'event time',
    'start datetime',
    'call date time',
    'record opening time',
    'start time (utc)',
    'start (utc)',
  ],
  date: ['date', 'call date', 'start date', 'event date'],
  time: ['time', 'call time', 'start time of day', 'utc time', 'local time', 'event time of day'],
  end: [
    'end time',
    'end_time',
    'call end',
    'event end',
    'end date time',
    'end date/time',
    'end datetime',
    'end time (utc)',
  ],
  duration: [
    'duration',
    'duration_s',
    'duration s',
    'duration (s)',
    'dur(s)',
    'dur s',
    'seizure duration',
    'call duration',
    'duration (hh:mm:ss)',
    'duration (secs)',
    'duration seconds',
    'duration (seconds)',
    'secs',
    'billed duration',
  ],
  startCell: [
    'start cell',
    'start_cell',
    'cell',
    'cell id (cgi)',
    'first cgi',
    'cgi',
    'start cgi',
    'ecgi',
    'start ecgi',
    'first cell',
    'first serving cell',
    'cell global id',
    'start cell id (cgi)',
    'cell id cgi',
  ],
  startLac: ['start lac', 'lac', 'tac', 'start tac', 'first lac', 'location area code', 'tracking area code'],
  startCi: [
    'start ci',
    'cell id',
    'ci',
    'eci',
    'start eci',
    'cellid',
    'first ci',
    'cell identity',
    'start cell id',
  ],
  startNode: [
    '1st lte site id',
    'first lte site id',
    'enodeb',
    'enb',
    'enodeb id',
    'first serving cell site',
    'start enb',
  ],
  startSector: [
    'lte sector id',
    '1st lte sector id',
    'first lte sector id',
    'sector',
    'sector id',
    'first serving cell face',
    'start sector',
  ],
  endCell: [
    'end cell',
    'end_cell',
    'last cgi',
    'end cgi',
    'end ecgi',
    'last cell',
    'last serving cell',
    'end cell id (cgi)',
  ],
  endLac: ['end lac', 'end tac', 'last lac'],
  endCi: ['end ci', 'end eci', 'last ci', 'end cell id'],
  endNode: ['last lte site id', 'last serving cell site', 'end enb'],
  endSector: ['last lte sector id', 'last serving cell face', 'end sector'],
  imei: ['imei', 'served imei', 'imei number', 'handset imei'],
  imsi: ['imsi', 'served imsi', 'imsi number'],
  chargingId: ['charging id', 'charging_id', 'chargingid', 'session id', 'gprs charging id'],
  rat: ['rat', 'radio access technology', 'access technology', 'rat type'],
  bytesUp: ['bytes up', 'bytes_up', 'uplink bytes', 'bytes uplink', 'data volume uplink', 'upload bytes'],
  bytesDown: [
    'bytes down',
    'bytes_down',
    'downlink bytes',
    'bytes downlink',
    'data volume downlink',
    'download bytes',
  ],
  network: ['network', 'operator', 'network name', 'carrier'],
  lat: ['lat', 'latitude', 'cell latitude', 'start_cell_lat', 'start cell lat', 'y'],
  lon: ['lon', 'long', 'longitude', 'lng', 'cell longitude', 'start_cell_lon', 'start cell lon', 'x'],
  latLon: ['first cgi lat/long', 'cgi lat/long', 'lat/long', 'lat long', 'first cgi lat long'],
  easting: ['easting', 'eastings', 'grid easting', 'x (osgb36)', 'os easting'],
  northing: ['northing', 'northings', 'grid northing', 'y (osgb36)', 'os northing'],
  mcc: ['mcc', 'mobile country code'],
  mnc: ['mnc', 'net', 'mobile network code'],
  technology: ['technology', 'radio', 'tech', 'generation', 'rat'],
  siteId: ['site id', 'site', 'site ref', 'site number', 'mast id'],
  siteName: ['site name', 'site address', 'location', 'cell name', 'site description'],
  azimuth: ['azimuth', 'bearing', 'tower azimuth', 'orientation'],
  beamwidth: ['beamwidth', 'beam width', 'horizontal beamwidth', 'hbw'],
  range: ['range', 'range (m)', 'radius', 'max range'],
  validFrom: ['valid from', 'from date', 'start date', 'active from', 'on air date', 'valid_from'],
  validTo: ['valid to', 'to date', 'end date', 'active to', 'off air date', 'valid_to'],
  name: ['name', 'subscriber name', 'customer name', 'account holder', 'full name'],
  dateOfBirth: ['date of birth', 'dob', 'birth date', 'date_of_birth'],
  address: ['address', 'registered address', 'billing address', 'subscriber address'],
  postcode: ['postcode', 'post code', 'postal code', 'zip'],
  accountType: [
    'account type',
    'account_type',
    'contract type',
    'payment type',
    'tariff type',
    'subscription type',
  ],
}

/** Every role, from the dictionary's own keys, for validating mapping files. */
export const ROLES: readonly Role[] = Object.freeze(Object.keys(SYNONYMS) as Role[])

const INDEX: ReadonlyMap<string, readonly Role[]> = (() => {
  const m = new Map<string, Role[]>()
  for (const [role, names] of Object.entries(SYNONYMS) as [Role, readonly string[]][])
    for (const n of names) {
      const key = normaliseHeader(n)
      m.set(key, [...(m.get(key) ?? []), role])
    }
  return m
})()

/** Every role a header could mean (several when the name is shared, e.g. `start date` in CDRs and cell lists). */
export const rolesForHeader = (header: string): readonly Role[] => INDEX.get(normaliseHeader(header)) ?? []

/** A zone named in the header itself, such as `UTC Time` or `Event Start (UTC)`. */
export function zoneFromHeader(header: string): string | null {
  const h = header.toLowerCase()
  if (/\b(utc|gmt|zulu)\b/.test(h)) return 'UTC'
  if (/\b(bst|uk local|local uk)\b/.test(h)) return 'Europe/London'
  return null
}
