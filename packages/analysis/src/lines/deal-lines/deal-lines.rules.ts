import type { EventEvidence } from '../../core/evidence.js'
import type { BehaviourRow } from './deal-lines.sql.js'

/** The thresholds, weights and reference scales the verdict and score use (all parameters). */
export interface DealLineRules {
  readonly flareTypes: readonly string[]
  readonly burstDaysPerWeekMin: number
  readonly stableListMin: number
  readonly initiatingRecipientsMin: number
  readonly personalContactsMax: number
  readonly blockingAccountTypes: readonly string[]
  readonly possibleMaxFailed: number
  readonly shortCallSeconds: number
  readonly longCallSeconds: number
  readonly businessHoursStart: number
  readonly businessHoursEnd: number
  readonly fanInReference: number
  readonly outOfHoursReference: number
  readonly movementReference: number
  readonly weights: Readonly<Record<PartName, number>>
}

export type PartName =
  | 'regular-flares'
  | 'stable-list'
  | 'customer-initiation'
  | 'personal-absence'
  | 'account-type'
  | 'fan-in'
  | 'short-calls'
  | 'active-hours'
  | 'movement'

export type ConditionName =
  'regular-flares' | 'stable-list' | 'customer-initiation' | 'no-personal-pattern' | 'not-blocked-account'

export interface Condition {
  readonly name: ConditionName
  readonly passed: boolean
  readonly reason: string
}

export interface SubscriberRef {
  readonly id: string
  readonly file: string
  readonly row: number
}

export interface ScorePart {
  readonly name: PartName
  /** The measured figure (a count, share, rate or account type). */
  readonly value: number | string | null
  /** The figure scaled to 0–1 for the score. */
  readonly scaled: number
  readonly weight: number
  /** scaled × weight, to 2 decimals. */
  readonly points: number
  readonly reason: string
  /** The rows the figure was computed from; null for the account type, which comes from subscriber records. */
  readonly evidence: EventEvidence | null
  readonly subscriberRecords?: readonly SubscriberRef[]
}

export type Verdict = 'deal-line' | 'possible' | 'not'

export interface DealLineCandidate {
  readonly number: string
  readonly verdict: Verdict
  /** 0–100: the weighted parts, for ranking; the verdict comes from the conditions. */
  readonly score: number
  readonly conditions: readonly Condition[]
  readonly parts: readonly ScorePart[]
  readonly activity: {
    readonly firstDay: string
    readonly lastDay: string
    readonly spanDays: number
    readonly activeDays: number
    readonly events: number
    readonly contactsPerActiveDay: number
    readonly bursts: number
    readonly burstDays: number
    readonly meanRecipientsPerBurst: number | null
    readonly fanIn: { readonly median: number; readonly p90: number; readonly max: number }
  }
  readonly evidence: EventEvidence
}

const round = (x: number, dp = 2): number => Math.round(x * 10 ** dp) / 10 ** dp
const clamp01 = (x: number): number => Math.max(0, Math.min(1, x))
const pct = (x: number): string => `${Math.round(x * 100)}%`

