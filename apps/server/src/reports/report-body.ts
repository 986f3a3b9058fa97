import {
  DOCUMENT_KINDS,
  findDocumentKind,
  localToUtc,
  parseExhibitRef,
  type DocumentKindInfo,
  type DocumentOptionName,
  type ExhibitRef,
  type RelatedExhibit,
} from '@linesight/report'
import { HttpError } from '../http/errors.js'
import { isRecord, zone as checkZone } from '../http/validate.js'

export type ReportFormat = 'pdf' | 'xlsx'

/** A document request from the web app, checked field by field; the same choices as `linesight report`. */
export interface ReportBody {
  readonly kind: DocumentKindInfo
  readonly format: ReportFormat
  readonly line: string | null
  readonly numbers: readonly string[]
  readonly from: string | null
  readonly to: string | null
  readonly analyst: string | null
  readonly reviewer: string | null
  readonly exhibit: ExhibitRef | null
  readonly respondent: string | null
  readonly asOf: string | null
  readonly exhibits: readonly RelatedExhibit[]
  readonly radius: number
  readonly params: Readonly<Record<string, Readonly<Record<string, string>>>>
  readonly zone: string | null
  readonly generatedAt: string | null
}

const FIELDS = new Set<string>([
  'kind',
  'format',
  'line',
  'numbers',
  'from',
  'to',
  'analyst',
  'reviewer',
  'exhibit',
  'respondent',
  'asOf',
  'exhibits',
  'radius',
  'params',
  'zone',
  'generatedAt',
] satisfies (DocumentOptionName | 'kind' | 'format')[])

const NUMBER = /^\+?[0-9][0-9 ()-]{2,30}$/
const E164 = /^\+[1-9][0-9]{6,14}$/
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(\.\d+)?(Z|[+-]\d{2}:?\d{2})$/
const DAY = /^\d{4}-\d{2}-\d{2}$/

const blank = (v: unknown): boolean => v === undefined || v === null || v === ''

function text(body: Record<string, unknown>, name: string, max = 200): string | null {
  const v = body[name]
  if (blank(v)) return null
  if (typeof v !== 'string' || v.trim() === '' || v.length > max || /\p{Cc}/u.test(v))
    throw new HttpError(400, `expected text of at most ${max} characters`, name)
  return v.trim()
}

/** A number as typed (spaces and brackets allowed), which must then be E.164 as the case stores it. */
function number(v: unknown, path: string): string {
  const n = typeof v === 'string' && NUMBER.test(v.trim()) ? v.trim().replace(/[ ()-]/g, '') : null
  if (n === null || !E164.test(n))
    throw new HttpError(400, `"${String(v)}" is not an E.164 number (e.g. +447700900123)`, path)
  return n
}

function numbers(v: unknown): string[] {
  if (blank(v)) return []
  const list = typeof v === 'string' ? v.split(/[,\s]+/).filter((s) => s !== '') : v
  if (!Array.isArray(list) || list.length > 1000)
    throw new HttpError(400, 'expected a list of at most 1,000 numbers', 'numbers')
  return [...new Set(list.map((n, i) => number(n, `numbers[${i}]`)))]
}

/** A window bound as the CLI reads it: a local date is the whole day in the zone; a time must carry its zone. */
function bound(v: unknown, edge: 'from' | 'to', zone: string): string | null {
  if (blank(v)) return null
  if (typeof v === 'string' && DAY.test(v) && Number.isFinite(Date.parse(`${v}T00:00:00Z`)))
    return localToUtc(v, edge === 'from' ? '00:00:00' : '23:59:59', zone)
  if (typeof v === 'string' && ISO_WITH_ZONE.test(v) && Number.isFinite(Date.parse(v)))
    return new Date(Date.parse(v)).toISOString().replace('.000Z', 'Z')
  throw new HttpError(
    400,
    `"${String(v)}" is not a date (YYYY-MM-DD, a whole day in ${zone}) or a time with its zone (e.g. 2024-03-05T10:00:00Z)`,
    edge,
  )
}

/** `{ analysis: { name: value } }` or a list of `analysis.name=value`, into per-analysis overrides. */
function params(v: unknown): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {}
  if (blank(v)) return out
  const pairs: [string, string, unknown][] = []
  if (Array.isArray(v) || typeof v === 'string') {
    const list = typeof v === 'string' ? v.split('\n').filter((s) => s.trim() !== '') : v
    for (const [i, p] of list.entries()) {
      const m = typeof p === 'string' ? /^([a-z0-9-]+)\.([A-Za-z0-9_]+)=(.*)$/.exec(p.trim()) : null
      if (m === null)
        throw new HttpError(
          400,
          `"${String(p)}" is not analysis.name=value (e.g. quantity.heroinMeanMgPerDay=700)`,
          `params[${i}]`,
        )
      pairs.push([m[1]!, m[2]!, m[3]!])
    }
  } else if (isRecord(v)) {
    for (const [analysis, values] of Object.entries(v)) {
      if (!isRecord(values)) throw new HttpError(400, 'expected { name: value }', `params.${analysis}`)
      for (const [name, value] of Object.entries(values)) pairs.push([analysis, name, value])
    }
  } else throw new HttpError(400, 'expected analysis.name=value pairs', 'params')
  for (const [analysis, name, value] of pairs) {
    const path = `params.${analysis}.${name}`
    if (!/^[a-z0-9-]+$/.test(analysis) || !/^[A-Za-z0-9_]+$/.test(name))
      throw new HttpError(400, 'expected an analysis id and a parameter name', path)
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean')
      throw new HttpError(400, 'expected a value as text', path)
    out[analysis] = { ...(out[analysis] ?? {}), [name]: String(value) }
  }
  return out
}

