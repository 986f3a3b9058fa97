import {
  getCountryCallingCode,
  isSupportedCountry,
  Metadata,
  parsePhoneNumberFromString,
} from 'libphonenumber-js/max'
import examples from 'libphonenumber-js/mobile/examples'
import { describe, expect, it } from 'vitest'
import { NUMBERING_PLANS, numberingPlan, type NumberingPlan } from './numbering-plans.js'

// libphonenumber's per-country accessors are internal and untyped in its .d.ts; these are the ones we compare with.
interface LibNumberingPlan {
  nationalPrefix(): string | number | undefined
  IDDPrefix(): string
  possibleLengths(): number[]
}

function libPlan(country: string): LibNumberingPlan {
  if (!isSupportedCountry(country)) throw new Error(`libphonenumber does not know ${country}`)
  const metadata = new Metadata()
  metadata.selectNumberingPlan(country)
  return metadata.numberingPlan as unknown as LibNumberingPlan
}

const whole = (source: string): RegExp => new RegExp(`^(?:${source})$`, 'u')

function mobileExample(plan: NumberingPlan): string {
  if (!isSupportedCountry(plan.country)) throw new Error(plan.country)
  return examples[plan.country]
}

describe('NUMBERING_PLANS', () => {
  it('covers the countries the importer needs, once each', () => {
    const countries = NUMBERING_PLANS.map((p) => p.country)
    expect(new Set(countries).size).toBe(countries.length)
    for (const c of ['GB', 'US', 'IN', 'CI', 'IE', 'FR', 'DE', 'ES', 'NL', 'PL', 'RO', 'PK', 'NG', 'JM']) {
      expect(countries).toContain(c)
    }
  })

  describe.each(NUMBERING_PLANS.map((p) => [p.country, p] as const))(
    '%s agrees with libphonenumber',
    (_, plan) => {
      const lib = libPlan(plan.country)

      it('calling code, trunk prefix and international prefix', () => {
        if (!isSupportedCountry(plan.country)) throw new Error(plan.country)
        expect(plan.callingCode).toBe(getCountryCallingCode(plan.country))
        // libphonenumber's minified metadata writes "no trunk prefix" as 0 or leaves it out.
        const trunk = lib.nationalPrefix()
        expect(plan.trunkPrefix).toBe(typeof trunk === 'string' ? trunk : '')
        expect(plan.internationalPrefix).toBe(lib.IDDPrefix())
      })

      it('national lengths', () => {
        expect([...plan.nationalLengths]).toEqual(lib.possibleLengths())
      })

      it('patterns accept the example mobile number, which libphonenumber calls a valid mobile', () => {
        const nsn = mobileExample(plan)
        // NANP numbers do not tell mobiles from landlines.
        expect(['MOBILE', 'FIXED_LINE_OR_MOBILE']).toContain(
          parsePhoneNumberFromString(`+${plan.callingCode}${nsn}`)?.getType(),
        )
        expect(nsn).toMatch(whole(plan.nationalPattern))
        if (plan.mobilePattern !== undefined) expect(nsn).toMatch(whole(plan.mobilePattern))
        expect(plan.nationalLengths).toContain(nsn.length)
      })
    },
  )

  // The SQL twin reads a number as national when the national pattern matches, so a calling-code-prefixed number
  // must not match it. Germany has real area codes starting 49 (04921 Emden), so there it cannot be kept apart.
  it.each(NUMBERING_PLANS.filter((p) => p.country !== 'DE').map((p) => [p.country, p] as const))(
    '%s: the calling-code-prefixed example does not pass as a national number',
    (_, plan) => {
      expect(`${plan.callingCode}${mobileExample(plan)}`).not.toMatch(whole(plan.nationalPattern))
    },
  )

  it('GB drama ranges are fictional, and libphonenumber agrees they are invalid', () => {
    const gb = numberingPlan('GB')
    for (const nsn of ['7700900123', '7700900999', '1632960000']) {
      expect(nsn).toMatch(whole(gb.fictionalPattern ?? '$^'))
      expect(parsePhoneNumberFromString(`+44${nsn}`)?.isValid()).toBe(false)
    }
    expect('7911123456').not.toMatch(whole(gb.fictionalPattern ?? '$^'))
  })

  it('is frozen', () => {
    expect(Object.isFrozen(NUMBERING_PLANS)).toBe(true)
    expect(Object.isFrozen(numberingPlan('GB').nationalLengths)).toBe(true)
  })
})

describe('numberingPlan', () => {
  it('finds a plan by ISO code', () => {
    expect(numberingPlan('GB')).toMatchObject({
      callingCode: '44',
      trunkPrefix: '0',
      internationalPrefix: '00',
    })
    expect(numberingPlan('US')).toMatchObject({
      callingCode: '1',
      trunkPrefix: '1',
      internationalPrefix: '011',
    })
    expect(numberingPlan('CI')).toMatchObject({ callingCode: '225', trunkPrefix: '', nationalLengths: [10] })
  })

  it('names the unknown country and the known ones', () => {
    expect(() => numberingPlan('UK')).toThrow(/"UK".*GB, US/)
  })
})
