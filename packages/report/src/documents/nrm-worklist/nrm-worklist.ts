import { citer } from '../../core/citations.js'
import type { Block, Cell, DocumentParts } from '../../core/document.js'
import { describeSlots } from '../../core/frame.js'
import type { DocumentProvenance } from '../../core/provenance.js'
import { ageOn, toLocal } from '../../core/time.js'
import { CONTRACTS } from '../../contracts/index.js'
import type { AnalysisSlots, Selection } from '../../gather/gather-analyses.js'
import { pickSlots, section, selectionSettings } from '../line-common.js'

export const NRM_WORKLIST = { kind: 'nrm-worklist', version: '1', needs: ['safeguarding-worklist'] } as const

export type NrmWorklistNeeds = (typeof NRM_WORKLIST.needs)[number]

/** The input of a safeguarding / NRM worklist. */
export interface NrmWorklistInput {
  readonly provenance: DocumentProvenance
  readonly selection: Selection
  readonly analyses: AnalysisSlots<NrmWorklistNeeds>
  /** Day ages are given on (`YYYY-MM-DD`); the local date of generation when null. */
  readonly asOf: string | null
}

/**
 * A safeguarding and National Referral Mechanism worklist: the people identified and the indicators seen, each
 * with its evidence, and blank fields for the reviewer's decision. Leads for human review: Linesight makes no
 * referral, gives no score as a verdict, and keeps the entries in the order the analysis gives them.
 */
export function buildNrmWorklist(input: NrmWorklistInput): DocumentParts {
  const a = input.analyses
  const cite = citer()
  const asOf = input.asOf ?? toLocal(input.provenance.generatedAt, input.provenance.zone).date
  const body: Block[] = [
    {
      kind: 'notice',
      severity: 'info',
      text: 'Leads for human review. Linesight makes no referral and no decision. Each entry lists the indicators the records show; a person decides whether to refer to the National Referral Mechanism, and records who decided, when and why.',
    },
    ...section('Worklist', a['safeguarding-worklist'], 'The safeguarding worklist', (w) => {
      const who = (i: number): string => {
        const names = w.entries[i]!.persons.map((p) => p.name).filter((n): n is string => n !== null)
        return `${i + 1}. ${names.length === 0 ? 'not attributed' : names.join(' / ')}`
      }
      // The age that matters for safeguarding is the age during the activity; the age today is given beside it.
      const born = (p: { readonly dateOfBirth: string | null }, firstDay: string | null): string => {
        if (p.dateOfBirth === null) return 'not known'
        const now = ageOn(p.dateOfBirth, asOf)
        const then = firstDay === null ? null : ageOn(p.dateOfBirth, firstDay)
        const during =
          then === null
            ? ''
            : `${then} on ${firstDay}, the first day of activity${then < 18 ? ', under 18' : ''}; `
        return `${p.dateOfBirth} (${during}${now} on ${asOf})`
      }
      const firstDayOf = (e: (typeof w.entries)[number]): string | null => {
        const first = e.roles.reduce<string | null>((m, r) => (m === null || r.from < m ? r.from : m), null)
        return first === null ? null : toLocal(first, input.provenance.zone).date
      }
      return [
        { kind: 'paragraph', text: w.note.startsWith(w.label) ? w.note : `${w.label}. ${w.note}` },
        {
          kind: 'paragraph',
          text: `Ages are given on the first day of each person's activity and on ${asOf}, from the date of birth on a subscriber record only; none is inferred from behaviour.`,
        },
        {
          kind: 'table',
          table: {
            sheet: 'Worklist',
            title: `People to review (${w.entries.length})`,
            columns: [
              { header: 'Entry', width: 100 },
              { header: 'Date of birth (age)', width: 75 },
              { header: 'Numbers', width: 90 },
              { header: 'Roles', width: 110 },
              { header: 'Indicators seen', width: '*' },
            ],
            rows: w.entries.map((e, i): Cell[] => [
              who(i),
              e.persons.length === 0 ? 'not known' : e.persons.map((p) => born(p, firstDayOf(e))).join('; '),
              e.numbers.join(', '),
              [...new Set(e.roles.map((r) => `${r.role} of ${r.line}`))].join('; '),
              e.indicators.map((x) => x.id).join('; '),
            ]),
            empty: 'The analysis identifies nobody to review.',
          },
        },
        {
          kind: 'table',
          table: {
            sheet: 'Indicators',
            title: 'Indicators and their evidence',
            columns: [
              { header: 'Entry', width: 100 },
              { header: 'Indicator', width: 90 },
              { header: 'What was seen', width: '*' },
              { header: 'Evidence', width: 60 },
            ],
            rows: w.entries.flatMap((e, i) =>
              e.indicators.map((x): Cell[] => [
                who(i),
                x.id,
                x.text,
                x.evidence
                  .map((ev) => cite(ev, `${who(i)}: ${x.id}`))
                  .filter((r) => r !== '-')
                  .join(' '),
              ]),
            ),
            empty: 'No indicators.',
          },
        },
        {
          kind: 'table',
          table: {
            sheet: 'Decisions',
            title: 'Review and decision (to be completed by the reviewer)',
            columns: [
              { header: 'Entry', width: 100 },
              { header: 'Reviewer', width: 80 },
              { header: 'Decision (refer / not refer / more work)', width: 110 },
              { header: 'Date', width: 55 },
              { header: 'Reason', width: '*' },
            ],
            rows: w.entries.map((_, i): Cell[] => [who(i), '', '', '', '']),
            empty: 'No entries to decide.',
          },
        },
        {
          kind: 'paragraph',
          tone: 'note',
          text: 'Not computed and not shown: school absence, unexplained money, weapons, care history, disability, mental health and immigration status. People record these as case notes.',
        },
      ]
    }),
  ]
  const { analyses, missing } = describeSlots(pickSlots(a, NRM_WORKLIST.needs), {
    'safeguarding-worklist': CONTRACTS['safeguarding-worklist'].purpose,
  })
  return {
    kind: NRM_WORKLIST.kind,
    kindVersion: NRM_WORKLIST.version,
    title: 'Safeguarding and NRM worklist',
    subtitle:
      'People identified in the communications data with the indicators seen: leads for human review.',
    orientation: 'landscape',
    provenance: input.provenance,
    settings: [...selectionSettings(input.selection), ['Ages given on', asOf]],
    body,
    analyses,
    missing,
    refusals: [],
    limitations: [
      'Many runners are both victims and offenders; an indicator is a reason to look, not a finding of exploitation.',
    ],
    citations: cite.citations(),
  }
}