function exhibits(v: unknown): RelatedExhibit[] {
  if (blank(v)) return []
  if (!Array.isArray(v) || v.length > 500)
    throw new HttpError(400, 'expected a list of { ref, title, persons?, numbers? }', 'exhibits')
  return v.map((x: unknown, i): RelatedExhibit => {
    if (!isRecord(x) || typeof x['ref'] !== 'string' || typeof x['title'] !== 'string')
      throw new HttpError(400, 'each related exhibit needs "ref" and "title"', `exhibits[${i}]`)
    const texts = (k: string): string[] => {
      const t = x[k]
      if (t === undefined) return []
      if (typeof t === 'string') return [t]
      if (Array.isArray(t) && t.every((s) => typeof s === 'string')) return t as string[]
      throw new HttpError(400, 'expected a list of text', `exhibits[${i}].${k}`)
    }
    return { ref: x['ref'], title: x['title'], persons: texts('persons'), numbers: texts('numbers') }
  })
}

/**
 * Reads the body of `POST /api/cases/:id/reports`. Unknown fields are refused (a typo must not pass silently);
 * a kind's required choice (its line, or its numbers) is checked here so the message names the field.
 */
export function parseReportBody(body: unknown, caseZone: string): ReportBody {
  if (!isRecord(body)) throw new HttpError(400, 'expected { kind, format, … } as a JSON object')
  for (const k of Object.keys(body)) if (!FIELDS.has(k)) throw new HttpError(400, 'unknown field', k)
  const kind = typeof body['kind'] === 'string' ? findDocumentKind(body['kind']) : undefined
  if (kind === undefined)
    throw new HttpError(
      400,
      `choose one of ${DOCUMENT_KINDS.map((k) => k.kind).join(', ')} (got ${JSON.stringify(body['kind'] ?? null)})`,
      'kind',
    )
  const format = body['format'] ?? 'pdf'
  if (format !== 'pdf' && format !== 'xlsx') throw new HttpError(400, 'expected "pdf" or "xlsx"', 'format')
  const zone = blank(body['zone']) ? null : checkZone(body['zone'], 'zone')
  const line = blank(body['line']) ? null : number(body['line'], 'line')
  if (kind.selection === 'line' && line === null)
    throw new HttpError(400, `a ${kind.kind} needs a line: give one of its numbers`, 'line')
  const list = numbers(body['numbers'])
  if (kind.selection === 'numbers' && list.length === 0)
    throw new HttpError(400, `an ${kind.kind} needs at least one number`, 'numbers')
  const radius = blank(body['radius']) ? 1500 : Number(body['radius'])
  if (!(radius > 0 && radius <= 100_000))
    throw new HttpError(400, `"${String(body['radius'])}" is not a radius in metres (1 to 100000)`, 'radius')
  const asOf = text(body, 'asOf', 10)
  if (asOf !== null && !(DAY.test(asOf) && Number.isFinite(Date.parse(`${asOf}T00:00:00Z`))))
    throw new HttpError(400, `"${asOf}" is not a date (YYYY-MM-DD)`, 'asOf')
  const generatedAt = text(body, 'generatedAt', 40)
  if (generatedAt !== null && !(ISO_WITH_ZONE.test(generatedAt) && Number.isFinite(Date.parse(generatedAt))))
    throw new HttpError(400, `"${generatedAt}" is not a time with its zone`, 'generatedAt')
  const exhibit = text(body, 'exhibit', 40)
  const z = zone ?? caseZone
  return {
    kind,
    format,
    line,
    numbers: list,
    from: bound(body['from'], 'from', z),
    to: bound(body['to'], 'to', z),
    analyst: text(body, 'analyst'),
    reviewer: text(body, 'reviewer'),
    exhibit: exhibit === null ? null : parseExhibitRef(exhibit, 'exhibit'),
    respondent: text(body, 'respondent'),
    asOf,
    exhibits: exhibits(body['exhibits']),
    radius,
    params: params(body['params']),
    zone,
    generatedAt: generatedAt === null ? null : new Date(Date.parse(generatedAt)).toISOString(),
  }
}
