/**
 * A small strict validator in the style of tldraw's: unknown keys are rejected and every message names the path.
 *
 * @example
 * const point = object({ x: number, y: number })
 * point.validate({ x: 1, y: 'a' }, 'point') // throws "At point.y: expected a number, got a string"
 */
export class ValidationError extends Error {
  override readonly name = 'ValidationError'
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(`At ${path}: ${problem}`)
  }
}

export interface Validator<T> {
  readonly validate: (value: unknown, path?: string) => T
}

const describe = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`

const make = <T>(check: (value: unknown, path: string) => T): Validator<T> => ({
  validate: (value, path = 'value') => check(value, path),
})

export const string: Validator<string> = make((v, p) => {
  if (typeof v !== 'string') throw new ValidationError(p, `expected a string, got ${describe(v)}`)
  return v
})

export const nonEmptyString: Validator<string> = make((v, p) => {
  const s = string.validate(v, p)
  if (s.trim() === '') throw new ValidationError(p, 'expected a non-empty string')
  return s
})

export const number: Validator<number> = make((v, p) => {
  if (typeof v !== 'number' || !Number.isFinite(v))
    throw new ValidationError(p, `expected a number, got ${describe(v)}`)
  return v
})

export const integer: Validator<number> = make((v, p) => {
  const n = number.validate(v, p)
  if (!Number.isInteger(n)) throw new ValidationError(p, `expected an integer, got ${n}`)
  return n
})

export const boolean: Validator<boolean> = make((v, p) => {
  if (typeof v !== 'boolean') throw new ValidationError(p, `expected true or false, got ${describe(v)}`)
  return v
})

export const literal = <const T extends readonly string[]>(...allowed: T): Validator<T[number]> =>
  make((v, p) => {
    if (typeof v !== 'string' || !allowed.includes(v))
      throw new ValidationError(
        p,
        `expected one of ${allowed.map((a) => `"${a}"`).join(', ')}, got ${JSON.stringify(v)}`,
      )
    return v as T[number]
  })

export const arrayOf = <T>(item: Validator<T>): Validator<readonly T[]> =>
  make((v, p) => {
    if (!Array.isArray(v)) throw new ValidationError(p, `expected an array, got ${describe(v)}`)
    return Object.freeze(v.map((x, i) => item.validate(x, `${p}[${i}]`)))
  })

export const recordOf = <T>(item: Validator<T>): Validator<Readonly<Record<string, T>>> =>
  make((v, p) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v))
      throw new ValidationError(p, `expected an object, got ${describe(v)}`)
    const out: Record<string, T> = {}
    for (const [k, x] of Object.entries(v)) out[k] = item.validate(x, `${p}.${k}`)
    return Object.freeze(out)
  })

type Shape = Record<string, Validator<unknown>>
type OptionalKeys<S extends Shape> = {
  [K in keyof S]: S[K] extends OptionalValidator<unknown> ? K : never
}[keyof S]
type Out<S extends Shape> = {
  readonly [K in Exclude<keyof S, OptionalKeys<S>>]: S[K] extends Validator<infer T> ? T : never
} & { readonly [K in OptionalKeys<S>]?: S[K] extends Validator<infer T> ? T : never }

export interface OptionalValidator<T> extends Validator<T> {
  readonly optional: true
}

/** Marks a property that may be absent. `undefined` and absence are the same; `null` is not accepted. */
export const optional = <T>(inner: Validator<T>): OptionalValidator<T> => ({ ...inner, optional: true })

/** An object with exactly these keys: an unknown key is an error, so a typo such as `feild` fails at load. */
export const object = <S extends Shape>(shape: S): Validator<Out<S>> =>
  make((v, p) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v))
      throw new ValidationError(p, `expected an object, got ${describe(v)}`)
    const input = v as Record<string, unknown>
    for (const key of Object.keys(input)) {
      if (!(key in shape))
        throw new ValidationError(`${p}.${key}`, `unknown key (allowed: ${Object.keys(shape).join(', ')})`)
    }
    const out: Record<string, unknown> = {}
    for (const [key, validator] of Object.entries(shape)) {
      const value = input[key]
      if (value === undefined) {
        if ('optional' in validator) continue
        throw new ValidationError(`${p}.${key}`, 'is required')
      }
      out[key] = validator.validate(value, `${p}.${key}`)
    }
    return Object.freeze(out) as Out<S>
  })

/** A union told apart by a `kind` property, as in a closed TypeScript union. */
export const discriminated = <T extends { readonly kind: string }>(variants: {
  readonly [K in T['kind']]: Validator<Extract<T, { kind: K }>>
}): Validator<T> =>
  make((v, p) => {
    const kind = (v as { kind?: unknown } | null)?.kind
    if (typeof kind !== 'string' || !(kind in variants))
      throw new ValidationError(
        `${p}.kind`,
        `expected one of ${Object.keys(variants).join(', ')}, got ${JSON.stringify(kind)}`,
      )
    return (variants as Record<string, Validator<T>>)[kind]!.validate(v, p)
  })
