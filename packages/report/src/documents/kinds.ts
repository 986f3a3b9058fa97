import type { ContractId } from '../contracts/index.js'
import { CHARGING_SCHEDULE } from './charging-schedule/charging-schedule.js'
import { DDTRO_PACK } from './ddtro-pack/ddtro-pack.js'
import { EXHIBIT_SCHEDULE } from './exhibit-schedule/exhibit-schedule.js'
import { GANG_INJUNCTION } from './gang-injunction/gang-injunction.js'
import { LINE_PROFILE } from './line-profile/line-profile.js'
import { NRM_WORKLIST } from './nrm-worklist/nrm-worklist.js'

export const DOCUMENT_KIND_IDS = [
  'exhibit-schedule',
  'line-profile',
  'ddtro-pack',
  'gang-injunction',
  'nrm-worklist',
  'charging-schedule',
] as const

export type DocumentKind = (typeof DOCUMENT_KIND_IDS)[number]

/** What a document kind is, what it needs (analysis ids, in run order) and what the user must choose. */
export interface DocumentKindInfo {
  readonly kind: DocumentKind
  readonly version: string
  readonly title: string
  readonly needs: readonly ContractId[]
  /** `numbers`: one or more numbers; `line`: one line (its number); `case`: the whole case. */
  readonly selection: 'numbers' | 'line' | 'case'
}

/** Every document kind, listed explicitly, as the analysis registry lists analyses. */
export const DOCUMENT_KINDS: readonly DocumentKindInfo[] = Object.freeze([
  {
    kind: 'exhibit-schedule',
    version: EXHIBIT_SCHEDULE.version,
    title: 'Schedule of communications events',
    needs: [],
    selection: 'numbers',
  },
  {
    kind: 'line-profile',
    version: LINE_PROFILE.version,
    title: 'Line profile',
    needs: LINE_PROFILE.needs,
    selection: 'line',
  },
  {
    kind: 'ddtro-pack',
    version: DDTRO_PACK.version,
    title: 'DDTRO evidence pack',
    needs: DDTRO_PACK.needs,
    selection: 'line',
  },
  {
    kind: 'gang-injunction',
    version: GANG_INJUNCTION.version,
    title: 'Gang-injunction summary',
    needs: GANG_INJUNCTION.needs,
    selection: 'line',
  },
  {
    kind: 'nrm-worklist',
    version: NRM_WORKLIST.version,
    title: 'Safeguarding and NRM worklist',
    needs: NRM_WORKLIST.needs,
    selection: 'case',
  },
  {
    kind: 'charging-schedule',
    version: CHARGING_SCHEDULE.version,
    title: 'Charging schedule',
    needs: CHARGING_SCHEDULE.needs,
    selection: 'line',
  },
] satisfies DocumentKindInfo[])

export const findDocumentKind = (kind: string): DocumentKindInfo | undefined =>
  DOCUMENT_KINDS.find((k) => k.kind === kind)
