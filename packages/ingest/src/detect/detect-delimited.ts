import type {
  DelimitedSource,
  EventClassVocabulary,
  ImportWarning,
  SourceKind,
  TimeSpec,
} from '@linesight/model'
import { normalisePhone } from '@linesight/identifiers'
import { DETECTED_PROFILE, PROFILES } from '../profiles/registry.js'
import type { Profile } from '../profiles/profile.js'
import { decodeHead, detectEncoding } from '../sniff/encoding.js'
import {
  DELIMITERS,
  describeDelimiter,
  sampleDelimited,
  unclosedQuoteLine,
} from '../sniff/delimited-sample.js'
import { readHead } from '../sniff/read-head.js'
import { DEFAULT_VOCABULARY } from '../vocabulary/default-vocabulary.js'
import { assignRoles, inferKind } from './assign-roles.js'
import { buildPlan } from './build-plan.js'
import { UnreadableFileError, type Detection, type Question } from './detection.js'
import { normaliseHeader, rolesForHeader, type Role } from './header-roles.js'
import type { DateOrder } from './time-format.js'
import { decideTime, type OrderEvidence } from './time-spec.js'

export interface DetectOptions {
  readonly caseTimeZone: string
  /** Name shown in messages (the original file name when `path` is a working copy). */
  readonly displayName?: string
  readonly sheet?: string | null
  readonly zone?: string
  readonly dateOrder?: DateOrder
  readonly kind?: SourceKind
  readonly numberCountry?: string
  /** The target number, for layouts whose rows do not carry it. */
  readonly target?: string
  /** Whole-column date-order evidence from the engine, for columns a first pass left open. */
  readonly orderEvidence?: readonly OrderEvidence[]
  /** Forces a profile by id (from a mapping file or option). */
  readonly profileId?: string
  /** Extra role assignments and vocabulary from a mapping file. */
  readonly roleOverrides?: Readonly<Record<string, Role | 'ignore'>>
  readonly vocabulary?: EventClassVocabulary
  readonly dateFormat?: string
}

const HEAD_BYTES = 512 * 1024

function headerProfile(headers: readonly string[]): Profile | null {
  const present = new Set(headers.map(normaliseHeader))
  const matches = PROFILES.filter(
    (p) => p.headers !== undefined && p.headers.every((h) => present.has(normaliseHeader(h))),
  )
  return matches.sort((a, b) => (b.headers?.length ?? 0) - (a.headers?.length ?? 0))[0] ?? null
}

function headerlessProfile(rows: readonly (readonly string[])[], delimiter: string): Profile | null {
  for (const p of PROFILES) {
    const h = p.headerless
    if (h === undefined || h.delimiter !== delimiter) continue
    const fits = rows.filter(
      (r) =>
        r.length === h.columns.length &&
        Object.entries(h.patterns).every(([c, re]) =>
          new RegExp(re).test((r[h.columns.indexOf(c)] ?? '').trim()),
        ),
    )
    if (rows.length > 0 && fits.length >= rows.length * 0.9) return p
  }
  return null
}

/** The number a file is about when its rows only name parties: the one in nearly every row. */
function commonParty(
  rows: readonly (readonly string[])[],
  a: number,
  b: number,
  country: string,
): string | null {
  const counts = new Map<string, number>()
  for (const r of rows)
    for (const i of new Set([a, b])) {
      const e164 = normalisePhone(r[i], country).e164
      if (e164 !== null) counts.set(e164, (counts.get(e164) ?? 0) + 1)
    }
  const [top] = [...counts.entries()].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))
  return top !== undefined && top[1] >= rows.length * 0.9 ? top[0] : null
}

/**
 * Works out what a delimited text file holds and how to read it, from its first half-megabyte: encoding,
 * delimiter, header, layout, column roles, time formats and zone. Questions it cannot settle are returned, not
 * guessed; date order that the sample leaves open is listed in `pendingDateOrder` for a whole-column scan.
 */
