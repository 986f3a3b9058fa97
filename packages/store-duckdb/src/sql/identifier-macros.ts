import {
  CELL_ID_SEPARATOR_PATTERN,
  CONCATENATED_ECGI_PATTERN,
  IMEI_SEPARATOR_PATTERN,
  MAX_CI,
  MAX_ECI,
  MAX_LAC,
  MCC_MNC,
  NUMBERING_PLANS,
  PHONE_ABSENT_PATTERN,
  PHONE_LETTER_PATTERN,
  SHORT_CODE_DIGITS,
  THREE_DIGIT_MNC_MCCS,
  type NumberingPlan,
} from '@linesight/identifiers'

/** A SQL string literal. DuckDB string literals take backslashes as they are, so regex sources need no escaping. */
const lit = (text: string): string => `'${text.replaceAll("'", "''")}'`
const list = (items: readonly string[]): string => `[${items.map(lit).join(', ')}]`
const macro = (name: string, params: readonly string[], body: string): string =>
  `CREATE OR REPLACE MACRO ${name}(${params.join(', ')}) AS\n${body};`
const indent = (lines: readonly string[], by = '  '): string => lines.map((l) => by + l).join('\n')
/** Text with leading and trailing whitespace (Unicode spaces included) removed, as JavaScript's `trim()`. */
const TRIM = (text: string): string => `regexp_replace(${text}, '^[\\s\\p{Z}]+|[\\s\\p{Z}]+$', '', 'g')`
/**
 * Evaluates `value` once and names it for `body`. Macros expand inline and DuckDB has no LET, so a parameter used
 * ten times in a macro called from another macro copies its argument ten times, and nesting multiplies the copies
 * until binding one query takes minutes. Use it for small bodies only: a lambda whose body is a large CASE ran ten
 * times slower on a million phone numbers than the same CASE written flat.
 */
const bind = (value: string, name: string, body: string): string =>
  `list_transform([${value}], lambda ${name}: ${body})[1]`

// ---------------------------------------------------------------------------------------------------------------
// Phone numbers

/** SQL boolean: is the text expression `nsn` a valid national significant number under `plan`? */
function nsnValid(plan: NumberingPlan, nsn: string): string {
  const checks = [
    // list_contains, not IN: DuckDB plans an IN list as a join, and dozens of joins swamp a million-row query.
    `list_contains([${plan.nationalLengths.join(', ')}], length(${nsn}))`,
    `regexp_full_match(${nsn}, ${lit(plan.nationalPattern)})`,
  ]
  if (plan.fictionalPattern !== undefined)
    checks.push(`NOT regexp_full_match(${nsn}, ${lit(plan.fictionalPattern)})`)
  return `(${checks.join(' AND ')})`
}

/** Plans grouped by calling code, longest code first; countries sharing a code (US, JM) must share a trunk prefix. */
function callingCodes(): readonly { code: string; trunk: string; plans: readonly NumberingPlan[] }[] {
  const groups = new Map<string, NumberingPlan[]>()
  for (const plan of NUMBERING_PLANS)
    groups.set(plan.callingCode, [...(groups.get(plan.callingCode) ?? []), plan])
  return [...groups.entries()]
    .sort(([a], [b]) => b.length - a.length || a.localeCompare(b))
    .map(([code, plans]) => {
      const trunks = new Set(plans.map((p) => p.trunkPrefix))
      if (trunks.size !== 1) {
        throw new Error(
          `Countries sharing calling code +${code} disagree on the trunk prefix: ${[...trunks].join(', ')}`,
        )
      }
      return { code, trunk: plans[0]?.trunkPrefix ?? '', plans }
    })
}

/**
 * `ls_phone_intl(d)`: digits after `+` or an international prefix → E.164 or NULL. A known calling code's NSN must
 * be valid under one of its plans (a stray trunk prefix after the code, `+44 07911…`, is dropped, as libphonenumber
 * does); an unknown code is accepted on shape alone (7 to 15 digits, not starting 0).
 */