/** Scores one number and applies the verdict rules (pure: the caller supplies the figures and evidence). */
export function assess(row: BehaviourRow, rules: DealLineRules): DealLineCandidate {
  const n = row.n
  const ev = (
    count: number,
    extra: Omit<EventEvidence, 'kind' | 'targets' | 'count'> = {},
  ): EventEvidence => ({
    kind: 'events',
    targets: [n],
    ...extra,
    count,
  })
  const texts = ev(row.out_texts, { types: rules.flareTypes, directions: ['out'] })
  const inbound = ev(row.inbound_contacts, { types: ['voice', 'sms', 'mms'], directions: ['in'] })
  const contacts = ev(row.contacts, { types: ['voice', 'sms', 'mms'] })
  const voice = ev(row.voice, { types: ['voice'] })

  const perWeek = row.span_days > 0 ? (row.burst_days * 7) / row.span_days : 0
  const accounts = row.account_types.map((a) => a.toLowerCase())
  const blocked = accounts.filter((a) => rules.blockingAccountTypes.some((b) => b.toLowerCase() === a))
  const shortShare = row.connected_calls > 0 ? row.short_calls / row.connected_calls : 0
  const oohShare = row.contacts > 0 ? row.out_of_hours / row.contacts : 0

  const conditions: Condition[] = [
    {
      name: 'regular-flares',
      passed: row.bursts > 0 && perWeek >= rules.burstDaysPerWeekMin,
      reason: `flare bursts on ${row.burst_days} of ${row.span_days} days (${round(perWeek, 1)} days a week; needs at least ${rules.burstDaysPerWeekMin})`,
    },
    {
      name: 'stable-list',
      passed: row.recurrence !== null && row.recurrence >= rules.stableListMin,
      reason:
        row.recurrence === null
          ? `fewer than 2 bursts: list stability cannot be judged`
          : `on average ${pct(row.recurrence)} of a burst's recipients had the previous burst too (needs at least ${pct(rules.stableListMin)})`,
    },
    {
      name: 'customer-initiation',
      passed: row.initiating_recipients >= rules.initiatingRecipientsMin,
      reason: `${row.initiating_recipients} of ${row.flare_recipients} flare recipients later called or texted the number (needs at least ${rules.initiatingRecipientsMin})`,
    },
    {
      name: 'no-personal-pattern',
      passed: row.personal_contacts <= rules.personalContactsMax,
      reason: `${row.personal_contacts} contacts look personal (long calls both ways over several weeks; at most ${rules.personalContactsMax} allowed)`,
    },
    {
      name: 'not-blocked-account',
      passed: blocked.length === 0,
      reason:
        row.account_types.length === 0
          ? 'no subscriber record'
          : `subscriber account type ${row.account_types.join(', ')}${blocked.length > 0 ? ' (a blocking type)' : ''}`,
    },
  ]
  const failed = conditions.filter((c) => !c.passed).length
  const verdict: Verdict =
    failed === 0 ? 'deal-line' : row.bursts > 0 && failed <= rules.possibleMaxFailed ? 'possible' : 'not'

  const accountScaled =
    accounts.length === 0 ? 0.5 : blocked.length > 0 ? 0 : accounts.every((a) => a === 'payg') ? 1 : 0.25
  const part = (
    name: PartName,
    value: number | string | null,
    scaled: number,
    reason: string,
    evidence: EventEvidence | null,
  ): ScorePart => {
    const weight = rules.weights[name]
    return {
      name,
      value,
      scaled: round(clamp01(scaled), 4),
      weight,
      points: round(clamp01(scaled) * weight),
      reason,
      evidence,
    }
  }
  const parts: ScorePart[] = [
    part(
      'regular-flares',
      round(perWeek),
      perWeek / rules.burstDaysPerWeekMin,
      `${row.bursts} bursts on ${row.burst_days} days, ${round(perWeek, 1)} burst days a week`,
      texts,
    ),
    part(
      'stable-list',
      row.recurrence === null ? null : round(row.recurrence, 4),
      row.recurrence ?? 0,
      row.recurrence === null
        ? 'fewer than 2 bursts'
        : `${pct(row.recurrence)} of recipients recur from one burst to the next`,
      texts,
    ),
    part(
      'customer-initiation',
      row.initiating_recipients,
      row.initiating_recipients / rules.initiatingRecipientsMin,
      `${row.initiating_recipients} flare recipients contacted the number after their first flare`,
      inbound,
    ),
    part(
      'personal-absence',
      row.personal_contacts,
      1 - row.personal_contacts / (rules.personalContactsMax + 1),
      `${row.personal_contacts} personal-looking contacts, ${row.long_calls} calls of ${rules.longCallSeconds} s or more`,
      contacts,
    ),
    {
      ...part(
        'account-type',
        row.account_types.length === 0 ? null : row.account_types.join(', '),
        accountScaled,
        row.account_types.length === 0
          ? 'no subscriber record: neutral'
          : blocked.length > 0
            ? 'business-type account'
            : accountScaled === 1
              ? 'pay-as-you-go'
              : 'contract or other registered account',
        null,
      ),
      subscriberRecords: row.subscriber_records,
    },
    part(
      'fan-in',
      row.fan_median,
      row.fan_median / rules.fanInReference,
      `median ${row.fan_median} distinct numbers a day contacted it (90th percentile ${round(row.fan_p90, 1)}, most ${row.fan_max})`,
      inbound,
    ),
    part(
      'short-calls',
      round(shortShare, 4),
      shortShare,
      `${pct(shortShare)} of ${row.connected_calls} connected calls lasted ${rules.shortCallSeconds} s or less`,
      voice,
    ),
    part(
      'active-hours',
      round(oohShare, 4),
      oohShare / rules.outOfHoursReference,
      `${pct(oohShare)} of contacts fell outside ${rules.businessHoursStart}:00–${rules.businessHoursEnd}:00 Monday to Friday`,
      contacts,
    ),
    part(
      'movement',
      round(row.cells_per_day, 2),
      row.cells_per_day / rules.movementReference,
      `${round(row.cells_per_day, 1)} distinct serving cells a day on average, ${row.cells} in all (serving areas, not positions)`,
      ev(row.events),
    ),
  ]
  const totalWeight = parts.reduce((s, p) => s + p.weight, 0)
  const score =
    totalWeight > 0 ? round((parts.reduce((s, p) => s + p.scaled * p.weight, 0) * 100) / totalWeight, 1) : 0
  return {
    number: n,
    verdict,
    score,
    conditions,
    parts,
    activity: {
      firstDay: row.first_day,
      lastDay: row.last_day,
      spanDays: row.span_days,
      activeDays: row.active_days,
      events: row.events,
      contactsPerActiveDay: row.active_days > 0 ? round(row.contacts / row.active_days, 1) : 0,
      bursts: row.bursts,
      burstDays: row.burst_days,
      meanRecipientsPerBurst: row.mean_recipients === null ? null : round(row.mean_recipients, 1),
      fanIn: { median: row.fan_median, p90: round(row.fan_p90, 1), max: row.fan_max },
    },
    evidence: ev(row.events),
  }
}

const VERDICT_RANK: Readonly<Record<Verdict, number>> = { 'deal-line': 0, possible: 1, not: 2 }

/** Deal lines first, then possible, then the rest; by score within each, then by number. */
export const rankCandidates = (list: readonly DealLineCandidate[]): DealLineCandidate[] =>
  [...list].sort(
    (a, b) =>
      VERDICT_RANK[a.verdict] - VERDICT_RANK[b.verdict] ||
      b.score - a.score ||
      (a.number < b.number ? -1 : a.number > b.number ? 1 : 0),
  )
