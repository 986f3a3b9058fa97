import { citer } from '../../core/citations.js'
import type { Block, Cell, DocumentParts } from '../../core/document.js'
import { describeSlots } from '../../core/frame.js'
import type { DocumentProvenance } from '../../core/provenance.js'
import { ageOn, toLocal } from '../../core/time.js'
import { CONTRACTS } from '../../contracts/index.js'
import type { RoleCandidate } from '../../contracts/line-roles.js'
import type { AnalysisSlots, Selection } from '../../gather/gather-analyses.js'
import {
  localDate,
  roleEvidenceTable,
  rolesTable,
  section,
  selectionSettings,
  sumDays,
  value,
  pickSlots,
  resolveLine,
} from '../line-common.js'

export const GANG_INJUNCTION = {
  kind: 'gang-injunction',
  version: '1',
  needs: ['line-roles', 'line-continuity', 'daily-customers', 'transactions'],
} as const

export type GangInjunctionNeeds = (typeof GANG_INJUNCTION.needs)[number]

/** The input of a gang-injunction summary. */
export interface GangInjunctionInput {
  readonly provenance: DocumentProvenance
  readonly selection: Selection & { readonly line: string }
  readonly analyses: AnalysisSlots<GangInjunctionNeeds>
  /** Only this person (by name) as respondent; every attributed person when null. */
  readonly respondent: string | null
  /** Day the age condition is tested on (`YYYY-MM-DD`); the local date of generation when null. */
  readonly asOf: string | null
}

/** The statute's minimum: "gang-related" activity is that of a group of at least three people. */
export const MIN_GROUP = 3
/** A respondent must be 14 or over. */
export const MIN_RESPONDENT_AGE = 14

/** A person with an attribution (not disputed) to one or more of the line's role candidates. */
interface Person {
  readonly name: string
  readonly dateOfBirth: string | null
  readonly roles: readonly RoleCandidate[]
  readonly reviewed: boolean
}

function attributedPersons(candidates: readonly RoleCandidate[]): Person[] {
  const byKey = new Map<string, Person>()
  for (const c of candidates) {
    const a = c.attribution
    if (a === null || a.person.name === null || a.status === 'disputed') continue
    const key = `${a.person.name}|${a.person.dateOfBirth ?? ''}`
    const old = byKey.get(key)
    byKey.set(key, {
      name: a.person.name,
      dateOfBirth: a.person.dateOfBirth,
      roles: [...(old?.roles ?? []), c],
      reviewed: (old?.reviewed ?? true) && a.status === 'reviewed',
    })
  }
  return [...byKey.values()].sort(
    (x, y) => x.name.localeCompare(y.name, 'en') || (x.dateOfBirth ?? '').localeCompare(y.dateOfBirth ?? ''),
  )
}

/**
 * A gang-injunction summary (Policing and Crime Act 2009 Part 4): the group of persons attributed to the line, each
 * respondent's role and the communications that show it, the age condition, and the line's activity over each
 * respondent's period. It refuses to call fewer than three attributed persons a group, and refuses a respondent
 * under 14 or whose age cannot be shown from the attribution record.
 */
