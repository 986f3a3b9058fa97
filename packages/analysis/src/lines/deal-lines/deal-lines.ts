import type { AnalysisDefinition } from '../../core/definition.js'
import type { ParamSchema, Params } from '../../core/params.js'
import { burstSqlParams } from '../flare-bursts/flare-bursts.js'
import { BURST_PARAMS, flareTypes, listParam, numberParam } from '../shared/params.js'
import {
  assess,
  rankCandidates,
  type DealLineCandidate,
  type DealLineRules,
  type PartName,
} from './deal-lines.rules.js'
import { behaviourQuery, type BehaviourParam, type BehaviourRow } from './deal-lines.sql.js'
import { runIndexed, writeRowIndex, type RowIndex } from '../../core/row-index.js'
import type { CaseStore, ParamValue } from '@linesight/store'

export type { Condition, DealLineCandidate, ScorePart, Verdict } from './deal-lines.rules.js'

export interface DealLinesResult {
  readonly zone: string
  readonly counts: { readonly 'deal-line': number; readonly possible: number; readonly not: number }
  readonly candidates: readonly DealLineCandidate[]
  /** Always true: a number becomes a deal line only when an analyst confirms it. */
  readonly analystConfirmationRequired: true
}

const WEIGHTS: readonly (readonly [PartName, string, number, string])[] = [
  ['regular-flares', 'weightRegularFlares', 30, 'regular flare bursts'],
  ['stable-list', 'weightStableList', 20, 'a stable recipient list'],
  ['customer-initiation', 'weightCustomerInitiation', 10, 'flare recipients contacting the number'],
  ['personal-absence', 'weightPersonalAbsence', 10, 'no personal contact pattern'],
  [
    'account-type',
    'weightAccountType',
    10,
    'the account type (PAYG full, none half, contract quarter, blocking none)',
  ],
  ['fan-in', 'weightFanIn', 5, 'inbound fan-in'],
  ['short-calls', 'weightShortCalls', 5, 'the short-call share'],
  ['active-hours', 'weightActiveHours', 5, 'activity outside business hours'],
  ['movement', 'weightMovement', 5, 'movement between serving cells'],
]

const weightParams: ParamSchema = Object.fromEntries(
  WEIGHTS.map(([, param, def, what]) => [
    param,
    {
      type: 'integer',
      default: def,
      min: 0,
      max: 1000,
      description: `Score weight of ${what} (our design; the score ranks, the conditions decide)`,
    },
  ]),
)

const rulesOf = (params: Params): DealLineRules => ({
  flareTypes: flareTypes('deal-lines', params),
  burstDaysPerWeekMin: numberParam(params, 'burstDaysPerWeekMin'),
  stableListMin: numberParam(params, 'stableListMin'),
  initiatingRecipientsMin: numberParam(params, 'initiatingRecipientsMin'),
  personalContactsMax: numberParam(params, 'personalContactsMax'),
  blockingAccountTypes: listParam(params, 'blockingAccountTypes'),
  possibleMaxFailed: numberParam(params, 'possibleMaxFailed'),
  shortCallSeconds: numberParam(params, 'shortCallSeconds'),
  longCallSeconds: numberParam(params, 'longCallSeconds'),
  businessHoursStart: numberParam(params, 'businessHoursStart'),
  businessHoursEnd: numberParam(params, 'businessHoursEnd'),
  fanInReference: numberParam(params, 'fanInReference'),
  outOfHoursReference: numberParam(params, 'outOfHoursReference'),
  movementReference: numberParam(params, 'movementReference'),
  weights: Object.fromEntries(WEIGHTS.map(([part, param]) => [part, numberParam(params, param)])) as Record<
    PartName,
    number
  >,
})

/** The behaviour query's parameters for these analysis parameters, in the analysis zone. */
function behaviourSqlParams(params: Params, zone: string): Record<BehaviourParam, ParamValue> {
  return {
    targets: listParam(params, 'targets'),
    zone,
    ...burstSqlParams('deal-lines', params),
    short_s: numberParam(params, 'shortCallSeconds'),
    long_s: numberParam(params, 'longCallSeconds'),
    personal_long_calls: numberParam(params, 'personalMinLongCalls'),
    personal_weeks: numberParam(params, 'personalMinWeeks'),
    hours_start: numberParam(params, 'businessHoursStart'),
    hours_end: numberParam(params, 'businessHoursEnd'),
  }
}

/** The name every target's behaviour is kept under in the case's analysis indexes. */
export const BEHAVIOUR_INDEX_NAME = 'deal-lines-behaviour'

/** Every target's behaviour, kept by the import: each row rests on that target's own records alone. */
const BEHAVIOUR_INDEX: RowIndex<BehaviourRow, BehaviourParam> = {
  name: BEHAVIOUR_INDEX_NAME,
  query: behaviourQuery,
  filter: 'targets',
  keyOf: (row) => row.n,
}

/**
 * Keeps every target's behaviour at these parameters (the defaults at import) in the case's analysis indexes, so
 * that screening reads it instead of scanning the case. True when it was built.
 */
export const writeBehaviourIndex = (store: CaseStore, params: Params, zone: string): Promise<boolean> =>
  writeRowIndex(store, BEHAVIOUR_INDEX, behaviourSqlParams(params, zone))