function phoneInternationalMacro(): string {
  const branches = callingCodes().map(({ code, trunk, plans }) => {
    const after = `substr(d, ${code.length + 1})`
    const anyValid = (nsn: string): string => `(${plans.map((p) => nsnValid(p, nsn)).join(' OR ')})`
    const lines = [`WHEN starts_with(d, ${lit(code)}) THEN CASE`, `  WHEN ${anyValid(after)} THEN '+' || d`]
    if (trunk !== '') {
      const stripped = `substr(d, ${code.length + trunk.length + 1})`
      lines.push(
        `  WHEN starts_with(${after}, ${lit(trunk)}) AND ${anyValid(stripped)} THEN ${lit(`+${code}`)} || ${stripped}`,
      )
    }
    lines.push('END')
    return lines
  })
  return macro(
    'ls_phone_intl',
    ['d'],
    [
      'CASE',
      indent(branches.flat()),
      `  WHEN regexp_full_match(d, '[1-9][0-9]{6,14}') THEN '+' || d`,
      'END',
    ].join('\n'),
  )
}

/** A CASE over the country column choosing one SQL expression per numbering plan. */
const byCountry = (value: (plan: NumberingPlan) => string): string =>
  `CASE country ${NUMBERING_PLANS.map((p) => `WHEN ${lit(p.country)} THEN ${value(p)}`).join(' ')} END`

/** `ls_phone_national(c, country)`: a bare NSN or trunk prefix + NSN → E.164, or NULL. */
function phoneNationalMacro(): string {
  return macro(
    'ls_phone_national',
    ['c', 'country'],
    byCountry((plan) => {
      const cc = lit(`+${plan.callingCode}`)
      const whens = [`WHEN ${nsnValid(plan, 'c')} THEN ${cc} || c`]
      if (plan.trunkPrefix !== '') {
        const stripped = `substr(c, ${plan.trunkPrefix.length + 1})`
        whens.push(
          `WHEN starts_with(c, ${lit(plan.trunkPrefix)}) AND ${nsnValid(plan, stripped)} THEN ${cc} || ${stripped}`,
        )
      }
      return `CASE ${whens.join(' ')} END`
    }),
  )
}

const knownCountries = (): string => list(NUMBERING_PLANS.map((p) => p.country))

/** SQL that raises a clear error for a country the numbering-plan table does not hold. */
const unknownCountryCheck = (fn: string): string =>
  `WHEN country IS NULL OR NOT list_contains(${knownCountries()}, country) THEN error(${lit(`${fn}: no numbering plan for country `)} || coalesce(country, 'NULL') || ${lit(`; known countries: ${NUMBERING_PLANS.map((p) => p.country).join(', ')}`)})`

/**
 * `ls_phone_from_clean(c, country)`: a cleaned value of 7 or more digits → E.164 or NULL, trying in turn `+`, the
 * country's international prefix, a bare NSN, trunk prefix + NSN, and the country's calling code + NSN
 * (`447911123456`), as libphonenumber does with a default country.
 */
function phoneFromCleanMacro(): string {
  return macro(
    'ls_phone_from_clean',
    ['c', 'country'],
    [
      'CASE',
      `  ${unknownCountryCheck('ls_phone')}`,
      "  WHEN starts_with(c, '+') THEN ls_phone_intl(substr(c, 2))",
      '  WHEN starts_with(c, ls_plan_idd(country)) THEN ls_phone_intl(substr(c, length(ls_plan_idd(country)) + 1))',
      '  ELSE coalesce(ls_phone_national(c, country), CASE WHEN starts_with(c, ls_plan_cc(country)) THEN ls_phone_intl(c) END)',
      'END',
    ].join('\n'),
  )
}