export function buildGangInjunction(input: GangInjunctionInput): DocumentParts {
  const a = input.analyses
  const zone = input.provenance.zone
  const cite = citer()
  const line = input.selection.line
  const { history, numbers, roles } = resolveLine(a, line)
  const persons = roles === null ? [] : attributedPersons([...roles.holders, ...roles.runners])
  const asOf = input.asOf ?? toLocal(input.provenance.generatedAt, zone).date
  const refusals: string[] = []
  const rolesAvailable = a['line-roles'].status === 'available'
  const isGroup = persons.length >= MIN_GROUP
  if (rolesAvailable && !isGroup)
    refusals.push(
      `No group is described: ${persons.length} person${persons.length === 1 ? ' is' : 's are'} attributed to the line, and "gang-related" activity needs a group of at least ${MIN_GROUP} people (Policing and Crime Act 2009 s34). The persons are listed for information only.`,
    )
  const chosen =
    input.respondent === null
      ? persons
      : persons.filter((p) => p.name.toLowerCase() === input.respondent!.toLowerCase())
  if (rolesAvailable && input.respondent !== null && chosen.length === 0)
    refusals.push(`No attributed person is named "${input.respondent}", so there is no respondent section.`)
  const customers = value(a['daily-customers'])
  const transactions = value(a.transactions)

  const respondentBlocks = (p: Person): Block[] => {
    const age = p.dateOfBirth === null ? null : ageOn(p.dateOfBirth, asOf)
    const ageText =
      age === null
        ? 'NOT SHOWN: the attribution record gives no date of birth'
        : age >= MIN_RESPONDENT_AGE
          ? `met (${age} on ${asOf})`
          : `NOT MET (${age} on ${asOf})`
    if (age === null || age < MIN_RESPONDENT_AGE)
      refusals.push(
        age === null
          ? `${p.name} cannot be shown to be 14 or over: the attribution record gives no date of birth.`
          : `${p.name} is under 14 on ${asOf} and cannot be a respondent.`,
      )
    const from =
      p.roles
        .map((r) => r.period?.from ?? null)
        .filter((x): x is string => x !== null)
        .sort()[0] ?? null
    const to =
      p.roles
        .map((r) => r.period?.to ?? null)
        .filter((x): x is string => x !== null)
        .sort()
        .at(-1) ?? null
    const f = from === null ? null : localDate(from, zone)
    const t = to === null ? null : localDate(to, zone)
    const cd = customers === null ? null : sumDays(customers.days, (d) => d.dailyCustomers, f, t)
    const tx = transactions === null ? null : sumDays(transactions.days, (d) => d.confirmed, f, t)
    const eligible = age !== null && age >= MIN_RESPONDENT_AGE
    return [
      { kind: 'heading', level: 2, text: eligible ? `Respondent: ${p.name}` : `Not a respondent: ${p.name}` },
      ...(age !== null && age < 18
        ? [
            {
              kind: 'notice',
              severity: 'info',
              text: `${p.name} was under 18 on ${asOf}. A child drawn into a line may be a victim of exploitation as well as an offender: consider safeguarding and a National Referral Mechanism referral (see the NRM worklist).`,
            } as const,
          ]
        : []),
      {
        kind: 'facts',
        rows: [
          ['Name', p.name],
          ['Date of birth (attribution record)', p.dateOfBirth ?? 'not given'],
          [`Age condition (${MIN_RESPONDENT_AGE} or over)`, ageText],
          ['Attribution status', p.reviewed ? 'reviewed' : 'proposed: not yet reviewed by an analyst'],
          ['Numbers', p.roles.map((r) => `${r.number} (${r.role})`).join(', ')],
          ['Period of the roles (local dates)', `${f ?? 'not given'} to ${t ?? 'not given'}`],
          [
            customers === null
              ? 'Customer-days in that period'
              : `Customer-days of ${customers.line} in that period`,
            cd === null
              ? 'not available'
              : `${cd.total} on ${cd.days} days (sum of the daily-customers figures)`,
          ],
          [
            transactions === null
              ? 'Confirmed transactions in that period'
              : `Confirmed transactions of ${transactions.line} in that period`,
            tx === null
              ? 'not available'
              : `${tx.total} on ${tx.days} days (sum of the transactions figures)`,
          ],
        ],
      },
      rolesTable(p.roles, zone, `Roles ${p.name}`, `Roles of ${p.name}`),
      roleEvidenceTable(p.roles, cite, `Signals ${p.name}`),
    ]
  }

  const body: Block[] = [
    { kind: 'heading', level: 1, text: 'The legal test' },
    {
      kind: 'paragraph',
      text: 'Policing and Crime Act 2009 Part 4 (s34, as amended in 2015). The respondent must be 14 or over. On the balance of probabilities the court must find that the respondent engaged in, encouraged or assisted gang-related violence or gang-related drug-dealing activity, and that the injunction is necessary to prevent it or to protect the respondent. "Gang-related" activity is that of a group of at least three people with characteristics that let others identify them as a group.',
    },
    ...section('The group', a['line-roles'], 'Persons attributed to the line', () => [
      {
        kind: 'facts',
        rows: [
          ['Line', history?.key ?? line],
          ['Numbers of the line', numbers.join(', ')],
          ['Persons attributed to the line', String(persons.length)],
          ['Group (at least three persons)', isGroup ? 'yes' : 'NO: not described as a group'],
        ],
      },
      ...(persons.some((p) => !p.reviewed)
        ? [
            {
              kind: 'notice',
              severity: 'warning',
              text: 'Some attributions are proposed and have not been reviewed by an analyst. They are leads until reviewed.',
            } as const,
          ]
        : []),
      {
        kind: 'table',
        table: {
          sheet: isGroup ? 'Group' : 'Persons',
          title: isGroup ? 'The group' : 'Persons attributed to the line (not a group)',
          columns: [
            { header: 'Person', width: 110 },
            { header: 'Date of birth', width: 60 },
            { header: 'Roles (numbers)', width: '*' },
            { header: 'Attribution', width: 70 },
          ],
          rows: persons.map((p): Cell[] => [
            p.name,
            p.dateOfBirth ?? 'not given',
            p.roles.map((r) => `${r.role} (${r.number})`).join(', '),
            p.reviewed ? 'reviewed' : 'proposed',
          ]),
          empty: 'No person is attributed to the line.',
        },
      },
      ...(isGroup
        ? [
            {
              kind: 'paragraph',
              text: '[Officer to describe the characteristics by which others identify these persons as a group: the records show communications, not how the group presents itself.]',
              tone: 'note',
            } as const,
          ]
        : []),
    ]),
    ...(rolesAvailable && isGroup
      ? [{ kind: 'heading', level: 1, text: 'Respondents' } as const, ...chosen.flatMap(respondentBlocks)]
      : []),
  ]
  const purposes = Object.fromEntries(GANG_INJUNCTION.needs.map((id) => [id, CONTRACTS[id].purpose]))
  const { analyses, missing } = describeSlots(pickSlots(a, GANG_INJUNCTION.needs), purposes)
  return {
    kind: GANG_INJUNCTION.kind,
    kindVersion: GANG_INJUNCTION.version,
    title: 'Gang-injunction summary',
    subtitle: `Persons attributed to the line ${history?.key ?? line}, their roles and the communications that show them.`,
    orientation: 'portrait',
    provenance: input.provenance,
    settings: [
      ...selectionSettings(input.selection),
      ['Respondent', input.respondent ?? '(every attributed person)'],
      ['Age tested on', asOf],
      ['Minimum group size', String(MIN_GROUP)],
      ['Minimum respondent age', String(MIN_RESPONDENT_AGE)],
    ],
    body,
    analyses,
    missing,
    refusals,
    limitations: [
      'Attribution of a phone to a person is an assertion, not a finding; the records show numbers, and a subscriber record shows who registered a number, not who used it.',
      'Sharing a cell shows that two phones were in its serving area, not that their users were together.',
    ],
    citations: cite.citations(),
  }
}
