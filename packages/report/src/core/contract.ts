import type { EventEvidence } from '@linesight/analysis'
import { ValidationError } from '@linesight/model'

/**
 * How a document reads an analysis result it receives as `unknown` (from the registry): the fields this document
 * version reads, checked with path errors. Unlike the model's strict validator, extra fields are allowed (an
 * analysis may carry more than a document prints) and are dropped from the typed value.
 */
export type Reader<T> = (value: unknown, path: string) => T

const describe = (v: unknown): string =>
  v === null ? 'null' : Array.isArray(v) ? 'an array' : `a ${typeof v}`

export const text: Reader<string> = (v, p) => {
  if (typeof v !== 'string') throw new ValidationError(p, `expected text, got ${describe(v)}`)
  return v
}

export const num: Reader<number> = (v, p) => {
  if (typeof v !== 'number' || !Number.isFinite(v))
    throw new ValidationError(p, `expected a number, got ${describe(v)}`)
  return v
}

export const bool: Reader<boolean> = (v, p) => {
  if (typeof v !== 'boolean') throw new ValidationError(p, `expected true or false, got ${describe(v)}`)
  return v
}

export const oneOf =
  <const T extends readonly string[]>(...allowed: T): Reader<T[number]> =>
  (v, p) => {
    if (typeof v !== 'string' || !allowed.includes(v))
      throw new ValidationError(p, `expected one of ${allowed.join(', ')}, got ${JSON.stringify(v)}`)
    return v as T[number]
  }

/** Null or absent both read as null. */
export const nullable =
  <T>(inner: Reader<T>): Reader<T | null> =>
  (v, p) =>
    v === null || v === undefined ? null : inner(v, p)

export const list =
  <T>(item: Reader<T>): Reader<readonly T[]> =>
  (v, p) => {
    if (!Array.isArray(v)) throw new ValidationError(p, `expected a list, got ${describe(v)}`)
    return v.map((x, i) => item(x, `${p}[${i}]`))
  }

/** A list that may be absent (read as empty); `null` is refused. */
export const listOrEmpty =
  <T>(item: Reader<T>): Reader<readonly T[]> =>
  (v, p) =>
    v === undefined ? [] : list(item)(v, p)

export const textOrNumber: Reader<string | number | null> = (v, p) =>
  v === null || v === undefined ? null : typeof v === 'number' ? num(v, p) : text(v, p)

type Shape = Record<string, Reader<unknown>>
type Out<S extends Shape> = { readonly [K in keyof S]: S[K] extends Reader<infer T> ? T : never }

/** An object with at least these fields (extra fields are ignored). */
export const shape =
  <S extends Shape>(fields: S): Reader<Out<S>> =>
  (v, p) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v))
      throw new ValidationError(p, `expected an object, got ${describe(v)}`)
    const input = v as Record<string, unknown>
    const out: Record<string, unknown> = {}
    for (const [k, read] of Object.entries(fields)) out[k] = read(input[k], `${p}.${k}`)
    return out as Out<S>
  }

const texts = list(text)

/** An `EventEvidence` as analyses attach it to figures (see @linesight/analysis core/evidence.ts). */
export const eventEvidence: Reader<EventEvidence> = (v, p) => {
  const o = shape({ kind: oneOf('events'), targets: texts, count: num })(v, p)
  const input = v as Record<string, unknown>
  const opt = <K extends 'others' | 'types' | 'directions' | 'cells' | 'ids'>(
    k: K,
  ): Partial<Record<K, readonly string[]>> =>
    input[k] === undefined ? {} : ({ [k]: texts(input[k], `${p}.${k}`) } as Record<K, readonly string[]>)
  const optText = <K extends 'from' | 'to'>(k: K): Partial<Record<K, string>> =>
    input[k] === undefined ? {} : ({ [k]: text(input[k], `${p}.${k}`) } as Record<K, string>)
  return {
    ...o,
    ...opt('others'),
    ...opt('types'),
    ...opt('directions'),
    ...opt('cells'),
    ...opt('ids'),
    ...optText('from'),
    ...optText('to'),
  }
}

/** Reads a value, turning a path error into `{ ok: false, reason }` for an "analysis could not be used" section. */
export function tryRead<T>(
  read: Reader<T>,
  value: unknown,
  path: string,
): { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string } {
  try {
    return { ok: true, value: read(value, path) }
  } catch (e) {
    return { ok: false, reason: e instanceof Error ? e.message : String(e) }
  }
}
