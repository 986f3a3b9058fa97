/** What the wording of one event needs. */
export interface WordingInput {
  readonly time_semantics: string
  /** The cell as the record gives it; null when the record has none. */
  readonly record_cell: string | null
  readonly site_name: string | null
  readonly local: string
  readonly end_local: string | null
  /** Null when no position is known for the cell at that time. */
  readonly position_source: string | null
}

/**
 * The sentence for one event's cell and time, from how the network relates the cell to the time (College of
 * Policing guidance on data events): a call or text used the cell at its time; a data session used it at or before
 * its start time; an O2 data session at or before its end time. Never "at" a place.
 */
export function eventWording(e: WordingInput): string {
  if (e.record_cell === null) return `No cell in the record (${e.local}).`
  const cell = e.site_name === null ? `cell ${e.record_cell}` : `cell ${e.record_cell} (${e.site_name})`
  let sentence: string
  switch (e.time_semantics) {
    case 'at-or-before-start':
      sentence = `Used ${cell} at or before ${e.local} (the start time).`
      break
    case 'at-or-before-end':
      sentence =
        e.end_local === null
          ? `Used ${cell} at or before the end time of the session that started ${e.local} (the end time is not given).`
          : `Used ${cell} at or before the end time, ${e.end_local}.`
      break
    default:
      sentence = `Used ${cell} at ${e.local}.`
  }
  if (e.position_source === null) return `${sentence} No position is known for this cell at that time.`
  if (e.position_source === 'public-fallback')
    return `${sentence} The cell position is from a public database: not evidential.`
  return sentence
}
