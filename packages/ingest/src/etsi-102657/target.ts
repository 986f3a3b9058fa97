import type { PartyFacts } from './record-facts.js'

/**
 * The digits a number is compared on: its last 9, so `+447911123456`, `447911123456` and `07911123456` agree.
 * `null` for short codes and sender names, which can never be the target.
 */
export function numberKey(text: string | null): string | null {
  if (text === null) return null
  const digits = text.replace(/\D/g, '')
  return digits.length >= 9 ? digits.slice(-9) : null
}

/** Whose records these are. */
export interface TargetDecision {
  readonly key: string
  /** How to write the target when a row knows it only through its IMSI: the file's commonest spelling. */
  readonly display: string
  /** IMSIs seen only ever with the target's number, so a leg with no number but one of these is the target's. */
  readonly imsis: ReadonlySet<string>
  readonly warnings: readonly string[]
}

/**
 * Counts, over a first pass through the file, how many records each number appears in and which IMSIs go with
 * which numbers, then decides the target: the number matching `targetHint`, or else the most frequent one.
 */
export class TargetTally {
  readonly #records = new Map<string, number>()
  readonly #spellings = new Map<string, Map<string, number>>()
  readonly #imsiKeys = new Map<string, Set<string>>()
  #recordCount = 0

  add(parties: readonly PartyFacts[]): void {
    this.#recordCount++
    const keys = new Set<string>()
    for (const { number, imsi } of parties) {
      const key = numberKey(number)
      if (key === null || number === null) continue
      keys.add(key)
      const spellings = this.#spellings.get(key) ?? new Map<string, number>()
      spellings.set(number, (spellings.get(number) ?? 0) + 1)
      this.#spellings.set(key, spellings)
      if (imsi !== null) this.#imsiKeys.set(imsi, (this.#imsiKeys.get(imsi) ?? new Set()).add(key))
    }
    // Per record, not per leg: a call to oneself must not count twice.
    for (const key of keys) this.#records.set(key, (this.#records.get(key) ?? 0) + 1)
  }

  /** `null` when no target can be named (no hint and no numbers at all). */
  decide(targetHint: string | undefined): TargetDecision | null {
    const warnings: string[] = []
    let key: string | null
    if (targetHint !== undefined) {
      key = numberKey(targetHint)
      if (key === null) {
        throw new RangeError(
          'targetHint has fewer than 9 digits: give the target number in E.164 or national form.',
        )
      }
      if (!this.#records.has(key)) {
        warnings.push(
          'No party in this file has the targetHint number, so rows have an empty target_msisdn; check targetHint.',
        )
      }
    } else {
      key = this.#mostFrequent(warnings)
      if (key === null) return null
    }
    const spellings = [...(this.#spellings.get(key) ?? new Map<string, number>())]
    const display = spellings.sort(([a, m], [b, n]) => n - m || (a < b ? -1 : 1))[0]?.[0] ?? targetHint ?? ''
    const imsis = new Set(
      [...this.#imsiKeys].filter(([, keys]) => keys.size === 1 && keys.has(key)).map(([i]) => i),
    )
    return { key, display, imsis, warnings }
  }

  #mostFrequent(warnings: string[]): string | null {
    const ranked = [...this.#records].sort(([a, m], [b, n]) => n - m || (a < b ? -1 : 1))
    const [first, second] = ranked
    if (first === undefined) return null
    const [key, count] = first
    if (second !== undefined && second[1] === count) {
      warnings.push(
        `Two or more numbers appear in the same number of records (${count}); the target was picked among them ` +
          'by digit order. Pass targetHint to say which number the request was about.',
      )
    }
    if (count * 2 < this.#recordCount) {
      warnings.push(
        `The most frequent number appears in only ${count} of ${this.#recordCount} records, so it may not be the ` +
          'target. Pass targetHint to say which number the request was about.',
      )
    }
    return key
  }
}
