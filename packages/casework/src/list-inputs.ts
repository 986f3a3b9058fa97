import { readdir, stat } from 'node:fs/promises'
import { join, resolve } from 'node:path'

/** Files named directly, and every file under named folders (sorted, hidden files skipped), in a stable order. */
export async function listInputs(paths: readonly string[]): Promise<readonly string[]> {
  const out: string[] = []
  const walk = async (p: string): Promise<void> => {
    const s = await stat(p).catch(() => null)
    if (s === null) throw new Error(`${p} does not exist`)
    if (s.isFile()) return void out.push(resolve(p))
    if (!s.isDirectory()) return
    for (const name of (await readdir(p)).sort()) if (!name.startsWith('.')) await walk(join(p, name))
  }
  for (const p of paths) await walk(p)
  return out
}
