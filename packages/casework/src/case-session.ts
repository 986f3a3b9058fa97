import { userInfo } from 'node:os'
import { DuckDbCaseStore } from '@linesight/store-duckdb'
import { createCaseFolder, openCaseFolder, type CaseFolder, type CaseStore } from '@linesight/store'
import { SOFTWARE_VERSION } from './version.js'

/** An open case: its folder and its store. Close it when done so the database file is released. */
export interface CaseSession {
  readonly folder: CaseFolder
  readonly store: CaseStore
  readonly actor: string
  close(): Promise<void>
}

/** Who is acting, for the audit log: `LINESIGHT_ANALYST`, else the operating-system user. */
export const currentActor = (): string => process.env['LINESIGHT_ANALYST'] ?? userInfo().username

export async function openCase(root: string): Promise<CaseSession> {
  const folder = await openCaseFolder(root)
  const store = await DuckDbCaseStore.open(folder.databasePath)
  const actor = currentActor()
  return { folder, store, actor, close: () => store.close() }
}

export async function createCase(
  root: string,
  init: { id: string; name?: string; defaultTimeZone?: string; purpose?: string; now: Date },
): Promise<CaseSession> {
  const actor = currentActor()
  const folder = await createCaseFolder(root, {
    id: init.id,
    createdBy: actor,
    createdAt: init.now.toISOString(),
    ...(init.name === undefined ? {} : { name: init.name }),
    ...(init.defaultTimeZone === undefined ? {} : { defaultTimeZone: init.defaultTimeZone }),
    ...(init.purpose === undefined ? {} : { purpose: init.purpose }),
  })
  const store = await DuckDbCaseStore.open(folder.databasePath)
  await store.appendAudit({
    logged_at: init.now.toISOString(),
    actor,
    action: 'case.create',
    details_json: JSON.stringify({
      id: folder.manifest.id,
      name: folder.manifest.name,
      defaultTimeZone: folder.manifest.defaultTimeZone,
    }),
    software_version: SOFTWARE_VERSION,
  })
  return { folder, store, actor, close: () => store.close() }
}
