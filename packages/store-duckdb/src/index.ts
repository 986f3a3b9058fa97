export { DuckDbCaseStore, type DuckDbStoreOptions } from './duckdb-case-store.js'
