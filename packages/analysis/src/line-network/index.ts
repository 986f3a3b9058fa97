/**
 * The line-network analyses (issue 4, items 4–8): identity graph and line continuity, successor candidates,
 * roles, cuckooing leads, the safeguarding worklist and the live picture. Registered from here by whoever owns
 * the registry.
 */
import type { AnalysisDefinition } from '../core/definition.js'
import { identityGraph } from '../continuity/identity-graph/identity-graph.js'
import { lineContinuity } from '../continuity/line-continuity/line-continuity.js'
import { successorCandidates } from '../continuity/successor-candidates/successor-candidates.js'
import { lineRoles } from '../attribution/line-roles/line-roles.js'
import { cuckooingLeads } from '../locations-lines/cuckooing-leads/cuckooing-leads.js'
import { safeguardingWorklist } from '../safeguarding/safeguarding-worklist/safeguarding-worklist.js'
import { livePicture } from '../live/live-picture/live-picture.js'

export {
  identityGraph,
  lineContinuity,
  successorCandidates,
  lineRoles,
  cuckooingLeads,
  safeguardingWorklist,
  livePicture,
}
export type {
  IdentityGraphResult,
  IdentityComponent,
  IdentityEdge,
  IdentityFinding,
} from '../continuity/identity-graph/identity-graph.js'
export type {
  LineContinuityResult,
  ContinuityLine,
  ContinuityLink,
  Generation,
  IdentifierUse,
} from '../continuity/line-continuity/line-continuity.js'
export type {
  SuccessorCandidatesResult,
  SuccessorCandidate,
} from '../continuity/successor-candidates/successor-candidates.js'
export type {
  LineRolesResult,
  LineRoles,
  RoleCandidate,
  CustomerEntry,
  Associate,
  Attribution,
} from '../attribution/line-roles/line-roles.js'
export type { Signal, Confidence } from '../attribution/line-roles/line-roles.rules.js'
export type {
  CuckooingLeadsResult,
  CuckooLead,
  HomeCell,
  LeadNight,
} from '../locations-lines/cuckooing-leads/cuckooing-leads.js'
export type {
  SafeguardingWorklistResult,
  WorklistEntry,
  Indicator,
} from '../safeguarding/safeguarding-worklist/safeguarding-worklist.js'
export type { LivePictureResult, LivePicture, PositionSource } from '../live/live-picture/live-picture.js'
export type { SubscriberRef } from '../continuity/common/evidence.js'
export type { SubscriberPerson } from '../continuity/common/subscribers.sql.js'
export type { LineGroup } from '../continuity/common/line-groups.js'
export { groupLines } from '../continuity/line-continuity/line-continuity.js'
export { computeLineRoles } from '../attribution/line-roles/line-roles.js'
export { computeCuckooingLeads, CUCKOO_CAUTION } from '../locations-lines/cuckooing-leads/cuckooing-leads.js'
export { SAFEGUARDING_LABEL } from '../safeguarding/safeguarding-worklist/safeguarding-worklist.js'

/** Every line-network analysis, in method order, for the registry. */
export const LINE_NETWORK_ANALYSES = [
  identityGraph as AnalysisDefinition<unknown>,
  lineContinuity as AnalysisDefinition<unknown>,
  successorCandidates as AnalysisDefinition<unknown>,
  lineRoles as AnalysisDefinition<unknown>,
  cuckooingLeads as AnalysisDefinition<unknown>,
  safeguardingWorklist as AnalysisDefinition<unknown>,
  livePicture as AnalysisDefinition<unknown>,
] as const
