import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createCase, importFiles, type CaseSession } from '@linesight/casework'

/** The small fixed case of the exhibit-schedule tests: two targets, a network cell list and a public one. */
export const A = '+447911123456'
export const B = '+447922654321'
export const C = '+447933111222'

const CDR_A = [
  'target_msisdn,other_party,direction,event_type,start_time,end_time,duration_s,start_cell,imei,imsi,network',
  // Winter (GMT): local time equals UTC.
  `${A},${B},out,voice,2024-03-30T09:15:07Z,2024-03-30T09:16:49Z,102,234-15-1234-5678901,356789012345670,234151234567890,Vodafone`,
  `${A},${C},in,sms,2024-03-30T23:59:30Z,,,234-15-1234-5678902,356789012345670,234151234567890,Vodafone`,
  // After the spring change (BST): 00:30Z on 31 March is 00:30 GMT, 01:30Z is 02:30 BST.
  `${A},${C},in,voice,2024-03-31T00:30:00Z,,3,234-15-1234-5678901,356789012345670,234151234567890,Vodafone`,
  `${A},,out,data,2024-03-31T01:30:00Z,2024-03-31T02:00:00Z,1800,234-15-1234-5678902,356789012345670,234151234567890,Vodafone`,
  // A cell only the public list knows, a cell no list knows, and no cell at all.
  `${A},${B},out,sms,2024-07-01T08:15:00Z,,,234-15-1234-5678903,356789012345670,234151234567890,Vodafone`,
  `${A},${B},out,voice,2024-07-01T08:20:00Z,,45,234-15-1234-5678999,356789012345670,234151234567890,Vodafone`,
  `${A},${B},in,voice,2024-07-01T08:25:00Z,,12,,356789012345670,234151234567890,Vodafone`,
  // An other party that a spreadsheet would run as a formula.
  `${A},"=HYPERLINK(""http://example.invalid"")",in,sms,2024-07-01T08:30:00Z,,,234-15-1234-5678901,356789012345670,234151234567890,Vodafone`,
  // The same call delivered twice: the second is a duplicate and is not repeated.
  `${A},${B},out,voice,2024-03-30T09:15:07Z,2024-03-30T09:16:49Z,102,234-15-1234-5678901,356789012345670,234151234567890,Vodafone`,
].join('\n')

// O2 records: data sessions are worded "at or before the end time".
const CDR_B = [
  'target_msisdn,other_party,direction,event_type,start_time,end_time,duration_s,start_cell,network',
  `${B},,out,data,2024-10-27T00:20:00Z,2024-10-27T00:50:00Z,1800,234-10-501-20001,O2`,
  `${B},${A},in,voice,2024-10-27T01:10:00Z,,60,234-10-501-20001,O2`,
].join('\n')

// Local times with no offset, read in the case's declared zone: 01:30 on 27 October 2024 happened twice.
const CDR_C = [
  'target_msisdn,other_party,direction,event_type,start_time,duration_s,start_cell',
  `${C},${A},out,voice,2024-10-27 01:30:00,30,234-15-1234-5678901`,
  `${C},${A},out,sms,2024-10-27 09:05:00,,234-15-1234-5678902`,
].join('\n')

const CELLS = [
  'network,mcc,mnc,lac,ci,technology,site_id,site_name,lat,lon,azimuth,beamwidth,valid_from',
  'Vodafone,234,15,1234,5678901,lte,SOU001,Southend Central,51.5375,0.7133,90,65,2024-01-01',
  'Vodafone,234,15,1234,5678902,lte,SOU001,Southend Central,51.5375,0.7133,210,65,2024-01-01',
  'O2,234,10,501,20001,umts,LON777,Trafalgar Square,51.5080,-0.1281,,,2024-01-01',
].join('\n')

const PUBLIC = 'LTE,234,15,1234,5678903,0,0.7100,51.5400,1000,12,1,1459814306,1741057142,0'

/** Builds the case in a temporary folder, imported the way a user would. */
export async function fixtureCase(extra: Readonly<Record<string, string>> = {}): Promise<CaseSession> {
  const dir = await mkdtemp(join(tmpdir(), 'linesight-report-'))
  const session = await createCase(join(dir, 'case'), {
    id: 'report-test',
    name: 'Report test case',
    defaultTimeZone: 'Europe/London',
    now: new Date('2026-01-01T00:00:00Z'),
  })
  const files: Record<string, string> = {
    'cdr-a.csv': CDR_A,
    'cdr-b.csv': CDR_B,
    'cdr-c.csv': CDR_C,
    'cells.csv': CELLS,
    'opencellid.csv': PUBLIC,
    ...extra,
  }
  const paths: string[] = []
  for (const [name, text] of Object.entries(files)) {
    const path = join(dir, name)
    await writeFile(path, text + '\n')
    paths.push(path)
  }
  const results = await importFiles(session, paths, { now: () => new Date('2026-01-01T00:00:00Z') })
  const failed = results.filter((r) => r.status === 'failed')
  if (failed.length > 0) throw new Error(`fixture case did not import: ${JSON.stringify(failed)}`)
  return session
}
