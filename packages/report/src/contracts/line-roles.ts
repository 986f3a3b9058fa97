import type { EventEvidence } from '@linesight/analysis'
import {
  bool,
  eventEvidence,
  list,
  nullable,
  num,
  oneOf,
  shape,
  text,
  type Reader,
} from '../core/contract.js'

/** One signal behind a role candidate (call-backs after customers, co-location, trips …): met or not, with rows. */
export interface RoleSignal {
  readonly id: string
  readonly text: string
  readonly value: number
  readonly threshold: number
  readonly fired: boolean
  readonly required: boolean
  readonly evidence: readonly EventEvidence[]
}

/** A person from a subscriber record. Date of birth from the record only, never inferred from behaviour. */
export interface RolePerson {
  readonly name: string | null
  readonly dateOfBirth: string | null
}

/** An attribution assertion: a person for a number over a period, with its status (proposed / reviewed / disputed). */
export interface RoleAttribution {
  readonly status: string
  readonly identifier: string
  readonly period: { readonly from: string; readonly to: string }
  readonly basis: string
  readonly person: RolePerson
}

export interface RoleCandidate {
  readonly number: string
  readonly role: 'runner' | 'holder'
  readonly score: number
  readonly confidence: string
  readonly signals: readonly RoleSignal[]
  /** First and last contact linking the number to the line. */
  readonly period: { readonly from: string; readonly to: string } | null
  readonly person: RolePerson | null
  readonly attribution: RoleAttribution | null
}

export interface LineRoles {
  readonly key: string
  readonly numbers: readonly string[]
  readonly runners: readonly RoleCandidate[]
  readonly holders: readonly RoleCandidate[]
}

/** What the documents read from the `line-roles` analysis result (§3.7). */
export interface LineRolesFigures {
  readonly lines: readonly LineRoles[]
  readonly note: string
}

const person = shape({ name: nullable(text), dateOfBirth: nullable(text) })
const periodOf = shape({ from: text, to: text })
const candidate = shape({
  number: text,
  role: oneOf('runner', 'holder'),
  score: num,
  confidence: text,
  signals: list(
    shape({
      id: text,
      text,
      value: num,
      threshold: num,
      fired: bool,
      required: bool,
      evidence: list(eventEvidence),
    }),
  ),
  period: nullable(periodOf),
  person: nullable(person),
  attribution: nullable(shape({ status: text, identifier: text, period: periodOf, basis: text, person })),
})

export const readLineRoles: Reader<LineRolesFigures> = shape({
  lines: list(shape({ key: text, numbers: list(text), runners: list(candidate), holders: list(candidate) })),
  note: text,
})

/** The person a candidate is attributed to, by name: the attribution's person first, else the subscriber's. */
export const personName = (c: RoleCandidate): string | null =>
  c.attribution?.person.name ?? c.person?.name ?? null

export const dateOfBirth = (c: RoleCandidate): string | null =>
  c.attribution?.person.dateOfBirth ?? c.person?.dateOfBirth ?? null