/** normalisePhone's rules that need no numbering plan, in its order, as CASE branches. */
const cheapKindWhens = [
  "WHEN raw IS NULL THEN 'absent'",
  `WHEN regexp_matches(raw, ${lit(PHONE_LETTER_PATTERN)}) THEN 'alphanumeric'`,
  `WHEN regexp_matches(raw, ${lit(PHONE_ABSENT_PATTERN)}) THEN 'absent'`,
  // One regex counting the digits, rather than stripping the rest and measuring: no string is built.
  `WHEN regexp_full_match(raw, '[^0-9]*(?:[0-9][^0-9]*){${SHORT_CODE_DIGITS.min},${SHORT_CODE_DIGITS.max}}') THEN 'short-code'`,
]

/**
 * A cleaned value that only the numbering plan can judge: digits, perhaps after `+`, more than a short code has.
 * Letters, placeholders and short codes can never look like this, so the cheap rules need not run first, and
 * `ls_phone_clean(raw)` sits in the first WHEN, the one place DuckDB's common-subexpression pass looks inside a
 * CASE: it then cleans each value once instead of once per use in the branches below.
 */
const parseable = `regexp_full_match(ls_phone_clean(raw), '[+]?[0-9]{${SHORT_CODE_DIGITS.max + 1},}')`

// Written flat, without `bind`: see `bind` and `parseable`.
function phoneMacros(): readonly string[] {
  return [
    // Spaces, dashes, dots, slashes and brackets go, and so does the "(0)" of "+44 (0)7911 123456".
    macro('ls_phone_clean', ['raw'], `regexp_replace(replace(raw, '(0)', ''), '[-\\s\\p{Z}.()/]', '', 'g')`),
    macro(
      'ls_plan_idd',
      ['country'],
      byCountry((p) => lit(p.internationalPrefix)),
    ),
    macro(
      'ls_plan_cc',
      ['country'],
      byCountry((p) => lit(p.callingCode)),
    ),
    phoneInternationalMacro(),
    phoneNationalMacro(),
    phoneFromCleanMacro(),
    macro(
      'ls_phone_e164',
      ['raw', 'country'],
      [
        'CASE',
        `  WHEN ${parseable} THEN ls_phone_from_clean(ls_phone_clean(raw), country)`,
        `  ${unknownCountryCheck('ls_phone_e164')}`,
        'END',
      ].join('\n'),
    ),
    macro(
      'ls_phone_kind',
      ['raw', 'country'],
      [
        'CASE',
        `  WHEN ${parseable} THEN CASE WHEN ls_phone_from_clean(ls_phone_clean(raw), country) IS NULL THEN 'invalid' ELSE 'e164' END`,
        `  ${unknownCountryCheck('ls_phone_kind')}`,
        ...cheapKindWhens.map((w) => `  ${w}`),
        "  ELSE 'invalid'",
        'END',
      ].join('\n'),
    ),
  ]
}

// ---------------------------------------------------------------------------------------------------------------
// Cell identifiers

