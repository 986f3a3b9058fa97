/**
 * The overnight hits of cuckooing leads: which hits count for which line and person, and what each episode of a
 * person's hits shows (worked out once for every person whose home cells give the same hits).
 */
import type { EventEvidence } from '../../core/evidence.js'
import { dayNumber } from '../../continuity/common/civil.js'
import { idsEvidence } from '../../continuity/common/evidence.js'
import type { LineGroup } from '../../continuity/common/line-groups.js'
import { episodes } from './cuckooing-leads.rules.js'
import type { HomeCellRow, NightHit, PersonHomeCellRow } from './cuckooing-leads.sql.js'

/** One night of a lead: the phones on the home cells, the cells, and the rows. */
export interface LeadNight {
  readonly night: string
  readonly phones: readonly string[]
  readonly cells: readonly string[]
  readonly evidence: EventEvidence
}

/** Rows bucketed by key, each bucket in input order (what `rows.filter(r => key(r) === k)` gives), in one pass. */
export function bucket<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>()
  for (const row of rows) {
    const k = key(row)
    const b = out.get(k)
    if (b) b.push(row)
    else out.set(k, [row])
  }
  return out
}

/**
 * The union of sorted lists without repeats, sorted: what `[...new Set(lists.flat())].sort()` gives, by merging
 * (`<` orders strings as `sort()` does, by UTF-16 code units).
 */
function sortedUnion(lists: readonly (readonly string[])[]): readonly string[] {
  let out: readonly string[] = lists[0] ?? []
  for (const next of lists.slice(1)) {
    const merged: string[] = []
    let i = 0
    let j = 0
    while (i < out.length && j < next.length) {
      const a = out[i] as string
      const b = next[j] as string
      if (a < b) merged.push(out[i++] as string)
      else if (b < a) merged.push(next[j++] as string)
      else {
        merged.push(a)
        i++
        j++
      }
    }
    while (i < out.length) merged.push(out[i++] as string)
    while (j < next.length) merged.push(next[j++] as string)
    out = merged
  }
  return out
}

/**
 * Each line's persons' home cells: each person the line checks (once; never a line number of any line checked)
 * with the home cells the query found for that person, in its order.
 */
export function homesOfLines(
  rows: readonly PersonHomeCellRow[],
  checked: readonly (readonly [string, string])[],
  groups: readonly LineGroup[],
): HomeCellRow[] {
  const lineNumbers = new Set(groups.flatMap((g) => g.numbers))
  const byPerson = bucket(rows, (r) => r.person)
  const seen = new Set<string>()
  const out: HomeCellRow[] = []
  for (const [g, person] of checked) {
    const key = `${g}\u0000${person}`
    if (lineNumbers.has(person) || seen.has(key)) continue
    seen.add(key)
    for (const r of byPerson.get(person) ?? []) out.push({ ...r, g })
  }
  return out
}

/**
 * Each line's overnight rows on the home cells of each of its persons: a row counts for a line when its phone is
 * one of the line's phones, and for a person of that line when its cell is one of the person's home cells and the
 * phone is not the person's own. Rows are taken in order of row id, the order an evidence lists them in, so each
 * evidence sorts a list already in order (nothing else depends on the order of a person's rows).
 */
export function hitsByLineAndPerson(
  rows: readonly NightHit[],
  homes: readonly HomeCellRow[],
  phones: readonly (readonly [string, string])[],
): Map<string, Map<string, NightHit[]>> {
  const linesOf = new Map<string, Set<string>>()
  for (const [g, n] of phones) {
    const s = linesOf.get(n)
    if (s) s.add(g)
    else linesOf.set(n, new Set([g]))
  }
  const personsOn = new Map<string, Map<string, Set<string>>>()
  for (const h of homes) {
    let byCell = personsOn.get(h.g)
    if (byCell === undefined) personsOn.set(h.g, (byCell = new Map()))
    const s = byCell.get(h.cgi)
    if (s) s.add(h.person)
    else byCell.set(h.cgi, new Set([h.person]))
  }
  const out = new Map<string, Map<string, NightHit[]>>()
  for (const row of [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)))
    for (const g of linesOf.get(row.phone) ?? []) {
      const persons = personsOn.get(g)?.get(row.cgi)
      if (persons === undefined) continue
      let m = out.get(g)
      if (m === undefined) out.set(g, (m = new Map()))
      for (const person of persons) {
        if (person === row.phone) continue
        const b = m.get(person)
        if (b) b.push(row)
        else m.set(person, [row])
      }
    }
  return out
}

/** What a lead says about one episode of hits, the same for every person whose home cells give those hits. */
export interface EpisodeFacts {
  readonly nights: readonly string[]
  readonly leadNights: readonly LeadNight[]
  readonly spanDays: number
  readonly phonesPresent: readonly string[]
  readonly nightsLineAndRunner: number
  /** Every person (of those checked for the line) with a home cell among the episode's cells, sorted. */
  readonly servedBy: readonly string[]
  readonly evidence: EventEvidence
}

/** The episodes of one person's hits (in row-id order) and what each shows. */
export function episodeFacts(
  personHits: readonly NightHit[],
  rule: {
    readonly minNights: number
    readonly windowDays: number
    readonly lineNumbers: ReadonlySet<string>
    readonly runnerSet: ReadonlySet<string>
    readonly personsOn: ReadonlyMap<string, readonly string[]>
  },
): EpisodeFacts[] {
  return episodes(
    personHits.map((h) => h.night),
    rule.minNights,
    rule.windowDays,
  ).map((nights) => {
    const nightSet = new Set(nights)
    const inEpisode = personHits.filter((h) => nightSet.has(h.night))
    const byNight = bucket(inEpisode, (h) => h.night)
    const episodeCells = new Set(inEpisode.map((h) => h.cgi))
    const phonesPresent = [...new Set(inEpisode.map((h) => h.phone))].sort()
    const phonesOn = new Map(
      nights.map((n) => [n, [...new Set((byNight.get(n) ?? []).map((h) => h.phone))].sort()] as const),
    )
    return {
      nights,
      leadNights: nights.map((n) => {
        const rows = byNight.get(n) ?? []
        const onNight = phonesOn.get(n) ?? []
        return {
          night: n,
          phones: onNight,
          cells: [...new Set(rows.map((r) => r.cgi))].sort(),
          evidence: idsEvidence(
            onNight,
            rows.map((r) => r.id),
          ),
        }
      }),
      spanDays: dayNumber(nights[nights.length - 1] as string) - dayNumber(nights[0] as string) + 1,
      phonesPresent,
      nightsLineAndRunner: nights.filter((n) => {
        const on = phonesOn.get(n) ?? []
        return on.some((p) => rule.lineNumbers.has(p)) && on.some((p) => rule.runnerSet.has(p))
      }).length,
      servedBy: sortedUnion([...episodeCells].map((c) => rule.personsOn.get(c) ?? [])),
      evidence: idsEvidence(
        phonesPresent,
        inEpisode.map((h) => h.id),
      ),
    }
  })
}
