export * from './query-spec.js'
export * from './port.js'
export * from './case-folder.js'
export * from './schema/migration.js'
export * from './schema/migrations.js'
export { TARGET_SUMMARY_SELECT } from './schema/v003.js'
export { PAIR_SUMMARY_SELECT } from './schema/v004.js'
export {
  matchingCtes,
  pairCopiesSql,
  STORED_PAIRING_TOLERANCE_SECONDS,
  updatePairCopiesSql,
} from './schema/pairing.sql.js'
