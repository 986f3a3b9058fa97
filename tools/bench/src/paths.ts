import { access } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url))
/** Generated files, imported cases and results; git-ignored, kept between runs so a second run skips the builds. */
export const BENCH_DIR = join(REPO_ROOT, '.bench')

export const exists = (path: string): Promise<boolean> =>
  access(path).then(
    () => true,
    () => false,
  )
