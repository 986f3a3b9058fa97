import {
  at,
  cellList,
  cdr,
  flare,
  numbers,
  subscriberList,
  type CellSpec,
  type Row,
} from './line-fixture-csv.js'

/**
 * A hand-computed line for the roles and safeguarding tests (1–4 March 2024, GMT): line L flares 20 customers;
 * runner R1 calls customers back 20 minutes after they ring the line, at the line's site, and sleeps in London;
 * runner R2 calls customers back from a site 6 km away; T rings both runners every morning and the line twice,
 * and sleeps in London; X rings the line once.
 */
export const L = '+447911200001'
export const R1 = '+447911200002'
export const R2 = '+447911200003'
export const T = '+447911200004'
export const X = '+447911200005'
export const K = numbers('210', 20)

export const TOWN: CellSpec = {
  network: 'EE',
  mnc: '30',
  lac: '100',
  ci: '1',
  site: 'S1',
  lat: 51.58,
  lon: 0.49,
}
export const TOWN_SAME_SITE: CellSpec = { ...TOWN, ci: '2', lat: 51.5805, lon: 0.4905 }
export const OTHER_SITE: CellSpec = { ...TOWN, ci: '3', site: 'S2', lat: 51.62, lon: 0.55 }
export const LONDON: CellSpec = { ...TOWN, lac: '200', ci: '4', site: 'S3', lat: 51.54, lon: -0.05 }

const c1 = '234-30-100-1'
const c2 = '234-30-100-2'
const c3 = '234-30-100-3'
const c4 = '234-30-200-4'

export function rolesFixtureFiles(
  r1DateOfBirth = '2006-03-03',
  r2DateOfBirth = '2006-02-28',
): Record<string, string> {
  const line = { imei: '356931104189168', imsi: '234301000000101' }
  const rows: Row[] = [...flare(L, K, 1, 9, { cell: c1, ...line })]
  for (const d of [1, 2, 3, 4]) {
    const r1 = { imsi: '234301000000102', imei: d === 4 ? '354071154960531' : '359991120321226' }
    rows.push(
      { target: L, other: K[0]!, dir: 'in', type: 'voice', t: at(d, 10), dur: 40, cell: c1, ...line },
      { target: L, other: K[1]!, dir: 'in', type: 'voice', t: at(d, 10, 20, 30), dur: 40, cell: c1, ...line },
      { target: R1, other: K[0]!, dir: 'out', type: 'voice', t: at(d, 10, 20), dur: 30, cell: c2, ...r1 },
      { target: L, other: K[2]!, dir: 'in', type: 'voice', t: at(d, 14), dur: 40, cell: c1, ...line },
      { target: L, other: K[3]!, dir: 'in', type: 'voice', t: at(d, 14, 10, 20), dur: 40, cell: c1, ...line },
      { target: R2, other: K[2]!, dir: 'out', type: 'voice', t: at(d, 14, 10), dur: 30, cell: c3 },
      { target: T, other: R1, dir: 'out', type: 'voice', t: at(d, 9, 30), dur: 60, cell: c4 },
      { target: R1, other: T, dir: 'in', type: 'voice', t: at(d, 9, 30), dur: 60, cell: c2, ...r1 },
      { target: T, other: R2, dir: 'out', type: 'voice', t: at(d, 9, 35), dur: 60, cell: c4 },
      { target: R2, other: T, dir: 'in', type: 'voice', t: at(d, 9, 35), dur: 60, cell: c3 },
      { target: R1, dir: 'out', type: 'data', t: at(d, 2), dur: 300, cell: c4, ...r1 },
      { target: T, dir: 'out', type: 'data', t: at(d, 2), dur: 300, cell: c4 },
    )
    if (d <= 2)
      rows.push(
        { target: T, other: L, dir: 'out', type: 'voice', t: at(d, 9, 40), dur: 50, cell: c4 },
        { target: L, other: T, dir: 'in', type: 'voice', t: at(d, 9, 40), dur: 50, cell: c1, ...line },
      )
  }
  // 3 March: R1 in town from 08:00 to 21:00 (a 13-hour trip from the London home cell).
  rows.push(
    {
      target: R1,
      dir: 'out',
      type: 'data',
      t: at(3, 8),
      dur: 120,
      cell: c2,
      imsi: '234301000000102',
      imei: '359991120321226',
    },
    {
      target: R1,
      dir: 'out',
      type: 'data',
      t: at(3, 21),
      dur: 120,
      cell: c2,
      imsi: '234301000000102',
      imei: '359991120321226',
    },
    { target: L, other: X, dir: 'in', type: 'voice', t: at(3, 16), dur: 20, cell: c1, ...line },
  )
  return {
    'cells.csv': cellList([TOWN, TOWN_SAME_SITE, OTHER_SITE, LONDON]),
    'subscribers.csv': subscriberList([
      { msisdn: R1, name: 'Jamie Example', dob: r1DateOfBirth, address: '1 Example Road, London' },
      { msisdn: R2, name: 'Sam Sample', dob: r2DateOfBirth, address: '2 Sample Street, London' },
    ]),
    'records.csv': cdr(rows),
  }
}
