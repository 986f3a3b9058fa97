import type { ParamSchema } from '../../core/params.js'
import {
  CELL_PARAMS,
  FLARE_PARAMS,
  GROUPING_PARAMS,
  LINES_PARAMS,
  NIGHT_PARAMS,
} from '../../continuity/common/params.js'
import { CONTINUITY_PARAMS } from '../../continuity/line-continuity/line-continuity.js'

/** Thresholds and weights of the runner and holder scores (our design, domain §3.7). */
export const ROLE_PARAMS: ParamSchema = {
  runnerWindowMinutes: {
    type: 'number',
    default: 60,
    min: 1,
    max: 1440,
    unit: 'minutes',
    description:
      'W: a contact counts as following a customer contact when it comes within this many minutes after the customer contacted the line (a call-back to that customer, or the line contacting the number)',
  },
  runnerMinDays: {
    type: 'integer',
    default: 3,
    min: 1,
    max: 10_000,
    unit: 'days',
    description: 'A runner candidate shows the after-customer pattern on at least this many local days',
  },
  runnerMinShare: {
    type: 'number',
    default: 0.5,
    min: 0,
    max: 1,
    description:
      "At least this share of the number's contacts to the line's customers must follow a customer contact within W (so a taxi firm or friend who happens to call customers does not qualify)",
  },
  runnerMinColocationPeriods: {
    type: 'integer',
    default: 3,
    min: 1,
    max: 10_000,
    unit: 'periods',
    description: 'Co-location with the line phone must occur in at least this many separate periods',
  },
  colocationMaxDelaySeconds: {
    type: 'integer',
    default: 60,
    min: 0,
    max: 3600,
    unit: 'seconds',
    description:
      'Two events co-locate when they are at most this far apart in time (59 s more when either network gives times to the minute)',
  },
  colocationNearMetres: {
    type: 'number',
    default: 1000,
    min: 0,
    max: 50_000,
    unit: 'metres',
    description:
      'Besides the same cell or site, cells whose listed positions are at most this far apart count as neighbouring (phones on different networks never share a cell)',
  },
  colocationPeriodGapMinutes: {
    type: 'number',
    default: 60,
    min: 1,
    max: 10_080,
    unit: 'minutes',
    description: 'Co-located events more than this far apart belong to separate periods',
  },
  townRadiusKm: {
    type: 'number',
    default: 10,
    min: 0.1,
    max: 500,
    unit: 'km',
    description:
      "Cells within this distance of the line's town (the median position of its numbers' cells) are in town",
  },
  tripMinKm: {
    type: 'number',
    default: 30,
    min: 0,
    max: 2000,
    unit: 'km',
    description:
      "A home cell at least this far from the line's town makes days in town a trip, and a holder remote",
  },
  runnerMinTownDays: {
    type: 'integer',
    default: 2,
    min: 1,
    max: 10_000,
    unit: 'days',
    description: "Days in the line's town needed for the trips signal",
  },
  holderMinLineDays: {
    type: 'integer',
    default: 2,
    min: 1,
    max: 10_000,
    unit: 'days',
    description:
      'A holder candidate contacts the line (voice or text, either way) on at least this many days',
  },
  holderMinRunnerDays: {
    type: 'integer',
    default: 3,
    min: 1,
    max: 10_000,
    unit: 'days',
    description: "A holder candidate contacts the line's runner candidates on at least this many days",
  },
  runnerWeightAfterCustomer: {
    type: 'number',
    default: 0.4,
    min: 0,
    max: 1,
    description: 'Runner score weight: after-customer contacts (required)',
  },
  runnerWeightColocation: {
    type: 'number',
    default: 0.2,
    min: 0,
    max: 1,
    description: 'Runner score weight: co-location with the line phone',
  },
  runnerWeightTrips: {
    type: 'number',
    default: 0.2,
    min: 0,
    max: 1,
    description: "Runner score weight: trips to the line's town",
  },
  runnerWeightTasking: {
    type: 'number',
    default: 0.2,
    min: 0,
    max: 1,
    description:
      'Runner score weight: contacts received from a non-customer who also contacts the line (tasking)',
  },
  holderWeightLine: {
    type: 'number',
    default: 0.3,
    min: 0,
    max: 1,
    description: 'Holder score weight: contacts with the line (required)',
  },
  holderWeightRunners: {
    type: 'number',
    default: 0.3,
    min: 0,
    max: 1,
    description: 'Holder score weight: contacts with the runner candidates (required)',
  },
  holderWeightDistance: {
    type: 'number',
    default: 0.25,
    min: 0,
    max: 1,
    description: "Holder score weight: home cell far from the line's town",
  },
  holderWeightNewHandset: {
    type: 'number',
    default: 0.15,
    min: 0,
    max: 1,
    description: "Holder score weight: present (contacting or co-located) on a new handset's first day",
  },
  highConfidence: {
    type: 'number',
    default: 0.75,
    min: 0,
    max: 1,
    description: 'Score from which a lead is labelled high',
  },
  mediumConfidence: {
    type: 'number',
    default: 0.5,
    min: 0,
    max: 1,
    description: 'Score from which a lead is labelled medium (below: low)',
  },
}

/** Every parameter line-roles takes; cuckooing and safeguarding reuse the set to find runners. */
export const LINE_ROLES_PARAMS: ParamSchema = {
  ...LINES_PARAMS,
  ...GROUPING_PARAMS,
  ...CONTINUITY_PARAMS,
  ...ROLE_PARAMS,
  ...NIGHT_PARAMS,
  ...CELL_PARAMS,
  ...FLARE_PARAMS,
}
