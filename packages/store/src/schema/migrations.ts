import type { Migration } from './migration.js'
import { v001 } from './v001.js'
import { v002 } from './v002.js'
import { v003 } from './v003.js'
import { v004 } from './v004.js'
import { v005 } from './v005.js'
import { v006 } from './v006.js'

/** Every schema version in order. A case opened by a newer release is migrated up; never edit a shipped version. */
export const MIGRATIONS: readonly Migration[] = Object.freeze([v001, v002, v003, v004, v005, v006])

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length