export const dealLines: AnalysisDefinition<DealLinesResult> = {
  id: 'deal-lines',
  version: '1',
  title: 'Deal-line candidates',
  description:
    "Scores every target number in the case from its own records and ranks them as possible deal lines, with the reasons. A number is marked deal-line only when all five conditions hold: (1) flare bursts on at least 3 days a week on average over its active period; (2) the bursts go to a stable list (on average at least half of a burst's recipients had the previous one); (3) at least 5 flare recipients later called or texted it; (4) at most 3 of its contacts look personal (long calls both ways over several weeks); (5) the subscriber account is not a business account. It is marked possible when it sent flare bursts and exactly one condition fails, and not otherwise. A 0–100 score (weighted parts: flare regularity, list stability, customer initiation, personal-contact absence, account type, inbound fan-in, short calls, out-of-hours activity, movement between serving cells) orders the list. The verdicts are leads for analysis: a number becomes a deal line only when an analyst confirms it. Businesses, clubs and heavy users can resemble a line in one respect, which is why every condition is shown.",
  params: {
    targets: {
      type: 'string-list',
      phone: 'each',
      default: [],
      description: 'Numbers (E.164) to assess; every target number in the case when empty',
    },
    ...BURST_PARAMS,
    burstDaysPerWeekMin: {
      type: 'number',
      default: 3,
      min: 0,
      max: 7,
      unit: 'days a week',
      description:
        'Condition 1: days with at least one flare burst per 7 days, averaged over the span from the first to the last day of the number’s records (domain brief §3.1 burstDaysPerWeekMin)',
    },
    stableListMin: {
      type: 'number',
      default: 0.5,
      min: 0,
      max: 1,
      description:
        "Condition 2: mean share of a burst's recipients who also received the previous burst (our design)",
    },
    initiatingRecipientsMin: {
      type: 'integer',
      default: 5,
      min: 1,
      max: 100_000,
      unit: 'numbers',
      description:
        'Condition 3: flare recipients that later called or texted the number, at least this many (our design)',
    },
    personalContactsMax: {
      type: 'integer',
      default: 3,
      min: 0,
      max: 100_000,
      unit: 'numbers',
      description:
        'Condition 4: at most this many personal-looking contacts (long calls both ways over several weeks; our design)',
    },
    blockingAccountTypes: {
      type: 'string-list',
      default: ['Business'],
      description:
        'Condition 5: subscriber account types that stop a deal-line verdict (compared without case); PAYG and contract do not',
    },
    possibleMaxFailed: {
      type: 'integer',
      default: 1,
      min: 0,
      max: 5,
      description: 'A number with flare bursts is "possible" when at most this many conditions fail',
    },
    shortCallSeconds: {
      type: 'integer',
      default: 60,
      min: 1,
      max: 3600,
      unit: 's',
      description: 'Short-call share: connected calls of this length or less (domain brief §3.1)',
    },
    longCallSeconds: {
      type: 'integer',
      default: 300,
      min: 1,
      max: 86_400,
      unit: 's',
      description: 'A long (personal) call lasts at least this (domain brief §3.1)',
    },
    personalMinLongCalls: {
      type: 'integer',
      default: 2,
      min: 1,
      max: 1000,
      description:
        'A personal-looking contact has at least this many long calls with the number (our design)',
    },
    personalMinWeeks: {
      type: 'integer',
      default: 2,
      min: 1,
      max: 1000,
      unit: 'ISO weeks',
      description:
        'A personal-looking contact is in touch in both directions and in at least this many ISO weeks (our design)',
    },
    businessHoursStart: {
      type: 'integer',
      default: 8,
      min: 0,
      max: 24,
      unit: 'hour',
      description: 'Out-of-hours share: business hours start (local hour, Monday to Friday)',
    },
    businessHoursEnd: {
      type: 'integer',
      default: 18,
      min: 0,
      max: 24,
      unit: 'hour',
      description: 'Out-of-hours share: business hours end (local hour, exclusive)',
    },
    fanInReference: {
      type: 'number',
      default: 10,
      min: 0.001,
      unit: 'numbers a day',
      description: 'Score: a median of this many distinct inbound numbers a day earns the full fan-in weight',
    },
    outOfHoursReference: {
      type: 'number',
      default: 0.3,
      min: 0.001,
      max: 1,
      description: 'Score: this share of contacts outside business hours earns the full active-hours weight',
    },
    movementReference: {
      type: 'number',
      default: 3,
      min: 0.001,
      unit: 'cells a day',
      description: 'Score: this many distinct serving cells a day on average earns the full movement weight',
    },
    ...weightParams,
  },
  run: async (store, params, ctx) => {
    const rules = rulesOf(params)
    const rows = await runIndexed(store, BEHAVIOUR_INDEX, behaviourSqlParams(params, ctx.zone), ctx)
    const candidates = rankCandidates(rows.map((r) => assess(r, rules)))
    const count = (v: string): number => candidates.filter((c) => c.verdict === v).length
    return {
      zone: ctx.zone,
      counts: { 'deal-line': count('deal-line'), possible: count('possible'), not: count('not') },
      candidates,
      analystConfirmationRequired: true,
    }
  },
}
