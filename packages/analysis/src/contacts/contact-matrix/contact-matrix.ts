import type { AnalysisDefinition } from '../../core/definition.js'
import type { EventEvidence } from '../../core/evidence.js'
import { runPairCounts } from '../shared/communications.sql.js'
import { pairCounts, windowFields, type PairCounts } from '../shared/pair-evidence.js'
import { MATCH_TOLERANCE_PARAM, WINDOW_PARAMS, numberList, windowOf } from '../shared/params.js'
import { numberRecordsQuery } from './contact-matrix.sql.js'

export interface MatrixNumber {
  readonly number: string
  /** Rows of its own records in the case (any type): 0 means its records were not obtained or hold nothing. */
  readonly ownRecords: number
  readonly evidence?: EventEvidence
}

export interface ContactMatrixResult {
  readonly numbers: readonly MatrixNumber[]
  /** Pairs with at least one record between them; a pair not listed has none in the case. */
  readonly pairs: readonly PairCounts[]
  readonly matchToleranceSeconds: number
}

/** Contacts between every pair of a set of numbers, from all records in the case, each communication once. */
export const contactMatrix: AnalysisDefinition<ContactMatrixResult> = {
  id: 'contact-matrix',
  version: '1',
  title: 'Contact matrix',
  description:
    "Counts the voice calls, SMS and MMS between every pair of the given numbers, read from the records of every number in the case. When both numbers' records were obtained, one call or message appears twice: as outgoing in the sender's records and incoming in the receiver's. Such a pair of records (same type, opposite directions, start times within the match tolerance) is counted once, as the sender's record; the receiver's copy is listed as evidence but not counted again. Each record is paired at most once, closest start times first. Pairs not listed have no records between them in the case. It counts records, not conversations; data sessions have no other party; and absence of records is not absence of contact: only the records obtained are seen, so contact between two numbers whose records were not obtained cannot appear.",
  params: {
    numbers: {
      type: 'string-list',
      phone: 'each',
      default: [],
      description: 'The numbers (E.164), at least two, whose contacts with each other are counted',
    },
    matchToleranceSeconds: MATCH_TOLERANCE_PARAM,
    ...WINDOW_PARAMS,
  },
  run: async (store, params) => {
    const numbers = numberList(params, 'numbers', 'contact-matrix.params', 2)
    const window = windowOf(params)
    const lefts: string[] = []
    const rights: string[] = []
    for (const a of numbers)
      for (const b of numbers)
        if (a < b) {
          lefts.push(a)
          rights.push(b)
        }
    const own = await store.run(numberRecordsQuery, { numbers, ...window })
    const pairs = await runPairCounts(store, {
      lefts,
      rights,
      ...window,
      tol: params['matchToleranceSeconds'] as number,
    })
    return {
      numbers: own.map((n) => ({
        number: n.number,
        ownRecords: n.records,
        ...(n.records === 0
          ? {}
          : {
              evidence: {
                kind: 'events' as const,
                targets: [n.number],
                ...windowFields(window),
                count: n.records,
              },
            }),
      })),
      pairs: pairs.map((p) => pairCounts(p, window)),
      matchToleranceSeconds: params['matchToleranceSeconds'] as number,
    }
  },
}
