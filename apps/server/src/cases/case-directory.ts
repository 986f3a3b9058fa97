import { stat } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { createCase, openCase, type CaseSession } from '@linesight/casework'
import { listCaseFolders, openCaseFolder, type CaseFolder } from '@linesight/store'
import { HttpError } from '../http/errors.js'

/**
 * The cases the server offers: every case folder directly under the configured folders (or a configured folder
 * that is itself a case). Each case is opened once and kept open (DuckDB allows one writer per file); its store
 * serialises work, so requests on one case queue rather than interleave.
 */
export class CaseDirectory {
  readonly #dirs: readonly string[]
  readonly #sessions = new Map<string, Promise<CaseSession>>()
  readonly #busy = new Set<string>()

  constructor(dirs: readonly string[]) {
    this.#dirs = dirs.map((d) => resolve(d))
  }

  get dirs(): readonly string[] {
    return this.#dirs
  }

  async list(): Promise<readonly CaseFolder[]> {
    const out: CaseFolder[] = []
    const seen = new Set<string>()
    for (const dir of this.#dirs) {
      const own = await stat(join(dir, 'case.json')).catch(() => null)
      const folders = own ? [await openCaseFolder(dir)] : await listCaseFolders(dir)
      for (const f of folders)
        if (!seen.has(f.manifest.id)) {
          seen.add(f.manifest.id)
          out.push(f)
        }
    }
    return out
  }

  async folder(id: string): Promise<CaseFolder> {
    const found = (await this.list()).find((f) => f.manifest.id === id)
    if (found === undefined) throw new HttpError(404, `no case "${id}" here`, 'id')
    return found
  }

  /** The open session of a case, opening it on first use. */
  session(id: string): Promise<CaseSession> {
    let s = this.#sessions.get(id)
    if (s === undefined) {
      s = this.folder(id).then((f) => openCase(f.root))
      this.#sessions.set(id, s)
      s.catch(() => this.#sessions.delete(id))
    }
    return s
  }

  /** Creates a case in the first configured folder and keeps it open. */
  async create(init: {
    id: string
    name?: string
    defaultTimeZone?: string
    purpose?: string
  }): Promise<CaseFolder> {
    if ((await this.list()).some((f) => f.manifest.id === init.id))
      throw new HttpError(409, `a case "${init.id}" already exists`, 'id')
    const parent = this.#dirs[0]
    if (parent === undefined) throw new HttpError(400, 'no cases folder is configured (set LINESIGHT_CASES)')
    const session = await createCase(join(parent, init.id), { ...init, now: new Date() })
    this.#sessions.set(init.id, Promise.resolve(session))
    return session.folder
  }

  /** Marks a case busy for one long write (an import); a second one is refused rather than queued. */
  async exclusive<T>(id: string, work: () => Promise<T>): Promise<T> {
    if (this.#busy.has(id))
      throw new HttpError(409, `case "${id}" is already importing; wait for it to finish`)
    this.#busy.add(id)
    try {
      return await work()
    } finally {
      this.#busy.delete(id)
    }
  }

  async closeAll(): Promise<void> {
    const sessions = [...this.#sessions.values()]
    this.#sessions.clear()
    for (const s of sessions) await (await s.catch(() => null))?.close()
  }
}
