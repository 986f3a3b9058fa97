/** The drug-lines board: which analyses it calls, by id, and whether each is about the case or one line. */
export interface BoardSection {
  readonly id: string
  /** Analyses that can stand in, in order, while `id` is not registered (said so on the card). */
  readonly fallbacks?: readonly string[]
  readonly title: string
  readonly scope: 'case' | 'line'
  readonly explains: string
}

export const LINES_ANALYSIS = 'deal-lines'

export const BOARD_SECTIONS: readonly BoardSection[] = [
  {
    id: 'line-continuity',
    fallbacks: ['identity-history'],
    title: 'Numbers, SIMs and handsets over time',
    scope: 'line',
    explains: 'the line’s history across number, SIM and handset changes',
  },
  {
    id: 'daily-customers',
    title: 'Daily customers and transactions',
    scope: 'line',
    explains: 'customers per day by the police counting rules',
  },
  {
    id: 'line-roles',
    title: 'Holder and runners',
    scope: 'line',
    explains: 'who holds the line and who runs for it',
  },
  {
    id: 'live-picture',
    title: 'Live picture',
    scope: 'line',
    explains: 'last activity and last serving area',
  },
  {
    id: 'cuckooing-leads',
    title: 'Cuckooing leads',
    scope: 'case',
    explains: 'addresses that may be cuckooed',
  },
  {
    id: 'safeguarding-worklist',
    title: 'Safeguarding worklist',
    scope: 'case',
    explains: 'people with exploitation indicators, for NRM referral',
  },
]
