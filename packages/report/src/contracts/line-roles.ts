import type { EventEvidence } from '@linesight/analysis'
import { eventEvidence, list, nullable, oneOf, shape, text, type Reader } from '../core/contract.js'

export interface RoleEvidence {
  readonly text: string
  readonly evidence: EventEvidence | null
}

/** An attribution assertion: a person (when attributed), a number, a role and a period, never a silent fact (§3.7). */
export interface RoleAssertion {
  readonly person: string | null
  /** From the attribution record, `YYYY-MM-DD`; never inferred from behaviour. */
  readonly dateOfBirth: string | null
  readonly msisdn: string
  readonly role: 'holder' | 'runner' | 'associate'
  readonly fromUtc: string
  readonly toUtc: string | null
  readonly confidence: string
  readonly status: 'proposed' | 'reviewed' | 'disputed'
  readonly for: readonly RoleEvidence[]
  readonly against: readonly RoleEvidence[]
}

export interface LineRoles {
  readonly line: string
  readonly roles: readonly RoleAssertion[]
}

/** What the documents read from the `line-roles` analysis result. */
export interface LineRolesFigures {
  readonly lines: readonly LineRoles[]
}

const item = shape({ text, evidence: nullable(eventEvidence) })

export const readLineRoles: Reader<LineRolesFigures> = shape({
  lines: list(
    shape({
      line: text,
      roles: list(
        shape({
          person: nullable(text),
          dateOfBirth: nullable(text),
          msisdn: text,
          role: oneOf('holder', 'runner', 'associate'),
          fromUtc: text,
          toUtc: nullable(text),
          confidence: text,
          status: oneOf('proposed', 'reviewed', 'disputed'),
          for: list(item),
          against: list(item),
        }),
      ),
    }),
  ),
})
