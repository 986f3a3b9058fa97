import type { AnalysisDefinition } from '../../core/definition.js'
import type { EventEvidence } from '../../core/evidence.js'
import { topContactsQuery, type ContactRow } from './top-contacts.sql.js'
import { WINDOW_PARAMS } from '../../core/window-params.js'

export interface TopContact extends ContactRow {
  readonly evidence: EventEvidence
}

export interface TopContactsResult {
  readonly target: string
  readonly contacts: readonly TopContact[]
}

/** A number's contacts ranked by the events between them, from the number's own records. */
export const topContacts: AnalysisDefinition<TopContactsResult> = {
  id: 'top-contacts',
  version: '2',
  title: 'Top contacts',
  description:
    'Ranks the other parties of one number by the voice calls, SMS and MMS in its own records (data sessions have no other party), with directions, call seconds, first and last dates and active days (local calendar days in the analysis zone). It counts records, not conversations, and sees only the records that were obtained.',
  params: {
    target: {
      type: 'string',
      phone: true,
      default: null,
      required: true,
      description: 'The number (E.164) whose records are read',
    },
    ...WINDOW_PARAMS,
    limit: { type: 'integer', default: 50, min: 1, max: 100_000, description: 'How many contacts to list' },
  },
  run: async (store, params, ctx) => {
    const target = String(params['target'])
    const rows = await store.run(topContactsQuery, {
      target,
      from: (params['from'] as string | null) ?? null,
      to: (params['to'] as string | null) ?? null,
      limit: params['limit'] as number,
      zone: ctx.zone,
    })
    return {
      target,
      contacts: rows.map(({ ids, ...r }) => ({
        ...r,
        // A short code or sender name is not a number an `others` filter can match: its events are named by id.
        evidence:
          ids === null
            ? {
                kind: 'events',
                targets: [target],
                others: [r.other],
                types: ['voice', 'sms', 'mms'],
                ...(params['from'] === null ? {} : { from: params['from'] as string }),
                ...(params['to'] === null ? {} : { to: params['to'] as string }),
                count: r.events,
              }
            : { kind: 'events', targets: [target], ids, count: r.events },
      })),
    }
  },
}