function cellMacros(): readonly string[] {
  const plmnKeys = list(MCC_MNC.map((e) => `${e.mcc}-${e.mnc}`))
  return [
    // A decimal or 0x-hex part as canonical decimal text, or NULL when malformed or above `maxv`.
    macro(
      'ls_cgi_num',
      ['t', 'maxv'],
      [
        'CASE',
        "  WHEN regexp_full_match(t, '[0-9]{1,20}|0[xX][0-9a-fA-F]{1,16}') AND TRY_CAST(t AS UBIGINT) <= maxv",
        '  THEN CAST(TRY_CAST(t AS UBIGINT) AS VARCHAR)',
        'END',
      ].join('\n'),
    ),
    macro(
      'ls_cgi_build',
      ['mcc', 'mnc', 'lac_text', 'ci_text'],
      [
        "CASE WHEN regexp_full_match(mcc, '[0-9]{3}') AND regexp_full_match(mnc, '[0-9]{2,3}')",
        `  AND ls_cgi_num(ci_text, ${MAX_CI}) IS NOT NULL`,
        `  AND (lac_text IS NULL OR ls_cgi_num(lac_text, ${MAX_LAC}) IS NOT NULL)`,
        `THEN {'mcc': mcc, 'mnc': mnc, 'lac': ls_cgi_num(lac_text, ${MAX_LAC}), 'ci': ls_cgi_num(ci_text, ${MAX_CI})}`,
        'END',
      ].join('\n'),
    ),
    // As mncLength in @linesight/identifiers: a listed 3-digit network, a listed 2-digit one, then the MCC's habit.
    macro(
      'ls_mnc_length',
      ['mcc', 'after'],
      [
        'CASE',
        `  WHEN length(after) >= 3 AND list_contains(${plmnKeys}, mcc || '-' || substr(after, 1, 3)) THEN 3`,
        `  WHEN list_contains(${plmnKeys}, mcc || '-' || substr(after, 1, 2)) THEN 2`,
        `  WHEN list_contains(${list(THREE_DIGIT_MNC_MCCS)}, mcc) THEN 3`,
        '  ELSE 2',
        'END',
      ].join('\n'),
    ),
    // Does a concatenated ECGI body read as MCC + `len`-digit MNC + a 7-8 hex digit ECI of at most 28 bits?
    macro(
      'ls_ecgi_fits',
      ['body', 'len'],
      [
        "regexp_full_match(substr(body, 4, len), '[0-9]+')",
        "  AND regexp_full_match(substr(body, 4 + len), '[0-9a-fA-F]{7,8}')",
        `  AND TRY_CAST('0x' || substr(body, 4 + len) AS UBIGINT) <= ${MAX_ECI}`,
      ].join('\n'),
    ),
    macro(
      'ls_ecgi_mnc_length',
      ['body'],
      [
        'CASE',
        '  WHEN ls_ecgi_fits(body, 2) AND ls_ecgi_fits(body, 3) THEN ls_mnc_length(substr(body, 1, 3), substr(body, 4))',
        '  WHEN ls_ecgi_fits(body, 2) THEN 2',
        '  WHEN ls_ecgi_fits(body, 3) THEN 3',
        'END',
      ].join('\n'),
    ),
    macro(
      'ls_ecgi_concat',
      ['body'],
      bind(
        'ls_ecgi_mnc_length(body)',
        'ls_n',
        "ls_cgi_build(substr(body, 1, 3), substr(body, 4, ls_n), NULL, '0x' || substr(body, 4 + ls_n))",
      ),
    ),
    macro(
      'ls_cgi_from_parts',
      ['parts'],
      [
        'CASE len(parts)',
        '  WHEN 4 THEN ls_cgi_build(parts[1], parts[2], parts[3], parts[4])',
        '  WHEN 3 THEN ls_cgi_build(parts[1], parts[2], NULL, parts[3])',
        `  WHEN 1 THEN ${bind(`nullif(regexp_extract(parts[1], ${lit(CONCATENATED_ECGI_PATTERN)}, 1), '')`, 'ls_b', 'ls_ecgi_concat(ls_b)')}`,
        'END',
      ].join('\n'),
    ),
    // The parsed cell id as a struct {mcc, mnc, lac, ci}, matching parseCellId without hints.
    macro(
      'ls_cgi',
      ['raw'],
      bind(
        `string_split_regex(${TRIM('raw')}, ${lit(CELL_ID_SEPARATOR_PATTERN)})`,
        'ls_p',
        'ls_cgi_from_parts(ls_p)',
      ),
    ),
    macro('ls_cgi_mcc', ['raw'], 'ls_cgi(raw).mcc'),
    macro('ls_cgi_mnc', ['raw'], 'ls_cgi(raw).mnc'),
    // NULL both for an unparseable value and for an ECGI without a LAC: check ls_cgi_mcc to tell them apart.
    macro('ls_cgi_lac', ['raw'], 'ls_cgi(raw).lac'),
    macro('ls_cgi_ci', ['raw'], 'ls_cgi(raw).ci'),
  ]
}

// ---------------------------------------------------------------------------------------------------------------
// IMEI and durations

