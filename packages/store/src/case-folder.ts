import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { chmod, copyFile, mkdir, readFile, readdir, rename, stat, writeFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import {
  CASE_ID_PATTERN,
  isTimeZoneName,
  timeZoneProblem,
  validateCaseManifest,
  type CaseId,
  type CaseManifest,
} from '@linesight/model'

/** The files of one case: `case.json`, the database, and the preserved originals. */
export interface CaseFolder {
  readonly root: string
  readonly manifest: CaseManifest
  readonly databasePath: string
  readonly originalsDir: string
}

export class CaseFolderError extends Error {
  override readonly name = 'CaseFolderError'
}

const MANIFEST = 'case.json'
const DATABASE = 'case.duckdb'
const ORIGINALS = 'originals'

const folderOf = (root: string, manifest: CaseManifest): CaseFolder => ({
  root,
  manifest,
  databasePath: join(root, DATABASE),
  originalsDir: join(root, ORIGINALS),
})

/** Creates a new case folder; refuses to touch a folder that already holds anything. */
export async function createCaseFolder(
  root: string,
  init: {
    id: string
    name?: string
    createdBy: string
    createdAt: string
    defaultTimeZone?: string
    purpose?: string
  },
): Promise<CaseFolder> {
  if (!CASE_ID_PATTERN.test(init.id))
    throw new CaseFolderError(
      `"${init.id}" is not a valid case id: use letters, digits, "-" and "_" (max 64)`,
    )
  const zone = init.defaultTimeZone ?? 'Europe/London'
  if (!isTimeZoneName(zone)) throw new CaseFolderError(timeZoneProblem(zone))
  const existing = await readdir(root).catch(() => [] as string[])
  if (existing.length > 0) throw new CaseFolderError(`${root} is not empty: choose a new folder for the case`)
  await mkdir(join(root, ORIGINALS), { recursive: true })
  const manifest: CaseManifest = {
    format: 'linesight-case',
    formatVersion: 1,
    id: init.id as CaseId,
    name: init.name ?? init.id,
    createdAt: init.createdAt,
    createdBy: init.createdBy,
    defaultTimeZone: zone,
    ...(init.purpose === undefined ? {} : { purpose: init.purpose }),
  }
  await writeFile(join(root, MANIFEST), JSON.stringify(manifest, null, 2) + '\n', { flag: 'wx' })
  return folderOf(root, manifest)
}

/** Opens an existing case folder, validating `case.json`. */
export async function openCaseFolder(root: string): Promise<CaseFolder> {
  const text = await readFile(join(root, MANIFEST), 'utf8').catch(() => {
    throw new CaseFolderError(
      `${root} is not a Linesight case (no ${MANIFEST}); create one with "linesight case create"`,
    )
  })
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (e) {
    throw new CaseFolderError(`${join(root, MANIFEST)} is not valid JSON: ${(e as Error).message}`, {
      cause: e,
    })
  }
  return folderOf(root, validateCaseManifest(parsed, join(root, MANIFEST)))
}

/** Lists the case folders directly under a directory (folders without `case.json` are skipped). */
export async function listCaseFolders(parent: string): Promise<readonly CaseFolder[]> {
  const names = await readdir(parent).catch(() => [] as string[])
  const cases: CaseFolder[] = []
  for (const name of names.sort()) {
    const root = join(parent, name)
    // An entry removed since the listing (another process's temporary folder) is simply not a case.
    if (!((await stat(root).catch(() => null))?.isDirectory() ?? false)) continue
    try {
      cases.push(await openCaseFolder(root))
    } catch {
      // Not a case folder; the listing shows cases only.
    }
  }
  return cases
}

/** SHA-256 of a file, streamed so any size works. */
export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

/**
 * Copies an original into the case, read-only, named by its hash. The copy is written beside its final name and
 * renamed, so a crash never leaves a half-copied original; a second copy of the same content is a no-op.
 */
export async function preserveOriginal(
  folder: CaseFolder,
  path: string,
  sha256: string,
): Promise<{ storedPath: string; sizeBytes: number }> {
  const dir = join(folder.originalsDir, sha256.slice(0, 16))
  const target = join(dir, basename(path))
  const { size } = await stat(path)
  const already = await stat(target).catch(() => null)
  if (already) return { storedPath: target, sizeBytes: size }
  await mkdir(dir, { recursive: true })
  const partial = `${target}.partial`
  await copyFile(path, partial)
  if ((await sha256File(partial)) !== sha256)
    throw new CaseFolderError(`${path} changed while it was being copied`)
  await chmod(partial, 0o444)
  await rename(partial, target)
  return { storedPath: target, sizeBytes: size }
}
