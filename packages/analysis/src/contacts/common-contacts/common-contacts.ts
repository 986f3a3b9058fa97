import type { AnalysisDefinition } from '../../core/definition.js'
import { runPairCounts, type PairRow } from '../shared/communications.sql.js'
import { pairCounts, type PairCounts } from '../shared/pair-evidence.js'
import { MATCH_TOLERANCE_PARAM, WINDOW_PARAMS, numberList, windowOf } from '../shared/params.js'
import { commonContactsQuery } from './common-contacts.sql.js'

export interface CommonContact {
  readonly contact: string
  /** How many of the given numbers it was in contact with. */
  readonly numbersInContact: number
  /** Communications with the given numbers, each counted once (the sum over `withNumbers`). */
  readonly communications: number
  /** Whether the case holds the contact's own records (if not, only the given numbers' side is seen). */
  readonly hasOwnRecords: boolean
  /** Whether the contact is itself one of the given numbers. */
  readonly isGivenNumber: boolean
  /** Its counts with each given number, most communications first; `a`/`b` are the two numbers in text order. */
  readonly withNumbers: readonly PairCounts[]
}

export interface CommonContactsResult {
  readonly numbers: readonly string[]
  readonly contacts: readonly CommonContact[]
  readonly matchToleranceSeconds: number
}

/** Numbers in contact with two or more of the given numbers. */
export const commonContacts: AnalysisDefinition<CommonContactsResult> = {
  id: 'common-contacts',
  version: '1',
  title: 'Common contacts',
  description:
    "Lists the numbers in contact (voice, SMS, MMS) with at least two (or the chosen minimum) of the given numbers, ranked by how many of them, then by communications, with counts for each given number. Contacts are read from every number's records in the case; a call or message held in both parties' records is counted once (same type, opposite directions, start times within the match tolerance). A shared contact shows that records link the numbers to the same other number; it does not show who used any phone, or that the users know each other. Numbers whose records were not obtained are seen only through the records of others: absence of records is not absence of contact.",
  params: {
    numbers: {
      type: 'string-list',
      phone: 'each',
      default: [],
      description: 'The numbers (E.164), at least two, whose shared contacts are listed',
    },
    minShared: {
      type: 'integer',
      default: 2,
      min: 1,
      max: 1000,
      unit: 'numbers',
      description: 'How many of the given numbers a contact must be in contact with to be listed',
    },
    limit: { type: 'integer', default: 100, min: 1, max: 100_000, description: 'How many contacts to list' },
    matchToleranceSeconds: MATCH_TOLERANCE_PARAM,
    ...WINDOW_PARAMS,
  },
  run: async (store, params) => {
    const numbers = numberList(params, 'numbers', 'common-contacts.params', 2)
    const window = windowOf(params)
    const tol = params['matchToleranceSeconds'] as number
    const rows = await store.run(commonContactsQuery, {
      numbers,
      ...window,
      tol,
      minShared: params['minShared'] as number,
      limit: params['limit'] as number,
    })
    const lefts = rows.flatMap((r) => r.given.map(() => r.contact))
    const rights = rows.flatMap((r) => r.given)
    const pairs = new Map<string, PairRow>()
    for (const p of await runPairCounts(store, { lefts, rights, ...window, tol }))
      pairs.set(`${p.a} ${p.b}`, p)
    const pairOf = (x: string, y: string): PairRow => {
      const p = pairs.get(x < y ? `${x} ${y}` : `${y} ${x}`)
      if (p === undefined) throw new Error(`common-contacts: no pair counts for ${x} and ${y}`)
      return p
    }
    const given = new Set(numbers)
    return {
      numbers: [...numbers].sort(),
      contacts: rows.map((r) => ({
        contact: r.contact,
        numbersInContact: r.numbers_in_contact,
        communications: r.communications,
        hasOwnRecords: r.has_own_records,
        isGivenNumber: given.has(r.contact),
        withNumbers: r.given.map((g) => pairCounts(pairOf(r.contact, g), window)),
      })),
      matchToleranceSeconds: tol,
    }
  },
}
