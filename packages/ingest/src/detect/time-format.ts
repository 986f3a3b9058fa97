/**
 * Infers how a column writes times from its values. Day-first and month-first dates are kept apart as an open
 * question (`order: 'undecided'`) until the data settles it: a day above 12 decides, nothing else does.
 */
export type DateOrder = 'dmy' | 'mdy'

export interface TimeShape {
  /** strptime format, with `{D1}`/`{D2}` standing for the two ambiguous fields until the order is known. */
  readonly template: string
  /** `iso` with an offset in every value, epoch units, or a strptime template. */
  readonly kind: 'strptime' | 'iso-offset' | 'epoch-s' | 'epoch-ms'
  readonly hasTime: boolean
  readonly hasSeconds: boolean
  readonly orderSensitive: boolean
  /** Evidence from the sample: values whose first field exceeds 12, whose second does. */
  readonly firstOver12: number
  readonly secondOver12: number
  readonly matched: number
  readonly total: number
}

interface Pattern {
  readonly re: RegExp
  readonly shape: (
    m: RegExpMatchArray,
  ) => Omit<TimeShape, 'firstOver12' | 'secondOver12' | 'matched' | 'total'>
}

const time = (hm: string | undefined, sec: string | undefined, frac: string | undefined): string =>
  hm === undefined ? '' : ` %H:%M${sec === undefined ? '' : ':%S'}${frac === undefined ? '' : '.%f'}`

const PATTERNS: readonly Pattern[] = [
  {
    re: /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?\s?(Z|z|[+-]\d{2}:?\d{2})$/,
    shape: (m) => ({
      template: 'iso',
      kind: 'iso-offset',
      hasTime: true,
      hasSeconds: m[1] !== undefined,
      orderSensitive: false,
    }),
  },
  {
    re: /^(\d{4})([-/.])\d{1,2}\2\d{1,2}(?:([T ])\d{1,2}:\d{2}(:\d{2})?(\.\d{1,6})?)?$/,
    shape: (m) => ({
      template: `%Y${m[2]}%m${m[2]}%d${m[3] === undefined ? '' : time('x', m[4], m[5]).replace(' ', m[3])}`,
      kind: 'strptime',
      hasTime: m[3] !== undefined,
      hasSeconds: m[4] !== undefined,
      orderSensitive: false,
    }),
  },
  {
    re: /^\d{1,2}([-/.])\d{1,2}\1(\d{4}|\d{2})(?:[ T](\d{1,2}:\d{2})(:\d{2})?(\.\d{1,6})?)?$/,
    shape: (m) => ({
      template: `{D1}${m[1]}{D2}${m[1]}${m[2]!.length === 4 ? '%Y' : '%y'}${time(m[3], m[4], m[5])}`,
      kind: 'strptime',
      hasTime: m[3] !== undefined,
      hasSeconds: m[4] !== undefined,
      orderSensitive: true,
    }),
  },
  {
    re: /^\d{1,2}[- ]([A-Za-z]{3})[- ](\d{4}|\d{2})(?: (\d{1,2}:\d{2})(:\d{2})?)?$/,
    shape: (m) => ({
      template: `%d${m[0].includes('-') ? '-' : ' '}%b${m[0].includes('-') ? '-' : ' '}${m[2]!.length === 4 ? '%Y' : '%y'}${time(m[3], m[4], undefined)}`,
      kind: 'strptime',
      hasTime: m[3] !== undefined,
      hasSeconds: m[4] !== undefined,
      orderSensitive: false,
    }),
  },
  {
    re: /^\d{14}$/,
    shape: () => ({
      template: '%Y%m%d%H%M%S',
      kind: 'strptime',
      hasTime: true,
      hasSeconds: true,
      orderSensitive: false,
    }),
  },
  {
    re: /^\d{10}$/,
    shape: () => ({
      template: 'epoch-s',
      kind: 'epoch-s',
      hasTime: true,
      hasSeconds: true,
      orderSensitive: false,
    }),
  },
  {
    re: /^\d{13}$/,
    shape: () => ({
      template: 'epoch-ms',
      kind: 'epoch-ms',
      hasTime: true,
      hasSeconds: true,
      orderSensitive: false,
    }),
  },
  {
    re: /^(\d{1,2}:\d{2})(:\d{2})?(\.\d{1,6})?$/,
    shape: (m) => ({
      template: time(m[1], m[2], m[3]).trim(),
      kind: 'strptime',
      hasTime: true,
      hasSeconds: m[2] !== undefined,
      orderSensitive: false,
    }),
  },
]

const orderEvidence = (value: string): [boolean, boolean] => {
  const m = /^(\d{1,2})[-/.](\d{1,2})[-/.]/.exec(value)
  return m === null ? [false, false] : [Number(m[1]) > 12, Number(m[2]) > 12]
}

/** The templates of the patterns a (trimmed) value matches; empty when it reads as no date or time at all. */
export function timeTemplates(value: string): readonly string[] {
  const templates: string[] = []
  for (const p of PATTERNS) {
    const m = p.re.exec(value)
    if (m !== null) templates.push(p.shape(m).template)
  }
  return templates
}

/**
 * The shape most sample values share, or null when none does. A shape is taken when it covers at least 80% of the
 * non-empty values, or at least half of them when every other value reads as no date or time at all: text such as
 * "not a date" competes with no format, while two formats in one column do. Values that do not match are not
 * guessed at: the engine rejects them with their row and the format they should have had.
 */
export function inferTimeShape(values: readonly string[]): TimeShape | null {
  const present = values.map((v) => v.trim()).filter((v) => v !== '')
  if (present.length === 0) return null
  const timeLike = present.filter((v) => timeTemplates(v).length > 0).length
  let best: TimeShape | null = null
  for (const p of PATTERNS) {
    const tally = new Map<string, { shape: ReturnType<Pattern['shape']>; n: number; a: number; b: number }>()
    for (const v of present) {
      const m = p.re.exec(v)
      if (m === null) continue
      const shape = p.shape(m)
      const t = tally.get(shape.template) ?? { shape, n: 0, a: 0, b: 0 }
      const [a, b] = orderEvidence(v)
      tally.set(shape.template, { shape: t.shape, n: t.n + 1, a: t.a + (a ? 1 : 0), b: t.b + (b ? 1 : 0) })
    }
    for (const t of tally.values()) {
      if (t.n < present.length * 0.8 && (t.n < present.length * 0.5 || t.n < timeLike * 0.8)) continue
      const candidate: TimeShape = {
        ...t.shape,
        firstOver12: t.a,
        secondOver12: t.b,
        matched: t.n,
        total: present.length,
      }
      if (best === null || candidate.matched > best.matched) best = candidate
    }
  }
  return best
}

/** The strptime format once the date order is known. */
export const resolveTemplate = (shape: TimeShape, order: DateOrder | null): string =>
  shape.orderSensitive
    ? shape.template
        .replace('{D1}', order === 'mdy' ? '%m' : '%d')
        .replace('{D2}', order === 'mdy' ? '%d' : '%m')
    : shape.template

/** What the evidence says about the order: decided, contradictory (both kinds seen), or open. */
export function orderFromEvidence(
  firstOver12: number,
  secondOver12: number,
): DateOrder | 'mixed' | 'undecided' {
  if (firstOver12 > 0 && secondOver12 > 0) return 'mixed'
  if (firstOver12 > 0) return 'dmy'
  if (secondOver12 > 0) return 'mdy'
  return 'undecided'
}
