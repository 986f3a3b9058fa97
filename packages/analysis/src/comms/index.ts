/**
 * The communications analyses of issue 5 (contacts, identities, pattern of life), for the registry and the package
 * entry to list. top-contacts is registered on its own and is not repeated here.
 */
import { commonContacts } from '../contacts/common-contacts/common-contacts.js'
import { contactChains } from '../contacts/contact-chains/contact-chains.js'
import { contactCommunities } from '../contacts/contact-communities/contact-communities.js'
import { contactMatrix } from '../contacts/contact-matrix/contact-matrix.js'
import { identityHistory } from '../identities/identity-history/identity-history.js'
import { activityProfile } from '../pattern-of-life/activity-profile/activity-profile.js'

export { contactMatrix, commonContacts, contactChains, contactCommunities, identityHistory, activityProfile }
export type { ContactMatrixResult, MatrixNumber } from '../contacts/contact-matrix/contact-matrix.js'
export type { CommonContact, CommonContactsResult } from '../contacts/common-contacts/common-contacts.js'
export type {
  ChainHop,
  ContactChain,
  ContactChainsResult,
} from '../contacts/contact-chains/contact-chains.js'
export type {
  Community,
  CommunityMember,
  ContactCommunitiesResult,
} from '../contacts/contact-communities/contact-communities.js'
export type { PairCounts, PairEvidence } from '../contacts/shared/pair-evidence.js'
export type {
  HandsetHistory,
  HandsetId,
  IdentityChange,
  IdentityHistoryResult,
  IdentityPeriod,
  IdentityUse,
  LinkUse,
  NumberHistory,
  SimHistory,
  SimId,
  SubscriberRecord,
} from '../identities/identity-history/identity-history.js'
export type {
  ActivityBurst,
  ActivityCell,
  ActivityDay,
  ActivityGap,
  ActivityPeriod,
  ActivityProfileResult,
  ActivityTotal,
  NumberActivity,
} from '../pattern-of-life/activity-profile/activity-profile.js'

/** The analyses above, in menu order. */
export const COMMS_ANALYSES = [
  contactMatrix,
  commonContacts,
  contactChains,
  contactCommunities,
  identityHistory,
  activityProfile,
] as const
