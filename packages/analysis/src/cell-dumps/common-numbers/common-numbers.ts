import { ValidationError } from '@linesight/model'
import type { AnalysisDefinition } from '../../core/definition.js'
import type { EventEvidence } from '../../core/evidence.js'
import { asStrings } from '../../locations/common/location-figures.js'
import { DUMP_SYNTAX, parseDumps, type DumpSpec } from './common-numbers.rules.js'
import { dumpHitsQuery, dumpTimesQuery, type DumpHitRow, type DumpTotalRow } from './common-numbers.sql.js'

export interface CellDump {
  readonly label: string
  readonly cells: readonly string[]
  /** The window in UTC. */
  readonly from_utc: string
  readonly to_utc: string
  /** Records on the cells in the window (with a target number), and the numbers they are of. */
  readonly events: number
  readonly numbers: number
  readonly evidence: EventEvidence | null
}

export interface DumpPresence {
  readonly dump: string
  readonly events: number
  readonly first_utc: string
  readonly last_utc: string
  readonly evidence: EventEvidence
}

export interface CommonNumber {
  readonly number: string
  readonly dumps: number
  readonly events: number
  readonly at: readonly DumpPresence[]
}

export interface CommonNumbersResult {
  readonly dumps: readonly CellDump[]
  /** Numbers whose own records put them on the dumps' cells: present at two or more places and times. */
  readonly present: readonly CommonNumber[]
  /**
   * Numbers named as the other party by records on the dumps' cells. Their own cell is not in those records: being
   * contacted from several places says nothing of where they were.
   */
  readonly contacted: readonly CommonNumber[]
  readonly caution: string
}

const CAUTION =
  "Presence means the number's own record used one of the listed cells in the window: consistent with the handset being within those cells' serving areas then, not at the scene itself. A cell dump covers only the cells and networks requested, so absence proves nothing. Other parties are listed apart: their records were not in the dump and their location is unknown."

/** Numbers present at several places and times (cell dumps), ranked. */
export const commonNumbers: AnalysisDefinition<CommonNumbersResult> = {
  id: 'common-numbers',
  version: '1',
  title: 'Common numbers across cell dumps',
  description: `Given several places and times (each: the cells a cell dump covers and its time window), lists the numbers whose own records used one of those cells within the window at minDumps or more of them, ranked by how many places and times, then by events. Cell dumps are imported as ordinary call records of many targets, so a number is present when a record with that number as the target used the cell in the window. Numbers named as the other party of those records are listed separately as contacted: their own cell is not in the record. Syntax of one place and time: ${DUMP_SYNTAX}.`,
  params: {
    dumps: {
      type: 'string-list',
      default: [],
      description: `Places and times, two or more: ${DUMP_SYNTAX}`,
    },
    minDumps: {
      type: 'integer',
      default: 2,
      min: 1,
      description: 'List numbers present at at least this many places and times',
    },
    limit: { type: 'integer', default: 100, min: 1, max: 100_000, description: 'How many numbers to list' },
  },
  run: async (store, params) => {
    const path = 'common-numbers.params.dumps'
    const specs = parseDumps(asStrings(params['dumps']), path)
    if (specs.length < 2)
      throw new ValidationError(path, `give at least two places and times (${DUMP_SYNTAX})`)
    const times = await store.run(dumpTimesQuery, { texts: specs.flatMap((d) => [d.from, d.to]) })
    const utc = specs.map((d, i): DumpSpec & { fromUtc: string; toUtc: string } => {
      const f = times[2 * i]
      const t = times[2 * i + 1]
      if (f?.utc == null || f.ts === null)
        throw new ValidationError(`${path}[${i}].from`, `"${d.from}" is not a real time`)
      if (t?.utc == null || t.ts === null)
        throw new ValidationError(`${path}[${i}].to`, `"${d.to}" is not a real time`)
      if (t.ts <= f.ts) throw new ValidationError(`${path}[${i}].to`, `must be after from (${d.from})`)
      return { ...d, fromUtc: f.utc, toUtc: t.utc }
    })
    const flat = utc.flatMap((d, i) => d.cells.map((c) => ({ i, c, d })))
    const lists = {
      dumpIndex: flat.map((x) => String(x.i)),
      mccs: flat.map((x) => x.c.mcc),
      mncs: flat.map((x) => x.c.mnc),
      lacs: flat.map((x) => x.c.lac),
      cis: flat.map((x) => x.c.ci),
      froms: flat.map((x) => x.d.fromUtc),
      tos: flat.map((x) => x.d.toUtc),
    }
    const rows = await store.run(dumpHitsQuery, {
      ...lists,
      minDumps: Number(params['minDumps']),
      limit: Number(params['limit']),
    })
    const hits = rows.filter((r): r is DumpHitRow => r.role !== 'total')
    const totals = rows.filter((r): r is DumpTotalRow => r.role === 'total')
    const rank = (role: DumpHitRow['role']): CommonNumber[] => {
      const out: CommonNumber[] = []
      for (const r of hits.filter((h) => h.role === role)) {
        const d = utc[r.dump]!
        const presence: DumpPresence = {
          dump: d.label,
          events: r.events,
          first_utc: r.first_utc,
          last_utc: r.last_utc,
          evidence:
            role === 'present'
              ? {
                  kind: 'events',
                  targets: [r.number],
                  cells: r.cgis,
                  from: d.fromUtc,
                  to: d.toUtc,
                  count: r.events,
                }
              : {
                  kind: 'events',
                  targets: r.targets,
                  others: [r.number],
                  cells: r.cgis,
                  from: d.fromUtc,
                  to: d.toUtc,
                  count: r.events,
                },
        }
        const last = out[out.length - 1]
        if (last?.number === r.number) (last.at as DumpPresence[]).push(presence)
        else out.push({ number: r.number, dumps: r.dumps, events: r.total, at: [presence] })
      }
      return out
    }
    return {
      dumps: utc.map((d, i): CellDump => {
        const t = totals.find((x) => x.dump === i)
        return {
          label: d.label,
          cells: d.cells.map((c) => c.cgi),
          from_utc: d.fromUtc,
          to_utc: d.toUtc,
          events: t?.events ?? 0,
          numbers: t?.numbers.length ?? 0,
          evidence:
            t === undefined
              ? null
              : {
                  kind: 'events',
                  targets: t.numbers,
                  cells: t.cgis,
                  from: d.fromUtc,
                  to: d.toUtc,
                  count: t.events,
                },
        }
      }),
      present: rank('present'),
      contacted: rank('contacted'),
      caution: CAUTION,
    }
  },
}