function imeiMacros(): readonly string[] {
  const digit = '(ascii(substr(core, i + 1, 1)) - 48)'
  return [
    macro('ls_imei_digits', ['raw'], `regexp_replace(raw, ${lit(IMEI_SEPARATOR_PATTERN)}, '', 'g')`),
    // Luhn over the 14-digit core: every second digit doubled, digits of the product summed.
    macro(
      'ls_imei_check_digit',
      ['core'],
      `CAST((10 - list_sum([CASE WHEN i % 2 = 1 THEN ${digit} * 2 - CASE WHEN ${digit} > 4 THEN 9 ELSE 0 END ELSE ${digit} END FOR i IN range(14)]) % 10) % 10 AS VARCHAR)`,
    ),
    macro(
      'ls_imei14',
      ['raw'],
      bind(
        'ls_imei_digits(raw)',
        'ls_i',
        [
          'CASE',
          "  WHEN NOT regexp_full_match(ls_i, '[0-9]{14,16}') THEN NULL",
          "  WHEN length(ls_i) = 15 AND substr(ls_i, 15) <> '0' AND substr(ls_i, 15) <> ls_imei_check_digit(substr(ls_i, 1, 14)) THEN NULL",
          '  ELSE substr(ls_i, 1, 14)',
          'END',
        ].join('\n'),
      ),
    ),
  ]
}

function durationMacros(): readonly string[] {
  const part = (n: number): string => `CAST(split_part(ls_t, ':', ${n}) AS INTEGER)`
  return [
    macro(
      'ls_hms_seconds',
      ['raw'],
      bind(
        TRIM('raw'),
        'ls_t',
        [
          'CASE',
          "  WHEN regexp_full_match(ls_t, '[0-9]{1,9}') THEN CAST(ls_t AS INTEGER)",
          `  WHEN regexp_full_match(ls_t, '[0-9]{1,5}:[0-5][0-9]') THEN ${part(1)} * 60 + ${part(2)}`,
          `  WHEN regexp_full_match(ls_t, '[0-9]{1,5}:[0-5][0-9]:[0-5][0-9]') THEN ${part(1)} * 3600 + ${part(2)} * 60 + ${part(3)}`,
          'END',
        ].join('\n'),
      ),
    ),
  ]
}

/**
 * DuckDB macros that normalise identifiers in bulk, the SQL twins of `@linesight/identifiers`, generated from the
 * same numbering-plan and MCC/MNC tables so the two cannot drift apart silently. DuckDB 1.5, no extensions.
 *
 * - `ls_phone_e164(raw, country)` → E.164 text or NULL; `ls_phone_kind(raw, country)` → a `NumberKind`. The
 *   cheap rules are normalisePhone's; validity is the plan's NSN lengths and leading digits rather than
 *   libphonenumber's full ranges, so the SQL is a little more lenient: it may give an E.164 for a number
 *   libphonenumber calls invalid (an unallocated area code), and for calling codes outside the table it accepts
 *   any 7-15 digits. For every number libphonenumber calls valid it gives the same E.164 (see the tests'
 *   corpus). An unknown country raises an error, as normalisePhone throws.
 * - `ls_cgi_mcc/mnc/lac/ci(raw)` → parts as text, as parseCellId gives them without hints; `ls_cgi(raw)` → the struct.
 * - `ls_imei14(raw)` → the 14-digit IMEI core, as imeiCore.
 * - `ls_hms_seconds(raw)` → INTEGER seconds from `hh:mm:ss`, `h:mm:ss`, `mm:ss` or plain seconds; NULL otherwise.
 *
 * Macros expand inline and repeat their arguments, so pass a column rather than a long expression. Phone numbers
 * run at about a million a second per macro; cell ids are slower, so normalise their distinct values and join back.
 *
 * @example
 * await connection.run(identifierMacrosSql())
 * await connection.runAndReadAll("select ls_phone_e164('07911 123456', 'GB')") // '+447911123456'
 */
export function identifierMacrosSql(): string {
  return [...phoneMacros(), ...cellMacros(), ...imeiMacros(), ...durationMacros()].join('\n\n') + '\n'
}
