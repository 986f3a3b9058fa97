import airtel from './airtel-in/1/profile.json' with { type: 'json' }
import canonicalCdr from './canonical-cdr/1/profile.json' with { type: 'json' }
import canonicalCells from './canonical-cells/1/profile.json' with { type: 'json' }
import canonicalSubscribers from './canonical-subscribers/1/profile.json' with { type: 'json' }
import minimal from './minimal-cdr/1/profile.json' with { type: 'json' }
import opencellid from './opencellid/1/profile.json' with { type: 'json' }
import orangeD4d from './orange-d4d/1/profile.json' with { type: 'json' }
import tmobile from './tmobile-us/170711/profile.json' with { type: 'json' }
import verizon from './verizon-v1/1/profile.json' with { type: 'json' }
import { validateProfile, type Profile } from './profile.js'

/** Every shipped profile, validated at load so a typo in a profile file fails at once with its path. */
export const PROFILES: readonly Profile[] = Object.freeze(
  (
    [
      ['canonical-cdr/1', canonicalCdr],
      ['canonical-cells/1', canonicalCells],
      ['canonical-subscribers/1', canonicalSubscribers],
      ['tmobile-us/170711', tmobile],
      ['verizon-v1/1', verizon],
      ['airtel-in/1', airtel],
      ['orange-d4d/1', orangeD4d],
      ['opencellid/1', opencellid],
      ['minimal-cdr/1', minimal],
    ] as const
  ).map(([path, json]) => validateProfile(json, `profile(${path})`)),
)

/** The profile used when no shipped layout matches: roles come from the shared header dictionary. */
export const DETECTED_PROFILE: Profile = Object.freeze({
  id: 'detected',
  version: '1',
  title: 'Layout detected from header names and values',
  kind: 'cdr',
})