export async function detectDelimited(path: string, options: DetectOptions): Promise<Detection> {
  const name = options.displayName ?? path
  const head = await readHead(path, HEAD_BYTES)
  if (head.length === 0) throw new UnreadableFileError(`${name} is empty: there is nothing to import`)
  const encoding = detectEncoding(head, name)
  const text = decodeHead(head, encoding.encoding)
  if (text.trim() === '')
    throw new UnreadableFileError(`${name} holds only blank lines: there is nothing to import`)
  const complete = head.length < HEAD_BYTES
  const firstLineEnd = text.indexOf('\n')
  if (!complete && (firstLineEnd < 0 || firstLineEnd > HEAD_BYTES / 2))
    throw new UnreadableFileError(
      `${name}: the first line is longer than ${HEAD_BYTES / 2048} KB, so it is not a header row of a delimited file; check the file or its line endings`,
    )
  const sample = sampleDelimited(text, complete)
  // A quote left open runs to the end of the file: every record after it would vanish into one value. In a cut
  // head it might yet close beyond the cut (a value with line breaks across the 512 KB mark); refusing that too
  // is safer than reading the rest of a file as one reject.
  const quoteLine =
    sample !== null
      ? sample.unclosedQuoteLine
      : (DELIMITERS.map((d) => unclosedQuoteLine(text, d)).find((l) => l !== null) ?? null)
  if (quoteLine !== null) {
    const before =
      sample === null
        ? ''
        : ` (the lines before it split into ${sample.width} columns at ${describeDelimiter(sample.delimiter)})`
    throw new UnreadableFileError(
      `${name}: line ${quoteLine} opens a quote (") that is ${complete ? 'never closed' : `not closed in the first ${HEAD_BYTES / 1024} KB`}, so everything from there to the end of the file would be read as one value${before}. Ask the supplier for a corrected file, or correct line ${quoteLine} in a copy (a quote inside a value is written twice: "") and import the copy, keeping this original; nothing was imported`,
    )
  }
  if (sample === null)
    throw new UnreadableFileError(
      `${name}: no delimiter (comma, semicolon, tab or pipe) splits its lines into columns; is it a delimited text file?`,
    )

  const warnings: ImportWarning[] = []
  const forced =
    options.profileId === undefined ? null : (PROFILES.find((p) => p.id === options.profileId) ?? null)
  let profile: Profile | null = forced
  let headerIndex = -1
  let headers: string[]
  const noHeaderProfile =
    forced?.headerless !== undefined
      ? forced
      : forced === null
        ? headerlessProfile(sample.rows, sample.delimiter)
        : null
  if (noHeaderProfile !== null) {
    profile = noHeaderProfile
    headers = [...noHeaderProfile.headerless!.columns]
  } else {
    // The header is the first row of the common width naming two or more known columns (preamble lines skipped).
    headerIndex = sample.rows
      .slice(0, 20)
      .findIndex(
        (r) =>
          r.length === sample.width &&
          r.filter(
            (c) => rolesForHeader(c).length > 0 || Object.keys(options.roleOverrides ?? {}).includes(c),
          ).length >= 2,
      )
    if (headerIndex < 0)
      throw new UnreadableFileError(
        `${name}: no header row was recognised in the first lines (first line: "${(sample.rows[0] ?? []).join(sample.delimiter).slice(0, 120)}"); pass a mapping file naming the columns (see docs/formats.md)`,
      )
    headers = sample.rows[headerIndex]!.map((h) => h.trim())
    const dupes = headers.filter((h, i) => headers.indexOf(h) !== i)
    if (dupes.length > 0) headers = headers.map((h, i) => (headers.indexOf(h) !== i ? `${h} (${i + 1})` : h))
    profile ??= headerProfile(headers)
  }
  const dataIndexes = sample.rows
    .map((r, i) => (i > headerIndex && r.length === headers.length ? i : -1))
    .filter((i) => i >= 0)
  const dataRows = dataIndexes.map((i) => sample.rows[i]!)
  // The line each sample value came from, so messages about values can name it (headerless layouts: as read).
  const dataLines = dataIndexes.map((i) => sample.lines[i]!)
  if (sample.rows.length <= headerIndex + 1)
    throw new UnreadableFileError(`${name} has a header but no records: there is nothing to import`)
  const columnValues = headers.map((_, i) => dataRows.map((r) => r[i] ?? ''))
  const valuesOf = (column: string): readonly string[] => columnValues[headers.indexOf(column)] ?? []

  const questions: Question[] = []
  const kind = options.kind ?? profile?.kind ?? inferKind(headers)
  if (kind === null) {
    questions.push({
      code: 'unknown-kind',
      column: null,
      message: 'the headers do not say whether this is a CDR, a cell list or a subscriber list: pass --kind',
    })
  }
  const resolvedKind: SourceKind = kind ?? 'cdr'
  const vocabulary: EventClassVocabulary = {
    ...DEFAULT_VOCABULARY,
    ...(profile?.vocabulary ?? {}),
    ...(options.vocabulary ?? {}),
  }
  const effectiveProfile: Profile | null =
    options.roleOverrides === undefined
      ? profile
      : { ...(profile ?? DETECTED_PROFILE), roles: { ...(profile?.roles ?? {}), ...options.roleOverrides } }
  const { roles, columns } = assignRoles(headers, columnValues, resolvedKind, effectiveProfile, vocabulary)
  const numberCountry = options.numberCountry ?? profile?.numberCountry ?? 'GB'

  const pendingDateOrder: string[] = []
  let timeZone: Detection['timeZone'] = null
  const time = (role: Role, timeRole: Role | null): TimeSpec | null => {
    const column = roles.get(role)
    // A column present but blank throughout (an unused end time, say) says nothing: it is left unread.
    if (column === undefined || valuesOf(column).every((v) => v.trim() === '')) return null
    const timeColumn = timeRole === null ? undefined : roles.get(timeRole)
    const decision = decideTime(
      column,
      timeColumn ?? null,
      valuesOf(column),
      timeColumn === undefined ? null : valuesOf(timeColumn),
      profile,
      {
        caseTimeZone: options.caseTimeZone,
        ...(options.zone === undefined ? {} : { zone: options.zone }),
        ...(options.dateOrder === undefined ? {} : { dateOrder: options.dateOrder }),
        ...(options.dateFormat === undefined ? {} : { dateFormat: options.dateFormat }),
      },
      options.orderEvidence ?? null,
      dataLines,
    )
    questions.push(...decision.questions)
    pendingDateOrder.push(...decision.pendingDateOrder)
    warnings.push(...decision.warnings)
    timeZone ??= decision.zone
    if (decision.spec !== null && options.dateFormat !== undefined)
      return { ...decision.spec, format: options.dateFormat }
    return decision.spec
  }
  let start: TimeSpec | null = null
  if (resolvedKind === 'cdr') {
    start = roles.has('datetime') ? time('datetime', null) : time('date', 'time')
    if (
      start === null &&
      pendingDateOrder.length === 0 &&
      !questions.some((q) => q.code === 'no-time' || q.code.includes('date-order'))
    )
      questions.push({
        code: 'no-time',
        column: null,
        message: 'no column gives the start date and time of each record',
      })
  }
  const end = resolvedKind === 'cdr' ? time('end', null) : null
  const validFrom = resolvedKind === 'cells' ? time('validFrom', null) : null
  const validTo = resolvedKind === 'cells' ? time('validTo', null) : null

  let target: string | null =
    options.target === undefined ? null : normalisePhone(options.target, numberCountry).e164
  if (options.target !== undefined && target === null)
    questions.push({
      code: 'no-target',
      column: null,
      message: `--target "${options.target}" is not a valid phone number`,
    })
  const calling = roles.get('calling')
  const called = roles.get('called')
  const hasDirection = roles.has('direction') || roles.has('eventClass')
  if (
    resolvedKind === 'cdr' &&
    target === null &&
    !roles.has('target') &&
    calling !== undefined &&
    called !== undefined &&
    (!hasDirection || profile?.id === 'minimal-cdr')
  ) {
    target = commonParty(dataRows, headers.indexOf(calling), headers.indexOf(called), numberCountry)
    if (target !== null)
      warnings.push({
        code: 'target-from-parties',
        message: `Rows name parties only: the target was taken as ${target}, the party in every row`,
        count: 1,
      })
  }

  const source: DelimitedSource = {
    path,
    delimiter: sample.delimiter,
    quote: '"',
    header: headerIndex >= 0,
    columns: headers,
    linesBeforeData: headerIndex + 1,
  }
  const profileRef =
    profile === null
      ? { id: DETECTED_PROFILE.id, version: DETECTED_PROFILE.version }
      : { id: profile.id, version: profile.version }
  const built =
    questions.length > 0 || pendingDateOrder.length > 0
      ? { plan: null, questions: [], warnings: [] }
      : buildPlan({
          kind: resolvedKind,
          source,
          profile: effectiveProfile,
          profileRef,
          roles,
          values: valuesOf,
          vocabulary,
          numberCountry,
          sheet: options.sheet ?? null,
          start,
          end,
          validFrom,
          validTo,
          target,
          dateOrder: options.dateOrder ?? null,
        })
  const recognised = columns.filter((c) => c.role !== null).length
  return {
    file: name,
    sheet: options.sheet ?? null,
    kind: resolvedKind,
    profile:
      profile === null
        ? { ...profileRef, title: DETECTED_PROFILE.title }
        : { id: profile.id, version: profile.version, title: profile.title },
    confidence: profile !== null ? 1 : Math.round((recognised / Math.max(headers.length, 1)) * 100) / 100,
    delimiter: sample.delimiter,
    encoding: encoding.encoding,
    encodingEvidence: encoding.evidence,
    columns,
    sampleRows: dataRows.slice(0, 5),
    timeZone,
    questions: [...questions, ...built.questions],
    pendingDateOrder,
    // The same warning from the start and the end column is said once.
    warnings: [...warnings, ...built.warnings].filter(
      (w, i, all) => all.findIndex((x) => x.message === w.message) === i,
    ),
    plan: built.plan,
  }
}
